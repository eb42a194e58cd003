package reports

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/queries"
)

// CommissioningOptions choose the LA, year and output of the commissioner's workbook.
type CommissioningOptions struct {
	LA     string // LA code or name
	Year   string
	Path   string
	Redact bool // pseudonymise names, e-mails and phones (the workbook shows them by default)
}

// CommissioningResult says what went into the workbook.
type CommissioningResult struct {
	LAName        string
	Schools       int // schools of the LA in the year's crawl, checked or not
	Checked       int // their sites answered and were searched
	ReportsFound  int
	CouldNotCheck int // unreachable, blocked, no website, script-built, not crawled
	Documents     int // the LA's documents of the year, as export --la counts them
	Facts         int
}

// Commissioning writes the commissioner's workbook: a Summary of the LA's year,
// a Schools sheet (one row per school: report found, format, SENCO, needs), an
// Evidence sheet with every fact, the words it came from and a link to the source,
// then the analyses (Gaps as a heat map, SENCO capacity, Compliance, Changes, Local
// Offer coverage, the LA's EHC plans by need and placement), the Method and a Data
// dictionary.
func Commissioning(ctx context.Context, store *queries.Store, opt CommissioningOptions) (CommissioningResult, error) {
	var res CommissioningResult
	ds, _ := queries.Lookup("dataset")
	rows, err := store.Run(ctx, ds, queries.Params{Year: opt.Year, LA: opt.LA})
	if err != nil {
		return res, err
	}
	schools, err := rowsAsMaps(rows)
	if err != nil {
		return res, err
	}
	if len(schools) == 0 {
		return res, fmt.Errorf("no crawled schools in LA %q for %s: run `sendscope crawl --year %s --la %s` first, or check the LA code (sendscope query sql \"SELECT DISTINCT la_code, la_name FROM schools\")",
			opt.LA, opt.Year, opt.Year, opt.LA)
	}
	ft, _ := queries.Lookup("facts")
	rows, err = store.Run(ctx, ft, queries.Params{Year: opt.Year, LA: opt.LA})
	if err != nil {
		return res, err
	}
	facts, err := rowsAsMaps(rows)
	if err != nil {
		return res, err
	}
	var red *Redactor
	if opt.Redact {
		if red, err = storeRedactor(ctx, store); err != nil {
			return res, err
		}
	}
	w, err := newWorkbook(red)
	if err != nil {
		return res, err
	}
	res.LAName = str(schools[0]["la_name"])
	res.Schools = len(schools)
	res.Facts = len(facts)
	if res.Documents, err = store.CountDocuments(ctx, queries.Params{Year: opt.Year, LA: opt.LA}); err != nil {
		return res, err
	}
	names := map[string]string{}
	for _, s := range schools {
		names[str(s["urn"])] = str(s["school_name"])
		switch s["report_found"] {
		case true:
			res.ReportsFound++
			res.Checked++
		case false:
			res.Checked++
		default:
			res.CouldNotCheck++
		}
	}

	if err := w.cover(ctx, store, res, opt); err != nil {
		return res, err
	}
	sc, _ := queries.Lookup("statutory_compliance")
	rows, err = store.Run(ctx, sc, queries.Params{Year: opt.Year, LA: opt.LA})
	if err != nil {
		return res, err
	}
	compliance, err := rowsAsMaps(rows)
	if err != nil {
		return res, err
	}
	if err := w.summary(res, opt, schools, compliance); err != nil {
		return res, err
	}
	if err := w.needChart(ctx, store, opt); err != nil {
		return res, err
	}
	// Schools.
	sh := w.sheet("Schools")
	st := sheetTable{
		Columns: []string{"URN", "School", "Phase", "Outcome", "Why", "Report found", "Format", "Stated year", "Report", "SENCO", "Areas of need", "Need types"},
		Widths:  []float64{10, 38, 12, 16, 18, 13, 9, 11, 40, 26, 40, 30},
	}
	for _, s := range schools {
		var report any
		if u := str(s["report_url"]); u != "" {
			report = link{URL: u, Text: u}
		}
		st.Rows = append(st.Rows, []any{
			s["urn"], str(s["school_name"]), str(s["phase"]), outcomeWords(str(s["outcome"])), str(s["outcome_reason"]),
			reportFound(s), str(s["report_format"]), str(s["stated_year"]),
			report, strings.ReplaceAll(str(s["senco_names"]), ";", "; "), strings.ReplaceAll(str(s["areas_of_need"]), ";", "; "),
			strings.ReplaceAll(str(s["need_types"]), ";", "; "),
		})
	}
	if err := w.put(sh, 1, st); err != nil {
		return res, err
	}
	// Evidence.
	ev := w.sheet("Evidence")
	et := sheetTable{
		Columns: []string{"URN", "School", "Field", "Value", "Evidence (the document's words)", "Source", "Confidence"},
		Widths:  []float64{10, 30, 18, 26, 70, 40, 11},
	}
	for _, f := range facts {
		u := str(f["url"])
		et.Rows = append(et.Rows, []any{f["urn"], names[str(f["urn"])], str(f["field"]), str(f["value"]), str(f["evidence"]),
			link{URL: u, Text: u}, f["confidence"]})
	}
	if err := w.put(ev, 1, et); err != nil {
		return res, err
	}
	if err := w.couldNotCheck(schools, opt); err != nil {
		return res, err
	}
	if err := w.complianceItems(ctx, store, compliance); err != nil {
		return res, err
	}
	if err := w.gapsMap(ctx, store, opt); err != nil {
		return res, err
	}
	// The analyses a commissioner acts on, one sheet each.
	sheets := map[string]string{"Gaps": "coverage_gaps", "SENCO capacity": "senco_capacity", "Compliance": "statutory_compliance",
		"Changes": "changes", "Local Offer": "local_offer_coverage", "Local Offer content": "local_offer_content"}
	heat := map[string]string{"Gaps": "places_per_100_pupils", "SENCO capacity": "sen_pupils_per_senco_hour", "Compliance": "score"}
	for _, sheet := range []string{"Gaps", "SENCO capacity", "Compliance", "Changes", "Local Offer", "Local Offer content"} {
		if _, err := w.analysisSheet(ctx, store, sheet, sheets[sheet], queries.Params{Year: opt.Year, LA: opt.LA}, heat[sheet]); err != nil {
			return res, fmt.Errorf("sheet %s: %w", sheet, err)
		}
	}
	// The LA's EHC plans by need and placement, from the DfE's LA tables: every
	// year imported (the trend), whether or not the crawl saw it.
	sheets["EHC plans"] = "ehcp_trend"
	if _, err := w.analysisSheet(ctx, store, "EHC plans", "ehcp_trend", queries.Params{LA: opt.LA}, ""); err != nil {
		return res, fmt.Errorf("sheet EHC plans: %w", err)
	}
	if err := w.method(); err != nil {
		return res, err
	}
	if err := w.dictionarySheet(sheets); err != nil {
		return res, err
	}
	return res, w.save(opt.Path)
}

