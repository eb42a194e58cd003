package reports

import (
	"database/sql"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// sheetTable is a block of rows to lay out as an Excel table.
type sheetTable struct {
	Columns []string  // header names as users read them
	Widths  []float64 // column widths
	Rows    [][]any   // values: string, float64, int, bool, or link
}

// link is a cell that opens a URL.
type link struct {
	URL  string
	Text string
}

// workbook wraps excelize with the house style: bold coloured headers, banded
// Excel tables with filters, frozen header rows, landscape pages fitted to width
// (LibreOffice shows none of these unless they are set explicitly).
type workbook struct {
	f        *excelize.File
	redactor *Redactor // nil: show personal data as published
	bold     int
	header   int
	band     int
	title    int
	wrap     int
	linkSt   int
	pct      int
	tables   int
}

func newWorkbook(red *Redactor) (*workbook, error) {
	f := excelize.NewFile()
	w := &workbook{f: f, redactor: red}
	var err error
	if w.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: "Arial"}}); err != nil {
		return nil, err
	}
	if w.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Arial"}}); err != nil {
		return nil, err
	}
	// Table header and banding are set as cell styles too: LibreOffice draws no
	// table style of its own.
	if w.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF", Family: "Arial"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}); err != nil {
		return nil, err
	}
	if w.band, err = f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EAF1FB"}},
		Alignment: &excelize.Alignment{Vertical: "top"}, Font: &excelize.Font{Family: "Arial"}}); err != nil {
		return nil, err
	}
	if w.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Font: &excelize.Font{Family: "Arial"}}); err != nil {
		return nil, err
	}
	if w.linkSt, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "1F4E9E", Underline: "single", Family: "Arial"}, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return nil, err
	}
	if w.pct, err = f.NewStyle(&excelize.Style{NumFmt: 10}); err != nil {
		return nil, err
	}
	return w, nil
}

// text is how web text enters a cell: pseudonymised when asked, neutralised always.
func (w *workbook) text(s string) string {
	if w.redactor != nil {
		s = w.redactor.Text(s)
	}
	return SafeText(s)
}

// sheet adds (or renames the first) worksheet with a valid name.
func (w *workbook) sheet(name string) string {
	name = sheetName(name)
	if w.f.SheetCount == 1 && w.f.GetSheetName(0) == "Sheet1" {
		w.f.SetSheetName("Sheet1", name)
		return name
	}
	w.f.NewSheet(name)
	return name
}

// sheetName makes a valid sheet name: at most 31 characters, none of []:*?/\.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	s = strings.Trim(s, "'")
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if s == "" {
		s = "Sheet"
	}
	return s
}

// put writes rows as an Excel table starting at row top.
func (w *workbook) put(sheet string, top int, t sheetTable) error {
	f := w.f
	for i, c := range t.Columns {
		cell, _ := excelize.CoordinatesToCellName(i+1, top)
		f.SetCellStr(sheet, cell, c)
		if i < len(t.Widths) {
			col, _ := excelize.ColumnNumberToName(i + 1)
			f.SetColWidth(sheet, col, col, t.Widths[i])
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), top+max(len(t.Rows), 1))
	first, _ := excelize.CoordinatesToCellName(1, top)
	headerEnd, _ := excelize.CoordinatesToCellName(len(t.Columns), top)
	f.SetCellStyle(sheet, first, headerEnd, w.header)
	for r, row := range t.Rows {
		if r%2 == 1 {
			a, _ := excelize.CoordinatesToCellName(1, top+1+r)
			b, _ := excelize.CoordinatesToCellName(len(t.Columns), top+1+r)
			f.SetCellStyle(sheet, a, b, w.band)
		}
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, top+1+r)
			if err := w.setCell(sheet, cell, v); err != nil {
				return err
			}
		}
	}
	w.tables++
	stripes := true
	if err := f.AddTable(sheet, &excelize.Table{
		Range: first + ":" + last, Name: fmt.Sprintf("T%d_%s", w.tables, strings.ReplaceAll(sheet, " ", "_")),
		StyleName: "TableStyleMedium2", ShowRowStripes: &stripes,
	}); err != nil {
		return fmt.Errorf("table on %s: %w", sheet, err)
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: fmt.Sprintf("A%d", top+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	// Printed, every page repeats the header rows, as the screen freezes them.
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), top)}); err != nil {
		return fmt.Errorf("print titles on %s: %w", sheet, err)
	}
	return w.printSetup(sheet)
}

func (w *workbook) setCell(sheet, cell string, v any) error {
	f := w.f
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if err := f.SetCellStr(sheet, cell, w.text(x)); err != nil {
			return err
		}
		if len(x) > 60 {
			return f.SetCellStyle(sheet, cell, cell, w.wrap)
		}
		return nil
	case link:
		text := w.text(x.Text)
		if err := f.SetCellStr(sheet, cell, text); err != nil {
			return err
		}
		if u, err := url.Parse(x.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			// Only web links: a link to file:// or javascript: from a web page is never made.
			if err := f.SetCellHyperLink(sheet, cell, x.URL, "External"); err != nil {
				return err
			}
			return f.SetCellStyle(sheet, cell, cell, w.linkSt)
		}
		return nil
	default:
		return f.SetCellValue(sheet, cell, x)
	}
}

func (w *workbook) printSetup(sheet string) error {
	landscape := "landscape"
	one, zero := 1, 0
	if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	return w.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

func (w *workbook) save(path string) error {
	if idx, err := w.f.GetSheetIndex(w.f.GetSheetName(0)); err == nil {
		w.f.SetActiveSheet(idx)
	}
	defer w.f.Close()
	removeStaleTemps(filepath.Dir(path))
	if err := writeAtomic(path, func(f *os.File) error { return w.f.Write(f) }); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// rowsAsMaps reads every row into column -> value maps.
func rowsAsMaps(rows *sql.Rows) ([]map[string]any, error) {
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		m := make(map[string]any, len(cols))
		for i, c := range cols {
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func str(v any) string {
	s, _ := cellText(v)
	return s
}

// orBlank turns a SQL NULL into an empty cell and keeps other values; DuckDB's
// 128-bit sums become numbers a spreadsheet can chart.
func orBlank(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case []byte:
		return string(x)
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f
	}
	return v
}
