package analysis

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/analysis/classify"
	"github.com/sendscope/sendscope/documents"
)

// scanTexts are texts to search: every document of our graded folders, and
// shapes that stretch the windows' bounds (long runs of spaces and of words,
// the runes that fold to ASCII letters, invalid UTF-8, words at a text's edges).
func scanTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	files, _ := filepath.Glob(filepath.Join("..", "grading", "testdata", "*", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, text, _ := strings.Cut(string(b), "\n\n")
		texts = append(texts, documents.Normalise(text))
	}
	// Every fourth document: the test runs every pattern over each twice.
	for i := range texts {
		if i%4 == 0 {
			texts[i/4] = texts[i]
		}
	}
	texts = texts[:(len(texts)+3)/4]
	if len(files) < 300 {
		t.Fatalf("only %d documents", len(files))
	}
	gap := strings.Repeat(" ", 700)
	texts = append(texts,
		"Pupils with autism"+gap+"spectrum condition attend. Social,"+gap+"emotional and mental health needs.",
		"Speech, language and"+strings.Repeat("\n", 400)+"communication needs. 42"+strings.Repeat(" ", 500)+"pupils are on our SEN register.",
		"SOCIAL, EMOTIONAL AND MENTAL HEALTH; \u212aeyworker; \u017focial and emotional needs; ſpeech and language therapy",
		"dyslexia\xff\xfeautism \xc3 sensory circuits\x80 Sensory processing",
		"autism",
		strings.Repeat("autistic pupils ", 200)+strings.Repeat("x", 2000)+"autism",
		strings.Repeat("SENCOautism", 3000),
		"EHCP: 12\nPupils on roll: 210\nOn the SEN register: 31 (14.8%)",
	)
	return texts
}

// scanPatterns are every pattern searched through a page: the rule tables'
// and classify's wordings.
func scanPatterns() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, r := range Default().rules.All() {
		out = append(out, r.Regexp())
	}
	out = append(out, classify.Wordings()...)
	return out
}

// TestWindowedSearchIsExact: a pattern searched in windows finds what a search
// of the whole text finds, match for match, for every pattern and text.
func TestWindowedSearchIsExact(t *testing.T) {
	texts := scanTexts(t)
	pats := scanPatterns()
	windowed := 0
	for _, re := range pats {
		if newFinder(re).sets != nil {
			windowed++
		}
	}
	t.Logf("%d of %d patterns searched in windows, on %d texts", windowed, len(pats), len(texts))
	if windowed*10 < len(pats)*8 {
		t.Errorf("only %d of %d patterns searched in windows", windowed, len(pats))
	}
	for _, text := range texts {
		p := newPage(text)
		for _, re := range pats {
			f := newFinder(re)
			if got, want := p.first(f), re.FindStringIndex(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %.60q: first %v, want %v", re, text, got, want)
			}
			if got, want := p.all(f, -1, true), re.FindAllStringSubmatchIndex(text, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %.60q: all %v, want %v", re, text, got, want)
			}
			if got, want := p.all(f, 2, false), re.FindAllStringIndex(text, 2); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %.60q: first two %v, want %v", re, text, got, want)
			}
			// A stretch of the text searched as a text of its own, cut
			// anywhere (in a word, in a rune).
			lo, hi := len(text)/3, len(text)*2/3+1
			hi = min(hi, len(text))
			var want [][]int
			for _, m := range re.FindAllStringSubmatchIndex(text[lo:hi], 5) {
				for i := range m {
					if m[i] >= 0 {
						m[i] += lo
					}
				}
				want = append(want, m)
			}
			if got := p.allIn(f, lo, hi, 5, true); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %.60q from %d to %d: %v, want %v", re, text, lo, hi, got, want)
			}
			if got, want := blankOut(text, lo, hi, p.allIn(f, lo, hi, -1, false)), re.ReplaceAllString(text[lo:hi], " "); got != want {
				t.Fatalf("%s on %.60q from %d to %d: blanked %.80q, want %.80q", re, text, lo, hi, got, want)
			}
		}
	}
}

// TestFinderLiterals: the words a pattern's windows are built from.
func TestFinderLiterals(t *testing.T) {
	cases := []struct {
		pattern string
		want    string // the set windows are built from
	}{
		{`(?i)\bautis(?:m|tic)\b`, "autism|autistic"},
		{`(?i)\bbehaviou?r(?:al)?,?\s*emotional\s*(?:and|&)\s*social\b`, "emotional"},
		{`(?i)(?-i)\bPECS\b|(?i:\bpicture\s+exchange\s+communication)`, "PECS|communication"},
		{`(?i)\borgani[sz]ation\b`, "organisation|organization"},
		{`(?i)\b(?:a|b)\s+c\b`, ""},      // no word of three letters
		{`(?i)\bx{2,}\b|\bsocial\b`, ""}, // a branch without one
		{`(?i)^speech`, "speech"},        // searched with ^ failing in a window after the text's start
	}
	for _, c := range cases {
		f := newFinder(regexp.MustCompile(c.pattern))
		var ws []string
		if len(f.sets) == 0 {
			f.sets = [][]literal{nil}
		}
		for _, l := range f.sets[0] {
			ws = append(ws, l.text)
		}
		if got := strings.Join(ws, "|"); got != c.want {
			t.Errorf("%s: %q, want %q", c.pattern, got, c.want)
		}
	}
}

// blankOut is text[lo:hi] with each match in ms (offsets into text) replaced
// by a space, as classify blanks out cross-references with a Reader's FindAll.
func blankOut(text string, lo, hi int, ms [][]int) string {
	var b strings.Builder
	last := lo
	for _, m := range ms {
		b.WriteString(text[last:m[0]] + " ")
		last = m[1]
	}
	return b.String() + text[last:hi]
}
