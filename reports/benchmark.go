package reports

import (
	"context"
	"fmt"
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

// Benchmark writes a school's benchmark workbook: a Summary with the school's
// figures beside the medians of its phase in its LA and nationally for the
// latest year, a chart of each measure over the years held, and the full table.
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
	f := w.f
	sh := w.sheet("Summary")
	f.SetColWidth(sh, "A", "A", 34)
	f.SetColWidth(sh, "B", "E", 16)
	f.SetCellStr(sh, "A1", fmt.Sprintf("%s (URN %d): SEND benchmark %s", name, opt.URN, opt.Year))
	f.SetCellStyle(sh, "A1", "A1", w.title)
	f.SetCellStr(sh, "A2", "Against schools of the same phase in the LA and nationally, from published reports and DfE statistics; made "+time.Now().UTC().Format("2 January 2006")+".")
	latest := sheetTable{Columns: []string{"Measure (" + opt.Year + ")", "This school", "LA median", "LA schools", "National median"}}
	for _, m := range maps {
		if str(m["academic_year"]) == opt.Year {
			latest.Rows = append(latest.Rows, []any{measureNames[str(m["measure"])], m["school_value"], m["la_phase_median"], m["la_phase_schools"], m["national_phase_median"]})
		}
	}
	if err := w.putPlain(sh, 4, latest); err != nil {
		return "", err
	}
	if err := w.printSetup(sh, false); err != nil {
		return "", err
	}
	// Chart data: one block per measure, years down, school and medians across.
	data := w.sheet("Chart data")
	row := 1
	chartRow := 6 + len(latest.Rows) + 2
	for _, measure := range []string{"senco_hours_per_week", "sen_pupils_per_senco_hour", "ehcp_rate", "statutory_items_covered"} {
		var block [][]any
		for _, m := range maps {
			if str(m["measure"]) == measure {
				block = append(block, []any{str(m["academic_year"]), m["school_value"], m["la_phase_median"], m["national_phase_median"]})
			}
		}
		if len(block) == 0 {
			continue
		}
		f.SetSheetRow(data, fmt.Sprintf("A%d", row), &[]any{measureNames[measure], "This school", "LA median", "National median"})
		for i, b := range block {
			f.SetSheetRow(data, fmt.Sprintf("A%d", row+1+i), &b)
		}
		first, last := row+1, row+len(block)
		vary := false
		series := []excelize.ChartSeries{}
		for i, col := range []string{"B", "C", "D"} {
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("'Chart data'!$%s$%d", col, row),
				Categories: fmt.Sprintf("'Chart data'!$A$%d:$A$%d", first, last),
				Values:     fmt.Sprintf("'Chart data'!$%s$%d:$%s$%d", col, first, col, last),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{[]string{"1F4E79", "8FAADC", "C9C9C9"}[i]}},
			})
		}
		if err := f.AddChart(sh, fmt.Sprintf("A%d", chartRow), &excelize.Chart{
			Type: excelize.Col, Series: series, VaryColors: &vary,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: measureNames[measure]}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			Dimension: excelize.ChartDimension{Width: 560, Height: 260},
		}); err != nil {
			return "", fmt.Errorf("chart %s: %w", measure, err)
		}
		chartRow += 15
		row = last + 2
	}
	// The full table.
	all2 := sheetTable{Columns: []string{"Year", "Measure", "This school", "LA lower quartile", "LA median", "LA upper quartile", "LA schools",
		"National median", "National schools"}, Widths: []float64{10, 32, 12, 14, 12, 14, 11, 15, 15}}
	for _, m := range maps {
		all2.Rows = append(all2.Rows, []any{str(m["academic_year"]), measureNames[str(m["measure"])], m["school_value"], m["la_phase_q1"],
			m["la_phase_median"], m["la_phase_q3"], m["la_phase_schools"], m["national_phase_median"], m["national_phase_schools"]})
	}
	if err := w.put(w.sheet("Benchmark"), 1, all2); err != nil {
		return "", err
	}
	if err := w.method(); err != nil {
		return "", err
	}
	return name, w.save(opt.Path)
}
