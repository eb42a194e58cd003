package reports

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/queries"
)

// englandLAs is how many local authorities England has (153 since April 2023):
// a store holding the DfE's figures for (nearly) all of them holds the national file.
const englandLAs = 153

// nationalFrom is how many LAs' figures make a national figure: the national
// file, less the few whose figures the DfE suppresses or merges.
const nationalFrom = 150

// needFinding is what the Summary says of one need in the LA's year.
type needFinding struct {
	Need       string
	Pupils     *float64 // pupils whose primary need it is (DfE); nil: no figure
	Places     float64  // specialist places for it
	Per100     *float64 // places per 100 pupils with the need
	PrevYear   string   // the previous year held with a figure for pupils
	PrevPupils *float64
	Rank       int // 1 = fewest places per 100 pupils among the LAs ranked; 0: not ranked
	Ranked     int // LAs with a figure for the need this year
	Tied       int // other LAs with the same figure (a joint rank)
	Services   *float64
	Stating    *float64
}

// needFigures are the LA's findings per need, with what the ranks are among.
type needFigures struct {
	Year     string
	Needs    []needFinding
	LAsHeld  int                // LAs whose DfE figures for pupils by need the store holds this year
	National map[string]float64 // England's places per 100 pupils per need; nil unless the store holds the national file
}

// loadNeedFigures reads coverage_gaps for every LA this year (for ranks and a
// national figure) and for this LA every year (for the change).
func loadNeedFigures(ctx context.Context, store *queries.Store, opt CommissioningOptions, laYears []map[string]any) (needFigures, error) {
	nf := needFigures{Year: opt.Year}
	a, _ := queries.Lookup("coverage_gaps")
	rows, err := store.Run(ctx, a, queries.Params{Year: opt.Year})
	if err != nil {
		return nf, err
	}
	all, err := rowsAsMaps(rows)
	if err != nil {
		return nf, err
	}
	held := map[string]bool{}
	ranked := map[string]int{}
	same := map[string]int{} // need and figure -> LAs with it
	rank := map[string]int{} // la_code|need -> gap_rank among every LA held
	pupilsAll, placesAll := map[string]float64{}, map[string]float64{}
	for _, m := range all {
		if str(m["level"]) != "la" {
			continue
		}
		need := str(m["need_type"])
		if p, ok := num(m["pupils_with_need"]); ok {
			held[str(m["la_code"])] = true
			pupilsAll[need] += p
			pl, _ := num(m["specialist_places"])
			placesAll[need] += pl
		}
		if p, ok := num(m["places_per_100_pupils"]); ok {
			ranked[need]++
			same[need+"|"+figure(p)]++
		}
		if r, ok := num(m["gap_rank"]); ok {
			rank[str(m["la_code"])+"|"+need] = int(r)
		}
	}
	nf.LAsHeld = len(held)
	if nf.LAsHeld >= nationalFrom {
		nf.National = map[string]float64{}
		for need, p := range pupilsAll {
			if p > 0 {
				nf.National[need] = math.Round(1000*placesAll[need]/p) / 10
			}
		}
	}
	// This LA, every year: this year's row and the previous year's pupils.
	byNeed := map[string]*needFinding{}
	var order []string
	for _, m := range laYears {
		if str(m["level"]) != "la" || str(m["academic_year"]) != opt.Year {
			continue
		}
		need := str(m["need_type"])
		f := &needFinding{Need: need, Ranked: ranked[need]}
		if p, ok := num(m["pupils_with_need"]); ok {
			f.Pupils = &p
		}
		f.Places, _ = num(m["specialist_places"])
		if p, ok := num(m["places_per_100_pupils"]); ok {
			f.Per100 = &p
			f.Tied = same[need+"|"+figure(p)] - 1
		}
		f.Rank = rank[str(m["la_code"])+"|"+need]
		if s, ok := num(m["local_offer_services"]); ok {
			f.Services = &s
		}
		if s, ok := num(m["schools_stating_provision"]); ok {
			f.Stating = &s
		}
		byNeed[need] = f
		order = append(order, need)
	}
	for _, m := range laYears {
		f := byNeed[str(m["need_type"])]
		y := str(m["academic_year"])
		if f == nil || str(m["level"]) != "la" || y >= opt.Year || y < f.PrevYear {
			continue
		}
		if p, ok := num(m["pupils_with_need"]); ok {
			f.PrevYear, f.PrevPupils = y, &p
		}
	}
	// Autism and SEMH first, then the needs with most pupils.
	sort.SliceStable(order, func(i, j int) bool {
		a, b := byNeed[order[i]], byNeed[order[j]]
		if pa, pb := needPriority(a.Need), needPriority(b.Need); pa != pb {
			return pa < pb
		}
		if (a.Pupils == nil) != (b.Pupils == nil) {
			return a.Pupils != nil
		}
		if a.Pupils != nil && *a.Pupils != *b.Pupils {
			return *a.Pupils > *b.Pupils
		}
		return a.Need < b.Need
	})
	for _, n := range order {
		nf.Needs = append(nf.Needs, *byNeed[n])
	}
	return nf, nil
}

