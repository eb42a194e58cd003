package main

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/reports"
)

// TestParquetDatasetReadsAsOneTable: each table of crawled data is written as a
// Hive-partitioned folder (academic_year=2025%2F26/la_code=998/...), and DuckDB
// reading it as one table, with the query the README gives, gets exactly the
// rows the store's named table gives, values and types alike.
func TestParquetDatasetReadsAsOneTable(t *testing.T) {
	_, db := crawledArea(t)
	ctx := context.Background()
	dir := t.TempDir()
	code, stdout, stderr := sendscope(t, ctx, "--db", db, "export", "--year", "2025/26", "--format", "parquet", "--include-personal", "-o", dir)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	store, err := queries.OpenReadOnly(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	duck, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()
	for _, table := range reports.ExportTables() {
		if len(table.Partition) == 0 {
			continue
		}
		folder := filepath.Join(dir, table.File)
		if !strings.Contains(stdout, folder+string(filepath.Separator)+"\n") {
			t.Errorf("the export does not name %s/ on stdout:\n%s", folder, stdout)
		}
		rows, err := store.Run(ctx, table.Analysis, queries.Params{Year: "2025/26"})
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		want := rowSet(t, rows)
		src := parquetTable(dir, table.File)
		var quoted []string
		for _, c := range cols {
			quoted = append(quoted, `"`+c+`"`)
		}
		rows, err = duck.Query(`SELECT ` + strings.Join(quoted, ", ") + ` FROM ` + src)
		if err != nil {
			t.Fatalf("%s: %v", table.File, err)
		}
		got := rowSet(t, rows)
		// services has none (the shared crawl visits no Local Offer): it must read as a table of no rows.
		if len(want) == 0 && table.File != "services" {
			t.Errorf("%s: the store has no rows to compare", table.File)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %d rows read back from the folder, %d in the store; first differing:\n got %v\nwant %v",
				table.File, len(got), len(want), firstDiff(got, want), firstDiff(want, got))
		}
	}

	// The layout: a folder per year and LA, the year's slash escaped as Hive does,
	// every file 0644, and the partition columns held by the names alone.
	for _, part := range []string{"academic_year=2025%2F26/la_code=998", "academic_year=2025%2F26/la_code=997"} {
		files, _ := filepath.Glob(filepath.Join(dir, "documents", filepath.FromSlash(part), "*.parquet"))
		if len(files) == 0 {
			t.Errorf("no documents/%s/*.parquet", part)
		}
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") {
			t.Errorf("a temporary file is left: %s", p)
		}
		if info, err := d.Info(); err == nil && info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", p, info.Mode().Perm())
		}
		if filepath.Base(filepath.Dir(p)) == "la_code=998" {
			var inFile int
			duck.QueryRow(`SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet(?, hive_partitioning = false)) WHERE column_name IN ('academic_year', 'la_code')`, p).Scan(&inFile)
			if inFile != 0 {
				t.Errorf("%s holds the partition columns as well as its folder names", p)
			}
		}
		return nil
	})

	// Exporting again replaces each folder whole: no file of the first export is left.
	stray := filepath.Join(dir, "documents", "academic_year=2019%2F20", "la_code=998", "data_0.parquet")
	os.MkdirAll(filepath.Dir(stray), 0o755)
	os.WriteFile(stray, []byte("not parquet"), 0o644)
	if code, _, stderr := sendscope(t, ctx, "--db", db, "export", "--year", "2025/26", "--format", "parquet", "-o", dir); code != 0 {
		t.Fatalf("second export: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(stray); err == nil {
		t.Error("a file of the earlier export is left inside documents/")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left in the folder after the second export: %s", e.Name())
		}
	}
}

// rowSet reads every row as text, sorted, for comparing two sources as multisets.
func rowSet(t *testing.T, rows *sql.Rows) []string {
	t.Helper()
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []string
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%#v", vals))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// firstDiff is the first row of a not in b.
func firstDiff(a, b []string) string {
	for _, r := range a {
		if !slices.Contains(b, r) {
			return r
		}
	}
	return "(none)"
}
