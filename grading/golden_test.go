package grading

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files: go test ./grading -run TestGolden -update
// (or go test ./... -update), then review the diff with git.
var update = flag.Bool("update", false, "rewrite the golden files from what the extractor reads now")

// labelledSets are the labelled sets in the repository (every folder of
// testdata but golden, so a new batch cannot be left without golden files),
// each with its golden files in testdata/golden/<set>. A set whose name starts
// with "localoffer" holds Local Offer pages. The shared corpus is other
// people's words: it is graded (TestSharedCorpus), never kept here.
func labelledSets(t *testing.T) []struct {
	set        string
	localOffer bool
} {
	t.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var sets []struct {
		set        string
		localOffer bool
	}
	for _, e := range entries {
		if e.IsDir() && e.Name() != "golden" {
			sets = append(sets, struct {
				set        string
				localOffer bool
			}{e.Name(), strings.HasPrefix(e.Name(), "localoffer")})
		}
	}
	return sets
}

// TestGolden compares what the extractor reads from every labelled document
// with its golden file: a changed type, value, place count, offset or evidence
// fails with the lines that changed.
func TestGolden(t *testing.T) {
	for _, s := range labelledSets(t) {
		t.Run(s.set, func(t *testing.T) {
			got := map[string][]byte{}
			if s.localOffer {
				docs, err := LoadLocalOffer(filepath.Join("testdata", s.set))
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range docs {
					got[d.ID] = GoldenLocalOffer(d)
				}
			} else {
				docs, err := Load(filepath.Join("testdata", s.set))
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range docs {
					got[d.ID] = GoldenFacts(d)
				}
			}
			checkGolden(t, filepath.Join("testdata", "golden", s.set), got)
		})
	}
}

// checkGolden compares (or with -update writes) one golden file per document
// in dir; a golden file whose document is gone is an error too.
func checkGolden(t *testing.T, dir string, got map[string][]byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	old, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, p := range old {
		id := strings.TrimSuffix(filepath.Base(p), ".json")
		if _, ok := got[id]; ok {
			continue
		}
		if *update {
			os.Remove(p)
		} else {
			t.Errorf("%s: a golden file for no labelled document (run go test ./grading -run TestGolden -update)", p)
		}
	}
	changed := 0
	for id, b := range got {
		p := filepath.Join(dir, id+".json")
		want, err := os.ReadFile(p)
		if *update {
			if string(want) != string(b) {
				changed++
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: no golden file: run go test ./grading -run TestGolden -update and review it", p)
			continue
		}
		if string(want) != string(b) {
			t.Errorf("%s: the extractor reads something else now (go test ./grading -run TestGolden -update keeps it):\n%s", p, Diff(string(want), string(b), 40))
		}
	}
	if *update && changed > 0 {
		t.Logf("%s: %d golden files rewritten", dir, changed)
	}
}

func TestDiff(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"a\nb\nc", "a\nb\nc", ""},
		{"a\nb\nc", "a\nB\nc", "   2 - b\n   2 + B"},
		{"a\nc", "a\nb\nc", "   2 + b"},
		{"a\nb\nc", "a\nc", "   2 - b"},
		{"1\n2\n3", "x\ny\nz", "   1 - 1\n   2 - 2\n   3 - 3\n... and 3 more lines"},
	} {
		if got := Diff(c.old, c.new, 3); got != c.want {
			t.Errorf("Diff(%q, %q) = %q, want %q", c.old, c.new, got, c.want)
		}
	}
}

// TestGoldenFactsShape: a document's golden file holds each fact's places and
// its evidence at its offsets, one fact a line.
func TestGoldenFactsShape(t *testing.T) {
	d := Doc{ID: "x", URL: "https://elm.example.sch.uk/send/sen-information-report/", Text: "SEN Information Report 2025-26\n\n" +
		"Our SENCO is Mrs Ada Quill (ada.quill@elm.example.sch.uk).\nOur autism resource base has 14 places.\n"}
	got := string(GoldenFacts(d))
	for _, want := range []string{`"doc_type": "sen_information_report"`, `"stated_year": "2025/26"`,
		`{"field":"senco.name","value":"Mrs Ada Quill",`, `"field":"provision.specialist","value":"resource_base:ASD","places":14,`,
		`"evidence":"Our autism resource base has 14 places."`} {
		if !strings.Contains(got, want) {
			t.Errorf("golden file lacks %s:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n    {"); n != strings.Count(got, `"field"`) {
		t.Errorf("%d fact lines for %d facts:\n%s", n, strings.Count(got, `"field"`), got)
	}
}
