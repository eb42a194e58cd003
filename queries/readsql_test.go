package queries

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

// lockedStore is a fresh store holding a table's worth of rows, opened with
// OpenLocked, in a folder of its own, and the store file's bytes when opened.
func lockedStore(t *testing.T) (s *Store, path string, before []byte) {
	t.Helper()
	rw, path := newStore(t)
	ctx := context.Background()
	if _, err := rw.db.ExecContext(ctx, `INSERT INTO schools (urn, name, la_code, imported_at) VALUES (100001, 'A School', '886', now()), (100002, 'B School', '886', now())`); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	s, err := OpenLocked(ctx, path, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	before, err = os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return s, path, before
}

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
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

func TestLockedStoreSettings(t *testing.T) {
	s, _, _ := lockedStore(t)
	ctx := context.Background()
	want := map[string]string{
		"access_mode": "read_only", "enable_external_access": "false", "autoinstall_known_extensions": "false",
		"autoload_known_extensions": "false", "lock_configuration": "true",
	}
	for name, v := range want {
		var got string
		if err := s.db.QueryRowContext(ctx, `SELECT current_setting($1)::VARCHAR`, name).Scan(&got); err != nil || got != v {
			t.Errorf("%s = %q (%v), want %s", name, got, err, v)
		}
	}
	// The lock holds against the statements that would undo it, on any connection.
	for _, q := range []string{`SET enable_external_access = true`, `SET GLOBAL autoinstall_known_extensions = true`,
		`RESET lock_configuration`, `SET lock_configuration = false`, `PRAGMA enable_profiling = 'json'`} {
		if _, err := s.db.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "locked") {
			t.Errorf("%s: %v, want the configuration locked", q, err)
		}
	}
	// The store itself still reads.
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schools`).Scan(&n); err != nil || n != 2 {
		t.Errorf("schools: %d, %v", n, err)
	}
}

func TestReadSQLRuns(t *testing.T) {
	s, path, before := lockedStore(t)
	ctx := context.Background()
	cases := []struct {
		query string
		rows  int    // rows the result has, -1 for any but none
		first string // the first column of the first row, if given
	}{
		{"SELECT count(*) FROM schools", 1, "2"},
		{"select name from schools order by urn;", 2, "A School"},
		{"  \n\t(SELECT name FROM schools WHERE urn = 100002)", 1, "B School"},
		{"SELECT ';' AS semi", 1, ";"},
		{"SELECT 'a;b' AS s; -- a comment; COPY schools TO 'x.csv'", 1, "a;b"},
		{"SELECT 1 AS one /* COPY schools TO 'x.csv'; */", 1, "1"},
		{"SELECT $$it's; DROP TABLE schools$$ AS d", 1, "it's; DROP TABLE schools"},
		{"SELECT $q$a;b$q$ AS d", 1, "a;b"},
		{"SELECT E'it\\'s;' AS e", 1, "it's;"},
		{`SELECT 1 AS "x;y"`, 1, "1"},
		{"WITH a AS (SELECT urn FROM schools) SELECT count(*) FROM a", 1, "2"},
		{"FROM schools SELECT name ORDER BY urn LIMIT 1", 1, "A School"},
		{"FROM main.schools", 2, ""},
		{"TABLE schools", 2, ""},
		{"VALUES (1), (2), (3)", 3, "1"},
		{"SUMMARIZE schools", -1, ""},
		{"DESCRIBE schools", -1, "urn"},
		{"SHOW TABLES", -1, ""},
		{"EXPLAIN SELECT * FROM schools", -1, ""},
		{"explain analyze SELECT count(*) FROM schools", -1, ""},
		{"SELECT current_setting('enable_external_access')", 1, "false"},
		{"SELECT count(*) FROM duckdb_tables() WHERE table_name = 'facts'", 1, "1"},
		{"SELECT name FROM pragma_table_info('schools') WHERE name = 'urn'", 1, "urn"},
		{"SELECT * FROM range(4)", 4, "0"},
		{"SELECT * FROM unnest([5, 6])", 2, "5"},
	}
	for _, c := range cases {
		rows, err := s.ReadSQL(ctx, c.query)
		if err != nil {
			t.Errorf("%q: %v", c.query, err)
			continue
		}
		n, first := 0, ""
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Errorf("%q: %v", c.query, err)
			}
			if n == 0 {
				first = toString(vals[0])
			}
			n++
		}
		if err := rows.Err(); err != nil {
			t.Errorf("%q: %v", c.query, err)
		}
		rows.Close()
		if (c.rows >= 0 && n != c.rows) || (c.rows < 0 && n == 0) || (c.first != "" && first != c.first) {
			t.Errorf("%q: %d rows, first %q; want %d rows, first %q", c.query, n, first, c.rows, c.first)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("reading changed the store file")
	}
}

func toString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []byte:
		return string(x)
	case string:
		return x
	default:
		return fmt.Sprint(x)
	}
}

// TestReadSQLRefuses is every form of the report and the tricks around them:
// each is refused with one line naming what was refused, the store file is
// byte for byte as it was, another database is unchanged and no file appears.
func TestReadSQLRefuses(t *testing.T) {
	s, path, before := lockedStore(t)
	ctx := context.Background()
	dir := filepath.Dir(path)
	// Another database beside the store, with a facts table to drop.
	other := filepath.Join(dir, "other.duckdb")
	o, err := Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	otherBefore, _ := os.ReadFile(other)
	csvPath := filepath.Join(dir, "x.csv")
	os.WriteFile(csvPath, []byte("a,b\n1,2\n"), 0o644)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	names := files(t, dir)

	cases := []struct{ query, want string }{
		{"COPY (SELECT 'x') TO '" + path + "'", "COPY writes files"},
		{"COPY schools TO '" + filepath.Join(dir, "out.csv") + "'", "COPY writes files"},
		{"  copy schools to 'out.parquet' (FORMAT parquet)", "COPY writes files"},
		{"ATTACH '" + other + "' AS o (READ_WRITE); DROP TABLE o.facts", "ATTACH opens another database"},
		{"DETACH o", "DETACH"},
		{"SELECT 1; SELECT 2", "one statement"},
		{"SELECT 1; DROP TABLE schools", "DROP changes the store"},
		{"SELECT 1 -- hidden\n; DELETE FROM schools", "DELETE changes the store"},
		{"SELECT 1 /* c */; /* c */ INSERT INTO schools (urn) VALUES (1)", "INSERT changes the store"},
		{"EXPORT DATABASE '" + filepath.Join(dir, "exported") + "'", "EXPORT DATABASE writes files"},
		{"IMPORT DATABASE '" + dir + "'", "IMPORT DATABASE"},
		{"INSTALL httpfs", "INSTALL"},
		{"FORCE INSTALL httpfs", "FORCE"},
		{"LOAD httpfs", "LOAD"},
		{"UPDATE EXTENSIONS", "UPDATE EXTENSIONS"},
		{"SET enable_external_access = true", "SET changes settings"},
		{"set autoinstall_known_extensions=true", "SET changes settings"},
		{"RESET lock_configuration", "RESET"},
		{"PRAGMA database_list", "PRAGMA"},
		{"PRAGMA enable_profiling", "PRAGMA"},
		{"CALL enable_logging(storage_path => '" + dir + "')", "CALL"},
		{"CHECKPOINT", "CHECKPOINT"},
		{"CREATE TABLE t AS SELECT 1", "CREATE changes the store"},
		{"Insert Into schools (urn) VALUES (1)", "INSERT changes the store"},
		{"UPDATE schools SET name = 'x'", "UPDATE changes the store"},
		{"DELETE FROM schools", "DELETE changes the store"},
		{"DROP TABLE schools", "DROP changes the store"},
		{"ALTER TABLE schools ADD COLUMN x INT", "ALTER changes the store"},
		{"VACUUM", "VACUUM"},
		{"BEGIN TRANSACTION", "BEGIN is not a read"},
		{"SELECT * FROM read_csv('" + csvPath + "')", "read_csv reads files or URLs"},
		{"SELECT * FROM read_csv_auto('x')", "read_csv_auto reads files"},
		{"SELECT * FROM read_parquet('x.parquet')", "read_parquet reads files"},
		{"SELECT * FROM read_json('x.json')", "read_json reads files"},
		{"SELECT * FROM read_text('/etc/hostname')", "read_text reads files"},
		{"SELECT * FROM read_blob('" + path + "')", "read_blob reads files"},
		{"SELECT * FROM glob('" + dir + "/*')", "glob reads files"},
		{"SELECT * FROM 'x.csv'", "FROM 'x.csv' reads a file"},
		{"SELECT * FROM '" + csvPath + "'", "reads a file"},
		{`SELECT * FROM "x.csv"`, "reads a file"},
		{"FROM '" + srv.URL + "/x.parquet'", "reads a file or URL"},
		{"FROM 'http://127.0.0.1:1/x.parquet'", "reads a file or URL"},
		{"SELECT count(*) FROM schools WHERE urn IN (SELECT a FROM read_csv('x.csv'))", "read_csv reads files"},
		{"WITH a AS (FROM 'x.csv') SELECT * FROM a", "reads a file"},
		{"DESCRIBE SELECT * FROM read_parquet('x')", "read_parquet reads files"},
		{"SUMMARIZE FROM 'x.csv'", "reads a file"},
		{"SELECT * FROM schools, LATERAL (SELECT * FROM glob('*'))", "glob reads files"},
		{"EXPLAIN COPY schools TO 'x.csv'", "COPY writes files"},
		{"EXPLAIN ANALYZE SELECT * FROM read_csv('x.csv')", "read_csv reads files"},
		{"SELECT * FROM query('SELECT 1')", "table function query"},
		{"SELECT * FROM enable_logging(storage_path => '" + dir + "')", "table function enable_logging"},
		{"SELECT * FROM checkpoint()", "table function checkpoint"},
		{"SELECT * FROM enable_profiling()", "table function enable_profiling"},
		{"PIVOT schools ON la_code", "PIVOT is not one"},
		{"", "no statement"},
		{" ; -- nothing\n;", "no statement"},
	}
	for _, c := range cases {
		rows, err := s.ReadSQL(ctx, c.query)
		if err == nil {
			rows.Close()
			t.Errorf("%q ran", c.query)
			continue
		}
		var refused *RefusedError
		msg := err.Error()
		if !errors.As(err, &refused) || !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
			t.Errorf("%q: %q, want a one-line refusal saying %q", c.query, msg, c.want)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Fatalf("%q changed the store file", c.query)
		}
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(after, otherBefore) {
		t.Error("another database changed")
	}
	if now := files(t, dir); !slices.Equal(now, names) {
		t.Errorf("files now %v, were %v", now, names)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests reached the web server", n)
	}
}

// TestLockedStoreStopsWhatTheCheckMisses runs each refused form straight on the
// locked connection, past ReadSQL's check: the database itself refuses to write
// or reach out. The same statements on a store opened only read-only do write,
// which is what the report found.
func TestLockedStoreStopsWhatTheCheckMisses(t *testing.T) {
	s, path, before := lockedStore(t)
	ctx := context.Background()
	dir := filepath.Dir(path)
	other := filepath.Join(dir, "other.duckdb")
	o, err := Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	otherBefore, _ := os.ReadFile(other)
	csvPath := filepath.Join(dir, "x.csv")
	os.WriteFile(csvPath, []byte("a,b\n1,2\n"), 0o644)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	names := files(t, dir)
	forms := []string{
		"COPY (SELECT 'x') TO '" + path + "'",
		"COPY schools TO '" + filepath.Join(dir, "out.csv") + "'",
		"ATTACH '" + other + "' AS o (READ_WRITE); DROP TABLE o.facts",
		"EXPORT DATABASE '" + filepath.Join(dir, "exported") + "'",
		"INSTALL httpfs",
		"LOAD httpfs",
		"SET enable_external_access = true",
		"SELECT * FROM read_csv('" + csvPath + "')",
		"SELECT * FROM '" + csvPath + "'",
		"SELECT * FROM read_text('" + csvPath + "')",
		"SELECT * FROM glob('" + dir + "/*')",
		"FROM '" + srv.URL + "/x.parquet'",
		"SELECT * FROM query('SELECT * FROM read_csv(''" + csvPath + "'')')",
		"DELETE FROM schools",
	}
	for _, q := range forms {
		if _, err := s.db.ExecContext(ctx, q); err == nil {
			t.Errorf("%q ran on the locked store", q)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Fatalf("%q changed the store file", q)
		}
	}
	if after, _ := os.ReadFile(other); !bytes.Equal(after, otherBefore) {
		t.Error("another database changed")
	}
	if now := files(t, dir); !slices.Equal(now, names) {
		t.Errorf("files now %v, were %v", now, names)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests reached the web server", n)
	}

	// The control: read-only alone lets COPY write a file.
	s.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	out := filepath.Join(dir, "control.csv")
	if _, err := ro.db.ExecContext(ctx, "COPY schools TO '"+out+"'"); err != nil {
		t.Fatalf("control: %v", err)
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("control: a read-only store's COPY wrote nothing (%v); the test above shows nothing", err)
	}
}

func TestSplitStatements(t *testing.T) {
	cases := []struct {
		query string
		first []string // each statement's first word
	}{
		{"SELECT 1", []string{"SELECT"}},
		{"SELECT 1;", []string{"SELECT"}},
		{" ; ;SELECT 1;;", []string{"SELECT"}},
		{"select 1; drop table x", []string{"SELECT", "DROP"}},
		{"SELECT ';' ; COPY x TO 'y'", []string{"SELECT", "COPY"}},
		{"SELECT 'it''s;' ; x", []string{"SELECT", "X"}},
		{"SELECT E'\\';' ; COPY", []string{"SELECT", "COPY"}},
		{`SELECT "a"";b" ; COPY`, []string{"SELECT", "COPY"}},
		{"SELECT $$;$$ ; COPY", []string{"SELECT", "COPY"}},
		{"SELECT $t$ $$ ; $t$ ; COPY", []string{"SELECT", "COPY"}},
		{"SELECT $1 ; COPY", []string{"SELECT", "COPY"}},
		{"-- ; COPY\nSELECT 1", []string{"SELECT"}},
		{"/* ; /* ; */ ; COPY */ SELECT 1", []string{"SELECT"}},
		{"((SELECT 1))", []string{"SELECT"}},
		{"-- only a comment", nil},
	}
	for _, c := range cases {
		var got []string
		for _, st := range splitStatements(c.query) {
			if len(st.words) == 0 {
				got = append(got, "")
				continue
			}
			got = append(got, st.words[0].text)
		}
		if !slices.Equal(got, c.first) {
			t.Errorf("%q: %q, want %q", c.query, got, c.first)
		}
	}
}
