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
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "no NNN.txt") {
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
