package register

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// The DfE's "Special educational needs in England" school-level files, and the
// LA-level tables of its "Education, health and care plans" release, read as
// published. The school file changes shape between years, not only names:
//
//   - long ("2026 format", 2024/25 on): one row per school x specialist unit type x
//     SEN provision x primary need, one pupil_count; each filter has an aggregate
//     value ("All pupils", "Total") beside its breakdown, so a pupil is counted once
//     by reading the aggregate of each filter not broken down;
//   - wide (2022/23 and before): one row per school, totals and pupils by need in
//     columns (EHC_Primary_need_asd, SUP_Primary_need_semh, ...); older years name
//     the totals otherwise (pupils, statement_ehc_plan, School Action ...).
//
// The shape is recognised from the header; columns and labels are mapped by
// meaning through dfe_sen_labels.csv. Rows are handed to a sink as they are read
// (files reach a million rows). Suppressed numbers stay unknown (nil), never 0,
// and are counted.

// SENTotals is one school's pupils with SEN in one year. nil means unknown
// (suppressed or not published).
type SENTotals struct {
	URN        int
	Year       string // "2024/25"
	Pupils     *int
	SENSupport *int
	EHCP       *int
}

// SENNeed is the pupils of one school and year with one primary need under one
// kind of provision.
type SENNeed struct {
	URN       int
	Year      string
	Provision string // ehc_plan or sen_support
	NeedType  string // census code (ASD, SEMH, ...)
	Pupils    *int
}

// SENFlag is what the DfE records a school as providing for in a year: its
// provision_for_<need> / Prov_<need> flags (Flag "provides_for:ASD"), SEN_Unit
// ("sen_unit") and RP_Unit ("resourced_provision"). nil: not given.
type SENFlag struct {
	URN      int
	Year     string
	Flag     string
	Provides *bool
}

// LAEHCP is one figure of the DfE's LA-level EHC plan tables: the plans an LA
// maintains in a (calendar) year by primary need (Topic "need", Category a census
// code, or ALL for every plan) or by placement (Topic "placement", Category the
// DfE's column: special_independent, mainstream_academy_resourced_provision, ...).
type LAEHCP struct {
	LACode    string // three-digit old_la_code
	NewLACode string // E-code
	LAName    string
	Year      string // "2025"
	Topic     string
	Category  string
	Plans     *int
}

// SENSink takes the rows of a file as they are read; an error stops the read.
type SENSink interface {
	Totals(SENTotals) error
	Need(SENNeed) error
	Flag(SENFlag) error
	LAEHCP(LAEHCP) error
}

// SENCollector is a SENSink that keeps every row (for small files and tests).
type SENCollector struct {
	TotalRows []SENTotals
	NeedRows  []SENNeed
	FlagRows  []SENFlag
	LARows    []LAEHCP
}

// Totals keeps a row.
func (c *SENCollector) Totals(t SENTotals) error { c.TotalRows = append(c.TotalRows, t); return nil }

// Need keeps a row.
func (c *SENCollector) Need(n SENNeed) error { c.NeedRows = append(c.NeedRows, n); return nil }

// Flag keeps a row.
func (c *SENCollector) Flag(f SENFlag) error { c.FlagRows = append(c.FlagRows, f); return nil }

// LAEHCP keeps a row.
func (c *SENCollector) LAEHCP(l LAEHCP) error { c.LARows = append(c.LARows, l); return nil }

// The shapes ReadSENStats recognises.
const (
	ShapeLong       = "school long" // 2024/25 on ("2026 format"), or any long file with a URN
	ShapeWide       = "school wide" // 2022/23 and before
	ShapeLANeed     = "LA EHC plans by need"
	ShapeLACaseload = "LA EHC plans by placement"
)

// SENStats is what ReadSENStats found in a file.
type SENStats struct {
	Shape              string
	Encoding           string
	Rows               int // data rows read
	Loaded             int // rows handed to the sink (totals, needs, flags, LA figures)
	ReadPast           int // rows of breakdowns not used (a unit type, an age group) or of other geographic levels
	Suppressed         int // values used that were a mark (x, z, c, ...) or blank: unknown, not 0
	SuppressedSchools  int // schools (or LAs) with at least one such value
	Years              []string
	Skipped            []Skip // the first 1,000 rows not loaded, with why
	SkippedCount       int
	Unrecognised       []string // columns read past (listed so a user can check nothing was missed)
	UnrecognisedLabels []string // labels no rule maps, "column: label (rows)"
}

