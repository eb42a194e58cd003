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

// The DfE's "Special educational needs in England" school-level files: per school
// and year, pupils, SEN support and EHC plans (the totals file), or pupils by SEN
// provision and primary type of need (the need file, long form). Their column
// names change between years, so columns are found through aliases; suppressed
// numbers stay unknown, never 0.

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

// SENStats is what ReadSENStats found in a file.
type SENStats struct {
	Kind         string // totals or need
	Rows         int
	Totals       []SENTotals
	Needs        []SENNeed
	Skipped      []Skip
	Unrecognised []string // columns read past (listed so a user can check nothing was missed)
	Encoding     string
}

var senAliases = map[string][]string{
	"year":        {"time_period", "year", "academic_year", "academic year"},
	"urn":         {"urn", "school_urn"},
	"pupils":      {"total_pupils", "pupils", "total pupils", "headcount", "number of pupils", "total_pupils_headcount"},
	"ehcp":        {"ehc_plan", "statement_ehc_plan", "ehc plan", "ehcp", "statements or ehc plans", "statement or ehc plan", "statements"},
	"sen_support": {"sen_support", "sen support"},
	"sa":          {"school action"},
	"sap":         {"school action plus"},
	"provision":   {"sen_provision", "sen provision", "provision"},
	"need":        {"primary_need", "primary need", "primary_type_of_need", "type of need"},
	"count":       {"number_of_pupils", "number of pupils", "pupils_count", "count"},
}

// Columns of the DfE files that sendscope has no use for, read past silently.
var senKnownOther = map[string]bool{
	"time_identifier": true, "geographic_level": true, "country_code": true, "country_name": true, "region_code": true,
	"region_name": true, "old_la_code": true, "new_la_code": true, "la_name": true, "school_name": true,
	"phase_type_grouping": true, "type_of_establishment": true, "ehc_plan_percent": true, "sen_support_percent": true,
	"la_code": true, "laestab": true, "estab": true,
}

// suppressed are the DfE's marks for a number not given.
var suppressed = map[string]bool{"x": true, "z": true, ".": true, "..": true, "c": true, "": true, "u": true, "low": true}

// NeedCode maps a DfE primary-need label to its census code.
func NeedCode(label string) string {
	l := strings.ToLower(label)
	switch {
	case strings.Contains(l, "autis"):
		return "ASD"
	case strings.Contains(l, "social, emotional") || strings.Contains(l, "mental health") || strings.Contains(l, "behaviour"):
		return "SEMH"
	case strings.Contains(l, "speech"):
		return "SLCN"
	case strings.Contains(l, "specific learning"):
		return "SpLD"
	case strings.Contains(l, "profound"):
		return "PMLD"
	case strings.Contains(l, "severe learning"):
		return "SLD"
	case strings.Contains(l, "moderate learning"):
		return "MLD"
	case strings.Contains(l, "multi-sensory") || strings.Contains(l, "multi sensory"):
		return "MSI"
	case strings.Contains(l, "hearing"):
		return "HI"
	case strings.Contains(l, "visual"):
		return "VI"
	case strings.Contains(l, "physical"):
		return "PD"
	case strings.Contains(l, "no specialist assessment"):
		return "NSA"
	case strings.Contains(l, "other"):
		return "OTH"
	}
	return ""
}

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

