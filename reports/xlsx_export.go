package reports

import (
	"database/sql"
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

// maxSheetRows is Excel's row limit less the header row (a variable so a test
// can see a table continue on a second sheet without a million rows).
var maxSheetRows = 1048576 - 1

// xlsxExport is the research export as one workbook, a sheet per table, written
// through excelize's stream writer so a table of a million rows does not sit in
// memory; a table past Excel's row limit continues on "<table> (2)", and so on.
type xlsxExport struct {
	f      *excelize.File
	header int
	first  bool
}

func newXLSXExport() (*xlsxExport, error) {
	f := excelize.NewFile()
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF", Family: "Arial"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}})
	if err != nil {
		return nil, err
	}
	return &xlsxExport{f: f, header: header, first: true}, nil
}

// sheet starts a stream-written sheet with a header row and a frozen pane.
func (x *xlsxExport) sheet(name string, cols []string) (*excelize.StreamWriter, error) {
	name = sheetName(name)
	if x.first {
		x.f.SetSheetName("Sheet1", name)
		x.first = false
	} else if _, err := x.f.NewSheet(name); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	for i := range cols {
		sw.SetColWidth(i+1, i+1, 18)
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c
	}
	return sw, sw.SetRow("A1", head, excelize.RowOpts{StyleID: x.header})
}

// table streams rows, handed over in chunks, into one or more sheets named for
// the table.
func (x *xlsxExport) table(name string, chunks rowChunks, red *Redactor) (int, []*sql.ColumnType, error) {
	var (
		sw      *excelize.StreamWriter
		types   []*sql.ColumnType
		cols    []string
		part    = 1
		n       int
		inSheet int
	)
	err := chunks(func(rows *sql.Rows) error {
		if types == nil {
			var err error
			if types, err = rows.ColumnTypes(); err != nil {
				return err
			}
			for _, t := range types {
				cols = append(cols, t.Name())
			}
			if sw, err = x.sheet(name, cols); err != nil {
				return err
			}
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		out := make([]any, len(cols))
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			if inSheet == maxSheetRows {
				if err := sw.Flush(); err != nil {
					return err
				}
				part++
				var err error
				if sw, err = x.sheet(fmt.Sprintf("%s (%d)", name, part), cols); err != nil {
					return err
				}
				inSheet = 0
			}
			for i, v := range vals {
				switch v.(type) {
				case string, []byte, []any, map[string]any: // text, and lists shown as text
					t, _ := cellText(v)
					if red != nil {
						t = red.Text(t)
					}
					out[i] = SafeText(t)
				default:
					out[i] = orBlank(v)
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, inSheet+2)
			if err := sw.SetRow(cell, out); err != nil {
				return err
			}
			n++
			inSheet++
		}
		return rows.Err()
	})
	if err != nil {
		return n, nil, err
	}
	return n, types, sw.Flush()
}

func (x *xlsxExport) save(path string) error {
	defer x.f.Close()
	return writeAtomic(path, func(f *os.File) error { return x.f.Write(f) })
}

// dictionary writes the data dictionary sheet.
func (x *xlsxExport) dictionary(header []string, rows [][]string) error {
	sw, err := x.sheet("data_dictionary", header)
	if err != nil {
		return err
	}
	for i, r := range rows {
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}
