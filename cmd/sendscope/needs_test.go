package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNeedsImportAllOrNothing imports two SEN statistics files at once, the
// second bad, and checks nothing of the first was kept and the error names the
// bad file and its line; then the same two, both good, load together.
func TestNeedsImportAllOrNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "n.duckdb")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	totals := write("a.csv", "time_period,geographic_level,urn,total_pupils,ehc_plan,sen_support\n"+
		"202425,School,100001,200,5,30\n202425,School,100002,310,x,41\n")
	needs := "time_period,geographic_level,urn,sen_provision,primary_need,number_of_pupils\n" +
		"202425,School,100001,EHC plan,Autistic spectrum disorder,3\n"
	bad := map[string]struct{ text, line string }{
		"malformed.csv":   {needs + "202425,School,100002,SEN support,\"Speech, language,4\n", "line 3"},
		"no-urn.csv":      {"time_period,school,ehc_plan\n202425,A,1\n", "line 1"},
		"header-only.csv": {"time_period,urn,ehc_plan\n", "line 2"},
	}
	// An empty store of the right version first, so "unchanged" has a meaning.
	if code, _, stderr := sendscope(t, ctx, "--db", db, "needs", "import", write("empty.csv", "time_period,urn,ehc_plan\n202425,1,0\n")); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	count := func() int {
		return countRows(t, db, "sen_stats") + countRows(t, db, "sen_need")
	}
	before := count()
	for name, b := range bad {
		path := write(name, b.text)
		code, _, stderr := sendscope(t, ctx, "--db", db, "needs", "import", totals, path)
		if code != exitFailed || !strings.Contains(stderr, path) || !strings.Contains(stderr, b.line) || !strings.Contains(stderr, "nothing imported") {
			t.Errorf("%s: exit %d, stderr %q: want 1, the file, %s and 'nothing imported'", name, code, stderr, b.line)
		}
		if n := count(); n != before {
			t.Errorf("%s: %d rows after a failed import, %d before: the first file was kept", name, n, before)
		}
	}
	good := write("need.csv", needs)
	if code, _, stderr := sendscope(t, ctx, "--db", db, "needs", "import", totals, good); code != 0 || !strings.Contains(stderr, "a.csv") || !strings.Contains(stderr, "need.csv") {
		t.Fatalf("both good: exit %d: %s", code, stderr)
	}
	if got := count(); got != before+3 {
		t.Errorf("%d rows after importing 2 totals and 1 need, want %d", got, before+3)
	}
}