// ReadSENStats parses one DfE SEN statistics file. A file without the columns of
// either form is an error naming the file; a bad row is skipped with its line.
func ReadSENStats(r io.Reader, name string) (*SENStats, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	text, enc, err := decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cr := csv.NewReader(strings.NewReader(text))
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: not a CSV header: %v", name, err)
	}
	col := map[string]int{}
	res := &SENStats{Encoding: enc}
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		found := false
		for field, aliases := range senAliases {
			for _, a := range aliases {
				if key == a {
					if _, dup := col[field]; !dup {
						col[field] = i
					}
					found = true
				}
			}
		}
		if !found && !senKnownOther[key] {
			res.Unrecognised = append(res.Unrecognised, h)
		}
	}
	sort.Strings(res.Unrecognised)
	has := func(f string) bool { _, ok := col[f]; return ok }
	switch {
	case !has("urn") || !has("year"):
		return nil, fmt.Errorf("%s: line 1: not a DfE SEN statistics file: needs a URN column and a year column (time_period)", name)
	case has("need") && has("count") && has("provision"):
		res.Kind = "need"
	case has("ehcp") || has("sen_support") || has("sa"):
		res.Kind = "totals"
	default:
		return nil, fmt.Errorf("%s: line 1: neither SEN totals (ehc_plan, sen_support) nor primary need (sen_provision, primary_need, number_of_pupils) columns found", name)
	}
	get := func(rec []string, f string) string {
		i, ok := col[f]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	// num reads a count; ok is false for a value that is neither a number nor a
	// suppression mark.
	num := func(rec []string, f string) (*int, bool) {
		v := strings.ToLower(get(rec, f))
		if suppressed[v] {
			return nil, true
		}
		n, err := strconv.Atoi(strings.ReplaceAll(v, ",", ""))
		if err != nil || n < 0 {
			return nil, false
		}
		return &n, true
	}
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
		skip := func(reason string) {
			res.Skipped = append(res.Skipped, Skip{Line: line, URN: get(rec, "urn"), Reason: reason})
		}
		if lvl := strings.ToLower(get(rec, "geographic_level")); lvl != "" && lvl != "school" {
			skip("not a school row (" + lvl + ")")
			continue
		}
		urn, err := strconv.Atoi(get(rec, "urn"))
		if err != nil || urn <= 0 {
			skip(fmt.Sprintf("URN %q is not a number", get(rec, "urn")))
			continue
		}
		year, ok := AcademicYear(get(rec, "year"))
		if !ok {
			skip(fmt.Sprintf("year %q is not an academic year such as 202425", get(rec, "year")))
			continue
		}
		if res.Kind == "need" {
			code := NeedCode(get(rec, "need"))
			prov := strings.ToLower(get(rec, "provision"))
			switch {
			case strings.Contains(prov, "ehc") || strings.Contains(prov, "statement"):
				prov = "ehc_plan"
			case strings.Contains(prov, "support"):
				prov = "sen_support"
			default:
				skip(fmt.Sprintf("SEN provision %q is neither EHC plan nor SEN support", get(rec, "provision")))
				continue
			}
			if code == "" {
				skip(fmt.Sprintf("primary need %q is not a census type of need", get(rec, "need")))
				continue
			}
			n, ok := num(rec, "count")
			if !ok {
				skip(fmt.Sprintf("number of pupils %q is not a number", get(rec, "count")))
				continue
			}
			res.Needs = append(res.Needs, SENNeed{URN: urn, Year: year, Provision: prov, NeedType: code, Pupils: n})
			continue
		}
		t := SENTotals{URN: urn, Year: year}
		var bad []string
		for _, f := range []struct {
			name string
			dst  **int
		}{{"pupils", &t.Pupils}, {"ehcp", &t.EHCP}, {"sen_support", &t.SENSupport}} {
			n, ok := num(rec, f.name)
			if !ok {
				bad = append(bad, fmt.Sprintf("%s %q", header[col[f.name]], get(rec, f.name)))
			}
			*f.dst = n
		}
		// Before 2014: School Action and School Action Plus together were SEN support.
		if t.SENSupport == nil && has("sa") {
			sa, ok1 := num(rec, "sa")
			sap, ok2 := num(rec, "sap")
			if ok1 && ok2 && sa != nil && sap != nil {
				n := *sa + *sap
				t.SENSupport = &n
			}
		}
		if len(bad) > 0 {
			skip("not a number: " + strings.Join(bad, ", "))
			continue
		}
		res.Totals = append(res.Totals, t)
	}
	if res.Rows == 0 {
		return nil, fmt.Errorf("%s: line 2: the file has a header but no rows", name)
	}
	return res, nil
}
