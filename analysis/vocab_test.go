package analysis

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

func TestRequiredLiteral(t *testing.T) {
	cases := []struct{ pattern, must string }{
		{`\bautis(?:m|tic)\b`, "autis"},
		{`(?-i)\bSLCN\b`, "SLCN"},
		{`\bspeech\s*(?:and|&)\s*language\s*(?:needs|delay)`, "language"},
		{`\bdys(?:lexi[ac]|praxi[ac])\b`, "dys"},
		{`(?-i)\bAS[DC]\b`, "AS"},
		{`\bcerebral\s+palsy\b|\bspina\s+bifida\b`, "cerebral|bifida"}, // one piece per branch
		{`\bpastoral\b|\b\d+%`, ""},                                    // a branch without a piece
	}
	for _, c := range cases {
		term := termOf("X", regexp.MustCompile("(?i)"+c.pattern))
		var got []string
		for _, l := range term.must {
			got = append(got, l.text)
		}
		if strings.Join(got, "|") != c.must {
			t.Errorf("%s: must %q, want %q", c.pattern, strings.Join(got, "|"), c.must)
		}
	}
}

// TestPrefilterNeverHides: on every text we hold, no vocabulary wording that
// matches is skipped by its cheap pre-check.
func TestPrefilterNeverHides(t *testing.T) {
	texts := []string{simarea.SchoolSENPage, "ASD, SLCN and BESD; Dyslexia. AUTISM. Speech And Language Needs. Kelvin \u212a"}
	files, _ := filepath.Glob(filepath.Join("..", "grading", "testdata", "own", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b), strings.ToUpper(string(b)))
	}
	// The count wordings written in Go are searched in windows, which
	// TestWindowedSearchIsExact checks.
	x := Default()
	var gates Vocabulary
	for _, g := range x.gates {
		gates = append(gates, g)
	}
	for _, v := range []Vocabulary{x.needAreas, x.needTypes, x.interventions, x.statutoryItems, x.Vocabulary("localoffer.need"), gates} {
		for _, term := range v {
			for _, text := range texts {
				if term.Pattern.MatchString(text) && !term.mayMatch(text, strings.ToLower(text)) {
					t.Errorf("%s %q: matches but the pre-check skips it", term.Value, term.Pattern)
				}
			}
		}
	}
}
