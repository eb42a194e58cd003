package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/queries"
)

// bigStore is a store of 1,000 documents and 60,000 facts naming SENCOs, made
// in SQL: big enough that exporting its facts takes long enough to be killed.
func bigStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "big.duckdb")
	s, err := queries.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.DB().Exec(`
INSERT INTO crawl_runs (run_id, academic_year, started_at, status) VALUES (1, '2025/26', now(), 'done');
INSERT INTO documents (doc_id, run_id, urn, academic_year, url, final_url, format, doc_type, sha256, fetched_at, text, extractor_version, extracted_at)
SELECT i, 1, 100000 + i, '2025/26', 'https://school' || i || '.example/send/', 'https://school' || i || '.example/send/', 'html',
       'sen_information_report', md5(i::VARCHAR), now(), 'Our SENCO is Mrs Julie Strogen' || i || '.', 't', now() FROM range(1000) t(i);
INSERT INTO facts (doc_id, field, value, value_num, evidence, evidence_start, evidence_end, confidence, extractor_version)
SELECT i // 60, CASE WHEN i % 60 = 0 THEN 'senco.name' ELSE 'need.type' END,
       CASE WHEN i % 60 = 0 THEN 'Mrs Julie Strogen' || (i // 60) ELSE 'ASD' END, NULL,
       'Mrs J. Strogen' || (i // 60) || ' supports pupils with autism ' || md5(i::VARCHAR), 0, 60, 0.8, 't'
FROM range(60000) t(i);`)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// TestKill9DuringExport kills a real `sendscope export` process with SIGKILL
// while it writes the facts table (csv, parquet) or the workbook (xlsx), and
// checks that every file under a final name is complete: each CSV parses to the
// rows of a clean export, each Parquet file opens in DuckDB with its rows, the
// workbook opens. The next export removes what the killed one left half-written
// (its temporary files and DuckDB spill folder) and completes.
func TestKill9DuringExport(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a store of 60,000 facts")
	}
	db := bigStore(t)
	ctx := context.Background()
	for _, format := range []string{"csv", "parquet", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			ref := t.TempDir()
			if code, _, stderr := sendscope(t, ctx, "--db", db, "export", "--all-years", "--format", format, "-o", ref); code != 0 {
				t.Fatalf("clean export: exit %d\n%s", code, stderr)
			}
			want := exportedRows(t, ref, format)

			out := t.TempDir()
			child := exec.Command(os.Args[0], "--db", db, "export", "--all-years", "--format", format, "-o", out)
			child.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1")
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- child.Wait() }()
			target := ".facts"
			if format == "xlsx" {
				target = ".sendscope-export" // one workbook, written at the end
			}
			killed := ""
			deadline := time.After(2 * time.Minute)
		poll:
			for {
				select {
				case err := <-exited:
					t.Fatalf("the export ended (%v) before it could be killed mid-write", err)
				case <-deadline:
					child.Process.Kill()
					t.Fatal("no temporary file appeared in 2 minutes")
				case <-time.After(time.Millisecond):
				}
				entries, _ := os.ReadDir(out)
				for _, e := range entries {
					info, err := e.Info()
					if err == nil && strings.HasPrefix(e.Name(), target) && strings.Contains(e.Name(), ".sendscope-tmp-") &&
						(format == "xlsx" || info.Size() > 0) {
						child.Process.Kill() // SIGKILL: no cleanup of any kind
						killed = e.Name()
						break poll
					}
				}
			}
			<-exited
			if _, err := os.Stat(filepath.Join(out, killed)); err != nil {
				t.Fatalf("the kill came after %s was complete: %v", killed, err)
			}
			got := exportedRows(t, out, format)
			if len(got) == len(want) {
				t.Errorf("every file is under its final name after a kill mid-write: %v", got)
			}
			for name, n := range got {
				if n != want[name] {
					t.Errorf("%s: %d rows under its final name after the kill, %d in a clean export", name, n, want[name])
				}
			}

			if code, _, stderr := sendscope(t, ctx, "--db", db, "export", "--all-years", "--format", format, "-o", out); code != 0 {
				t.Fatalf("export after the kill: exit %d\n%s", code, stderr)
			}
			entries, _ := os.ReadDir(out)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("left in the folder after the next export: %s", e.Name())
				}
			}
			if spills, _ := filepath.Glob(db + ".sendscope-spill-*"); len(spills) > 0 {
				t.Errorf("spill folders left beside the store: %v", spills)
			}
			got = exportedRows(t, out, format)
			for name, n := range want {
				if got[name] != n {
					t.Errorf("%s: %d rows after the export that followed the kill, want %d", name, got[name], n)
				}
			}
		})
	}
}

// exportedRows reads back every file of an export folder under its final name
// (a file that cannot be read whole fails the test) and counts its rows; for
// xlsx, the rows of each sheet.
func exportedRows(t *testing.T, dir, format string) map[string]int {
	t.Helper()
	out := map[string]int{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".") {
			continue // a temporary name: never read as the export
		}
		switch format {
		case "csv":
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(f).ReadAll()
			f.Close()
			if err != nil || len(recs) == 0 {
				t.Errorf("%s is not a whole CSV: %v", name, err)
				continue
			}
			out[name] = len(recs) - 1
		case "parquet":
			if e.IsDir() { // a partitioned table: its files read as one
				path = filepath.Join(path, "**", "*.parquet")
			}
			out[name] = parquetRows(t, path)
		case "xlsx":
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Errorf("%s does not open: %v", name, err)
				continue
			}
			for _, sh := range f.GetSheetList() {
				rows, err := f.Rows(sh)
				if err != nil {
					t.Errorf("%s!%s: %v", name, sh, err)
					continue
				}
				n := 0
				for rows.Next() {
					n++
				}
				rows.Close()
				out[name+"!"+sh] = n - 1
			}
			f.Close()
		}
	}
	return out
}

// parquetRows opens a Parquet file (or the files a glob names) in DuckDB and
// counts its rows (-1 if it does not open).
func parquetRows(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM read_parquet('` + strings.ReplaceAll(path, "'", "''") + `')`).Scan(&n); err != nil {
		t.Errorf("%s does not open in DuckDB: %v", filepath.Base(path), err)
		return -1
	}
	return n
}