// reportFound is yes or no for a school that was checked, and what happened for
// one that was not: never "no" for a school nobody could look at.
func reportFound(s map[string]any) string {
	if v := yesNo(s["report_found"]); v != "" {
		return v
	}
	return "could not check"
}

// outcomeWords is an outcome as a reader says it.
func outcomeWords(o string) string {
	switch o {
	case "found":
		return "found"
	case "not_found":
		return "not found"
	case "blocked_by_robots":
		return "blocked by robots.txt"
	case "needs_javascript":
		return "needs JavaScript"
	}
	return strings.ReplaceAll(o, "_", " ")
}

// couldNotCheck lists the schools whose year has no finding, why, and the command
// that tries them again.
func (w *workbook) couldNotCheck(schools []map[string]any, opt CommissioningOptions) error {
	t := sheetTable{
		Columns: []string{"URN", "School", "Outcome", "Reason", "Error", "Last attempt (UTC)", "Try again with"},
		Widths:  []float64{10, 38, 20, 18, 50, 20, 60},
	}
	for _, s := range schools {
		if s["report_found"] != nil {
			continue
		}
		when := ""
		if t, ok := s["last_attempt_at"].(time.Time); ok {
			when = t.UTC().Format("2006-01-02 15:04")
		}
		t.Rows = append(t.Rows, []any{s["urn"], str(s["school_name"]), outcomeWords(str(s["outcome"])), str(s["outcome_reason"]),
			str(s["outcome_error"]), when, fmt.Sprintf("sendscope crawl --year %s --urn %v", opt.Year, s["urn"])})
	}
	return w.put(w.sheet("Could not check"), 1, t)
}

