// Package classify decides what kind of document a school's or a council's
// page is (a school's SEN information report, its SEN policy, both, an
// accessibility plan, an LA's page about one school, LA guidance, other), with
// a confidence, from its title, address, link text and opening text. It reads
// with the tables and patterns of the extractor it serves (a Reader: package
// analysis gives its own), so an LA's added doctype.* lines reach it; its
// sources count in the extractor's version (analysis/version.go), which is
// why it sits under analysis.
package classify

import (
	"regexp"
	"strings"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// Reader is what the classifier asks of the extractor it serves.
type Reader interface {
	// Rules are the rule tables in force; the classifier reads the fields
	// doctype.* (rules/doctype.tsv and any added lines).
	Rules() *textstage.Table
	// FindInWindows finds up to n matches of one of those rules' patterns in
	// text (lower is text in lower case), as the extractor scans.
	FindInWindows(re *regexp.Regexp, text, lower string, n int) [][]int
	// Role matches the SENCO's role titles (with any added senco.role).
	Role() *regexp.Regexp
	// NeedCount is how many need areas and need types the text names.
	NeedCount(text string) int
}

// lexRegexp compiles one of the package's fixed wordings written with the
// compiled-in lexicon's fragments ({sen}: the SEN terms, spelt in one place).
func lexRegexp(pattern string) *regexp.Regexp { return textstage.BuiltinRegexp(pattern) }

// wordStop: a full stop after a word, not after an initial.
var wordStop = textstage.WordStop()

// AllFinder is what a Reader may also offer: the matches of a pattern found
// only where it can match (package analysis searches windows round the words
// every match holds), the same as a search of the whole stretch. The wordings
// classify reads over a document's opening kilobytes (crossReference and
// reportElsewhere open with [^.\n]*, so a plain search tries every sentence
// from every byte) go through it.
type AllFinder interface {
	// FindAll is up to n matches (n < 0: every one) of re in text[lo:hi],
	// searched as a text of its own, with offsets into text.
	FindAll(re *regexp.Regexp, text string, lo, hi, n int) [][]int
}

// Wordings are the patterns classify searches through a Reader's FindAll,
// for the extractor's test that its search finds what the regexp package does.
func Wordings() []*regexp.Regexp {
	out := []*regexp.Regexp{crossReference, reportElsewhere, selfReport, alsoPolicy, schoolsInGeneral}
	for _, s := range typeSignals {
		out = append(out, s.re)
	}
	return out
}

// findAll is x's FindAll when it has one, else the regexp package's.
func findAll(x Reader, re *regexp.Regexp, text string, lo, hi, n int) [][]int {
	if f, ok := x.(AllFinder); ok {
		return f.FindAll(re, text, lo, hi, n)
	}
	ms := re.FindAllStringIndex(text[lo:hi], n)
	for _, m := range ms {
		m[0], m[1] = m[0]+lo, m[1]+lo
	}
	return ms
}

// matches says whether re matches s, as re.MatchString does.
func matches(x Reader, re *regexp.Regexp, s string) bool {
	return len(findAll(x, re, s, 0, len(s), 1)) > 0
}

// matchedText is the words of each match in ms (offsets into text).
func matchedText(text string, ms [][]int) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, text[m[0]:m[1]])
	}
	return out
}

// blankOut is text[lo:hi] with each match in ms (in order, not empty, offsets
// into text) replaced by a space: re.ReplaceAllString(text[lo:hi], " ").
func blankOut(text string, lo, hi int, ms [][]int) string {
	if len(ms) == 0 {
		return text[lo:hi]
	}
	var b strings.Builder
	b.Grow(hi - lo)
	last := lo
	for _, m := range ms {
		b.WriteString(text[last:m[0]])
		b.WriteByte(' ')
		last = m[1]
	}
	b.WriteString(text[last:hi])
	return b.String()
}