const maxSkips = 1000

// AcademicYear turns the DfE's "202425" (or "2024/25", "2024-25") into "2024/25".
func AcademicYear(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) == 6 {
		y1, err1 := strconv.Atoi(s[:4])
		y2, err2 := strconv.Atoi(s[4:])
		if err1 == nil && err2 == nil && (y1+1)%100 == y2 {
			return fmt.Sprintf("%d/%02d", y1, y2), true
		}
	}
	if len(s) == 7 && (s[4] == '/' || s[4] == '-') {
		return AcademicYear(s[:4] + s[5:])
	}
	return "", false
}

// calendarYear reads the LA tables' time_period ("2025").
func calendarYear(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil && len(s) == 4 && n > 1990 {
		return s, true
	}
	return "", false
}

// column is one header column and what it means.
type column struct {
	idx     int
	name    string
	meaning string
	code    string // the need code of a need:, flag:provides_for or la_need column
}

// ReadSENStats reads one DfE file, handing its rows to sink as they come. A file
// of no known shape is an error naming the file and the columns it saw, before
// any row reaches the sink; a bad row is skipped with its line.
func ReadSENStats(r io.Reader, name string, sink SENSink) (*SENStats, error) {
	ts := newTextStream(r)
	if err := ts.start(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cr := csv.NewReader(ts)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: not a CSV header: %v", name, err)
	}
	header = append([]string(nil), header...)
	res := &SENStats{}
	col := map[string]int{}
	var needCols, flagCols, laCols []column
	var other []column // columns of no rule: placements in the caseload table
	for i, h := range header {
		meaning, rest, ok := lookupLabel("column", h)
		c := column{idx: i, name: strings.TrimSpace(h), meaning: meaning}
		switch {
		case !ok:
			other = append(other, c)
		case meaning == "ignore":
		case strings.HasPrefix(meaning, "need:") || meaning == "flag:provides_for" || meaning == "la_need":
			code, _, known := lookupLabel("code", rest)
			if !known {
				res.Unrecognised = append(res.Unrecognised, c.name)
				continue
			}
			c.code = code
			switch {
			case meaning == "la_need":
				laCols = append(laCols, c)
			case meaning == "flag:provides_for":
				flagCols = append(flagCols, c)
			default:
				needCols = append(needCols, c)
			}
		case strings.HasPrefix(meaning, "flag:"):
			flagCols = append(flagCols, c)
		default:
			if _, dup := col[meaning]; !dup {
				col[meaning] = i
			}
		}
	}
	has := func(f string) bool { _, ok := col[f]; return ok }
	switch {
	case has("la_code") && has("year") && (len(laCols) > 0 || has("la_total")) && !has("urn"):
		if len(laCols) > 0 {
			res.Shape = ShapeLANeed
			for _, c := range other {
				res.Unrecognised = append(res.Unrecognised, c.name)
			}
		} else {
			// The caseload table: every column of no other meaning is a placement.
			res.Shape = ShapeLACaseload
			laCols = other
		}
	case has("urn") && has("year") && has("provision") && has("need") && has("count"):
		res.Shape = ShapeLong
	case has("urn") && has("year") && (has("ehcp") || has("sen_support") || has("sa") || len(needCols) > 0):
		res.Shape = ShapeWide
	default:
		seen := header
		if len(seen) > 60 {
			seen = append(append([]string(nil), seen[:60]...), fmt.Sprintf("... (%d columns)", len(header)))
		}
		return nil, fmt.Errorf("%s: line 1: not a DfE SEN file sendscope knows (the school-level file of \"Special educational needs in England\" with URN, time_period and SEN counts, or an LA table of \"Education, health and care plans\"); columns seen: %s",
			name, strings.Join(seen, ", "))
	}
	if res.Shape != ShapeLACaseload && res.Shape != ShapeLANeed {
		for _, c := range other {
			res.Unrecognised = append(res.Unrecognised, c.name)
		}
	}
	sort.Strings(res.Unrecognised)

	rd := &senReader{res: res, sink: sink, col: col, header: header, needCols: needCols, flagCols: flagCols, laCols: laCols,
		years: map[string]bool{}, suppressedKeys: map[string]bool{}, unknownLabels: map[string]int{},
		totals: map[senKey]*SENTotals{}, flagged: map[senKey]bool{}, needsSeen: map[senKey]uint64{}}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: malformed CSV (%v)", name, line, err)
		}
		res.Rows++
		rd.rec, rd.line = rec, line
		if err := rd.row(); err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", name, line, err)
		}
	}
	if res.Rows == 0 {
		return nil, fmt.Errorf("%s: line 2: the file has a header but no rows", name)
	}
	if err := rd.finish(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	res.Encoding = ts.Encoding()
	if res.Shape == ShapeLong && has("unit") && rd.aggregateRows == 0 {
		return nil, fmt.Errorf("%s: no row has the aggregate value of %s (All pupils, Total): sendscope cannot count each pupil once; values seen: %s",
			name, header[col["unit"]], strings.Join(rd.unitsSeen(), ", "))
	}
	if (res.Shape == ShapeLANeed || res.Shape == ShapeLACaseload) && has("breakdown") && rd.aggregateRows == 0 && res.ReadPast > 0 && res.Loaded == 0 {
		return nil, fmt.Errorf("%s: no Local authority row has the aggregate breakdown (All EHC plans, Total) in %s: sendscope cannot count each plan once",
			name, header[col["breakdown"]])
	}
	for k, n := range rd.unknownLabels {
		res.UnrecognisedLabels = append(res.UnrecognisedLabels, fmt.Sprintf("%s (%d rows)", k, n))
	}
	sort.Strings(res.UnrecognisedLabels)
	for y := range rd.years {
		res.Years = append(res.Years, y)
	}
	sort.Strings(res.Years)
	res.SuppressedSchools = len(rd.suppressedKeys)
	return res, nil
}

