package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestUsageMistakesAreNamed: asking for what the store does not hold, a flag an
// analysis does not take, or a value that is not one, is a usage error (exit 2)
// that says so in words, never an empty table with exit 0.
func TestUsageMistakesAreNamed(t *testing.T) {
	_, db := crawledArea(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"query", "run", "coverage_gaps", "--la", "886"}, exitUsage, `LA "886" is not in the store`},
		{[]string{"query", "run", "coverage_gaps", "--year", "2030/31"}, exitUsage, "holds nothing for 2030/31: it holds 2025/26"},
		{[]string{"query", "run", "school_benchmark", "--urn", "118000"}, exitUsage, "URN 118000 is not in the register"},
		{[]string{"query", "run", "school_benchmark"}, exitUsage, "school_benchmark needs --urn"},
		{[]string{"query", "run", "coverage_gaps", "--urn", "990100"}, exitUsage, "coverage_gaps does not take --urn (it takes --year, --la)"},
		{[]string{"query", "run", "coverage_gaps", "--urn", "abc"}, exitUsage, `--urn "abc": give a whole number`},
		{[]string{"report", "commissioning", "--la", "Kent", "--year", "2025/26", "-o", filepath.Join(t.TempDir(), "k.xlsx")}, exitUsage, `LA "Kent" is not in the store`},
		{[]string{"report", "benchmark", "--urn", "1", "--year", "2025/26", "-o", filepath.Join(t.TempDir(), "b.xlsx")}, exitUsage, "URN 1 is not in the register"},
		{[]string{"export", "--year", "2019/20", "-o", t.TempDir()}, exitUsage, "holds nothing for 2019/20"},
		{[]string{"crawl", "--year", "2025/26", "--concurrency", "0"}, exitUsage, "--concurrency 0: give 1 or more"},
		{[]string{"crawl", "--year", "2025/26", "--delay", "-1s"}, exitUsage, "--delay -1s: give 0 or more"},
		{[]string{"crawl", "--year", "2025/26", "--delay", "soon"}, exitUsage, `--delay "soon": give a time such as`},
		{[]string{"query", "run", "coverage_gaps", "--la", "998", "--year", "2025/26"}, exitOK, ""},
		{[]string{"query", "run", "coverage_gaps", "--la", "E06000998", "--year", "2025/26"}, exitOK, ""},
	}
	for _, c := range cases {
		code, _, stderr := sendscope(t, context.Background(), append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", c.args, code, c.code, c.want, stderr)
		}
		if strings.Contains(stderr, "strconv.") || strings.Contains(stderr, "context canceled") {
			t.Errorf("%v: Go's words in the message: %s", c.args, stderr)
		}
	}
}

// TestSafeDefaults: commands that only read never create a store, the demo
// never overwrites a store it did not make, and an xlsx export can be named.
func TestSafeDefaults(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.duckdb")
	for _, args := range [][]string{{"extract"}, {"status"}, {"query", "run", "dataset"}, {"export", "--year", "2025/26", "-o", dir}} {
		code, _, stderr := sendscope(t, ctx, append([]string{"--db", missing}, args...)...)
		if code == exitOK || !strings.Contains(stderr, "no sendscope store") {
			t.Errorf("%v on a missing store: exit %d\n%s", args, code, stderr)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", args, missing)
		}
	}

	// A real store in the demo's folder is left alone.
	demoDir := filepath.Join(dir, "mine")
	os.MkdirAll(demoDir, 0o755)
	mine := filepath.Join(demoDir, "sendscope.duckdb")
	reg := filepath.Join(dir, "register.csv")
	_, db := crawledArea(t)
	crawled.area.WriteRegister(reg)
	if code, _, stderr := sendscope(t, ctx, "--db", mine, "register", "import", reg); code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr := sendscope(t, ctx, "demo", "--dir", demoDir)
	if code != exitUsage || !strings.Contains(stderr, "is not a store the demo made") {
		t.Errorf("demo over a real store: exit %d\n%s", code, stderr)
	}
	if n := countRows(t, mine, "schools"); n != 30 {
		t.Errorf("the real store holds %d schools after the refused demo, want 30", n)
	}

	book := filepath.Join(dir, "dataset.xlsx")
	if code, _, stderr := sendscope(t, ctx, "--db", db, "export", "--year", "2025/26", "--format", "xlsx", "-o", book); code != 0 {
		t.Fatal(stderr)
	}
	if st, err := os.Stat(book); err != nil || st.IsDir() {
		t.Errorf("export -o %s: %v (a folder: %v)", book, err, err == nil && st.IsDir())
	}
}

