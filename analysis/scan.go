package analysis

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Searching a document for a pattern only where it can match, with the same
// matches as a search of the whole text.
//
// Every match of most wordings holds one of a few literal words ("emotional",
// "behaviour|behavior"), and is no longer than the pattern allows: a bounded
// number of bytes, plus, for each unbounded repeat of a character class (\s+,
// [^.\n]*), the longest run of that class the document holds. A match then lies
// within that bound of an occurrence of its word, so the pattern is run only
// on those stretches (windows), and a document without the words costs no
// regexp run at all. Windows start after, and end before, a byte that is no
// word character (a space, a line break, punctuation), so \b and \B read as in
// the whole text; a pattern reading line edges gets whole lines, and one
// reading the text's edges (\A, \z) or holding no such word is run on the whole
// text. Because every match of the whole text lies in one window, and a match
// in a window is a match of the whole text, the matches found window by
// window, in order, are the whole text's (TestWindowedSearchIsExact checks
// this on every rule and corpus document).

// finder is a pattern with what its windows are built from.
type finder struct {
	re *regexp.Regexp
	// sets: sets of literals of which every match holds one each (fold:
	// compared in lower case), the best first; nil when the pattern has no
	// such words: the whole text is searched. A document's windows are built
	// from the set it holds fewest of, and one it holds none of has no match.
	sets    [][]literal
	bound   bound      // how far a match can reach, given a document's runs
	classes []runClass // the character classes the pattern repeats without bound
	lines   bool       // the pattern reads line edges: windows are whole lines
	fold    bool       // some literal is compared in lower case
	// Where the pattern reads the text's edges (\A, \z, a bare ^ or $), a
	// window is searched with them made to fail where the window's edge is
	// not the text's: noStart for a window after the text's start, noEnd for
	// one before its end, neither for one that is neither.
	noStart, noEnd, neither *regexp.Regexp
}

// newFinder works out a pattern's literals and the shape of its bound, once.
func newFinder(re *regexp.Regexp) *finder {
	f := &finder{re: re, noStart: re, noEnd: re, neither: re}
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return f
	}
	tree = tree.Simplify()
	if reads(tree, syntax.OpBeginText) || reads(tree, syntax.OpEndText) {
		variant := func(ops ...syntax.Op) *regexp.Regexp {
			v, err := regexp.Compile(without(tree, ops...).String())
			if err != nil || v.NumSubexp() != re.NumSubexp() {
				return nil
			}
			return v
		}
		f.noStart, f.noEnd = variant(syntax.OpBeginText), variant(syntax.OpEndText)
		f.neither = variant(syntax.OpBeginText, syntax.OpEndText)
		if f.noStart == nil || f.noEnd == nil || f.neither == nil {
			return f
		}
	}
	f.lines = reads(tree, syntax.OpBeginLine) || reads(tree, syntax.OpEndLine)
	sets := mustSets(tree)
	if len(sets) == 0 {
		return f
	}
	f.bound = compileBound(tree, &f.classes)
	for _, set := range sets {
		if len(f.sets) < maxSets && !slices.ContainsFunc(f.sets, func(s []literal) bool { return slices.Equal(s, set) }) {
			f.sets = append(f.sets, set)
		}
	}
	for _, set := range f.sets {
		for _, l := range set {
			f.fold = f.fold || l.fold
		}
	}
	return f
}

// maxSets is how many of a pattern's literal sets are looked for: the best
// few are enough to find one a document holds few of.
const maxSets = 6

// reads says whether a pattern holds the assertion op.
func reads(re *syntax.Regexp, op syntax.Op) bool {
	if re.Op == op {
		return true
	}
	for _, s := range re.Sub {
		if reads(s, op) {
			return true
		}
	}
	return false
}

// without is a copy of a pattern with the assertions ops made never to match.
func without(re *syntax.Regexp, ops ...syntax.Op) *syntax.Regexp {
	for _, op := range ops {
		if re.Op == op {
			return &syntax.Regexp{Op: syntax.OpNoMatch, Flags: re.Flags}
		}
	}
	c := *re
	if len(re.Sub) > 0 {
		c.Sub = make([]*syntax.Regexp, len(re.Sub))
		for i, s := range re.Sub {
			c.Sub[i] = without(s, ops...)
		}
	}
	return &c
}