type senKey struct {
	urn  int
	year string
}

type senReader struct {
	res                        *SENStats
	sink                       SENSink
	col                        map[string]int
	header                     []string
	needCols, flagCols, laCols []column
	rec                        []string
	line                       int
	years                      map[string]bool
	suppressedKeys             map[string]bool
	unknownLabels              map[string]int
	totals                     map[senKey]*SENTotals
	totalOrder                 []senKey
	flagged                    map[senKey]bool
	aggregateRows              int
	needsSeen                  map[senKey]uint64 // (provision, need) pairs given per school and year: each once
	units                      map[string]bool
}

func (rd *senReader) get(f string) string {
	i, ok := rd.col[f]
	if !ok || i >= len(rd.rec) {
		return ""
	}
	return strings.TrimSpace(rd.rec[i])
}

func (rd *senReader) at(i int) string {
	if i >= len(rd.rec) {
		return ""
	}
	return strings.TrimSpace(rd.rec[i])
}

func (rd *senReader) skip(urn, reason string) {
	rd.res.SkippedCount++
	if len(rd.res.Skipped) < maxSkips {
		rd.res.Skipped = append(rd.res.Skipped, Skip{Line: rd.line, URN: urn, Reason: reason})
	}
}

// num reads a count: nil for a mark (counted against key), ok false for a
// value that is neither a number nor a mark. "57.000" reads 57.
func (rd *senReader) num(v, key string) (*int, bool) {
	if _, _, mark := lookupLabel("mark", v); mark {
		rd.res.Suppressed++
		rd.suppressedKeys[key] = true
		return nil, true
	}
	v = strings.ReplaceAll(v, ",", "")
	n, err := strconv.Atoi(v)
	if err != nil {
		f, ferr := strconv.ParseFloat(v, 64)
		if ferr != nil || f != float64(int(f)) {
			return nil, false
		}
		n = int(f)
	}
	if n < 0 {
		return nil, false
	}
	return &n, true
}

func (rd *senReader) unknown(colName, label string) {
	rd.unknownLabels[colName+": "+label]++
}

// level says whether the row is at the geographic level the shape wants.
func (rd *senReader) level(want string) bool {
	i, ok := rd.col["level"]
	if !ok {
		return true
	}
	m, _, known := lookupLabel("level", rd.at(i))
	return known && m == want
}

