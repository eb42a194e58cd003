package reports

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/queries"
)

// BenchmarkOptions choose the school and output of a benchmark workbook.
type BenchmarkOptions struct {
	URN    int
	Year   string // the latest year shown; earlier years held are shown too
	Path   string
	Redact bool
}

// measureNames are the benchmark's measures as a head of SEN reads them.
var measureNames = map[string]string{
	"senco_hours_per_week":      "SENCO hours per week",
	"sen_pupils_per_senco_hour": "Pupils with SEN per SENCO hour",
	"ehcp_rate":                 "EHC plans per 100 pupils",
	"sen_support_rate":          "SEN support per 100 pupils",
	"statutory_items_covered":   "Statutory items covered",
}

// phaseSchools is a phase's schools in words: "primaries", "secondaries".
func phaseSchools(phase string) string {
	switch strings.ToLower(phase) {
	case "primary":
		return "primaries"
	case "secondary":
		return "secondaries"
	case "", "not applicable":
		return "schools"
	}
	return strings.ToLower(phase) + " schools"
}

// peerWords names the store-wide peers: "all 412 primaries in the store, 3 LAs",
// or, when the store holds (nearly) every LA, "all 16,000 primaries in England
// (152 LAs)".
func peerWords(phase string, schools, las int) string {
	if las >= nationalFrom {
		return fmt.Sprintf("all %d %s in England (%d LAs)", schools, phaseSchools(phase), las)
	}
	s := "s"
	if las == 1 {
		s = ""
	}
	return fmt.Sprintf("all %d %s in the store, %d LA%s", schools, phaseSchools(phase), las, s)
}

