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
	// Partition: the columns a Parquet export partitions the table by (a folder
	// per value, Hive's layout); none for a table written as one file.
	Partition []string
}

// byYearAndLA is how the tables of crawled data are partitioned in Parquet.
var byYearAndLA = []string{"academic_year", "la_code"}

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
		{"documents", get("documents"), byYearAndLA},
		{"facts", get("facts"), byYearAndLA},
		{"school_years", get("dataset"), byYearAndLA},
		{"schools", get("schools"), nil},
		{"fetches", get("fetches"), byYearAndLA},
		{"services", get("services"), byYearAndLA},
	}
}

// ExportResult lists the files written and their rows.
type ExportResult struct {
	Files []string
	Rows  map[string]int
}

// Export writes the research dataset: one CSV per table and a data dictionary.
// Files are written under temporary names, synced and renamed when complete, so
// a failed or killed export never leaves a half-written file that looks whole.
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
	// An xlsx export is one workbook: -o may name it (export.xlsx) or the folder for it.
	xlsxPath := filepath.Join(opt.Dir, "sendscope-export.xlsx")
	if opt.Format == "xlsx" && strings.EqualFold(filepath.Ext(opt.Dir), ".xlsx") {
		xlsxPath, opt.Dir = opt.Dir, filepath.Dir(opt.Dir)
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return res, fmt.Errorf("creating %s: %w", opt.Dir, err)
	}
	// What a killed export left half-written goes before this one starts.
	removeStaleTemps(opt.Dir)
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
		var n int
		var types []*sql.ColumnType
		path := filepath.Join(opt.Dir, t.File+"."+opt.Format)
		// Large tables are read in key ranges, so no one result holds them whole.
		chunks := rowChunks(func(each func(*sql.Rows) error) error {
			return store.RunInRanges(ctx, t.Analysis, params, 25000, each)
		})
		switch {
		case book != nil:
			n, types, err = book.table(t.File, chunks, red)
		case opt.Format == "parquet":
			// DuckDB writes Parquet itself, keeping the store's column types; text is
			// pseudonymised on the way by a Go function registered with DuckDB.
			var clean func(string) string
			if red != nil {
				clean = red.Text
			}
			if len(t.Partition) > 0 {
				// A folder per academic_year and la_code value, written whole under a
				// temporary name and renamed.
				path = filepath.Join(opt.Dir, t.File)
				n, err = writeParquetDataset(ctx, store, t, params, path, clean)
				path += string(filepath.Separator)
			} else {
				tmp := tempName(path)
				if n, err = store.ExportParquet(ctx, t.Analysis, params, tmp, nil, clean); err == nil {
					err = renameWritten(tmp, path)
				} else {
					os.Remove(tmp)
				}
			}
			if err == nil {
				types, err = columnTypesOf(ctx, store, t.Analysis, params)
			}
		default:
			n, types, err = writeCSV(path, chunks, red)
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
		tmp := tempName(path)
		if err = store.WriteParquetStrings(ctx, tmp, header, dict); err == nil {
			err = renameWritten(tmp, path)
		} else {
			os.Remove(tmp)
		}
	case "xlsx":
		// One workbook: the dictionary is its last sheet.
		path = xlsxPath
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

// writeParquetDataset writes a table as a Hive-partitioned Parquet folder at
// dir: under a temporary name first, renamed when whole.
func writeParquetDataset(ctx context.Context, store *queries.Store, t ExportTable, p queries.Params, dir string, clean func(string) string) (int, error) {
	tmp := tempName(dir)
	os.RemoveAll(tmp)
	n, err := store.ExportParquet(ctx, t.Analysis, p, tmp, t.Partition, clean)
	if err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	return n, renameWrittenDir(tmp, dir)
}

// columnTypesOf runs a table for its column types alone.
func columnTypesOf(ctx context.Context, store *queries.Store, a queries.Analysis, p queries.Params) ([]*sql.ColumnType, error) {
	rows, err := store.Run(ctx, queries.Analysis{Name: a.Name, SQL: "SELECT * FROM (" + a.SQL + ") LIMIT 0"}, p)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.ColumnTypes()
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

// rowChunks hands a table's rows over in one or more *sql.Rows, in order.
type rowChunks func(each func(*sql.Rows) error) error

// writeCSV streams rows to path, redacting and neutralising text cells.
func writeCSV(path string, chunks rowChunks, red *Redactor) (int, []*sql.ColumnType, error) {
	var types []*sql.ColumnType
	n := 0
	err := writeAtomic(path, func(f *os.File) error {
		w := csv.NewWriter(f)
		err := chunks(func(rows *sql.Rows) error {
			if types == nil {
				var err error
				if types, err = rows.ColumnTypes(); err != nil {
					return err
				}
				header := make([]string, len(types))
				for i, t := range types {
					header[i] = t.Name()
				}
				w.Write(header)
			}
			vals := make([]any, len(types))
			ptrs := make([]any, len(types))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rec := make([]string, len(types))
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					return err
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
					return err
				}
				n++
			}
			return rows.Err()
		})
		if err != nil {
			return err
		}
		w.Flush()
		return w.Error()
	})
	return n, types, err
}

func writeRecords(path string, recs [][]string) error {
	return writeAtomic(path, func(f *os.File) error {
		w := csv.NewWriter(f)
		w.WriteAll(recs)
		return w.Error()
	})
}