func yesNo(v any) string {
	switch v {
	case true:
		return "yes"
	case false:
		return "no"
	}
	return ""
}

// summary writes the cover figures and the two lists a commissioner acts on first:
// schools with no report found, and how often each need is named.
func (w *workbook) summary(res CommissioningResult, opt CommissioningOptions, schools, compliance []map[string]any) error {
	f := w.f
	sh := w.sheet("Summary")
	f.SetColWidth(sh, "A", "A", 44)
	f.SetColWidth(sh, "B", "D", 18)
	f.SetCellStr(sh, "A1", fmt.Sprintf("SEND provision in %s, %s", res.LAName, opt.Year))
	f.SetCellStyle(sh, "A1", "A1", w.title)
	f.SetCellStr(sh, "A2", "What schools publish in their SEN information reports, as found by sendscope on "+time.Now().UTC().Format("2 January 2006")+".")
	lines := [][]any{
		{"Schools in the year's crawl", res.Schools},
		{"Schools checked (website searched)", res.Checked},
		{"Share of checked schools with a report found", float64(res.ReportsFound) / float64(max(res.Checked, 1))},
		{"Schools with an SEN information report found", res.ReportsFound},
		{"Schools searched, no report found", res.Checked - res.ReportsFound},
		{"Schools that could not be checked (see the sheet Could not check)", res.CouldNotCheck},
		{"Facts read from their documents", res.Facts},
	}
	for i, l := range lines {
		r := 4 + i
		f.SetCellStr(sh, fmt.Sprintf("A%d", r), l[0].(string))
		f.SetCellValue(sh, fmt.Sprintf("B%d", r), l[1])
		f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r), w.bold)
	}
	f.SetCellStyle(sh, "B6", "B6", w.pct)

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
	top := 4 + len(lines) + 2
	nt := sheetTable{Columns: []string{"Need type named in reports", "Schools"}}
	for _, n := range needs {
		nt.Rows = append(nt.Rows, []any{n, counts[n]})
	}
	if err := w.putPlain(sh, top, nt); err != nil {
		return err
	}
	// Schools whose site was searched and holds no report (not those that could
	// not be checked: they are on a sheet of their own).
	missing := sheetTable{Columns: []string{"Schools searched, no report found", "URN"}}
	for _, s := range schools {
		if s["report_found"] == false {
			missing.Rows = append(missing.Rows, []any{str(s["school_name"]), s["urn"]})
		}
	}
	if err := w.putPlain(sh, top+len(nt.Rows)+3, missing); err != nil {
		return err
	}
	// Schools whose report is last year's again, or states an earlier year.
	stale := sheetTable{Columns: []string{"Schools with a stale report", "URN"}}
	for _, c := range compliance {
		if c["stale"] == true {
			stale.Rows = append(stale.Rows, []any{str(c["school_name"]), c["urn"]})
		}
	}
	return w.putPlain(sh, top+len(nt.Rows)+len(missing.Rows)+6, stale)
}

// putPlain writes a small headed list without making it an Excel table (the
// Summary holds several, and tables may not share a frozen header).
func (w *workbook) putPlain(sheet string, top int, t sheetTable) error {
	for i, c := range t.Columns {
		cell := fmt.Sprintf("%c%d", 'A'+i, top)
		w.f.SetCellStr(sheet, cell, c)
		w.f.SetCellStyle(sheet, cell, cell, w.bold)
	}
	for r, row := range t.Rows {
		for c, v := range row {
			if err := w.setCell(sheet, fmt.Sprintf("%c%d", 'A'+c, top+1+r), v); err != nil {
				return err
			}
		}
	}
	return w.printSetup(sheet)
}

