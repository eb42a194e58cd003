package analysis

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
)

// windowReach is how far from a literal every match contains a match can run:
// the rules searched by window are about a sentence or a table's row, never
// longer than this either side of the word they must hold.
const windowReach = 300

// findInWindows finds up to n matches of re in text, searching only the lines
// within reach of the literals every match must contain (its gate), so a long
// document is not run through a slow pattern from end to end. Windows start and
// end at line breaks, or between words in a long line (see lineCap), so \b
// reads as it would in the whole text. With no gate, the whole text is
// searched.
func (x *Extractor) findInWindows(re *regexp.Regexp, text, lower string, n int) [][]int {
	g, ok := x.gates[re]
	if !ok || len(g.must) == 0 || len(lower) != len(text) {
		return re.FindAllStringSubmatchIndex(text, n)
	}
	var spans [][2]int
	for _, l := range g.must {
		hay := text
		if l.fold {
			hay = lower
		}
		for i := 0; i < len(hay); {
			j := strings.Index(hay[i:], l.text)
			if j < 0 {
				break
			}
			j += i
			spans = append(spans, windowAround(text, j, j+len(l.text)))
			i = j + max(1, len(l.text))
		}
	}
	return findInSpans(re, text, spans, n)
}

// findInSpans finds up to n matches of re in the stretches of text given
// (line-aligned, as windowAround makes them), in the order of the text.
func findInSpans(re *regexp.Regexp, text string, spans [][2]int, n int) [][]int {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	merged := spans[:1]
	for _, s := range spans[1:] {
		if last := &merged[len(merged)-1]; s[0] <= last[1] {
			last[1] = max(last[1], s[1])
		} else {
			merged = append(merged, s)
		}
	}
	var out [][]int
	for _, s := range merged {
		for _, m := range re.FindAllStringSubmatchIndex(text[s[0]:s[1]], n) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += s[0]
				}
			}
			out = append(out, m)
			if n >= 0 && len(out) >= n {
				return out
			}
		}
	}
	return out
}

// windowAround is the stretch of text within reach of text[from:to], from the
// start of a line to the end of one.
func windowAround(text string, from, to int) [2]int {
	return [2]int{lineStart(text, max(0, from-windowReach)), lineEnd(text, min(len(text), to+windowReach))}
}

// figureOpenings: how a rule written to open with a figure begins.
var figureOpenings = []string{`\b({amount})`, `\b(?:{amount})`, `\b({figure})`, `\b(\d`}

// opensWithFigure says whether every match of a rule's pattern (as written)
// opens with a figure or a count in words at a word's start.
func opensWithFigure(pattern string) bool {
	for _, o := range figureOpenings {
		if strings.HasPrefix(pattern, o) {
			return true
		}
	}
	return false
}

// figureStarts are where figures and counts in words start in text, each at a
// word's start, in order.
func (x *Extractor) figureStarts(text string) []int {
	lower := asciiLower(text)
	var out []int
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= '0' && c <= '9' {
			if i == 0 || !reWordByte(text[i-1]) {
				out = append(out, i)
			}
			for i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
				i++
			}
		}
	}
	for _, w := range x.countWords {
		for i := 0; i < len(lower); {
			j := strings.Index(lower[i:], w)
			if j < 0 {
				break
			}
			j += i
			if j == 0 || !reWordByte(lower[j-1]) {
				out = append(out, j)
			}
			i = j + len(w)
		}
	}
	sort.Ints(out)
	return out
}

// reWordByte says whether c is a word character as \b reads one.
func reWordByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }

// findAtFigures finds up to n matches of a figure-led rule (anchored) that
// start where a figure does, in the order of the text.
func findAtFigures(anchored *regexp.Regexp, text string, starts []int, n int) [][]int {
	var out [][]int
	for _, p := range starts {
		m := anchored.FindStringSubmatchIndex(text[p:])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += p
			}
		}
		out = append(out, m)
		if len(out) >= n {
			break
		}
	}
	return out
}

// asciiLower is text with A-Z in lower case and every other byte as it is.
func asciiLower(text string) string {
	b := []byte(text)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lineCap is how far a window is widened to the line's start or end; a longer
// line (a paragraph of a web page) is cut between words instead, where a
// pattern's ^ or $ (which only the table rules use) may read a false line edge.
const lineCap = 400

// lineStart is the start of the line holding i, or the start of the word at
// most lineCap bytes back.
func lineStart(text string, i int) int {
	lo := max(0, i-lineCap)
	if k := strings.LastIndexByte(text[lo:i], '\n'); k >= 0 {
		return lo + k + 1
	}
	if lo == 0 {
		return 0
	}
	if k := strings.IndexByte(text[i:min(len(text), i+40)], ' '); k >= 0 {
		return i + k + 1
	}
	return i
}

// lineEnd is the end of the line holding i, or the end of the word at most
// lineCap bytes on.
func lineEnd(text string, i int) int {
	hi := min(len(text), i+lineCap)
	if k := strings.IndexByte(text[i:hi], '\n'); k >= 0 {
		return i + k
	}
	if hi == len(text) {
		return hi
	}
	if k := strings.LastIndexByte(text[max(0, i-40):i], ' '); k >= 0 {
		return max(0, i-40) + k
	}
	return i
}

// ruleLiterals is the gate of a rule's pattern: the literals one of which
// every match contains. Besides the gate of requiredLiterals (a literal of
// the top-level sequence, or one per top-level branch), it takes a sequence's
// alternation of words ("identified|recognised|assessed"), one literal a word,
// when it is worth more than the sequence's longest literal, so a rule that
// opens with a figure still has words to look for.
func ruleLiterals(re *syntax.Regexp) []literal {
	base := requiredLiterals(re)
	if re.Op == syntax.OpCapture && len(re.Sub) == 1 {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat {
		return base
	}
	// A set's worth: its shortest word, less one for each word beyond the
	// first (any of five common words is found more often than one).
	score := func(ls []literal) int {
		if len(ls) == 0 {
			return 0
		}
		m := len(ls[0].text)
		for _, l := range ls[1:] {
			m = min(m, len(l.text))
		}
		return m - len(ls) + 1
	}
	best := base
	for _, s := range re.Sub {
		if s.Op == syntax.OpCapture && len(s.Sub) == 1 {
			s = s.Sub[0]
		}
		if s.Op != syntax.OpAlternate {
			continue
		}
		var ls []literal
		for _, b := range s.Sub {
			t, fold := requiredLiteral(b)
			if len(t) < 3 {
				ls = nil
				break
			}
			ls = append(ls, literal{t, fold})
		}
		if len(ls) > 0 && score(ls) >= 3 && score(ls) > score(best) {
			best = ls
		}
	}
	return best
}