// in is the pattern to search a window [from, to) of a text of size bytes with.
func (f *finder) in(from, to, size int) *regexp.Regexp {
	switch {
	case from > 0 && to < size:
		return f.neither
	case from > 0:
		return f.noStart
	case to < size:
		return f.noEnd
	}
	return f.re
}

// maxSetSize bounds a literal set: beyond it a set is looked for more often
// than it saves.
const maxSetSize = 24

// mustSets are sets of literals of which every match of re holds one each,
// the best (the one windows are built from) first; nil when there are none.
func mustSets(re *syntax.Regexp) [][]literal {
	var sets [][]literal
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return mustSets(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustSets(re.Sub[0])
		}
		return nil
	case syntax.OpAlternate:
		// One of the branches matches: one of their best sets' literals.
		var union []literal
		for _, b := range re.Sub {
			bs := mustSets(b)
			if len(bs) == 0 {
				return nil
			}
			union = append(union, bs[0]...)
		}
		union = dedupe(union)
		if len(union) > maxSetSize {
			return nil
		}
		return [][]literal{union}
	case syntax.OpCharClass:
		// A figure: every match holds a digit ("\\d{1,3}" in a count).
		for _, r := range re.Rune {
			if r < '0' || r > '9' {
				return nil
			}
		}
		return [][]literal{{anyDigit}}
	case syntax.OpLiteral:
		if set := literalSet(exactStrings(re)); set != nil {
			sets = append(sets, set)
		}
	case syntax.OpConcat:
		// Each run of parts with a few exact spellings ("behaviou?r",
		// "organi[sz]ation") is one set, or, with the words the part after it
		// opens with, another ("E" then "HC|ducation": the regexp package
		// writes "EHC|education" so); each other part gives its own.
		var run []*syntax.Regexp
		add := func(strs []string, fold, ok bool) {
			if set := literalSet(strs, fold, ok); set != nil {
				sets = append(sets, set)
			}
		}
		flush := func() {
			// Optional parts at a run's ends ("behaviou?r(?:al)?,?") add no
			// word every match holds: the run is its mandatory middle.
			for len(run) > 0 && canBeEmpty(run[0]) {
				run = run[1:]
			}
			for len(run) > 0 && canBeEmpty(run[len(run)-1]) {
				run = run[:len(run)-1]
			}
			if len(run) > 0 {
				add(exactStrings(&syntax.Regexp{Op: syntax.OpConcat, Sub: run}))
			}
			run = nil
		}
		for _, s := range re.Sub {
			if strs, _, ok := exactStrings(s); ok && len(strs) > 0 {
				run = append(run, s)
				if _, _, ok := exactStrings(&syntax.Regexp{Op: syntax.OpConcat, Sub: run}); !ok {
					// Too many spellings together: start again from this part.
					run = run[:len(run)-1]
					flush()
					run = append(run, s)
				}
				continue
			}
			for len(run) > 0 && canBeEmpty(run[0]) {
				run = run[1:]
			}
			if len(run) > 0 {
				add(prefixes(&syntax.Regexp{Op: syntax.OpConcat, Sub: append(append([]*syntax.Regexp(nil), run...), s)}))
			}
			flush()
			add(prefixes(s))
			sets = append(sets, mustSets(s)...)
		}
		flush()
	}
	sort.SliceStable(sets, func(i, j int) bool { return setScore(sets[i]) > setScore(sets[j]) })
	return sets
}

// canBeEmpty says whether a part of a run can match no text.
func canBeEmpty(re *syntax.Regexp) bool {
	strs, _, _ := exactStrings(re)
	for _, s := range strs {
		if s == "" {
			return true
		}
	}
	return false
}

// anyDigit stands in a literal set for any figure 0-9: a document's figures
// are as few as its words for pupils, or fewer.
var anyDigit = literal{text: "\x00digit"}

// size is how many bytes an occurrence of l spans.
func (l literal) size() int {
	if l == anyDigit {
		return 1
	}
	return len(l.text)
}

// rareMarks are the marks rare enough in running text to look for alone
// ("%" in a share, "&" for "and").
const rareMarks = "%&#@|=+<>~^*$"

