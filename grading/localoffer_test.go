package grading

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGradeLocalOffer grades our own labelled Local Offer pages: every kind
// right, and the page labelled with ages it does not give counted wrong.
func TestGradeLocalOffer(t *testing.T) {
	docs, err := LoadLocalOffer(filepath.Join("testdata", "localoffer"))
	if err != nil {
		t.Fatal(err)
	}
	r := GradeLocalOffer(docs)
	if r.Pages != 3 || r.KindRight != 3 || r.Names != 1 || r.NamesN != 1 || r.Ages != 2 || r.AgesN != 3 || r.Needs != 3 {
		t.Errorf("%+v", r)
	}
	var out bytes.Buffer
	r.Print(&out, true)
	if !strings.Contains(out.String(), "page kind") || !strings.Contains(out.String(), "3 ages: got ?-?, want 16-25") {
		t.Errorf("report:\n%s", out.String())
	}
}

func TestLoadLocalOfferErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := LoadLocalOffer(dir); err == nil || !strings.Contains(err.Error(), "no labelled pages") {
		t.Errorf("empty folder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "1.json"), []byte(`{"id":"1","page_kind":"listing"}`), 0o644)
	if _, err := LoadLocalOffer(dir); err == nil || !strings.Contains(err.Error(), "1.json: labels without their page") {
		t.Errorf("no page: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "1.txt"), []byte("no address line\n"), 0o644)
	if _, err := LoadLocalOffer(dir); err == nil || !strings.Contains(err.Error(), `1.txt: line 1: expected "URL: <address>"`) {
		t.Errorf("no URL line: %v", err)
	}
}

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Dudley SEND Information, Advice and Support Service (SENDIASS)", "dudley send information, advice and  support service", true},
		{"Educational Psychology Service (EPS)", "Educational Psychology Service", true},
		{"Speech and Language Therapy (SaLT)", "Speech and Language Therapy", true},
		{"Saturday Club (ages 8 to 12)", "Saturday Club", false}, // not a short form
		{"Portage", "Portage Service", false},
		{"(SENDIASS)", "", false}, // a short form alone is the name
	} {
		if got := sameName(c.a, c.b); got != c.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
