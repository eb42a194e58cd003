package queries

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func newStore(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.duckdb")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestMigrationsRecordedAndReopen(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	v, err := s.schemaVersion(ctx)
	if err != nil || v != SchemaVersion() {
		t.Fatalf("version %d, %v; want %d", v, err, SchemaVersion())
	}
	key1, _ := s.PseudonymKey(ctx)
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	key2, _ := s2.PseudonymKey(ctx)
	if key1 == "" || key1 != key2 {
		t.Errorf("pseudonym key changed on reopen: %q -> %q", key1, key2)
	}
	s2.Close()
}

func TestNewerStoreRefused(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	if _, err := s.db.Exec(`INSERT INTO schema_version (version, name) VALUES (999, 'future')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for name, open := range map[string]func(context.Context, string) (*Store, error){"write": Open, "read": OpenReadOnly} {
		_, err := open(ctx, path)
		if err == nil || !strings.Contains(err.Error(), "newer sendscope") || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: got %v, want a clear 'newer sendscope' error naming the file", name, err)
		}
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	s.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.db.ExecContext(ctx, "DELETE FROM schools"); err == nil {
		t.Error("a read-only store accepted a DELETE")
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(t.TempDir(), "missing.duckdb")); err == nil || !strings.Contains(err.Error(), "register import") {
		t.Errorf("missing store: %v", err)
	}
}

func TestImportSchoolsReplacesByURNAndRollsBack(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	n := 300
	st, err := s.ImportSchools(ctx, []School{{URN: 1, Name: "One", Pupils: &n, SENProvisionTypes: []string{"ASD", "SEMH"}}, {URN: 2, Name: "Two"}}, "a.csv")
	if err != nil || st.Inserted != 2 || st.Updated != 0 {
		t.Fatalf("%+v %v", st, err)
	}
	st, err = s.ImportSchools(ctx, []School{{URN: 1, Name: "One renamed"}, {URN: 3, Name: "Three"}}, "b.csv")
	if err != nil || st.Inserted != 1 || st.Updated != 1 {
		t.Fatalf("%+v %v", st, err)
	}
	var name string
	var count int
	s.db.QueryRow(`SELECT name FROM schools WHERE urn = 1`).Scan(&name)
	s.db.QueryRow(`SELECT count(*) FROM schools`).Scan(&count)
	if name != "One renamed" || count != 3 {
		t.Errorf("name %q count %d", name, count)
	}
	// A failing import (two rows with one URN) changes nothing.
	if _, err := s.ImportSchools(ctx, []School{{URN: 4, Name: "Four"}, {URN: 5, Name: "Five"}, {URN: 5, Name: "Five again"}}, "c.csv"); err == nil {
		t.Fatal("duplicate URNs in one import were accepted")
	}
	s.db.QueryRow(`SELECT count(*) FROM schools`).Scan(&count)
	if count != 3 {
		t.Errorf("failed import left %d schools, want 3", count)
	}
	var staging int
	s.db.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_name = '_schools_staging'`).Scan(&staging)
	if staging != 0 {
		t.Error("staging table left behind")
	}
}