func (rd *senReader) row() error {
	switch rd.res.Shape {
	case ShapeLANeed, ShapeLACaseload:
		return rd.laRow()
	}
	if !rd.level("school") {
		rd.res.ReadPast++
		return nil
	}
	urnText := rd.get("urn")
	urn, err := strconv.Atoi(urnText)
	if err != nil || urn <= 0 {
		rd.skip(urnText, fmt.Sprintf("URN %q is not a number", urnText))
		return nil
	}
	year, ok := AcademicYear(rd.get("year"))
	if !ok {
		rd.skip(urnText, fmt.Sprintf("year %q is not an academic year such as 202425", rd.get("year")))
		return nil
	}
	rd.years[year] = true
	key := senKey{urn, year}
	skey := strconv.Itoa(urn)
	// The school's own flags: on every row of a long file, read once.
	if !rd.flagged[key] && len(rd.flagCols) > 0 {
		rd.flagged[key] = true
		for _, c := range rd.flagCols {
			flag := strings.TrimPrefix(c.meaning, "flag:")
			if c.code != "" {
				flag += ":" + c.code
			}
			var p *bool
			if m, _, ok := lookupLabel("bool", rd.at(c.idx)); ok {
				b := m == "true"
				p = &b
			} else if _, _, mark := lookupLabel("mark", rd.at(c.idx)); !mark {
				rd.unknown(c.name, rd.at(c.idx))
			}
			if err := rd.sink.Flag(SENFlag{URN: urn, Year: year, Flag: flag, Provides: p}); err != nil {
				return err
			}
			rd.res.Loaded++
		}
	}
	if rd.res.Shape == ShapeLong {
		return rd.longRow(key, skey, urnText)
	}
	return rd.wideRow(key, skey, urnText)
}

func (rd *senReader) longRow(key senKey, skey, urnText string) error {
	if i, ok := rd.col["unit"]; ok {
		u := rd.at(i)
		m, _, known := lookupLabel("unit", u)
		if !known || m != "all" {
			// A breakdown by unit type: its pupils are in the aggregate already.
			if rd.units == nil {
				rd.units = map[string]bool{}
			}
			if len(rd.units) < 20 {
				rd.units[u] = true
			}
			rd.res.ReadPast++
			return nil
		}
		rd.aggregateRows++
	}
	provLabel, needLabel := rd.get("provision"), rd.get("need")
	prov, _, ok := lookupLabel("provision", provLabel)
	if !ok {
		rd.unknown(rd.header[rd.col["provision"]], provLabel)
		rd.skip(urnText, fmt.Sprintf("SEN provision %q is not recognised", provLabel))
		return nil
	}
	need, _, ok := lookupLabel("need", needLabel)
	if !ok {
		rd.unknown(rd.header[rd.col["need"]], needLabel)
		rd.skip(urnText, fmt.Sprintf("primary need %q is not recognised", needLabel))
		return nil
	}
	if prov == "no_sen" || need == "none" || (prov == "all" && need != "all") {
		rd.res.ReadPast++ // pupils without SEN, or a need across provisions: counted elsewhere
		return nil
	}
	n, ok := rd.num(rd.get("count"), skey)
	if !ok {
		rd.skip(urnText, fmt.Sprintf("pupil count %q is not a number", rd.get("count")))
		return nil
	}
	if need == "all" {
		t := rd.total(key)
		switch prov {
		case "all":
			t.Pupils = n
		case "ehc_plan":
			t.EHCP = n
		case "sen_support":
			t.SENSupport = n
		}
		return nil
	}
	if rd.seenNeed(key, prov, need) {
		rd.skip(urnText, fmt.Sprintf("a second row for %s, %s in this school and year", provLabel, needLabel))
		return nil
	}
	rd.res.Loaded++
	return rd.sink.Need(SENNeed{URN: key.urn, Year: key.year, Provision: prov, NeedType: need, Pupils: n})
}

// needBits numbers the census codes for seenNeed.
var needBits = map[string]uint{"ASD": 0, "SEMH": 1, "SLCN": 2, "SpLD": 3, "MLD": 4, "SLD": 5, "PMLD": 6, "HI": 7, "VI": 8, "MSI": 9,
	"PD": 10, "OTH": 11, "NSA": 12, "UNKNOWN": 13}

// seenNeed says whether the school's year already had a count for this
// provision and need (two labels meaning one need, or a row repeated): the store
// keeps one count per school, year, provision and need, and a second would
// count pupils twice. A bit per pair keeps this small for a million rows.
func (rd *senReader) seenNeed(key senKey, prov, need string) bool {
	b, ok := needBits[need]
	if !ok {
		b = 14
	}
	if prov == "sen_support" {
		b += 16
	}
	mask := rd.needsSeen[key]
	if mask&(1<<b) != 0 {
		return true
	}
	rd.needsSeen[key] = mask | 1<<b
	return false
}

func (rd *senReader) total(key senKey) *SENTotals {
	t, ok := rd.totals[key]
	if !ok {
		t = &SENTotals{URN: key.urn, Year: key.year}
		rd.totals[key] = t
		rd.totalOrder = append(rd.totalOrder, key)
	}
	return t
}