// method explains how the figures were made and what they cannot say.
func (w *workbook) method() error {
	sh := w.sheet("Method")
	w.f.SetColWidth(sh, "A", "A", 110)
	lines := []string{
		"How this workbook was made",
		"sendscope visited each school's website listed in the DfE register, followed the links most likely to lead to its SEN information report (SEND, Special Educational Needs, Key information, Policies, Local offer...), and kept the pages and files it found.",
		"It read the text of each document (HTML pages, PDFs, Word files) and recorded what the report says: the SENCO, contact details, the areas and types of need named. Every fact on the Evidence sheet quotes the words it came from and links to the document.",
		"Each school has an outcome. 'found': a report was found. 'not found': the website answered, was searched, and no report was found (it may still be linked in words the crawler did not recognise: check the school's website before acting on it). Every other outcome means the school could not be checked: 'unreachable' (the site was down, refused, timed out or failed), 'blocked by robots.txt', 'no website' in the register, 'needs JavaScript' (a page that only builds itself with scripts), 'not crawled'. A school that could not be checked is never counted as publishing nothing and never scored 0; the sheet 'Could not check' lists them with the command that tries them again.",
		"A year's outcome is the latest visit that reached the school's site: a later visit that failed (an outage) is recorded as an attempt and changes no finding.",
		"Needs named in a report say what a school describes, not the places it commissions: compare with the register's resourced provision and the DfE SEN statistics.",
	}
	for i, l := range lines {
		cell := fmt.Sprintf("A%d", i+1)
		w.f.SetCellStr(sh, cell, l)
		if i == 0 {
			w.f.SetCellStyle(sh, cell, cell, w.title)
		} else {
			w.f.SetCellStyle(sh, cell, cell, w.wrap)
		}
	}
	return w.printSetup(sh)
}

// cover says what the workbook is, for which LA and years, and when the data
// was gathered.
func (w *workbook) cover(ctx context.Context, store *queries.Store, res CommissioningResult, opt CommissioningOptions) error {
	f := w.f
	sh := w.sheet("Cover")
	f.SetColWidth(sh, "A", "A", 36)
	f.SetColWidth(sh, "B", "B", 70)
	var years string
	var crawled sql.NullTime
	store.DB().QueryRowContext(ctx, `SELECT string_agg(DISTINCT r.academic_year, ', ' ORDER BY r.academic_year), max(r.finished_at)
		FROM crawl_runs r JOIN run_sites rs USING (run_id) JOIN schools s USING (urn) WHERE s.la_code = ? OR lower(s.la_name) = lower(?)`,
		opt.LA, opt.LA).Scan(&years, &crawled)
	when := "not recorded"
	if crawled.Valid {
		when = crawled.Time.UTC().Format("2 January 2006")
	}
	lines := [][2]string{
		{"What this is", "SEND provision as schools publish it: their SEN information reports read and compared, with the DfE's statistics and the LA's Local Offer."},
		{"Local authority", res.LAName},
		{"Year of this workbook", opt.Year},
		{"Years held", years},
		{"Last crawled", when},
		{"Schools in the year's crawl", fmt.Sprint(res.Schools)},
		{"Schools checked", fmt.Sprint(res.Checked)},
		{"Schools with a report found", fmt.Sprint(res.ReportsFound)},
		{"Schools that could not be checked", fmt.Sprint(res.CouldNotCheck)},
		{"Made by", "sendscope " + time.Now().UTC().Format("2 January 2006")},
		{"Personal data", map[bool]string{true: "names, e-mail addresses and phone numbers replaced by pseudonyms", false: "SENCO and governor names and contact details as schools publish them: for the LA's own use"}[opt.Redact]},
	}
	f.SetCellStr(sh, "A1", "SEND commissioning workbook")
	f.SetCellStyle(sh, "A1", "A1", w.title)
	for i, l := range lines {
		f.SetCellStr(sh, fmt.Sprintf("A%d", i+3), l[0])
		f.SetCellStyle(sh, fmt.Sprintf("A%d", i+3), fmt.Sprintf("A%d", i+3), w.bold)
		f.SetCellStr(sh, fmt.Sprintf("B%d", i+3), l[1])
		f.SetCellStyle(sh, fmt.Sprintf("B%d", i+3), fmt.Sprintf("B%d", i+3), w.wrap)
	}
	return w.printSetup(sh)
}