// TestHelpHasExamples: every command a user runs shows an example, the root
// help gives the exit codes, query list is one line an analysis, and version
// names the extractor and DuckDB.
func TestHelpHasExamples(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Runnable() && !c.Hidden && c.Name() != "help" && c.Name() != "completion" && c.Parent() != nil && c.Parent().Name() != "completion" && c.Example == "" {
			t.Errorf("%s has no example", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
	ctx := context.Background()
	_, out, _ := sendscope(t, ctx, "--help")
	for _, want := range []string{"Exit status: 0 done; 1 failed", "3 done in", "130"} {
		if !strings.Contains(out, want) {
			t.Errorf("root help lacks %q", want)
		}
	}
	_, out, _ = sendscope(t, ctx, "query", "list")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if len(line) > 200 {
			t.Errorf("query list line of %d characters: %s", len(line), line)
		}
	}
	code, out, _ := sendscope(t, ctx, "query", "show", "coverage_gaps")
	if code != 0 || !strings.Contains(out, "--la") || !strings.Contains(out, "schools_could_not_check") {
		t.Errorf("query show: exit %d\n%s", code, out)
	}
	code, out, _ = sendscope(t, ctx, "version")
	if code != 0 || !strings.Contains(out, "extractor 0.3-") || !strings.Contains(out, "DuckDB v") {
		t.Errorf("version: exit %d\n%s", code, out)
	}
}

// TestTablesFitTheTerminal: at a fixed terminal width ($COLUMNS, as no terminal
// is attached in a test) every line of a table fits and stderr names the columns
// left out; --wide gives every column, as does output with no width at all.
func TestTablesFitTheTerminal(t *testing.T) {
	_, db := crawledArea(t)
	ctx := context.Background()
	_, csvOut, _ := sendscope(t, ctx, "--db", db, "query", "run", "statutory_compliance", "--year", "2025/26", "--format", "csv")
	header := strings.Split(strings.SplitN(csvOut, "\n", 2)[0], ",")
	if len(header) < 8 {
		t.Fatalf("statutory_compliance has %d columns", len(header))
	}
	cases := []struct {
		columns string
		args    []string
		all     bool // every column shown
	}{
		{"", nil, true},
		{"60", nil, false},
		{"100", nil, false},
		{"60", []string{"--wide"}, true},
	}
	for _, c := range cases {
		t.Setenv("COLUMNS", c.columns)
		args := append([]string{"--db", db, "query", "run", "statutory_compliance", "--year", "2025/26"}, c.args...)
		code, stdout, stderr := sendscope(t, ctx, args...)
		if code != exitOK {
			t.Fatalf("COLUMNS=%s %v: exit %d\n%s", c.columns, c.args, code, stderr)
		}
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		shown := strings.Fields(lines[0])
		if c.all != (len(shown) == len(header)) || !strings.HasPrefix(lines[0], header[0]) {
			t.Errorf("COLUMNS=%s %v: %d of %d columns: %v", c.columns, c.args, len(shown), len(header), shown)
		}
		if !c.all {
			for i, l := range lines {
				if w, _ := strconv.Atoi(c.columns); len([]rune(l)) > w {
					t.Errorf("COLUMNS=%s: line %d is %d wide: %q", c.columns, i, len([]rune(l)), l)
				}
			}
			if !strings.Contains(stderr, "not shown: "+header[len(shown)]) || !strings.Contains(stderr, "--wide") {
				t.Errorf("COLUMNS=%s: stderr does not name the columns left out:\n%s", c.columns, stderr)
			}
		} else if strings.Contains(stderr, "not shown") {
			t.Errorf("COLUMNS=%s %v: a note with every column shown: %s", c.columns, c.args, stderr)
		}
	}
	t.Setenv("COLUMNS", "50")
	_, stdout, _ := sendscope(t, ctx, "query", "list")
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if len([]rune(l)) > 50 || !strings.Contains(l, " ") {
			t.Errorf("query list at 50 columns: %q", l)
		}
	}
	_, stdout, stderr := sendscope(t, ctx, "--db", db, "status")
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "2025/26 ") && len(l) > 50 {
			t.Errorf("status at 50 columns: %q", l)
		}
	}
	if !strings.Contains(stderr, "not shown") {
		t.Errorf("status at 50 columns names nothing left out:\n%s", stderr)
	}
}

// TestOneCountOfDocuments: the crawl summary, status, export and the workbooks
// (one per LA) give one number of documents for the year.
func TestOneCountOfDocuments(t *testing.T) {
	_, db := crawledArea(t)
	ctx := context.Background()
	counts := map[string]int{}
	number := func(what, text, pattern string) {
		t.Helper()
		m := regexp.MustCompile(pattern).FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("%s: no %q in:\n%s", what, pattern, text)
		}
		n, _ := strconv.Atoi(m[1])
		counts[what] += n
	}
	number("crawl summary", crawled.stderr, `; (\d+) documents \(`)

	t.Setenv("COLUMNS", "")
	_, stdout, _ := sendscope(t, ctx, "--db", db, "status")
	var header []string
	for _, line := range strings.Split(stdout, "\n") {
		cells := regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(line), -1)
		if cells[0] == "year" {
			header = cells
		}
		if cells[0] == "2025/26" && header != nil {
			if i := slices.Index(header, "documents"); i >= 0 && i < len(cells) {
				number("status", cells[i], `^(\d+)$`)
			}
		}
	}
	_, _, stderr := sendscope(t, ctx, "--db", db, "export", "--year", "2025/26", "-o", t.TempDir())
	number("export", stderr, `exported (\d+) documents`)
	for _, la := range []string{"998", "997"} {
		_, _, stderr := sendscope(t, ctx, "--db", db, "report", "commissioning", "--la", la, "--year", "2025/26", "-o", filepath.Join(t.TempDir(), la+".xlsx"))
		number("workbooks", stderr, `; (\d+) documents, `)
	}
	t.Logf("documents: %v", counts)
	if counts["crawl summary"] == 0 || len(counts) != 4 {
		t.Fatalf("counts %v", counts)
	}
	for what, n := range counts {
		if n != counts["crawl summary"] {
			t.Errorf("documents: %v: %s disagrees", counts, what)
		}
	}
}