func needPriority(need string) int {
	switch need {
	case "ASD":
		return 0
	case "SEMH":
		return 1
	}
	return 2
}

// num reads a number from a database value.
func num(v any) (float64, bool) {
	switch x := orBlank(v).(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int:
		return float64(x), true
	case int8:
		return float64(x), true
	case int16:
		return float64(x), true
	case int32:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint8:
		return float64(x), true
	case uint16:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint64:
		return float64(x), true
	}
	return 0, false
}

// figure writes a count or a rate as people read it: 151, 55.6, 0.
func figure(x float64) string {
	if x == math.Trunc(x) {
		return fmt.Sprintf("%.0f", x)
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.1f", x), "0"), ".")
}

// rankScope says what a rank is among: every LA in England when the store holds
// the DfE's national file, else the LAs it holds.
func (nf needFigures) rankScope(ranked int) string {
	if nf.National != nil {
		return fmt.Sprintf("of %d LAs in England", ranked)
	}
	return fmt.Sprintf("of %d LAs held", ranked)
}

// sentence says the finding for one need in words: "SEMH: 151 pupils with the
// need, 0 specialist places (0 per 100 pupils), up from 139 in 2024/25."
func (nf needFigures) sentence(f needFinding) string {
	var b strings.Builder
	b.WriteString(needLabel(f.Need) + ": ")
	if f.Pupils == nil {
		fmt.Fprintf(&b, "no DfE figure for pupils with the need; %s specialist places", figure(f.Places))
	} else {
		fmt.Fprintf(&b, "%s pupils with the need, %s specialist places", figure(*f.Pupils), figure(f.Places))
		if f.Per100 != nil {
			fmt.Fprintf(&b, " (%s per 100 pupils)", figure(*f.Per100))
		}
		if f.PrevPupils != nil {
			switch d := *f.Pupils - *f.PrevPupils; {
			case d > 0:
				fmt.Fprintf(&b, ", up from %s in %s", figure(*f.PrevPupils), f.PrevYear)
			case d < 0:
				fmt.Fprintf(&b, ", down from %s in %s", figure(*f.PrevPupils), f.PrevYear)
			default:
				fmt.Fprintf(&b, ", as in %s", f.PrevYear)
			}
			if *f.PrevPupils > 0 && *f.Pupils != *f.PrevPupils {
				fmt.Fprintf(&b, " (%+.0f%%)", 100*(*f.Pupils-*f.PrevPupils)/(*f.PrevPupils))
			}
		} else {
			b.WriteString(", no earlier year held")
		}
	}
	b.WriteString(".")
	if f.Rank > 0 {
		joint := ""
		if f.Tied > 0 {
			joint = fmt.Sprintf(" (joint, with %d other%s)", f.Tied, map[bool]string{true: "s"}[f.Tied > 1])
		}
		fmt.Fprintf(&b, " Rank %d %s for places per 100 pupils%s (1 = fewest).", f.Rank, nf.rankScope(f.Ranked), joint)
	}
	if n, ok := nf.National[f.Need]; ok {
		fmt.Fprintf(&b, " England: %s per 100 pupils.", figure(n))
	}
	if f.Services != nil {
		fmt.Fprintf(&b, " Local Offer services naming it: %s.", figure(*f.Services))
	}
	return b.String()
}

// summary writes what a commissioner reads first: the finding for autism, SEMH
// and each need in sentences and in a table, the crawl in figures, a chart of
// autism and SEMH over the years, and the schools to follow up.
func (w *workbook) summary(res CommissioningResult, opt CommissioningOptions, schools, compliance []map[string]any, nf needFigures, laYears []map[string]any) error {
	f := w.f
	sh := w.sheet("Summary")
	widths := []float64{40, 13, 13, 13, 13, 13, 13, 13, 13, 13}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sh, col, col, wd)
	}
	lastCol := "J"
	fullWidth := 0.0
	for _, wd := range widths {
		fullWidth += wd
	}
	// line writes text across the page, as tall as it wraps.
	line := func(r int, text string, style int) {
		cell := fmt.Sprintf("A%d", r)
		f.SetCellStr(sh, cell, text)
		f.MergeCell(sh, cell, fmt.Sprintf("%s%d", lastCol, r))
		f.SetCellStyle(sh, cell, cell, style)
		if n := wrappedLines(text, fullWidth*0.85); n > 1 { // 11 points, not 10
			f.SetRowHeight(sh, r, float64(n)*14.5+3)
		}
	}
	f.SetCellStr(sh, "A1", fmt.Sprintf("SEND provision in %s, %s", res.LAName, opt.Year))
	f.SetCellStyle(sh, "A1", "A1", w.title)
	f.SetRowHeight(sh, 1, 22)
	line(2, "Pupils with each need: the DfE's SEN statistics (primary need, EHC plan and SEN support) for the LA's schools. Specialist places: "+
		"the register's resourced provision and SEN units, or the places a school's report states, whichever is larger. Reports: what "+
		"schools publish, found by sendscope on "+time.Now().UTC().Format("2 January 2006")+".", w.note)
	r := 4
	line(r, "What the figures say", w.bold)
	r++
	if len(nf.Needs) == 0 {
		line(r, "No figures for pupils by need or specialist places: import the DfE's SEN statistics (sendscope needs import) and the register.", w.sentence)
		r++
	}
	for _, n := range nf.Needs {
		line(r, nf.sentence(n), w.sentence)
		r++
	}
	r++
	scope := fmt.Sprintf("Ranks are among the %d LAs whose DfE figures this store holds, not all %d LAs in England: a national rank needs the DfE's national file (sendscope needs import).", nf.LAsHeld, englandLAs)
	national := fmt.Sprintf("No national figure: the store holds the DfE's figures for %d LA(s) only.", nf.LAsHeld)
	if nf.National != nil {
		scope = fmt.Sprintf("Ranks are among the %d LAs in England whose DfE figures the store holds (the DfE's national file).", nf.LAsHeld)
		national = "England's figures are over every LA the store holds: specialist places per 100 pupils with the need."
	}
	line(r, scope, w.note)
	line(r+1, national, w.note)
	r += 3
	prev := "the previous year"
	for _, n := range nf.Needs {
		if n.PrevYear != "" {
			prev = n.PrevYear
			break
		}
	}
	nt := sheetTable{
		Columns: []string{"Need (census code)", "Pupils with the need, " + opt.Year, "Specialist places", "Places per 100 pupils",
			"Pupils with the need, " + prev, "Change in pupils", "Rank (1 = fewest places per 100)", "LAs ranked", "Local Offer services naming it",
			"Schools whose report names it"},
		Widths: widths, NoFreeze: true,
	}
	if nf.National != nil {
		nt.Columns[7] = "LAs ranked (England)"
	}
	for _, n := range nf.Needs {
		row := []any{needLabel(n.Need), ptr(n.Pupils), n.Places, ptr(n.Per100), nil, nil, nil, nil, ptr(n.Services), ptr(n.Stating)}
		if n.PrevPupils != nil {
			row[4] = *n.PrevPupils
			if n.Pupils != nil {
				row[5] = *n.Pupils - *n.PrevPupils
			}
			if n.PrevYear != prev {
				row[4] = fmt.Sprintf("%s (%s)", figure(*n.PrevPupils), n.PrevYear)
			}
		}
		if n.Rank > 0 {
			row[6], row[7] = n.Rank, n.Ranked
		}
		nt.Rows = append(nt.Rows, row)
	}
	if err := w.put(sh, r, nt); err != nil {
		return err
	}
	r += len(nt.Rows) + 3

	line(r, "The crawl", w.bold)
	r++
	figures := [][]any{
		{"Schools in the year's crawl", res.Schools},
		{"Schools checked (website searched)", res.Checked},
		{"Share of checked schools with a report found", float64(res.ReportsFound) / float64(max(res.Checked, 1))},
		{"Schools with an SEN information report found", res.ReportsFound},
		{"Schools searched, no report found", res.Checked - res.ReportsFound},
		{"Schools not checked (sheet Could not check)", res.CouldNotCheck},
		{"Documents read (SEN reports, policies and pages)", res.Documents},
		{"Facts read from their documents", res.Facts},
	}
	for _, l := range figures {
		f.SetCellStr(sh, fmt.Sprintf("A%d", r), l[0].(string))
		f.SetCellValue(sh, fmt.Sprintf("B%d", r), l[1])
		f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r), w.bold)
		st := w.body
		if _, ok := l[1].(float64); ok {
			st = w.pct
		}
		f.SetCellStyle(sh, fmt.Sprintf("B%d", r), fmt.Sprintf("B%d", r), st)
		r++
	}
	r++
	// The chart starts a page of its own, so it never breaks across two.
	next, err := w.needChart(sh, r, laYears, opt)
	if err != nil {
		return err
	}
	r = next

	// Need types named, most first.
	counts := map[string]int{}
	for _, s := range schools {
		for _, n := range strings.Split(str(s["need_types"]), ";") {
			if n != "" {
				counts[n]++
			}
		}
	}
	var needs []string
	for n := range counts {
		needs = append(needs, n)
	}
	sort.Slice(needs, func(i, j int) bool {
		return counts[needs[i]] > counts[needs[j]] || counts[needs[i]] == counts[needs[j]] && needs[i] < needs[j]
	})
	lists := []sheetTable{{Columns: []string{"Need type named in reports", "Schools"}}}
	for _, n := range needs {
		lists[0].Rows = append(lists[0].Rows, []any{needLabel(n), counts[n]})
	}
	// Schools whose site was searched and holds no report (not those that could
	// not be checked: they are on a sheet of their own).
	missing := sheetTable{Columns: []string{"Schools searched, no report found", "URN"}}
	for _, s := range schools {
		if s["report_found"] == false {
			missing.Rows = append(missing.Rows, []any{str(s["school_name"]), s["urn"]})
		}
	}
	// Schools whose report is last year's again, or states an earlier year.
	stale := sheetTable{Columns: []string{"Schools with a stale report", "URN"}}
	for _, c := range compliance {
		if c["stale"] == true {
			stale.Rows = append(stale.Rows, []any{str(c["school_name"]), c["urn"]})
		}
	}
	for _, t := range append(lists, missing, stale) {
		if len(t.Rows) == 0 {
			t.Rows = [][]any{{"none", nil}}
		}
		w.putPlain(sh, r, t)
		r += len(t.Rows) + 2
	}
	return w.printSetup(sh, true)
}

