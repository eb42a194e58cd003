package reports

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/queries"
)

// analysisSheet lays a named analysis out as a sheet: its columns as written in
// the .sql file's header, its rows as a banded table, URLs as links. heat names
// a column to colour from red (low) to green (high), as a heat map of gaps.
func (w *workbook) analysisSheet(ctx context.Context, store *queries.Store, sheet, analysis string, p queries.Params, heat string) (int, error) {
	a, ok := queries.Lookup(analysis)
	if !ok {
		return 0, fmt.Errorf("no analysis %s", analysis)
	}
	rows, err := store.Run(ctx, a, p)
	if err != nil {
		return 0, err
	}
	maps, err := rowsAsMaps(rows)
	if err != nil {
		return 0, err
	}
	cols, _ := columnsOf(a)
	t := sheetTable{}
	heatCol := -1
	for i, c := range cols {
		// The header is the column's words, its name under them (as in the data
		// dictionary and the export).
		t.Columns = append(t.Columns, columnLabel(c))
		t.Codes = append(t.Codes, c)
		// Narrow enough to print: figures take the width of their name in 8 points.
		width := max(8, min(float64(len(c))*0.7+1, 16))
		switch {
		case strings.HasSuffix(c, "_url") || c == "detail" || c == "items_missing" || c == "categories" || c == "evidence":
			width = 26
		case strings.HasSuffix(c, "_name") || c == "need_type" || c == "item":
			width = 18
		case strings.HasSuffix(c, "_code") || c == "urn" || c == "year" || c == "level":
			width = 8
		}
		t.Widths = append(t.Widths, width)
		if c == heat {
			heatCol = i
		}
	}
	for _, m := range maps {
		var r []any
		for _, c := range cols {
			v := orBlank(m[c])
			if s, ok := v.(string); ok && strings.HasSuffix(c, "_url") && s != "" {
				v = link{URL: s, Text: s}
			}
			switch x := v.(type) {
			case bool:
				v = yesNo(x)
			case string:
				if c == "need_type" && x != "" {
					v = needLabel(x)
				} else if strings.Contains(x, ";") && !strings.Contains(x, " ") {
					// Lists of codes wrap at their separators.
					v = strings.ReplaceAll(x, ";", "; ")
				}
			}
			r = append(r, v)
		}
		t.Rows = append(t.Rows, r)
	}
	// A column of short words is as wide as its longest, up to 18; longer
	// text wraps in 26.
	for i := range cols {
		longest := 0
		for _, r := range t.Rows {
			longest = max(longest, utf8.RuneCountInString(cellString(r[i])))
		}
		if fit := float64(longest)/1.4 + 1; fit > t.Widths[i] {
			t.Widths[i] = min(fit, max(t.Widths[i], 18))
		}
	}
	sh := w.sheet(sheet)
	if err := w.put(sh, 1, t); err != nil {
		return 0, err
	}
	if heatCol >= 0 && len(t.Rows) > 0 {
		col, _ := excelize.ColumnNumberToName(heatCol + 1)
		// Red marks what a commissioner worries about: few places, a low score,
		// many pupils for each SENCO hour.
		low, high := "#F8696B", "#63BE7B"
		if highIsBad[heat] {
			low, high = high, low
		}
		ref := fmt.Sprintf("%s2:%s%d", col, col, len(t.Rows)+1)
		if err := w.f.SetConditionalFormat(sh, ref, []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "min", MidType: "percentile", MidValue: "50", MaxType: "max",
			MinColor: low, MidColor: "#FFEB84", MaxColor: high,
		}}); err != nil {
			return 0, err
		}
		if err := w.heatLegend(sh, len(t.Rows)+3, "the column "+columnLabel(heat)+", "+heat, highIsBad[heat]); err != nil {
			return 0, err
		}
	}
	return len(t.Rows), nil
}

// highIsBad are the heat-mapped columns where a high figure is the worry.
var highIsBad = map[string]bool{"sen_pupils_per_senco_hour": true}

// columnsOf lists an analysis's output columns as its header documents them.
func columnsOf(a queries.Analysis) ([]string, map[string]string) {
	var cols []string
	meaning := map[string]string{}
	for _, c := range a.Columns {
		cols = append(cols, c.Name)
		meaning[c.Name] = c.Meaning
	}
	return cols, meaning
}

// dictionarySheet explains every column of the workbook's analysis sheets.
func (w *workbook) dictionarySheet(sheets map[string]string) error {
	t := sheetTable{Columns: []string{"Sheet", "Column", "In words", "Meaning"}, Widths: []float64{16, 26, 30, 80}}
	for _, sheet := range []string{"Gaps", "SENCO capacity", "Compliance", "Changes", "Local Offer", "EHC plans"} {
		name, ok := sheets[sheet]
		if !ok {
			continue
		}
		a, _ := queries.Lookup(name)
		for _, c := range a.Columns {
			t.Rows = append(t.Rows, []any{sheet, c.Name, columnLabel(c.Name), c.Meaning})
		}
	}
	return w.put(w.sheet("Data dictionary"), 1, t)
}