// setScore: a set's worth as a gate: its shortest literal, less one for each
// literal beyond the first (any of five words is found more often than one).
func setScore(set []literal) int {
	m := len(set[0].text)
	for _, l := range set[1:] {
		m = min(m, len(l.text))
	}
	if slices.Contains(set, anyDigit) {
		m = min(m, 2)
	}
	return m - len(set) + 1
}

func dedupe(set []literal) []literal {
	seen := map[literal]bool{}
	var out []literal
	for _, l := range set {
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// minLiteral is the shortest literal worth looking for.
const minLiteral = 3

// literalSet is the literals of a part's spellings, nil when they are not
// all worth looking for.
func literalSet(strs []string, fold, ok bool) []literal {
	if !ok || len(strs) == 0 || len(strs) > maxSetSize {
		return nil
	}
	var out []literal
	for _, s := range strs {
		if len(s) < minLiteral && (fold || len(s) < 2) && !(len(s) == 1 && strings.Contains(rareMarks, s)) {
			return nil // two capitals ("BA", "MA") are rare enough; "ma" is not
		}
		if fold {
			if strings.ContainsAny(s, "\u212a\u017f") {
				continue // such a text is searched whole (see page.foldSafe)
			}
			s = asciiLower(s)
		}
		out = append(out, literal{s, fold})
	}
	return dedupe(out)
}

// prefixes are the few strings one of which every match of a part opens with:
// its exact spellings, or those of its first parts then what the next opens with.
func prefixes(re *syntax.Regexp) (strs []string, fold, ok bool) {
	if strs, fold, ok = exactStrings(re); ok {
		return strs, fold, ok
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return prefixes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return prefixes(re.Sub[0])
		}
	case syntax.OpAlternate:
		for _, b := range re.Sub {
			s, f, ok := prefixes(b)
			if !ok {
				return nil, false, false
			}
			strs, fold = append(strs, s...), fold || f
		}
		return strs, fold, len(strs) <= maxSetSize
	case syntax.OpConcat:
		strs = []string{""}
		for _, sub := range re.Sub {
			s, f, exact := exactStrings(sub)
			if !exact {
				if s, f, ok = prefixes(sub); !ok {
					break
				}
			}
			if len(strs)*len(s) > maxSetSize {
				break
			}
			var next []string
			for _, a := range strs {
				for _, b := range s {
					next = append(next, a+b)
				}
			}
			strs, fold = next, fold || f
			if !exact {
				break
			}
		}
		return strs, fold, true
	}
	return nil, false, false
}

// exactStrings are the strings a part matches when they are few and fixed
// (zero-width assertions match ""); fold says some piece ignores case, so the
// strings are to be compared in lower case. A piece that ignores case must be
// ASCII or caseless, as documents are put in lower case byte for byte.
func exactStrings(re *syntax.Regexp) (strs []string, fold, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return []string{""}, false, true
	case syntax.OpLiteral:
		fold = re.Flags&syntax.FoldCase != 0
		if fold {
			for _, r := range re.Rune {
				if r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
					return nil, false, false
				}
			}
		}
		return []string{string(re.Rune)}, fold, true
	case syntax.OpCharClass:
		// A small class of letters ([sz], which ignoring case is five runes)
		// spells each way; one of spaces or marks is no word.
		var rs []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(rs) >= 6 || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					return nil, false, false
				}
				rs = append(rs, r)
			}
		}
		for _, r := range rs {
			strs = append(strs, string(r))
		}
		return strs, false, true
	case syntax.OpCapture:
		return exactStrings(re.Sub[0])
	case syntax.OpQuest:
		s, f, ok := exactStrings(re.Sub[0])
		if !ok {
			return nil, false, false
		}
		return append(s, ""), f, true
	case syntax.OpAlternate:
		for _, b := range re.Sub {
			s, f, ok := exactStrings(b)
			if !ok {
				return nil, false, false
			}
			strs, fold = append(strs, s...), fold || f
		}
		if len(strs) > maxSetSize {
			return nil, false, false
		}
		return strs, fold, true
	case syntax.OpConcat:
		strs = []string{""}
		for _, sub := range re.Sub {
			s, f, ok := exactStrings(sub)
			if !ok || len(strs)*len(s) > maxSetSize {
				return nil, false, false
			}
			var next []string
			for _, a := range strs {
				for _, b := range s {
					next = append(next, a+b)
				}
			}
			strs, fold = next, fold || f
		}
		return strs, fold, true
	}
	return nil, false, false
}

