package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// republishing is four schools whose sites we serve ourselves, publishing one
// thing in 2024/25 and another in 2025/26.
type republishing struct {
	mu    sync.Mutex
	year  string
	files map[int]map[string]servedReport // URN -> year -> what the site serves
}

type servedReport struct {
	body        []byte
	contentType string
	name        string // the file's path on the site
}

func (r *republishing) handler(urn int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		rep := r.files[urn][r.year]
		r.mu.Unlock()
		switch req.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<html><head><title>Home</title></head><body><main><h1>Welcome</h1><p>Our school.</p>` +
				`<p><a href="` + rep.name + `">SEN Information Report</a></p></main></body></html>`))
		case rep.name:
			w.Header().Set("Content-Type", rep.contentType)
			w.Write(rep.body)
		default:
			http.NotFound(w, req)
		}
	})
}

// htmlPage is a school's web page holding the report.
func htmlPage(d simarea.Doc) []byte {
	return []byte("<!doctype html><html><head><title>" + d.Title + "</title></head><body><nav><a href='/'>Home</a></nav><main><h1>" +
		d.Title + "</h1>" + d.HTMLBody() + "</main><footer>Contact the office</footer></body></html>")
}

// libreOfficePDF makes a PDF of the document with LibreOffice, as many schools
// make theirs; ok is false when LibreOffice is not installed.
func libreOfficePDF(t *testing.T, d simarea.Doc) (pdf []byte, ok bool) {
	t.Helper()
	pdf, err := simarea.LibreOfficePDF(t.TempDir(), "report.docx", d.DOCX())
	if errors.Is(err, simarea.ErrNoLibreOffice) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return pdf, true
}

// crawlTwoYears crawls four schools in 2024/25 and 2025/26:
//   - pdf: a web page, then the same words as a PDF made by LibreOffice (or,
//     without LibreOffice, as a PDF of our own making);
//   - docx: a web page, then the same words as a Word file;
//   - edited: a web page, then a PDF with the SENCO's name changed;
//   - stale: a report stating 2023/24 both years, its words changed.
func crawlTwoYears(t *testing.T) (db string, urns map[string]int) {
	t.Helper()
	area, _, dbs := startArea(t, false, "words")
	db = dbs[0]
	pick := map[string]simarea.Profile{
		"pdf": area.ByLayout(simarea.LayoutQA), "docx": area.ByLayout(simarea.LayoutTable),
		"edited": area.ByLayout(simarea.LayoutBullets), "stale": area.ByLayout(simarea.LayoutDOCX),
	}
	r := &republishing{year: "2024/25", files: map[int]map[string]servedReport{}}
	reg, err := os.ReadFile(filepath.Join(filepath.Dir(db), "register.csv"))
	if err != nil {
		t.Fatal(err)
	}
	urns = map[string]int{}
	var urnArgs []string
	for kind, p := range pick {
		urns[kind] = p.URN
		urnArgs = append(urnArgs, "--urn", strconv.Itoa(p.URN))
		p.Year = "2025/26"
		if kind == "stale" {
			p.Year = "2023/24"
		}
		doc := p.Report()
		page := servedReport{htmlPage(doc), "text/html; charset=utf-8", "/send/"}
		var next servedReport
		switch kind {
		case "pdf":
			pdf, ok := libreOfficePDF(t, doc)
			if !ok {
				t.Log("soffice (LibreOffice) not found: the republished PDF is one of our own making")
				pdf = doc.PDF()
			}
			next = servedReport{pdf, "application/pdf", "/files/sen-information-report.pdf"}
		case "docx":
			next = servedReport{doc.DOCX(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "/files/sen-information-report.docx"}
		case "edited":
			p.SENCO = "Mrs Olivia Bramley"
			next = servedReport{p.Report().PDF(), "application/pdf", "/files/sen-information-report.pdf"}
		case "stale":
			p.SENCODays++
			next = servedReport{htmlPage(p.Report()), "text/html; charset=utf-8", "/send/"}
		}
		r.files[p.URN] = map[string]servedReport{"2024/25": page, "2025/26": next}
		srv := httptest.NewServer(r.handler(p.URN))
		t.Cleanup(srv.Close)
		// Point the register at our server: its host and port are in every spelling of the website.
		reg = []byte(strings.ReplaceAll(string(reg), strings.TrimPrefix(area.URL(p.URN), "http://"), strings.TrimPrefix(srv.URL, "http://")+"/"))
	}
	regPath := filepath.Join(t.TempDir(), "register.csv")
	if err := os.WriteFile(regPath, reg, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if code, _, stderr := sendscope(t, ctx, "--db", db, "register", "import", regPath); code != 0 {
		t.Fatalf("register import: exit %d\n%s", code, stderr)
	}
	for _, year := range []string{"2024/25", "2025/26"} {
		r.mu.Lock()
		r.year = year
		r.mu.Unlock()
		args := append([]string{"--db", db, "crawl", "--year", year, "--allow-private", "--delay", "0"}, urnArgs...)
		if code, _, stderr := sendscope(t, ctx, args...); code != 0 {
			t.Fatalf("crawl %s: exit %d\n%s", year, code, stderr)
		}
	}
	return db, urns
}

// runJSON runs a named analysis (query run ARGS) as JSON and returns its rows.
func runJSON(t *testing.T, db string, args ...string) []map[string]any {
	t.Helper()
	code, out, stderr := sendscope(t, context.Background(), append([]string{"--db", db, "query", "run"}, append(args, "--format", "json")...)...)
	if code != 0 {
		t.Fatalf("query run %v: exit %d\n%s", args, code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
	return rows
}

// analysisRows runs a named analysis as JSON and returns its rows by URN.
func analysisRows(t *testing.T, db string, args ...string) map[int]map[string]any {
	t.Helper()
	rows := runJSON(t, db, args...)
	byURN := map[int]map[string]any{}
	for _, r := range rows {
		byURN[int(r["urn"].(float64))] = r
	}
	return byURN
}

// TestReportsOfTwoYears crawls the four schools' two years once for both of
// its parts: the comparison, which only reads the store, then the extractor's
// version, which re-reads it with --vocab.
func TestReportsOfTwoYears(t *testing.T) {
	t.Parallel()
	db, urns := crawlTwoYears(t)
	t.Run("RepublishedReportComparedByWords", func(t *testing.T) { republishedReportComparedByWords(t, db, urns) })
	t.Run("ExtractorVersionFollowsVocab", func(t *testing.T) { extractorVersionFollowsVocab(t, db, urns) })
}

// republishedReportComparedByWords: a report republished with the same
// words in another format is unchanged (and stale); one with its SENCO's name
// changed is not; a report stating 2023/24 crawled in 2025/26 is stale.
func republishedReportComparedByWords(t *testing.T, db string, urns map[string]int) {
	changes := analysisRows(t, db, "changes", "--year", "2025/26")
	dataset := analysisRows(t, db, "dataset", "--year", "2025/26")
	want := map[string]struct {
		unchanged, stale any
		comparison       string
		reason           any
	}{
		"pdf":    {true, true, "same words in another file", "unchanged_words"},
		"docx":   {true, true, "same words in another file", "unchanged_words"},
		"edited": {false, false, "1 of ", nil},
		"stale":  {false, true, " new, ", "stated_year_older"},
	}
	for kind, w := range want {
		c, d := changes[urns[kind]], dataset[urns[kind]]
		if c == nil || d == nil {
			t.Errorf("%s: no row in changes or dataset", kind)
			continue
		}
		cmp, _ := c["report_comparison"].(string)
		if c["report_unchanged"] != w.unchanged || c["report_stale"] != w.stale || c["report_stale_reason"] != w.reason || !strings.Contains(cmp, w.comparison) {
			t.Errorf("%s: changes says unchanged %v, stale %v (%v), %q; want %v, %v (%v), %q", kind, c["report_unchanged"], c["report_stale"],
				c["report_stale_reason"], cmp, w.unchanged, w.stale, w.reason, w.comparison)
		}
		if d["report_unchanged_since_last_year"] != w.unchanged || d["report_stale"] != w.stale || d["report_stale_reason"] != w.reason {
			t.Errorf("%s: dataset says unchanged %v, stale %v (%v)", kind, d["report_unchanged_since_last_year"], d["report_stale"], d["report_stale_reason"])
		}
		if c["extractor_changed"] != false {
			t.Errorf("%s: extractor_changed %v for two years read by one extractor", kind, c["extractor_changed"])
		}
	}
	// The edited report is nearly all the same sentences, and still edited.
	if sim, _ := changes[urns["edited"]]["report_similarity"].(float64); sim < 0.5 || sim >= 1 {
		t.Errorf("edited report similarity %v", sim)
	}
	if f := dataset[urns["pdf"]]["report_format"]; f != "pdf" {
		t.Errorf("the republished report's format is %v", f)
	}
}

// asMain runs sendscope in a process of its own (the --vocab wordings it adds
// stay in that process).
func asMain(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("sendscope %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// extractorVersionFollowsVocab: the version in force moves when a --vocab
// file adds a wording and is the same in two runs without; status shows which
// versions read each year; changes flags a difference read by two versions and
// stops once extract re-reads both years with the same rules.
func extractorVersionFollowsVocab(t *testing.T, db string, urns map[string]int) {
	vocab := filepath.Join(t.TempDir(), "ours.tsv")
	if err := os.WriteFile(vocab, []byte("# our wordings\nneed.type\tASD\t\\bneurodivergen\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	inForce := func(out string) string {
		for _, l := range strings.Split(out, "\n") {
			if v, ok := strings.CutPrefix(l, "extractor in force: "); ok {
				return v
			}
		}
		t.Fatalf("status shows no version in force:\n%s", out)
		return ""
	}
	plain, plain2 := asMain(t, "--db", db, "status"), asMain(t, "--db", db, "status")
	withVocab := asMain(t, "--db", db, "--vocab", vocab, "status")
	v1, v2 := inForce(plain), inForce(withVocab)
	if inForce(plain2) != v1 || v1 == v2 || inForce(asMain(t, "--db", db, "--vocab", vocab, "status")) != v2 {
		t.Fatalf("versions: %s, %s without --vocab; %s with", v1, inForce(plain2), v2)
	}
	if !strings.Contains(plain, "2025/26 read with "+v1) || strings.Contains(plain, "run `sendscope extract") {
		t.Errorf("status without --vocab:\n%s", plain)
	}
	if !strings.Contains(withVocab, "run `sendscope extract --year 2025/26`") {
		t.Errorf("status with --vocab does not ask for a re-read:\n%s", withVocab)
	}

	// Re-read only 2025/26 with the wording added: the two years now differ by extractor.
	asMain(t, "--db", db, "--vocab", vocab, "extract", "--year", "2025/26")
	changes := analysisRows(t, db, "changes", "--year", "2025/26")
	for kind, urn := range urns {
		if changes[urn]["extractor_changed"] != true {
			t.Errorf("%s: extractor_changed %v after re-reading one year", kind, changes[urn]["extractor_changed"])
		}
	}
	// Words are words whichever rules read them.
	if changes[urns["pdf"]]["report_unchanged"] != true {
		t.Errorf("after extract, the republished report: %v", changes[urns["pdf"]]["report_comparison"])
	}
	// Both years read with the same rules: no more flag, and status is content.
	asMain(t, "--db", db, "--vocab", vocab, "extract")
	for kind, urn := range urns {
		if c := analysisRows(t, db, "changes", "--year", "2025/26")[urn]; c["extractor_changed"] != false {
			t.Errorf("%s: extractor_changed %v after extract of both years", kind, c["extractor_changed"])
		}
	}
	if out := asMain(t, "--db", db, "--vocab", vocab, "status"); strings.Contains(out, "run `sendscope extract") || !strings.Contains(out, "2024/25 read with "+v2) {
		t.Errorf("status after extract:\n%s", out)
	}
	// Documents and facts are exported with the version that read them.
	exp := filepath.Join(t.TempDir(), "export")
	if code, _, stderr := sendscope(t, context.Background(), "--db", db, "export", "--year", "2025/26", "--format", "csv", "-o", exp); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	for _, table := range []string{"documents", "facts"} {
		b, err := os.ReadFile(filepath.Join(exp, table+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(string(b), "\n")
		if !strings.Contains(header, "extractor_version") || !strings.Contains(string(b), v2) {
			t.Errorf("%s.csv lacks the extractor version %s:\n%s", table, v2, header)
		}
	}
}