// needChart charts autism and SEMH need against specialist places over the years
// held, from coverage_gaps, on the Summary sheet.
func (w *workbook) needChart(ctx context.Context, store *queries.Store, opt CommissioningOptions) error {
	a, _ := queries.Lookup("coverage_gaps")
	rows, err := store.Run(ctx, a, queries.Params{LA: opt.LA})
	if err != nil {
		return err
	}
	maps, err := rowsAsMaps(rows)
	if err != nil {
		return err
	}
	f := w.f
	data := w.sheet("Chart data")
	f.SetSheetRow(data, "A1", &[]any{"Year", "Pupils with autism", "Autism places", "Pupils with SEMH", "SEMH places"})
	byYear := map[string][]any{}
	var years []string
	for _, m := range maps {
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
	if len(years) == 0 {
		return nil
	}
	sort.Strings(years)
	for i, y := range years {
		r := byYear[y]
		f.SetSheetRow(data, fmt.Sprintf("A%d", i+2), &r)
	}
	vary := false
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
	return f.AddChart("Summary", "E4", &excelize.Chart{
		Type: excelize.Col, Series: series, VaryColors: &vary,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Autism and SEMH: pupils with the need and specialist places"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 620, Height: 320},
	})
}

// complianceItems is the compliance matrix: a row per school, a column per
// statutory item, yes where the school's SEN documents cover it.
func (w *workbook) complianceItems(ctx context.Context, store *queries.Store, compliance []map[string]any) error {
	rows, err := store.DB().QueryContext(ctx, `SELECT id, short_name FROM statutory_items ORDER BY id`)
	if err != nil {
		return err
	}
	var ids, heads []string
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
		heads = append(heads, id+" "+strings.ReplaceAll(name, "_", " "))
	}
	rows.Close()
	t := sheetTable{Columns: append([]string{"URN", "School", "Report found"}, heads...), Widths: []float64{10, 32, 13}}
	for range ids {
		t.Widths = append(t.Widths, 14)
	}
	for _, c := range compliance {
		missing := map[string]bool{}
		for _, id := range strings.Split(str(c["items_missing"]), ";") {
			missing[id] = true
		}
		r := []any{c["urn"], str(c["school_name"]), reportFound(c)}
		for _, id := range ids {
			switch {
			case c["report_found"] != true:
				r = append(r, "")
			case missing[id]:
				r = append(r, "no")
			default:
				r = append(r, "yes")
			}
		}
		t.Rows = append(t.Rows, r)
	}
	return w.put(w.sheet("Compliance items"), 1, t)
}

// gapsMap is the heat map a commissioner reads first: the LA and each district
// down, need types across (autism and SEMH first), specialist places per 100
// pupils with the need in each cell, red where they are fewest.
func (w *workbook) gapsMap(ctx context.Context, store *queries.Store, opt CommissioningOptions) error {
	a, _ := queries.Lookup("coverage_gaps")
	rows, err := store.Run(ctx, a, queries.Params{Year: opt.Year, LA: opt.LA})
	if err != nil {
		return err
	}
	maps, err := rowsAsMaps(rows)
	if err != nil {
		return err
	}
	var areas, needs []string
	seenArea, seenNeed := map[string]bool{}, map[string]bool{}
	cell := map[[2]string]any{}
	for _, m := range maps {
		area := str(m["la_name"]) + " (whole LA)"
		if str(m["level"]) == "district" {
			area = str(m["district_name"])
		}
		need := str(m["need_type"])
		if !seenArea[area] {
			seenArea[area] = true
			areas = append(areas, area)
		}
		if !seenNeed[need] {
			seenNeed[need] = true
			needs = append(needs, need)
		}
		cell[[2]string{area, need}] = orBlank(m["places_per_100_pupils"])
	}
	t := sheetTable{Columns: append([]string{"Specialist places per 100 pupils with the need, " + opt.Year}, needs...), Widths: []float64{44}}
	for range needs {
		t.Widths = append(t.Widths, 9)
	}
	for _, area := range areas {
		r := []any{area}
		for _, n := range needs {
			r = append(r, cell[[2]string{area, n}])
		}
		t.Rows = append(t.Rows, r)
	}
	sh := w.sheet("Gaps map")
	if err := w.put(sh, 1, t); err != nil {
		return err
	}
	if len(t.Rows) == 0 || len(needs) == 0 {
		return nil
	}
	last, _ := excelize.CoordinatesToCellName(len(needs)+1, len(t.Rows)+1)
	return w.f.SetConditionalFormat(sh, "B2:"+last, []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=", MinType: "min", MidType: "percentile", MidValue: "50", MaxType: "max",
		MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B",
	}})
}