func (rd *senReader) wideRow(key senKey, skey, urnText string) error {
	t := SENTotals{URN: key.urn, Year: key.year}
	var bad []string
	read := func(f string) *int {
		i, ok := rd.col[f]
		if !ok {
			return nil
		}
		n, ok := rd.num(rd.at(i), skey)
		if !ok {
			bad = append(bad, fmt.Sprintf("%s %q", rd.header[i], rd.at(i)))
		}
		return n
	}
	t.Pupils, t.EHCP, t.SENSupport = read("pupils"), read("ehcp"), read("sen_support")
	// Before 2014: School Action and School Action Plus together were SEN support.
	if _, ok := rd.col["sen_support"]; !ok {
		if sa, sap := read("sa"), read("sap"); sa != nil && sap != nil {
			n := *sa + *sap
			t.SENSupport = &n
		}
	}
	var needs []SENNeed
	for _, c := range rd.needCols {
		n, ok := rd.num(rd.at(c.idx), skey)
		if !ok {
			bad = append(bad, fmt.Sprintf("%s %q", c.name, rd.at(c.idx)))
			continue
		}
		needs = append(needs, SENNeed{URN: key.urn, Year: key.year, Provision: strings.TrimPrefix(c.meaning, "need:"), NeedType: c.code, Pupils: n})
	}
	if len(bad) > 0 {
		rd.skip(urnText, "not a number: "+strings.Join(bad, ", "))
		return nil
	}
	if _, dup := rd.needsSeen[key]; dup {
		rd.skip(urnText, "a second row for this school and year")
		return nil
	}
	rd.needsSeen[key] = 0
	rd.res.Loaded += 1 + len(needs)
	if err := rd.sink.Totals(t); err != nil {
		return err
	}
	for _, n := range needs {
		if err := rd.sink.Need(n); err != nil {
			return err
		}
	}
	return nil
}

func (rd *senReader) laRow() error {
	if !rd.level("la") {
		rd.res.ReadPast++
		return nil
	}
	if i, ok := rd.col["breakdown"]; ok {
		if m, _, known := lookupLabel("breakdown", rd.at(i)); !known || m != "all" {
			rd.res.ReadPast++ // by age, by sex, ...: the LA's total is on its own row
			return nil
		}
		rd.aggregateRows++
	}
	code := rd.get("la_code")
	if len(code) != 3 || strings.Trim(code, "0123456789") != "" {
		rd.skip(code, fmt.Sprintf("old_la_code %q is not a three-digit LA code", code))
		return nil
	}
	year, ok := calendarYear(rd.get("year"))
	if !ok {
		if y, ok2 := AcademicYear(rd.get("year")); ok2 {
			year, ok = y, true
		}
	}
	if !ok {
		rd.skip(code, fmt.Sprintf("time_period %q is not a year such as 2025", rd.get("year")))
		return nil
	}
	rd.years[year] = true
	topic := "need"
	if rd.res.Shape == ShapeLACaseload {
		topic = "placement"
	}
	base := LAEHCP{LACode: code, NewLACode: rd.get("new_la_code"), LAName: rd.get("la_name"), Year: year, Topic: topic}
	var rows []LAEHCP
	var bad []string
	add := func(category string, idx int, name string) {
		n, ok := rd.num(rd.at(idx), code)
		if !ok {
			bad = append(bad, fmt.Sprintf("%s %q", name, rd.at(idx)))
			return
		}
		r := base
		r.Category, r.Plans = category, n
		rows = append(rows, r)
	}
	if i, ok := rd.col["la_total"]; ok {
		add("ALL", i, rd.header[i])
	}
	for _, c := range rd.laCols {
		cat := c.code
		if topic == "placement" {
			cat = strings.ToLower(c.name)
		}
		add(cat, c.idx, c.name)
	}
	if len(bad) > 0 {
		rd.skip(code, "not a number: "+strings.Join(bad, ", "))
		return nil
	}
	for _, r := range rows {
		if err := rd.sink.LAEHCP(r); err != nil {
			return err
		}
	}
	rd.res.Loaded += len(rows)
	return nil
}

// finish hands over the totals a long file spreads over several rows.
func (rd *senReader) finish() error {
	for _, k := range rd.totalOrder {
		if err := rd.sink.Totals(*rd.totals[k]); err != nil {
			return err
		}
		rd.res.Loaded++
	}
	return nil
}

func (rd *senReader) unitsSeen() []string {
	var out []string
	for u := range rd.units {
		out = append(out, fmt.Sprintf("%q", u))
	}
	sort.Strings(out)
	return out
}