// page is one document as finders search it: the text, its lower case, and
// what its windows are worked out from, each found once and kept.
type page struct {
	text  string
	lower string // A-Z in lower case, byte for byte, so offsets are the text's
	// foldSafe: no rune of the text folds to an ASCII letter without being
	// one (the Kelvin sign is k, the long s is s, to a case-insensitive
	// pattern), so a literal's lower case is found in lower wherever the
	// pattern can match.
	foldSafe bool
	// Each made when first needed.
	at      map[literal][]int // where each literal occurs
	runs    map[string]int    // the longest run of each character class, in bytes
	reach   map[*finder]int   // how far a finder's matches can reach
	spanBuf [][2]int
	// The need areas and types read (needsRead): a document's type and its
	// facts both read them.
	areas, types []Fact
	needsRead    bool
}

func newPage(text string) *page {
	return &page{
		text:     text,
		lower:    asciiLower(text),
		foldSafe: !strings.ContainsRune(text, '\u212a') && !strings.ContainsRune(text, '\u017f'),
	}
}

// matches says whether f matches s, as f's pattern's MatchString does.
func matches(f *finder, s string) bool { return newPage(s).first(f) != nil }

// occurrences are where l occurs in the text (in lower case when it folds).
func (p *page) occurrences(l literal) []int {
	if at, ok := p.at[l]; ok {
		return at
	}
	if p.at == nil {
		p.at = map[literal][]int{}
	}
	var at []int
	if l == anyDigit {
		for i := 0; i < len(p.text); i++ {
			if c := p.text[i]; c >= '0' && c <= '9' {
				at = append(at, i)
			}
		}
		p.at[l] = at
		return at
	}
	hay := p.text
	if l.fold {
		hay = p.lower
	}
	for i := 0; i < len(hay); {
		j := strings.Index(hay[i:], l.text)
		if j < 0 {
			break
		}
		at = append(at, i+j)
		i += j + 1
	}
	p.at[l] = at
	return at
}

// unbounded is how long a match can be: more than any text (and small enough
// that sums and products of bounds do not overflow).
const unbounded = 1 << 40

// bound is a pattern's reach worked out once: given the longest run in a
// document of each of its repeated classes (runs, in the order of the
// finder's classes), the most bytes a match can span there.
type bound func(runs []int) int

// runClass is a character class an unbounded repeat of a pattern takes, by
// its ranges (key: the ranges as a string, for the document's cache).
type runClass struct {
	key    string
	ranges []rune
}

// compileBound is the bound of a match of re, adding the classes it repeats
// to classes.
func compileBound(re *syntax.Regexp, classes *[]runClass) bound {
	fixed := func(n int) bound { return func([]int) int { return n } }
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText:
		return fixed(0)
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += runeBytes(r, re.Flags&syntax.FoldCase != 0)
		}
		return fixed(n)
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return fixed(0)
		}
		return fixed(utf8.RuneLen(min(re.Rune[len(re.Rune)-1], unicode.MaxRune)))
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return fixed(utf8.UTFMax)
	case syntax.OpCapture, syntax.OpQuest:
		return compileBound(re.Sub[0], classes)
	case syntax.OpConcat, syntax.OpAlternate:
		subs := make([]bound, len(re.Sub))
		for i, s := range re.Sub {
			subs[i] = compileBound(s, classes)
		}
		if re.Op == syntax.OpAlternate {
			return func(runs []int) int {
				n := 0
				for _, s := range subs {
					n = max(n, s(runs))
				}
				return n
			}
		}
		return func(runs []int) int {
			n := 0
			for _, s := range subs {
				n = min(unbounded, n+s(runs))
			}
			return n
		}
	case syntax.OpRepeat:
		if re.Max >= 0 {
			sub, k := compileBound(re.Sub[0], classes), re.Max
			return func(runs []int) int {
				if n := sub(runs); n < unbounded/1024 && k < 1024 {
					return k * n
				}
				return unbounded
			}
		}
		return runBound(re.Sub[0], classes)
	case syntax.OpStar, syntax.OpPlus:
		return runBound(re.Sub[0], classes)
	}
	return func([]int) int { return unbounded }
}

