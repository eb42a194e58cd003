// Package textstage reads a document's text in stages, each usable and tested on
// its own: blocks (paragraphs, headings, list items, table rows, "label: value"
// lines), sentences and clauses with their offsets, and mentions of what the
// rules look for, each with its polarity (negated, former, planned, a duty,
// another person's, or another place's) decided in one place. Rules are data: a lexicon of shared
// fragments (lexicon.tsv) and rule tables whose lines carry the examples they
// must and must not match. It imports nothing of sendscope's.
package textstage

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

//go:embed lexicon.tsv *.go
var sources embed.FS

// Sources are the files that decide what this package reads (the lexicon and
// the Go sources, tests left out), by name, for a version that is the rules.
func Sources() map[string][]byte {
	out := map[string][]byte{}
	entries, _ := sources.ReadDir(".")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		b, err := sources.ReadFile(e.Name())
		if err != nil {
			panic(err) // embedded at build time
		}
		out[e.Name()] = b
	}
	return out
}

// Example is a text a pattern must match (Match) or must not match.
type Example struct {
	Text  string
	Match bool
	Where string // file:line, for messages
}

// Entry is one line of the lexicon: a wording of a fragment, perhaps with a value.
type Entry struct {
	Name     string
	Value    string // "" when the entry reads as no value
	Pattern  string // as written, fragments expanded
	re       *regexp.Regexp
	Examples []Example
	Where    string
}

// Lexicon holds the shared fragments, by name. It is never changed once built;
// With returns a new one.
type Lexicon struct {
	entries []Entry
	byName  map[string][]int // entry indexes, in the order written
	cache   map[string]*regexp.Regexp
}

//go:embed lexicon.tsv
var lexiconFile string

var builtin = func() *Lexicon {
	l, err := ParseLexicon(strings.NewReader(lexiconFile), "lexicon.tsv", nil)
	if err != nil {
		panic(err)
	}
	return l
}()

// Builtin is the lexicon compiled in.
func Builtin() *Lexicon { return builtin }

var fragmentRef = regexp.MustCompile(`\{([a-z_.]+)\}`)

