package reports

import (
	"database/sql"
	"fmt"
	"math"
	"math/big"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheetTable is a block of rows to lay out as an Excel table.
type sheetTable struct {
	Columns []string  // header names as users read them
	Widths  []float64 // column widths
	Rows    [][]any   // values: string, float64, int, bool, or link
	// RotateFrom turns the headers from this column on (1-based; 0: none) a
	// quarter turn, so a matrix of many narrow columns fits a printed page.
	RotateFrom int
	Portrait   bool // print upright (the default is landscape when wide)
	// Codes, when given, are the columns' names, set small under their words in
	// the header (the words wrap; a name is one long word).
	Codes []string
	// NoFreeze leaves the sheet's panes and printed titles alone: a table below
	// other content (on the Summary) has its filter but freezes nothing.
	NoFreeze bool
}

// link is a cell that opens a URL.
type link struct {
	URL  string
	Text string
}

// workbook wraps excelize with the house style: bold coloured headers, banded
// Excel tables with filters, frozen header rows repeated on every printed page,
// A4 pages fitted to width, rows as tall as their wrapped text (LibreOffice
// shows none of these unless they are set explicitly: it neither grows a row
// for wrapped text in a file it opens nor draws a table style).
type workbook struct {
	f        *excelize.File
	redactor *Redactor // nil: show personal data as published
	bold     int
	header   int
	headRot  int
	body     int
	band     int
	title    int
	wrap     int
	linkSt   int
	linkBand int
	pct      int
	note     int
	sentence int
	tables   int
}

// Fonts: Arial 10 in tables, whose line LibreOffice prints about 11.4 points high.
const (
	bodySize   = 10
	lineHeight = 11.5
)

func newWorkbook(red *Redactor) (*workbook, error) {
	f := excelize.NewFile()
	w := &workbook{f: f, redactor: red}
	arial := func(size float64, bold bool, colour string) *excelize.Font {
		return &excelize.Font{Family: "Arial", Size: size, Bold: bold, Color: colour}
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	styles := []struct {
		id *int
		st excelize.Style
	}{
		{&w.title, excelize.Style{Font: arial(16, true, "000000")}},
		{&w.bold, excelize.Style{Font: arial(bodySize, true, "000000"), Alignment: top}},
		// Table header and banding are set as cell styles too: LibreOffice draws no
		// table style of its own.
		{&w.header, excelize.Style{Font: arial(bodySize, true, "FFFFFF"), Fill: fill("1F4E79"), Alignment: &excelize.Alignment{Vertical: "bottom", WrapText: true}}},
		{&w.headRot, excelize.Style{Font: arial(bodySize, true, "FFFFFF"), Fill: fill("1F4E79"), Alignment: &excelize.Alignment{Vertical: "bottom", Horizontal: "center", TextRotation: 90, WrapText: true}}},
		{&w.body, excelize.Style{Font: arial(bodySize, false, "000000"), Alignment: top}},
		{&w.band, excelize.Style{Font: arial(bodySize, false, "000000"), Fill: fill("EAF1FB"), Alignment: top}},
		{&w.wrap, excelize.Style{Font: arial(bodySize, false, "000000"), Alignment: top}},
		{&w.linkSt, excelize.Style{Font: &excelize.Font{Family: "Arial", Size: bodySize, Color: "1F4E9E", Underline: "single"}, Alignment: top}},
		{&w.linkBand, excelize.Style{Font: &excelize.Font{Family: "Arial", Size: bodySize, Color: "1F4E9E", Underline: "single"}, Fill: fill("EAF1FB"), Alignment: top}},
		{&w.pct, excelize.Style{NumFmt: 10, Font: arial(bodySize, false, "000000"), Alignment: top}},
		{&w.note, excelize.Style{Font: &excelize.Font{Family: "Arial", Size: bodySize, Italic: true, Color: "404040"}, Alignment: top}},
		{&w.sentence, excelize.Style{Font: arial(11, false, "000000"), Alignment: top}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.st)
		if err != nil {
			return nil, err
		}
		*s.id = id
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

// put writes rows as an Excel table starting at row top: a filter on its
// header, the header frozen on screen and repeated on every printed page, rows
// as tall as their wrapped text.
func (w *workbook) put(sheet string, top int, t sheetTable) error {
	f := w.f
	widths := make([]float64, len(t.Columns))
	for i := range t.Columns {
		widths[i] = 12
		if i < len(t.Widths) {
			widths[i] = t.Widths[i]
		}
		// A header wraps between words, never inside one ("Confidenc/e"):
		// the column is at least as wide as the header's longest word in bold.
		for _, word := range strings.Fields(t.Columns[i]) {
			widths[i] = max(widths[i], float64(len([]rune(word)))*1.15+1)
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sheet, col, col, widths[i])
	}
	headLines := 1
	for i, c := range t.Columns {
		cell, _ := excelize.CoordinatesToCellName(i+1, top)
		f.SetCellStr(sheet, cell, c)
		if i < len(t.Codes) && t.Codes[i] != "" {
			f.SetCellRichText(sheet, cell, []excelize.RichTextRun{
				{Text: c, Font: &excelize.Font{Family: "Arial", Size: bodySize, Bold: true, Color: "FFFFFF"}},
				{Text: "\n" + t.Codes[i], Font: &excelize.Font{Family: "Arial", Size: 8, Color: "DDE6F3"}},
			})
			// The name is in 8 points: a line holds a quarter more of it.
			headLines = max(headLines, wrappedLines(c, widths[i]*0.9)+wrappedLines(t.Codes[i], widths[i]*1.25))
		}
		st := w.header
		if t.RotateFrom > 0 && i+1 >= t.RotateFrom {
			st = w.headRot
		} else {
			headLines = max(headLines, wrappedLines(c, widths[i]*0.9)) // bold is wider
		}
		f.SetCellStyle(sheet, cell, cell, st)
	}
	headHeight := float64(headLines)*lineHeight + 4
	if t.RotateFrom > 0 {
		// Turned headers are as tall as the longest, in characters of about 6 points.
		longest := 0
		for _, c := range t.Columns[t.RotateFrom-1:] {
			longest = max(longest, utf8.RuneCountInString(c))
		}
		headHeight = max(headHeight, min(float64(longest)*6+8, 220))
	}
	f.SetRowHeight(sheet, top, headHeight)
	for r, row := range t.Rows {
		rowNum := top + 1 + r
		a, _ := excelize.CoordinatesToCellName(1, rowNum)
		b, _ := excelize.CoordinatesToCellName(len(t.Columns), rowNum)
		st := w.body
		if r%2 == 1 {
			st = w.band
		}
		f.SetCellStyle(sheet, a, b, st)
		lines := 1
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, rowNum)
			if err := w.setCell(sheet, cell, v); err != nil {
				return err
			}
			if l, ok := v.(link); ok && r%2 == 1 && validLink(l.URL) {
				f.SetCellStyle(sheet, cell, cell, w.linkBand)
			}
			if c < len(widths) {
				lines = max(lines, wrappedLines(cellString(v), widths[c]))
			}
		}
		if lines > 1 {
			f.SetRowHeight(sheet, rowNum, float64(min(lines, 30))*lineHeight+3)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.Columns), top+max(len(t.Rows), 1))
	first, _ := excelize.CoordinatesToCellName(1, top)
	w.tables++
	stripes := true
	if err := f.AddTable(sheet, &excelize.Table{
		Range: first + ":" + last, Name: fmt.Sprintf("T%d_%s", w.tables, tableName(sheet)),
		StyleName: "TableStyleMedium2", ShowRowStripes: &stripes,
	}); err != nil {
		return fmt.Errorf("table on %s: %w", sheet, err)
	}
	if t.NoFreeze {
		return nil
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: fmt.Sprintf("A%d", top+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	total := 0.0
	for _, x := range widths {
		total += x
	}
	// A4 upright holds about 95 characters of width at full size, across about
	// 140. A table much wider than that is printed over more pages across, its
	// first column (what the row is about) repeated on each, rather than
	// shrunk to a size nobody reads (22 columns on one page printed at 6 pt).
	pagesWide := 1
	if !t.Portrait && total > 1.3*landscapeChars {
		pagesWide = int(math.Ceil(total / landscapeChars))
	}
	// Printed, every page repeats the header rows, as the screen freezes them.
	quoted := strings.ReplaceAll(sheet, "'", "''")
	titles := fmt.Sprintf("'%s'!$1:$%d", quoted, top)
	if pagesWide > 1 {
		titles = fmt.Sprintf("'%s'!$A:$A,", quoted) + titles
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: titles}); err != nil {
		return fmt.Errorf("print titles on %s: %w", sheet, err)
	}
	return w.printSetupAcross(sheet, !t.Portrait && total > 95, pagesWide)
}

// landscapeChars is about how many characters of column width an A4 page
// printed landscape holds at full size.
const landscapeChars = 140

// tableName is a sheet name as a valid Excel table name: letters, digits, _.
func tableName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, s)
}

// wrappedLines is how many lines text takes wrapped at word boundaries in a
// column of the given width (Excel's unit: one digit of the default Calibri
// 11, about 1.5 average characters of Arial 10, measured on LibreOffice's PDF).
func wrappedLines(s string, width float64) int {
	per := max(int(width*1.45)-1, 4)
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		n, cur := 1, 0
		for _, word := range strings.Fields(para) {
			l := utf8.RuneCountInString(word)
			switch {
			case cur == 0:
				cur = l
			case cur+1+l <= per:
				cur += 1 + l
			default:
				n++
				cur = l
			}
			for cur > per { // a word longer than the line breaks anywhere
				n++
				cur -= per
			}
		}
		lines += n
	}
	return max(lines, 1)
}

// cellString is a cell's value as it shows, for measuring.
func cellString(v any) string {
	switch x := v.(type) {
	case link:
		return x.Text
	case string:
		return x
	case nil:
		return ""
	}
	s, _ := cellText(v)
	return s
}

func validLink(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https")
}

func (w *workbook) setCell(sheet, cell string, v any) error {
	f := w.f
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return f.SetCellStr(sheet, cell, w.text(x))
	case link:
		text := w.text(x.Text)
		if err := f.SetCellStr(sheet, cell, text); err != nil {
			return err
		}
		if validLink(x.URL) {
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

// printSetup sets a sheet's printed page: A4, upright or landscape, fitted to
// one page wide (as many pages down as it needs), narrow margins.
func (w *workbook) printSetup(sheet string, landscape bool) error {
	return w.printSetupAcross(sheet, landscape, 1)
}

// printSetupAcross is printSetup fitted to pagesWide pages across.
func (w *workbook) printSetupAcross(sheet string, landscape bool, pagesWide int) error {
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	a4, zero := 9, 0
	if err := w.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &pagesWide, FitToHeight: &zero}); err != nil {
		return err
	}
	m, hf := 0.5, 0.3
	if err := w.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m, Header: &hf, Footer: &hf}); err != nil {
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