// runBound is the bound of an unbounded repeat of re: the longest run of a
// character class's characters (\s+, [^.\n]*) in the document; unbounded for
// any other repeated part.
func runBound(re *syntax.Regexp, classes *[]runClass) bound {
	var ranges []rune
	switch re.Op {
	case syntax.OpCharClass:
		ranges = re.Rune
	case syntax.OpAnyCharNotNL:
		ranges = []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	case syntax.OpLiteral:
		if len(re.Rune) != 1 {
			return func([]int) int { return unbounded }
		}
		r := re.Rune[0]
		ranges = []rune{r, r}
		if re.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				ranges = append(ranges, f, f)
			}
		}
	case syntax.OpAnyChar:
		ranges = []rune{0, unicode.MaxRune}
	default:
		return func([]int) int { return unbounded }
	}
	key := string(ranges)
	i := slices.IndexFunc(*classes, func(c runClass) bool { return c.key == key })
	if i < 0 {
		i = len(*classes)
		*classes = append(*classes, runClass{key, ranges})
	}
	return func(runs []int) int { return runs[i] }
}

// reachOf is how many bytes a match of f can span in this text.
func (p *page) reachOf(f *finder) int {
	if n, ok := p.reach[f]; ok {
		return n
	}
	if p.reach == nil {
		p.reach, p.runs = map[*finder]int{}, map[string]int{}
	}
	runs := make([]int, len(f.classes))
	for i, c := range f.classes {
		n, ok := p.runs[c.key]
		if !ok {
			n = longestRun(p.text, c.ranges)
			p.runs[c.key] = n
		}
		runs[i] = n
	}
	n := f.bound(runs)
	p.reach[f] = n
	return n
}

// runeBytes is the most bytes a rune of a literal can be matched by (a
// case-insensitive k matches the three-byte Kelvin sign).
func runeBytes(r rune, fold bool) int {
	n := utf8.RuneLen(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			n = max(n, utf8.RuneLen(f))
		}
	}
	return max(n, 1)
}

// longestRun is the longest stretch of text, in bytes, whose runes (as the
// regexp package decodes them: an invalid byte is U+FFFD) all lie in ranges.
func longestRun(text string, ranges []rune) int {
	in := func(r rune) bool {
		for i := 0; i+1 < len(ranges); i += 2 {
			if ranges[i] <= r && r <= ranges[i+1] {
				return true
			}
		}
		return false
	}
	var ascii [utf8.RuneSelf]bool
	for c := range ascii {
		ascii[c] = in(rune(c))
	}
	best, cur := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		w, ok := 1, false
		if c < utf8.RuneSelf {
			ok = ascii[c]
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(text[i:])
			ok = in(r)
		}
		if ok {
			cur += w
			best = max(best, cur)
		} else {
			cur = 0
		}
		i += w
	}
	return best
}

// edgeByte says whether a window may end before, or start after, text[i]: an
// ASCII byte that is no word character (so \b reads the same), a line break
// when the pattern reads line edges.
func edgeByte(c byte, lines bool) bool {
	if lines {
		return c == '\n'
	}
	return c < utf8.RuneSelf && !reWordByte(c)
}