// ParseLexicon reads lexicon lines ("name[=value]<TAB>pattern", "+<TAB>example",
// "-<TAB>counter-example", # comments) on top of base (nil for none). name is
// used in error messages.
func ParseLexicon(r io.Reader, name string, base *Lexicon) (*Lexicon, error) {
	l := &Lexicon{byName: map[string][]int{}}
	if base != nil {
		l.entries = append(l.entries, base.entries...)
		for k, v := range base.byName {
			l.byName[k] = append([]int(nil), v...)
		}
	}
	err := eachLine(r, name, func(where, a, b string, examples []Example) error {
		key, value, _ := strings.Cut(a, "=")
		pattern, err := l.Expand(b)
		if err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		re, err := regexp.Compile("(?i)(?:" + pattern + ")")
		if err != nil {
			return fmt.Errorf("%s: bad pattern for %s: %v", where, key, err)
		}
		l.byName[key] = append(l.byName[key], len(l.entries))
		l.entries = append(l.entries, Entry{Name: key, Value: value, Pattern: pattern, re: re, Examples: examples, Where: where})
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.cache = map[string]*regexp.Regexp{}
	for k := range l.byName {
		re, err := regexp.Compile("(?i)(?:" + l.Fragment(k) + ")")
		if err != nil {
			return nil, fmt.Errorf("%s: fragment %s: %v", name, k, err)
		}
		l.cache[k] = re
	}
	return l, nil
}

// With is the lexicon with one more wording of a fragment (an LA's local
// SENCO title, say); the receiver is unchanged.
func (l *Lexicon) With(name, pattern, where string) (*Lexicon, error) {
	return ParseLexicon(strings.NewReader(name+"\t"+pattern+"\n"), where, l)
}

// Fragment is the alternatives of a fragment as one pattern, "" when unknown.
func (l *Lexicon) Fragment(name string) string {
	var alts []string
	for _, i := range l.byName[name] {
		alts = append(alts, "(?:"+l.entries[i].Pattern+")")
	}
	return strings.Join(alts, "|")
}

// Regexp is a fragment compiled (case-insensitive), nil when unknown.
func (l *Lexicon) Regexp(name string) *regexp.Regexp { return l.cache[name] }

// Expand replaces each {name} in a pattern by its fragment.
func (l *Lexicon) Expand(pattern string) (string, error) {
	var bad string
	out := fragmentRef.ReplaceAllStringFunc(pattern, func(ref string) string {
		name := ref[1 : len(ref)-1]
		if _, ok := l.byName[name]; !ok {
			bad = name
			return ref
		}
		return "(?:" + l.Fragment(name) + ")"
	})
	if bad != "" {
		return "", fmt.Errorf("unknown fragment {%s}: the lexicon has %s", bad, strings.Join(l.Names(), ", "))
	}
	return out, nil
}

// Names lists the fragments, sorted.
func (l *Lexicon) Names() []string {
	var out []string
	for k := range l.byName {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Entries are the lexicon's lines in the order read.
func (l *Lexicon) Entries() []Entry { return l.entries }

// Check runs every example of the lexicon against the fragment it is written
// under (all of that name's wordings): one error per example it gets wrong.
func (l *Lexicon) Check() []error {
	var errs []error
	for _, e := range l.entries {
		for _, ex := range e.Examples {
			if got := l.cache[e.Name].MatchString(ex.Text); got != ex.Match {
				want := "match"
				if !ex.Match {
					want = "not match"
				}
				errs = append(errs, fmt.Errorf("%s: lexicon fragment %s must %s %q", ex.Where, e.Name, want, ex.Text))
			}
		}
	}
	return errs
}

// MatchString says whether an entry's own pattern matches s.
func (e Entry) MatchString(s string) bool { return e.re.MatchString(s) }

// Value reads the words w as a fragment's value: "two and a half" as
// number_word 2.5, "Weds" as weekday 2. ok is false when no entry of the
// fragment with a value matches the whole of w.
func (l *Lexicon) Value(name, w string) (string, bool) {
	w = strings.Join(strings.Fields(w), " ")
	for _, i := range l.byName[name] {
		e := l.entries[i]
		if e.Value == "" {
			continue
		}
		if loc := e.re.FindStringIndex(w); loc != nil && loc[0] == 0 && loc[1] == len(w) {
			return e.Value, true
		}
	}
	return "", false
}

// Number reads a count written in figures or as a number word ("2.5", "two and
// a half", "twelve"); 0 when it is none of these.
func (l *Lexicon) Number(w string) float64 {
	lw := strings.ToLower(strings.TrimSpace(w))
	if v, ok := l.Value("number_word", lw); ok {
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	// "two hundred and twelve": the hundreds, then the rest as below.
	if h, rest, ok := strings.Cut(lw, " hundred"); ok {
		hv, ok := l.Value("count_word", strings.TrimSpace(h))
		if !ok {
			hv, ok = l.Value("number_word", strings.TrimSpace(h))
		}
		a, _ := strconv.ParseFloat(hv, 64)
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "and"))
		if !ok || a < 1 || a > 9 {
			return 0
		}
		if rest == "" {
			return a * 100
		}
		if b := l.Number(rest); b > 0 && b < 100 {
			return a*100 + b
		}
		return 0
	}
	// A count in words: "nine", "seventeen", "twenty-three" (tens, then units).
	if v, ok := l.Value("count_word", lw); ok {
		f, _ := strconv.ParseFloat(v, 64)
		return f
	}
	if tens, units, ok := strings.Cut(strings.ReplaceAll(lw, "-", " "), " "); ok {
		t, ok1 := l.Value("count_word", tens)
		u, ok2 := l.Value("count_word", strings.TrimSpace(units))
		if !ok2 { // "one" is a number word, not a count on its own
			u, ok2 = l.Value("number_word", strings.TrimSpace(units))
		}
		a, _ := strconv.ParseFloat(t, 64)
		b, _ := strconv.ParseFloat(u, 64)
		if ok1 && ok2 && a >= 20 && int(a)%10 == 0 && b < 10 {
			return a + b
		}
	}
	// "1,142": a thousands separator.
	if thousands.MatchString(lw) {
		lw = strings.ReplaceAll(lw, ",", "")
	}
	f, _ := strconv.ParseFloat(lw, 64)
	return f
}

// thousands: a figure written with a thousands separator.
var thousands = regexp.MustCompile(`^\d{1,3}(?:,\d{3})+(?:\.\d+)?$`)

// eachLine reads a table: "a<TAB>b[<TAB>c...]" lines, each followed by its
// examples ("+<TAB>text" must match, "-<TAB>text" must not). # starts a comment.
func eachLine(r io.Reader, name string, fn func(where, a, rest string, ex []Example) error) error {
	type pending struct {
		where, a, rest string
		ex             []Example
	}
	var cur *pending
	flush := func() error {
		if cur == nil {
			return nil
		}
		p := cur
		cur = nil
		return fn(p.where, p.a, p.rest, p.ex)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		s := strings.TrimRight(sc.Text(), "\r")
		t := strings.TrimSpace(s)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, n)
		a, rest, ok := strings.Cut(s, "\t")
		if a == "+" || a == "-" {
			if cur == nil {
				return fmt.Errorf("%s: an example (%s) before any rule", where, a)
			}
			if !ok || strings.TrimSpace(rest) == "" {
				return fmt.Errorf("%s: expected %s<TAB>example text", where, a)
			}
			// "\n" in an example is a line break: a table's label and its
			// figure on two lines.
			cur.ex = append(cur.ex, Example{Text: strings.ReplaceAll(rest, `\n`, "\n"), Match: a == "+", Where: where})
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		if !ok || strings.TrimSpace(a) == "" || strings.TrimSpace(rest) == "" {
			return fmt.Errorf("%s: expected name<TAB>pattern (or +/-<TAB>example)", where)
		}
		cur = &pending{where: where, a: strings.TrimSpace(a), rest: rest}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return flush()
}

// BuiltinRegexp compiles a fixed wording written with the built-in lexicon's
// fragments ({sen}: the SEN terms, spelt in one place); it panics on a
// mistake, as the wordings are compiled in and the tests run every one.
func BuiltinRegexp(pattern string) *regexp.Regexp {
	p, err := Builtin().Expand(pattern)
	if err != nil {
		panic(err)
	}
	return regexp.MustCompile(p)
}