func TestSaveSiteOnceAndResume(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	if _, err := s.ImportSchools(ctx, []School{{URN: 10, Name: "Ten", LACode: "998"}}, "r.csv"); err != nil {
		t.Fatal(err)
	}
	run, err := s.StartRun(ctx, "2025/26", "ua", "{}")
	if err != nil || run.Resumed {
		t.Fatalf("%+v %v", run, err)
	}
	again, _ := s.StartRun(ctx, "2025/26", "ua", "{}")
	if again.ID != run.ID || !again.Resumed {
		t.Fatalf("an unfinished run was not resumed: %+v", again)
	}
	now := time.Now()
	site := SiteResult{RunID: run.ID, URN: 10, Status: "found",
		Fetches: []Fetch{{URL: "http://x/", Status: 200, FetchedAt: now}, {URL: "http://x/send/", Status: 200, FetchedAt: now}},
		Captures: []Capture{{URL: "http://x/send/", FinalURL: "http://x/send/", Status: 200, SHA256: "ab", Body: []byte("<p>hi</p>"), FetchedAt: now,
			Document: &Document{Format: "html", DocType: "sen_information_report", Text: "Our SENCO is Mrs A Bee.", ExtractorVersion: "t",
				Facts: []Fact{{Field: "senco.name", Value: "Mrs A Bee", Evidence: "Our SENCO is Mrs A Bee.", Start: 0, End: 23, Confidence: 0.9}}}}},
	}
	for i := 0; i < 2; i++ {
		if err := s.SaveSite(ctx, site); err != nil {
			t.Fatal(err)
		}
	}
	counts := map[string]int{}
	for _, tbl := range []string{"fetches", "captures", "documents", "facts", "run_sites"} {
		var n int
		s.db.QueryRow(`SELECT count(*) FROM ` + tbl).Scan(&n)
		counts[tbl] = n
	}
	want := map[string]int{"fetches": 2, "captures": 1, "documents": 1, "facts": 1, "run_sites": 1}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("%s: %d rows, want %d", k, counts[k], v)
		}
	}
	done, _ := s.SitesFinished(ctx, run.ID)
	if !done[10] {
		t.Error("school not marked finished")
	}
	var la, year string
	s.db.QueryRow(`SELECT la_code, academic_year FROM documents`).Scan(&la, &year)
	if la != "998" || year != "2025/26" {
		t.Errorf("document la %q year %q", la, year)
	}
	// Re-extraction replaces the document and its facts, keeping the id.
	c, err := s.LoadCapture(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceDocument(ctx, c, &Document{Format: "html", DocType: "other", Text: "x", ExtractorVersion: "t2"}); err != nil {
		t.Fatal(err)
	}
	var docs, facts int
	var dt string
	s.db.QueryRow(`SELECT count(*), any_value(doc_type) FROM documents WHERE doc_id = 1`).Scan(&docs, &dt)
	s.db.QueryRow(`SELECT count(*) FROM facts`).Scan(&facts)
	if docs != 1 || dt != "other" || facts != 0 {
		t.Errorf("after re-extraction: %d docs (%s), %d facts", docs, dt, facts)
	}
}

// TestNamedQueriesDocumentTheirColumns runs every named analysis and table on a
// store and checks that its header documents exactly the columns it returns.
func TestNamedQueriesDocumentTheirColumns(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	for _, a := range append(Analyses(), Tables()...) {
		rows, err := s.Run(ctx, a, Params{Year: "2025/26", LA: "998", URN: 1})
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		cols, _ := rows.Columns()
		rows.Close()
		var documented []string
		for _, c := range a.Columns {
			documented = append(documented, c.Name)
		}
		if strings.Join(cols, ",") != strings.Join(documented, ",") {
			t.Errorf("%s: returns\n  %v\nbut documents\n  %v", a.Name, cols, documented)
		}
		if a.Question == "" {
			t.Errorf("%s: no question in its header", a.Name)
		}
	}
}

func TestOlderStoreIsMigrated(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.duckdb")
	old := &Store{path: path}
	var err error
	if old.db, err = openDB(ctx, path, OpenOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := old.migrateTo(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.Exec(`INSERT INTO crawl_runs (academic_year, started_at, status) VALUES ('2024/25', now(), 'done');
		INSERT INTO captures (run_id, url, final_url, http_status, sha256, size, body, fetched_at) VALUES (1, 'u', 'u', 200, 'x', 1, 'a'::BLOB, now())`); err != nil {
		t.Fatal(err)
	}
	old.db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("migrating a version 1 store: %v", err)
	}
	defer s.Close()
	if v, _ := s.schemaVersion(ctx); v != SchemaVersion() {
		t.Errorf("version %d after migration", v)
	}
	c, err := s.LoadCapture(ctx, 1)
	if err != nil || string(c.Body) != "a" || c.WARCFile != "" {
		t.Errorf("old capture after migration: %+v %v", c, err)
	}
}
