package grading

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// holdsBar fails the test for any field below min F1, or doc types below min accuracy.
func holdsBar(t *testing.T, r Report, min float64) {
	t.Helper()
	var b strings.Builder
	r.Print(&b, true)
	for field, s := range r.Fields {
		if f1 := s.F1(); !math.IsNaN(f1) && f1 < min {
			t.Errorf("%s: F1 %.2f < %.2f", field, f1, min)
		}
	}
	if acc := float64(r.DocTypeOK) / float64(r.Docs); acc < min {
		t.Errorf("doc_type accuracy %.2f < %.2f", acc, min)
	}
	if t.Failed() {
		t.Log("\n" + b.String())
	}
}

// TestOwnCorpus grades the extractor on documents we wrote ourselves, in
// wordings unlike the shared corpus's.
func TestOwnCorpus(t *testing.T) {
	docs, err := Load(filepath.Join("testdata", "own"))
	if err != nil {
		t.Fatal(err)
	}
	holdsBar(t, Grade(docs), 0.9)
}

// TestSharedCorpus holds the extractor to its bar on the real, hand-labelled
// reports in ../shared/corpus/reports when they are there (they are not ours to
// copy into the repository).
func TestSharedCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "reports")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no shared corpus at %s", dir)
	}
	docs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	holdsBar(t, Grade(docs), 0.9)
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "no documents") {
		t.Errorf("empty folder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "001.txt"), []byte("no url line\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad first line: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "001.txt"), []byte("URL: http://x\n\ntext"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "no labels") {
		t.Errorf("missing json: %v", err)
	}
}

// TestPublishedFiles grades a document kept as the HTML page itself: its menu and
// footer are left out as a crawl would leave them out.
func TestPublishedFiles(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><title>SEN Information Report - Elm Grove Primary</title></head><body>
<nav><a href="/">Home</a> <a href="/send">SEND</a> <a href="/contact">Contact us: 01632 960001</a></nav>
<main><h1>SEN Information Report 2025-26</h1>
<p>Our SENCO is Mrs Wren Ashdown. She works three days a week and can be contacted on 01632 960222.</p>
<p>We support pupils with autism and dyslexia.</p></main>
<footer>Elm Grove Primary, Elm Lane. Office: 01632 960001</footer></body></html>`
	labels := `{"id":"001","url":"https://elm-grove.example.sch.uk/send","doc_type":"sen_information_report",
"senco_names":["Mrs Wren Ashdown"],"senco_phone":"01632 960222","senco_time":{"days_per_week":3},
"need_types":["ASD","SpLD"],"stated_year":"2025-26"}`
	os.WriteFile(filepath.Join(dir, "001.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "001.json"), []byte(labels), 0o644)
	docs, err := Load(dir)
	if err != nil || len(docs) != 1 {
		t.Fatalf("%d docs, %v", len(docs), err)
	}
	r := Grade(docs)
	if r.DocTypeOK != 1 {
		t.Errorf("doc type: %v", r.DocTypeBad)
	}
	for _, f := range []string{"senco.name", "senco.phone", "senco.days_per_week", "need.type", "report.stated_year"} {
		if s := r.Fields[f]; s.FP+s.FN != 0 || s.TP == 0 {
			t.Errorf("%s: %+v (%v)", f, *s, r.Misses)
		}
	}
	os.Remove(filepath.Join(dir, "001.json"))
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "001.html: no labels") {
		t.Errorf("a page without labels: %v", err)
	}
}