// windows are the stretches of the text, in order and apart, that hold every
// match of f; whole says search the whole text instead.
func (p *page) windows(f *finder) (spans [][2]int, whole bool) {
	if f.sets == nil || f.fold && !p.foldSafe {
		return nil, true
	}
	var lits []literal
	fewest, best := -1, 0
	for k, set := range f.sets {
		n := 0
		for _, l := range set {
			n += len(p.occurrences(l))
		}
		if n == 0 {
			return nil, false
		}
		if fewest < 0 || n < fewest {
			lits, fewest, best = set, n, k
		}
	}
	reach := p.reachOf(f)
	if reach >= len(p.text) {
		return nil, true
	}
	at := make([][2]int, 0, fewest) // each occurrence's start and end
	for _, l := range lits {
		for _, i := range p.occurrences(l) {
			at = append(at, [2]int{i, i + l.size()})
		}
	}
	sort.Slice(at, func(i, j int) bool { return at[i][0] < at[j][0] })
	text := p.text
	spans = p.spanBuf[:0]
	for _, o := range at {
		from, to := max(0, o[0]-reach), min(len(text), o[1]+reach)
		if n := len(spans); n > 0 && from <= spans[n-1][1] {
			if to > spans[n-1][1] {
				spans[n-1][1] = p.edgeAfter(to, f.lines)
			}
			continue
		}
		lo := 0
		if n := len(spans); n > 0 {
			lo = spans[n-1][1]
		}
		a := from
		for a > lo && !edgeByte(text[a-1], f.lines) {
			a--
		}
		if n := len(spans); n > 0 && a <= lo {
			spans[n-1][1] = max(spans[n-1][1], p.edgeAfter(to, f.lines))
			continue
		}
		spans = append(spans, [2]int{a, p.edgeAfter(to, f.lines)})
	}
	// A match lies in one window and holds a literal of every set: a window
	// missing one set's literals holds none.
	for k, set := range f.sets {
		if k == best {
			continue
		}
		kept := spans[:0]
		for _, sp := range spans {
			if p.holds(set, sp) {
				kept = append(kept, sp)
			}
		}
		spans = kept
	}
	p.spanBuf = spans
	return spans, false
}

// holds says whether one of set's literals occurs whole within sp.
func (p *page) holds(set []literal, sp [2]int) bool {
	for _, l := range set {
		at := p.occurrences(l) // in order
		i, _ := slices.BinarySearch(at, sp[0])
		if i < len(at) && at[i]+l.size() <= sp[1] {
			return true
		}
	}
	return false
}

// edgeAfter is the first place at or after i a window may end.
func (p *page) edgeAfter(i int, lines bool) int {
	for i < len(p.text) && !edgeByte(p.text[i], lines) {
		i++
	}
	return i
}

// first is the leftmost match of f in the text, as FindStringIndex gives it.
func (p *page) first(f *finder) []int {
	spans, whole := p.windows(f)
	if whole {
		return f.re.FindStringIndex(p.text)
	}
	for _, s := range spans {
		if m := f.in(s[0], s[1], len(p.text)).FindStringIndex(p.text[s[0]:s[1]]); m != nil {
			return []int{m[0] + s[0], m[1] + s[0]}
		}
	}
	return nil
}

// all is up to n matches of f (n < 0: every one), as FindAllStringIndex
// gives them, or with their groups, as FindAllStringSubmatchIndex does.
func (p *page) all(f *finder, n int, groups bool) [][]int {
	return p.allIn(f, 0, len(p.text), n, groups)
}

// allIn is all for the text from lo to hi, searched as a text of its own
// (offsets are the whole text's).
func (p *page) allIn(f *finder, lo, hi, n int, groups bool) [][]int {
	findAll := func(re *regexp.Regexp, from, to, n int) [][]int {
		var ms [][]int
		if groups {
			ms = re.FindAllStringSubmatchIndex(p.text[from:to], n)
		} else {
			ms = re.FindAllStringIndex(p.text[from:to], n)
		}
		for _, m := range ms {
			for i := range m {
				if m[i] >= 0 {
					m[i] += from
				}
			}
		}
		return ms
	}
	spans, whole := p.windows(f)
	if whole {
		return findAll(f.re, lo, hi, n)
	}
	var out [][]int
	for _, s := range spans {
		// A window cut at lo or hi starts or ends where the text searched does.
		from, to := max(s[0], lo), min(s[1], hi)
		if from >= to {
			continue
		}
		left := -1
		if n >= 0 {
			left = n - len(out)
		}
		out = append(out, findAll(f.in(from-lo, to-lo, hi-lo), from, to, left)...)
		if n >= 0 && len(out) >= n {
			break
		}
	}
	return out
}

// finderOf is the finder of a wording written in Go (classify's): each gets
// its own when first asked for, kept for every document.
func finderOf(re *regexp.Regexp) *finder {
	if f, ok := moreFinders.Load(re); ok {
		return f.(*finder)
	}
	f, _ := moreFinders.LoadOrStore(re, newFinder(re))
	return f.(*finder)
}

// moreFinders: the finders finderOf made, by pattern.
var moreFinders sync.Map