func ptr(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// putPlain writes a small headed list without making it an Excel table (the
// Summary holds several, and tables may not share a frozen header).
func (w *workbook) putPlain(sheet string, top int, t sheetTable) error {
	for i, c := range t.Columns {
		cell, _ := excelize.CoordinatesToCellName(i+1, top)
		w.f.SetCellStr(sheet, cell, c)
		w.f.SetCellStyle(sheet, cell, cell, w.bold)
	}
	for r, row := range t.Rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, top+1+r)
			if err := w.setCell(sheet, cell, v); err != nil {
				return err
			}
			if _, ok := v.(link); !ok {
				w.f.SetCellStyle(sheet, cell, cell, w.body)
			}
		}
	}
	return nil
}

// needChart charts autism and SEMH need against specialist places over the years
// held, from coverage_gaps, at row r of the sheet after a page break, and notes
// the bars of 0 (which have no height). It returns the first row below.
func (w *workbook) needChart(sh string, r int, laYears []map[string]any, opt CommissioningOptions) (int, error) {
	f := w.f
	data := w.sheet("Chart data")
	heads := []any{"Year", "Pupils with autism (ASD)", "Specialist places for autism (ASD)", "Pupils with SEMH", "Specialist places for SEMH"}
	f.SetSheetRow(data, "A1", &heads)
	f.SetColWidth(data, "A", "A", 10)
	f.SetColWidth(data, "B", "E", 22)
	f.SetCellStyle(data, "A1", "E1", w.header)
	f.SetRowHeight(data, 1, 2*lineHeight+4)
	byYear := map[string][]any{}
	var years []string
	for _, m := range laYears {
		if str(m["level"]) != "la" || str(m["academic_year"]) > opt.Year {
			continue
		}
		y := str(m["academic_year"])
		if byYear[y] == nil {
			byYear[y] = []any{y, nil, nil, nil, nil}
			years = append(years, y)
		}
		switch str(m["need_type"]) {
		case "ASD":
			byYear[y][1], byYear[y][2] = orBlank(m["pupils_with_need"]), orBlank(m["specialist_places"])
		case "SEMH":
			byYear[y][3], byYear[y][4] = orBlank(m["pupils_with_need"]), orBlank(m["specialist_places"])
		}
	}
	if err := w.printSetup(data, false); err != nil {
		return r, err
	}
	if len(years) == 0 {
		return r, nil
	}
	sort.Strings(years)
	zeroYears := make([][]string, len(heads))
	for i, y := range years {
		row := byYear[y]
		f.SetSheetRow(data, fmt.Sprintf("A%d", i+2), &row)
		for c := 1; c < len(row); c++ {
			if v, ok := num(row[c]); ok && v == 0 {
				zeroYears[c] = append(zeroYears[c], y)
			}
		}
	}
	var zeros []string
	for c, ys := range zeroYears {
		if len(ys) > 0 {
			zeros = append(zeros, fmt.Sprintf("%s: 0 in %s", heads[c], strings.Join(ys, " and ")))
		}
	}
	if err := f.InsertPageBreak(sh, fmt.Sprintf("A%d", r)); err != nil {
		return r, err
	}
	f.SetCellStr(sh, fmt.Sprintf("A%d", r), "Autism and SEMH over the years held")
	f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r), w.bold)
	colours := []string{"1F4E79", "8FAADC", "C55A11", "F4B183"}
	var series []excelize.ChartSeries
	for i, col := range []string{"B", "C", "D", "E"} {
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'Chart data'!$%s$1", col),
			Categories: fmt.Sprintf("'Chart data'!$A$2:$A$%d", len(years)+1),
			Values:     fmt.Sprintf("'Chart data'!$%s$2:$%s$%d", col, col, len(years)+1),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colours[i]}},
		})
	}
	if err := f.AddChart(sh, fmt.Sprintf("A%d", r+1), barChart("Autism and SEMH: pupils with the need and specialist places", series, 900, 380)); err != nil {
		return r, err
	}
	r += 1 + 20 // the chart is 380 pixels, 19 rows of 20
	note := "Every bar is labelled with its value."
	if len(zeros) > 0 {
		note = "A bar of 0 has no height, only its label 0. " + strings.Join(zeros, "; ") + "."
	}
	cell := fmt.Sprintf("A%d", r)
	f.SetCellStr(sh, cell, note)
	f.MergeCell(sh, cell, fmt.Sprintf("J%d", r))
	f.SetCellStyle(sh, cell, cell, w.note)
	if n := wrappedLines(note, 150); n > 1 {
		f.SetRowHeight(sh, r, float64(n)*lineHeight+3)
	}
	return r + 2, nil
}

// barChart is a column chart in the house style: dark labels a printed page
// shows, each bar's value on it, the legend below.
func barChart(title string, series []excelize.ChartSeries, width, height uint) *excelize.Chart {
	dark := excelize.Font{Color: "000000", Size: 10, Family: "Arial"}
	for i := range series {
		series[i].DataLabel = excelize.ChartDataLabel{Font: dark}
		series[i].DataLabelPosition = excelize.ChartDataLabelsPositionOutsideEnd
	}
	vary := false
	return &excelize.Chart{
		Type: excelize.Col, Series: series, VaryColors: &vary,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Bold: true, Size: 12, Color: "000000", Family: "Arial"}}}},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &dark},
		XAxis:     excelize.ChartAxis{Font: dark},
		YAxis:     excelize.ChartAxis{Font: dark, MajorGridLines: true},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		Dimension: excelize.ChartDimension{Width: width, Height: height},
	}
}
