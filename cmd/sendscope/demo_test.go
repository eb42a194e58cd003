package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDemo runs the README's first command and checks it leaves what it promises.
func TestDemo(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "demo")
	for run := 1; run <= 2; run++ { // a second run starts afresh in the same folder
		code, stdout, stderr := sendscope(t, context.Background(), "demo", "--dir", dir)
		if code != 0 {
			t.Fatalf("run %d: exit %d\n%s", run, code, stderr)
		}
		for _, f := range []string{"sendscope.duckdb", "localoffer.duckdb", "register.csv", "commissioning-998.xlsx", "commissioning-997.xlsx", "benchmark-990100.xlsx",
			"export/documents.csv", "export/facts.csv", "export/school_years.csv", "export/schools.csv", "export/fetches.csv", "export/data_dictionary.csv"} {
			path := filepath.Join(dir, f)
			if st, err := os.Stat(path); err != nil || st.Size() == 0 {
				t.Errorf("run %d: %s missing or empty", run, f)
			}
			if strings.HasSuffix(f, ".xlsx") && !strings.Contains(stdout, path) {
				t.Errorf("run %d: stdout does not say where %s is", run, f)
			}
		}
		// 24 of the area's 30 schools, and the 13 off-host ones (the one whose file
		// the platform's robots.txt forbids still has its SEN page).
		if !strings.Contains(stderr, "SEN documents found at 37") {
			t.Errorf("run %d: unexpected crawl summary:\n%s", run, stderr)
		}
		// The Local-Offer-only run: no register, both LAs, what each publishes.
		for _, want := range []string{"== Local Offers alone (no school register)", "no schools in scope: crawling the Local Offers of 2 LAs only",
			"997 Exampleton: 12 services (12 in both feed and site", "998 Testshire: 12 services", "(not found: training,"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("run %d: the Local-Offer-only run does not say %q:\n%s", run, want, stderr)
			}
		}
	}
	if n := countRows(t, filepath.Join(dir, "sendscope.duckdb"), "crawl_runs"); n != 1 {
		t.Errorf("%d crawl runs after two demos, want 1 (each demo starts afresh)", n)
	}
	// The workbook shows the Local Offer's coverage beside pupils, and its required content.
	f, err := excelize.OpenFile(filepath.Join(dir, "commissioning-997.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheetText := func(name string) string {
		rows, _ := f.GetRows(name)
		var b strings.Builder
		for i, h := range rows[0] {
			rows[0][i] = h[strings.LastIndex(h, "\n")+1:] // a header's words, then the column's name
		}
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
		return b.String()
	}
	// Exampleton lists no MLD service; its schools have pupils with MLD.
	if lo := sheetText("Local Offer"); !strings.Contains(lo, "|pupils|pupils_year|gap") || !regexp.MustCompile(`(?im)^2025/26\|997\|Moderate learning difficulty \(MLD\)\|5-10\|\|0\|\|yes\|[1-9]\d*\|2025/26\|yes$`).MatchString(lo) {
		t.Errorf("Local Offer sheet:\n%.2000s", lo)
	}
	content := sheetText("Local Offer content")
	for _, want := range []string{"|997|Exampleton|transport|Travel and transport arrangements|", "|997|Exampleton|feedback_annual|"} {
		if !strings.Contains(content, want) {
			t.Errorf("Local Offer content sheet lacks %q:\n%s", want, content)
		}
	}
	if n := countRows(t, filepath.Join(dir, "localoffer.duckdb"), "schools"); n != 0 {
		t.Errorf("the Local-Offer-only store holds %d schools", n)
	}
	readmeExamplesRun(t, filepath.Join(dir, "sendscope.duckdb"))
}

// readmeExamplesRun runs the README's tour, steps 3 to 6, as written, on the
// demo's store: they must all work there.
func readmeExamplesRun(t *testing.T, db string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start, end := strings.Index(text, "# 3. What the store holds"), strings.Index(text, "# After an extractor upgrade")
	if start < 0 || end < start {
		t.Fatal("README: the tour's steps 3 to 6 not found")
	}
	out := t.TempDir()
	ran := 0
	for _, line := range strings.Split(text[start:end], "\n") {
		if !strings.HasPrefix(line, "sendscope ") {
			continue
		}
		if i := strings.Index(line, "  #"); i >= 0 {
			line = line[:i] // a comment after the command
		}
		args, err := shellWords(strings.TrimPrefix(line, "sendscope "))
		if err != nil {
			t.Fatalf("README line %q: %v", line, err)
		}
		for i := range args {
			if i > 0 && (args[i-1] == "-o") {
				args[i] = filepath.Join(out, args[i]) // written into the test's folder
			}
		}
		code, _, stderr := sendscope(t, context.Background(), append([]string{"--db", db}, args...)...)
		if code != 0 {
			t.Errorf("README example %q on the demo store: exit %d\n%s", line, code, stderr)
		}
		ran++
	}
	if ran < 8 {
		t.Errorf("only %d README examples found", ran)
	}
}

// shellWords splits a command line as a shell would for these examples: words,
// and "double-quoted" words.
func shellWords(s string) ([]string, error) {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' {
			end := strings.Index(s[1:], "\"")
			if end < 0 {
				return nil, errors.New("unclosed quote")
			}
			out = append(out, s[1:end+1])
			s = s[end+2:]
			continue
		}
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out, nil
}
