package reports

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sendscope/sendscope/queries"
)

// ExportOptions choose what Export writes.
type ExportOptions struct {
	Dir             string
	Year            string // "" for every year
	LA              string
	Format          string // csv
	IncludePersonal bool   // keep names, e-mails and phones as published
}

// ExportTable is one file of the research export and the named SQL behind it.
type ExportTable struct {
	File     string // file name without extension
	Analysis queries.Analysis
}

// ExportTables are the tables of the research export, in DATASET.md's order.
func ExportTables() []ExportTable {
	get := func(name string) queries.Analysis {
		a, ok := queries.Lookup(name)
		if !ok {
			panic("reports: no named query " + name)
		}
		return a
	}
	return []ExportTable{
		{"documents", get("documents")},
		{"facts", get("facts")},
		{"school_years", get("dataset")},
		{"schools", get("schools")},
		{"fetches", get("fetches")},
		{"services", get("services")},
	}
}

// ExportResult lists the files written and their rows.
type ExportResult struct {
	Files []string
	Rows  map[string]int
}

// Export writes the research dataset: one CSV per table and a data dictionary.
// Files are written under temporary names and renamed when complete, so a failed
// export never leaves a half-written file that looks whole.
func Export(ctx context.Context, store *queries.Store, opt ExportOptions) (ExportResult, error) {
	res := ExportResult{Rows: map[string]int{}}
	if opt.Format == "" {
		opt.Format = "csv"
	}
	var book *xlsxExport
	switch opt.Format {
	case "csv", "parquet":
	case "xlsx":
		var err error
		if book, err = newXLSXExport(); err != nil {
			return res, err
		}
	default:
		return res, fmt.Errorf("export format %q is not supported: use csv, parquet or xlsx", opt.Format)
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return res, fmt.Errorf("creating %s: %w", opt.Dir, err)
	}
	var red *Redactor
	if !opt.IncludePersonal {
		var err error
		if red, err = storeRedactor(ctx, store); err != nil {
			return res, err
		}
	}
	var dict [][]string
	var err error
	for _, t := range ExportTables() {
		params := queries.Params{Year: opt.Year, LA: opt.LA}
		rows, err := store.Run(ctx, t.Analysis, params)
		if err != nil {
			return res, err
		}
		var n int
		var types []*sql.ColumnType
		path := filepath.Join(opt.Dir, t.File+"."+opt.Format)
		if book != nil {
			n, types, err = book.table(t.File, rows, red)
			rows.Close()
		} else if opt.Format == "parquet" {
			// DuckDB writes Parquet itself, keeping the store's column types; text is
			// pseudonymised on the way by a Go function registered with DuckDB.
			types, err = rows.ColumnTypes()
			rows.Close()
			if err == nil {
				var clean func(string) string
				if red != nil {
					clean = red.Text
				}
				n, err = store.ExportParquet(ctx, t.Analysis, params, path, clean)
			}
		} else {
			n, types, err = writeCSV(path, rows, red)
			rows.Close()
		}
		if err != nil {
			return res, fmt.Errorf("writing %s: %w", path, err)
		}
		if book == nil {
			res.Files = append(res.Files, path)
		}
		res.Rows[t.File] = n
		meanings := map[string]string{}
		for _, c := range t.Analysis.Columns {
			meanings[c.Name] = c.Meaning
		}
		for _, col := range types {
			dict = append(dict, []string{t.File, col.Name(), strings.ToLower(col.DatabaseTypeName()), meanings[col.Name()], sourceOf(t.File), licenceOf(t.File)})
		}
	}
	path := filepath.Join(opt.Dir, "data_dictionary."+opt.Format)
	header := []string{"table", "column", "type", "meaning", "source", "licence"}
	switch opt.Format {
	case "parquet":
		err = store.WriteParquetStrings(ctx, path, header, dict)
	case "xlsx":
		// One workbook: the dictionary is its last sheet.
		path = filepath.Join(opt.Dir, "sendscope-export.xlsx")
		err = book.dictionary(header, dict)
		if err == nil {
			err = book.save(path)
		}
	default:
		err = writeRecords(path, append([][]string{header}, dict...))
	}
	if err != nil {
		return res, err
	}
	res.Files = append(res.Files, path)
	res.Rows["data_dictionary"] = len(dict)
	return res, nil
}

func sourceOf(table string) string {
	switch table {
	case "schools":
		return "DfE Get Information About Schools (Open Government Licence v3.0)"
	case "fetches":
		return "sendscope crawl log"
	case "services":
		return "local authorities' Local Offer websites and Open Referral UK feeds, read by sendscope"
	}
	return "schools' published SEN documents, read by sendscope"
}

// licenceOf says under what terms a table's contents may be reused.
func licenceOf(table string) string {
	switch table {
	case "schools":
		return "Open Government Licence v3.0"
	case "fetches":
		return "sendscope's own record: reuse freely"
	}
	return "facts and figures derived from documents published by schools and local authorities; quoted evidence remains theirs, quoted for research and accountability"
}

func storeRedactor(ctx context.Context, store *queries.Store) (*Redactor, error) {
	key, err := store.PseudonymKey(ctx)
	if err != nil {
		return nil, err
	}
	personal, err := store.PersonalValues(ctx)
	if err != nil {
		return nil, err
	}
	return NewRedactor(key, personal), nil
}

// writeCSV streams rows to path, redacting and neutralising text cells.
func writeCSV(path string, rows *sql.Rows, red *Redactor) (int, []*sql.ColumnType, error) {
	types, err := rows.ColumnTypes()
	if err != nil {
		return 0, nil, err
	}
	tmp := path + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		return 0, nil, err
	}
	defer os.Remove(tmp)
	w := csv.NewWriter(f)
	header := make([]string, len(types))
	for i, t := range types {
		header[i] = t.Name()
	}
	w.Write(header)
	vals := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	rec := make([]string, len(types))
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			f.Close()
			return n, nil, err
		}
		for i, v := range vals {
			s, isText := cellText(v)
			if isText {
				if red != nil {
					s = red.Text(s)
				}
				s = SafeText(s)
			}
			rec[i] = s
		}
		if err := w.Write(rec); err != nil {
			f.Close()
			return n, nil, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		f.Close()
		return n, nil, err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return n, nil, err
	}
	if err := f.Close(); err != nil {
		return n, nil, err
	}
	return n, types, os.Rename(tmp, path)
}

func writeRecords(path string, recs [][]string) error {
	tmp := path + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	w := csv.NewWriter(f)
	w.WriteAll(recs)
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