// Benchmark writes a school's benchmark workbook: a Summary with the school's
// figures beside the medians of its phase in its LA and among every school of
// its phase the store holds (named for what they are: national only when the
// store holds every LA) for the latest year, a chart of each measure over the
// years held, and the full table.
func Benchmark(ctx context.Context, store *queries.Store, opt BenchmarkOptions) (string, error) {
	a, _ := queries.Lookup("school_benchmark")
	rows, err := store.Run(ctx, a, queries.Params{URN: opt.URN})
	if err != nil {
		return "", err
	}
	all, err := rowsAsMaps(rows)
	if err != nil {
		return "", err
	}
	var maps []map[string]any
	for _, m := range all {
		if str(m["academic_year"]) <= opt.Year {
			maps = append(maps, m)
		}
	}
	if len(maps) == 0 {
		return "", fmt.Errorf("no figures for school %d up to %s: is the URN right, and has the school been crawled (sendscope crawl --year %s --urn %d)?",
			opt.URN, opt.Year, opt.Year, opt.URN)
	}
	var red *Redactor
	if opt.Redact {
		if red, err = storeRedactor(ctx, store); err != nil {
			return "", err
		}
	}
	w, err := newWorkbook(red)
	if err != nil {
		return "", err
	}
	name := str(maps[0]["school_name"])
	phase := str(maps[0]["phase"])
	// The peers are named for what they are: every school of the phase the store
	// holds is national only when the store holds every LA.
	// Per measure, fewer may have a figure: the peers are the most of any measure.
	var schoolsHeld, lasHeld float64
	for _, m := range maps {
		if str(m["academic_year"]) == opt.Year {
			n, _ := num(m["store_phase_schools"])
			las, _ := num(m["store_phase_las"])
			schoolsHeld, lasHeld = max(schoolsHeld, n), max(lasHeld, las)
		}
	}
	latestPeers := peerWords(phase, int(schoolsHeld), int(lasHeld))
	f := w.f
	sh := w.sheet("Summary")
	f.SetColWidth(sh, "A", "A", 34)
	f.SetColWidth(sh, "B", "E", 16)
	f.SetColWidth(sh, "E", "E", 30)
	f.SetCellStr(sh, "A1", fmt.Sprintf("%s (URN %d): SEND benchmark %s", name, opt.URN, opt.Year))
	f.SetCellStyle(sh, "A1", "A1", w.title)
	f.SetCellStr(sh, "A2", fmt.Sprintf("Against the LA's %s and against %s, from published reports and DfE statistics; made %s.",
		phaseSchools(phase), latestPeers, time.Now().UTC().Format("2 January 2006")))
	f.MergeCell(sh, "A2", "E2")
	f.SetCellStyle(sh, "A2", "A2", w.note)
	f.SetRowHeight(sh, 2, 2*lineHeight+3)
	latest := sheetTable{Columns: []string{"Measure (" + opt.Year + ")", "This school", "LA median", "LA schools", "Median of " + latestPeers}}
	for _, m := range maps {
		if str(m["academic_year"]) == opt.Year {
			latest.Rows = append(latest.Rows, []any{measureNames[str(m["measure"])], m["school_value"], m["la_phase_median"], m["la_phase_schools"], m["store_phase_median"]})
		}
	}
	if err := w.putPlain(sh, 4, latest); err != nil {
		return "", err
	}
	f.SetCellStyle(sh, "E4", "E4", w.bold)
	f.SetRowHeight(sh, 4, float64(wrappedLines(latest.Columns[4], 27))*lineHeight+3)
	if err := w.printSetup(sh, false); err != nil {
		return "", err
	}
	// Chart data: one block per measure, years down, school and medians across.
	data := w.sheet("Chart data")
	f.SetColWidth(data, "A", "A", 30)
	f.SetColWidth(data, "B", "D", 22)
	row := 1
	chartRow := 6 + len(latest.Rows) + 2
	charts := 0
	for _, measure := range []string{"senco_hours_per_week", "sen_pupils_per_senco_hour", "ehcp_rate", "statutory_items_covered"} {
		var block [][]any
		for _, m := range maps {
			if str(m["measure"]) == measure {
				block = append(block, []any{str(m["academic_year"]), m["school_value"], m["la_phase_median"], m["store_phase_median"]})
			}
		}
		if len(block) == 0 {
			continue
		}
		f.SetSheetRow(data, fmt.Sprintf("A%d", row), &[]any{measureNames[measure], "This school", "LA median", "Median of " + latestPeers})
		f.SetCellStyle(data, fmt.Sprintf("A%d", row), fmt.Sprintf("D%d", row), w.header)
		f.SetRowHeight(data, row, 3*lineHeight+4)
		for i, b := range block {
			f.SetSheetRow(data, fmt.Sprintf("A%d", row+1+i), &b)
		}
		first, last := row+1, row+len(block)
		series := []excelize.ChartSeries{}
		for i, col := range []string{"B", "C", "D"} {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("'Chart data'!$%s$%d", col, row),
				Categories: fmt.Sprintf("'Chart data'!$A$%d:$A$%d", first, last),
				Values:     fmt.Sprintf("'Chart data'!$%s$%d:$%s$%d", col, first, col, last),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{[]string{"1F4E79", "8FAADC", "7F7F7F"}[i]}},
			})
		}
		// Two charts a page, each whole on its page.
		if charts > 0 && charts%2 == 0 {
			f.InsertPageBreak(sh, fmt.Sprintf("A%d", chartRow))
		}
		if err := f.AddChart(sh, fmt.Sprintf("A%d", chartRow), barChart(measureNames[measure], series, 620, 280)); err != nil {
			return "", fmt.Errorf("chart %s: %w", measure, err)
		}
		charts++
		chartRow += 16
		row = last + 2
	}
	if err := w.printSetup(data, false); err != nil {
		return "", err
	}
	// The full table.
	all2 := sheetTable{Columns: []string{"Year", "Measure", "This school", "LA lower quartile", "LA median", "LA upper quartile", "LA schools",
		"Median of every " + strings.ToLower(phase) + " school held", "Schools", "LAs"}, Widths: []float64{9, 30, 11, 12, 11, 12, 10, 18, 10, 8}}
	for _, m := range maps {
		all2.Rows = append(all2.Rows, []any{str(m["academic_year"]), measureNames[str(m["measure"])], m["school_value"], m["la_phase_q1"],
			m["la_phase_median"], m["la_phase_q3"], m["la_phase_schools"], m["store_phase_median"], m["store_phase_schools"], m["store_phase_las"]})
	}
	if err := w.put(w.sheet("Benchmark"), 1, all2); err != nil {
		return "", err
	}
	if err := w.method(); err != nil {
		return "", err
	}
	return name, w.save(opt.Path)
}
