package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// TestQuerySQLReadsTheStoreOnly runs every form of the report, and the tricks
// around them, through the command line: each is refused with exit status 2 and
// one line naming what was refused, and afterwards the store is byte for byte as
// it was, another store is unchanged, no file has appeared and no request went
// out. Reads still run, and so do the named analyses.
func TestQuerySQLReadsTheStoreOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	area, err := simarea.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer area.Close()
	reg := filepath.Join(dir, "register.csv")
	area.WriteRegister(reg)
	db := filepath.Join(dir, "store.duckdb")
	other := filepath.Join(dir, "other.duckdb")
	for _, path := range []string{db, other} {
		if code, _, stderr := sendscope(t, ctx, "--db", path, "register", "import", reg); code != 0 {
			t.Fatalf("import into %s: exit %d %s", path, code, stderr)
		}
	}
	csvPath := filepath.Join(dir, "x.csv")
	os.WriteFile(csvPath, []byte("a,b\n1,2\n"), 0o644)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	before, _ := os.ReadFile(db)
	otherBefore, _ := os.ReadFile(other)
	names := dirNames(t, dir)

	refused := []struct{ query, want string }{
		{"COPY (SELECT 'x') TO '" + db + "'", "COPY writes files; to keep a result use `sendscope query sql"},
		{"COPY schools TO '" + filepath.Join(dir, "out.csv") + "'", "COPY writes files"},
		{"ATTACH '" + other + "' AS o (READ_WRITE); DROP TABLE o.facts", "ATTACH opens another database"},
		{"SELECT count(*) FROM schools; SELECT 1", "this has 2 separated by `;`"},
		{"SELECT 1 -- a comment\n; DROP TABLE schools", "DROP changes the store"},
		{"SELECT 1 /* ; */ ; /* hide */ delete from schools", "DELETE changes the store"},
		{"EXPORT DATABASE '" + filepath.Join(dir, "exported") + "'", "EXPORT DATABASE writes files; use `sendscope export`"},
		{"IMPORT DATABASE '" + dir + "'", "IMPORT DATABASE"},
		{"INSTALL httpfs", "INSTALL fetches DuckDB extensions"},
		{"load httpfs", "LOAD loads DuckDB extensions"},
		{"SET enable_external_access = true", "SET changes settings"},
		{"RESET lock_configuration", "RESET changes settings"},
		{"PRAGMA database_list", "PRAGMA can change settings; read the same facts with SELECT * FROM duckdb_databases()"},
		{"CALL enable_logging(storage_path => '" + dir + "')", "CALL runs procedures"},
		{"CHECKPOINT", "CHECKPOINT writes the store"},
		{"CREATE TABLE t AS SELECT 1", "CREATE changes the store"},
		{"INSERT INTO schools (urn) VALUES (1)", "INSERT changes the store"},
		{"UPDATE schools SET name = 'x'", "UPDATE changes the store"},
		{"DROP TABLE facts", "DROP changes the store"},
		{"ALTER TABLE schools DROP COLUMN name", "ALTER changes the store"},
		{"SELECT * FROM read_csv('" + csvPath + "')", "read_csv reads files or URLs"},
		{"SELECT * FROM read_parquet('x.parquet')", "read_parquet reads files"},
		{"SELECT * FROM read_json('x.json')", "read_json reads files"},
		{"SELECT * FROM read_text('" + csvPath + "')", "read_text reads files"},
		{"SELECT * FROM read_blob('" + db + "')", "read_blob reads files"},
		{"SELECT * FROM glob('" + dir + "/*')", "glob reads files"},
		{"SELECT * FROM 'x.csv'", "FROM 'x.csv' reads a file or URL"},
		{"  ( SELECT * FROM '" + csvPath + "' )", "reads a file or URL"},
		{"FROM '" + srv.URL + "/x.parquet'", "reads a file or URL"},
		{"FROM 'http://127.0.0.1:1/x.parquet'", "FROM 'http://127.0.0.1:1/x.parquet' reads a file or URL"},
		{"SELECT * FROM enable_logging(storage_path => '" + dir + "')", "table function enable_logging"},
		{"SELECT * FROM query('SELECT 1')", "table function query"},
		{"EXPLAIN COPY schools TO 'x.csv'", "COPY writes files"},
	}
	for _, c := range refused {
		code, stdout, stderr := sendscope(t, ctx, "--db", db, "query", "sql", c.query)
		if code != exitUsage || stdout != "" || strings.Count(stderr, "\n") != 1 ||
			!strings.HasPrefix(stderr, "sendscope: query sql reads the store only: ") || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line saying %q", c.query, code, stdout, stderr, c.want)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
			t.Fatalf("%q changed the store file", c.query)
		}
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(after, otherBefore) {
		t.Error("another store changed")
	}
	if now := dirNames(t, dir); !slices.Equal(now, names) {
		t.Errorf("files now %v, were %v", now, names)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests reached the web server", n)
	}

	reads := []struct{ query, want string }{
		{"SELECT count(*) AS n FROM schools", "n\n30\n"},
		{"  select ';' AS semi;", "semi\n;\n"},
		{"SELECT 'a;b' AS s -- ; DROP TABLE schools", "s\na;b\n"},
		{"WITH s AS (FROM schools) SELECT count(*) AS n FROM s", "n\n30\n"},
		{"(FROM schools SELECT count(*) AS n)", "n\n30\n"},
		{"SELECT current_setting('enable_external_access') AS e", "e\nfalse\n"},
		{"SELECT count(*) AS n FROM (SHOW TABLES) WHERE name IN ('facts', 'schools')", "n\n2\n"},
		{"SELECT count(*) > 0 AS ok FROM (DESCRIBE schools)", "ok\ntrue\n"},
		{"SELECT count(*) > 0 AS ok FROM (SUMMARIZE schools)", "ok\ntrue\n"},
		{"VALUES (1)", "col0\n1\n"},
	}
	for _, c := range reads {
		code, stdout, stderr := sendscope(t, ctx, "--db", db, "query", "sql", c.query, "--format", "csv")
		if code != 0 || stdout != c.want {
			t.Errorf("%q: exit %d, %q (want %q) %s", c.query, code, stdout, c.want, stderr)
		}
	}
	for _, q := range []string{"SUMMARIZE schools", "DESCRIBE schools", "SHOW TABLES", "EXPLAIN SELECT * FROM schools"} {
		if code, stdout, stderr := sendscope(t, ctx, "--db", db, "query", "sql", q); code != 0 || stdout == "" {
			t.Errorf("%q: exit %d %s", q, code, stderr)
		}
	}
	// A statement DuckDB cannot run is a failure (1), not a refusal.
	if code, _, stderr := sendscope(t, ctx, "--db", db, "query", "sql", "SELECT * FROM no_such_table"); code != exitFailed || !strings.Contains(stderr, "no_such_table") {
		t.Errorf("unknown table: exit %d %s", code, stderr)
	}
	// Our own SQL still runs, on the same store.
	code, stdout, stderr := sendscope(t, ctx, "--db", db, "query", "run", "dataset", "--format", "csv")
	if code != 0 || !strings.HasPrefix(stdout, "urn,academic_year,") {
		t.Errorf("query run dataset: exit %d %.80q %s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Error("the reads changed the store file")
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}
