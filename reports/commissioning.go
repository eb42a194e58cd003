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
	gaps, _ := queries.Lookup("coverage_gaps")
	rows, err = store.Run(ctx, gaps, queries.Params{LA: opt.LA})
	if err != nil {
		return res, err
	}
	laYears, err := rowsAsMaps(rows)
	if err != nil {
		return res, err
	}
	nf, err := loadNeedFigures(ctx, store, opt, laYears)
	if err != nil {
		return res, err
	}
	if err := w.summary(res, opt, schools, compliance, nf, laYears); err != nil {
		return res, err
	}
	items, err := statutoryItems(ctx, store)
	if err != nil {
		return res, err
	}
	// Schools.
	sh := w.sheet("Schools")
	st := sheetTable{
		Columns: []string{"URN", "School", "Phase", "Outcome", "Why", "Report found", "Format", "Stated year", "Report", "SENCO", "Areas of need", "Need types"},
		Widths:  []float64{8, 22, 9, 11, 14, 8, 6, 7, 18, 14, 20, 22}, // 159: A4 landscape at two-thirds size
	}
	for _, s := range schools {
		var report any
		if u := str(s["report_url"]); u != "" {
			report = link{URL: u, Text: u}
		}
		st.Rows = append(st.Rows, []any{
			s["urn"], str(s["school_name"]), str(s["phase"]), outcomeWords(str(s["outcome"])), reasonLabel(str(s["outcome_reason"])),
			reportFound(s), str(s["report_format"]), str(s["stated_year"]),
			report, strings.ReplaceAll(str(s["senco_names"]), ";", "; "), listLabels(str(s["areas_of_need"]), areaLabel),
			listLabels(str(s["need_types"]), needLabel),
		})
	}
	if err := w.put(sh, 1, st); err != nil {
		return res, err
	}
	// Evidence.
	ev := w.sheet("Evidence")
	et := sheetTable{
		Columns: []string{"URN", "School", "Field", "Value", "Evidence (the document's words)", "Source", "Confidence"},
		Widths:  []float64{8, 18, 18, 20, 52, 24, 8}, // 148
	}
	for _, f := range facts {
		u := str(f["url"])
		field := str(f["field"])
		et.Rows = append(et.Rows, []any{f["urn"], names[str(f["urn"])], fieldLabel(field), factValue(field, str(f["value"]), items), str(f["evidence"]),
			link{URL: u, Text: u}, f["confidence"]})
	}
	if err := w.put(ev, 1, et); err != nil {
		return res, err
	}
	if err := w.couldNotCheck(schools, opt); err != nil {
		return res, err
	}
	if err := w.complianceItems(items, compliance); err != nil {
		return res, err
	}
	if err := w.gapsMap(laYears, opt); err != nil {
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
		Widths:  []float64{9, 30, 16, 24, 40, 16, 38},
	}
	for _, s := range schools {
		if s["report_found"] != nil {
			continue
		}
		when := ""
		if t, ok := s["last_attempt_at"].(time.Time); ok {
			when = t.UTC().Format("2006-01-02 15:04")
		}
		t.Rows = append(t.Rows, []any{s["urn"], str(s["school_name"]), outcomeWords(str(s["outcome"])), reasonLabel(str(s["outcome_reason"])),
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

// method explains how the figures were made and what they cannot say.
func (w *workbook) method() error {
	sh := w.sheet("Method")
	w.f.SetColWidth(sh, "A", "A", 100)
	lines := []string{
		"How this workbook was made",
		"sendscope visited each school's website listed in the DfE register, followed the links most likely to lead to its SEN information report (SEND, Special Educational Needs, Key information, Policies, Local offer...), and kept the pages and files it found.",
		"It read the text of each document (HTML pages, PDFs, Word files) and recorded what the report says: the SENCO, contact details, the areas and types of need named. Every fact on the Evidence sheet quotes the words it came from and links to the document.",
		"Each school has an outcome. 'found': a report was found. 'not found': the website answered, was searched, and no report was found (it may still be linked in words the crawler did not recognise: check the school's website before acting on it). Every other outcome means the school could not be checked: 'unreachable' (the site was down, refused, timed out or failed), 'blocked by robots.txt', 'no website' in the register, 'needs JavaScript' (a page that only builds itself with scripts), 'not crawled'. A school that could not be checked is never counted as publishing nothing and never scored 0; the sheet 'Could not check' lists them with the command that tries them again.",
		"A year's outcome is the latest visit that reached the school's site: a later visit that failed (an outage) is recorded as an attempt and changes no finding.",
		"Needs named in a report say what a school describes, not the places it commissions: compare with the register's resourced provision and the DfE SEN statistics.",
		"Pupils with a need are the DfE's SEN statistics (school census: pupils whose primary need it is, with an EHC plan or SEN support) summed over the LA's schools; a count the DfE suppressed is left out, so the figure is a floor. Specialist places are the register's resourced provision and SEN unit places (for the first need the register lists) or the places a school's report states, whichever is larger. Places per 100 pupils = places / pupils x 100.",
		"Ranks: 1 is the LA with the fewest places per 100 pupils with the need, among the LAs whose DfE figures the store holds; the Summary says how many. A figure for England is given only when the store holds the DfE's national file (every LA); otherwise there is none. Peers in a school's benchmark are named for what they are (all N primaries in the store, K LAs).",
		"Colours: every colour scale has a legend under its table, and the colour only repeats the number in the cell. Codes (ASD, S1.03e, senco.days_per_week) stand beside their words so they can be found in the data dictionary and the export.",
	}
	for i, l := range lines {
		cell := fmt.Sprintf("A%d", i+1)
		w.f.SetCellStr(sh, cell, l)
		if i == 0 {
			w.f.SetCellStyle(sh, cell, cell, w.title)
			w.f.SetRowHeight(sh, 1, 22)
		} else {
			w.f.SetCellStyle(sh, cell, cell, w.wrap)
			w.f.SetRowHeight(sh, i+1, float64(wrappedLines(l, 100))*lineHeight+6)
		}
	}
	return w.printSetup(sh, false)
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
	personal := "Shown: SENCO and governor names, e-mail addresses and phone numbers as schools publish them, for the LA's own use. " +
		"Made without --redact; note that sendscope export pseudonymises them by default. To share this workbook, make it again with --redact."
	if opt.Redact {
		personal = "Pseudonymised (--redact): every name, e-mail address and phone number is replaced by a pseudonym (person-..., email-..., phone-...), as sendscope export does by default."
	}
	lines := [][2]string{
		{"What this is", "SEND provision as schools publish it: their SEN information reports read and compared, with the DfE's statistics and the LA's Local Offer."},
		{"Personal data", personal},
		{"Local authority", res.LAName},
		{"Year of this workbook", opt.Year},
		{"Years held", years},
		{"Last crawled", when},
		{"Schools in the year's crawl", fmt.Sprint(res.Schools)},
		{"Schools checked", fmt.Sprint(res.Checked)},
		{"Schools with a report found", fmt.Sprint(res.ReportsFound)},
		{"Schools that could not be checked", fmt.Sprint(res.CouldNotCheck)},
		{"Documents read", fmt.Sprint(res.Documents)},
		{"Made by", "sendscope " + time.Now().UTC().Format("2 January 2006")},
	}
	f.SetCellStr(sh, "A1", "SEND commissioning workbook")
	f.SetCellStyle(sh, "A1", "A1", w.title)
	f.SetRowHeight(sh, 1, 22)
	for i, l := range lines {
		r := i + 3
		f.SetCellStr(sh, fmt.Sprintf("A%d", r), l[0])
		f.SetCellStyle(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r), w.bold)
		f.SetCellStr(sh, fmt.Sprintf("B%d", r), l[1])
		f.SetCellStyle(sh, fmt.Sprintf("B%d", r), fmt.Sprintf("B%d", r), w.wrap)
		if n := wrappedLines(l[1], 70); n > 1 {
			f.SetRowHeight(sh, r, float64(n)*lineHeight+3)
		}
	}
	return w.printSetup(sh, false)
}

// statutoryItems are the statutory items' ids and names in words.
func statutoryItems(ctx context.Context, store *queries.Store) (map[string]string, error) {
	rows, err := store.DB().QueryContext(ctx, `SELECT id, short_name FROM statutory_items ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	items := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		items[id] = itemName(name)
	}
	return items, rows.Err()
}

// complianceItems is the compliance matrix: a row per school, a column per
// statutory item (its words, the id beside), yes where the school's SEN
// documents cover it. The items' headers are turned upright so the 27 columns
// print legibly on one landscape page.
func (w *workbook) complianceItems(items map[string]string, compliance []map[string]any) error {
	var ids, heads []string
	for id := range items {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		heads = append(heads, withCode(items[id], id))
	}
	t := sheetTable{Columns: append([]string{"URN", "School", "Report found"}, heads...), Widths: []float64{8, 28, 13}, RotateFrom: 4}
	for range ids {
		t.Widths = append(t.Widths, 4.5)
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
	sh := w.sheet("Compliance items")
	if err := w.put(sh, 1, t); err != nil {
		return err
	}
	return w.noteBelow(sh, len(t.Rows)+3, "yes: the school's SEN documents cover the item; no: they do not; empty: no report found, or the school could not be checked. "+
		"The items are those of the SEND Regulations 2014 Schedule 1 (the id is the paragraph).")
}

// noteBelow writes a line of explanation under a table, across its first columns.
func (w *workbook) noteBelow(sheet string, row int, text string) error {
	cell := fmt.Sprintf("A%d", row)
	if err := w.f.SetCellStr(sheet, cell, text); err != nil {
		return err
	}
	w.f.MergeCell(sheet, cell, fmt.Sprintf("H%d", row))
	w.f.SetCellStyle(sheet, cell, cell, w.note)
	w.f.SetRowHeight(sheet, row, 3*lineHeight+3)
	return nil
}

// heatLegend explains a colour scale under a table: the colours only repeat
// the figure in each cell, which a reader can always read instead.
func (w *workbook) heatLegend(sheet string, row int, what string, highIsBad bool) error {
	f := w.f
	title := fmt.Sprintf("A%d", row)
	f.SetCellStr(sheet, title, "Colours ("+what+")")
	f.MergeCell(sheet, title, fmt.Sprintf("H%d", row))
	f.SetCellStyle(sheet, title, title, w.bold)
	for i, c := range []struct{ colour, words string }{
		{"F8696B", map[bool]string{false: "red: the lowest on this sheet", true: "red: the highest on this sheet"}[highIsBad]},
		{"FFEB84", "yellow: the middle (median)"},
		{"63BE7B", map[bool]string{false: "green: the highest", true: "green: the lowest"}[highIsBad]},
		{"FFFFFF", "white: no figure (empty cell)"},
	} {
		st, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.colour}},
			Font: &excelize.Font{Family: "Arial", Size: bodySize}, Border: []excelize.Border{{Type: "left", Color: "808080", Style: 1},
				{Type: "right", Color: "808080", Style: 1}, {Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}})
		if err != nil {
			return err
		}
		cell := fmt.Sprintf("A%d", row+1+i)
		f.SetCellStr(sheet, cell, c.words)
		f.MergeCell(sheet, cell, fmt.Sprintf("C%d", row+1+i))
		f.SetCellStyle(sheet, cell, fmt.Sprintf("C%d", row+1+i), st)
	}
	return w.noteBelow(sheet, row+6, "The colour repeats the number in the cell, so the sheet reads the same printed in black and white.")
}

// gapsMap is the heat map a commissioner reads first: the LA and each district
// down, need types across (autism and SEMH first), specialist places per 100
// pupils with the need in each cell, red where they are fewest, with a legend.
func (w *workbook) gapsMap(laYears []map[string]any, opt CommissioningOptions) error {
	var maps []map[string]any
	for _, m := range laYears {
		if str(m["academic_year"]) == opt.Year {
			maps = append(maps, m)
		}
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
	t := sheetTable{Columns: []string{"Specialist places per 100 pupils with the need, " + opt.Year}, Widths: []float64{30}}
	for _, n := range needs {
		t.Columns = append(t.Columns, needLabel(n))
		t.Widths = append(t.Widths, 13)
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
	if err := w.f.SetConditionalFormat(sh, "B2:"+last, []excelize.ConditionalFormatOptions{{
		Type: "3_color_scale", Criteria: "=", MinType: "min", MidType: "percentile", MidValue: "50", MaxType: "max",
		MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B",
	}}); err != nil {
		return err
	}
	return w.heatLegend(sh, len(t.Rows)+3, "specialist places per 100 pupils with the need: red where they are fewest", false)
}
