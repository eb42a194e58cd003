package analysis

import (
	"regexp"
	"strings"
	"unicode"
)

// statutoryFacts finds the statutory items a text covers by content: a wording
// counts only where it is said in a sentence, or heads a section that has a
// paragraph under it. A bare heading ("Complaints", "The Local Offer"), a menu,
// or a contents line names an item but says nothing about it.
func statutoryFacts(p *page, v Vocabulary, conf float64) []Fact {
	return p.vocabFacts("statutory.item", v, conf, (*page).firstInContent)
}

// maxHeadingMatches bounds how many matches of one wording are looked at: a
// page that repeats a word hundreds of times in menus has said what it will.
const maxHeadingMatches = 200

// firstInContent is the first match of re in text that stands in content, or nil.
func firstInContent(text string, re *regexp.Regexp) []int {
	return newPage(text).firstInContent(Term{Pattern: re, find: newFinder(re)})
}

// firstInContent is the first match of a wording that stands in content, or nil.
func (p *page) firstInContent(t Term) []int {
	var ms [][]int
	if t.find == nil {
		ms = t.Pattern.FindAllStringIndex(p.text, maxHeadingMatches)
	} else {
		ms = p.all(t.find, maxHeadingMatches, false)
	}
	for _, loc := range ms {
		if inContent(p.text, loc[0], loc[1]) {
			return loc[:2]
		}
	}
	return nil
}

// tocLine: a line of a table of contents ("Complaints ....... 12", "Local Offer  7").
var tocLine = regexp.MustCompile(`(?:\.{3,}|…|\s{2,}|\t)\s*\d{1,3}\s*$`)

// hasLink: a line giving an address ("Local Offer: https://...") says where.
var hasLink = regexp.MustCompile(`(?i)\bhttps?://|\bwww\.`)

// inContent says whether the words at text[from:to] are said in content: on a
// line that reads as a sentence, on a short line that carries on a sentence
// wrapped from the line before (PDF text), on a line giving an address, or on
// a heading followed by a paragraph.
func inContent(text string, from, to int) bool {
	start := strings.LastIndexByte(text[:from], '\n') + 1
	end := len(text)
	if i := strings.IndexByte(text[to:], '\n'); i >= 0 {
		end = to + i
	}
	line := text[start:end]
	if tocLine.MatchString(line) {
		return false
	}
	if isSentence(line) || hasLink.MatchString(line) {
		return true
	}
	// A short line: the tail of a sentence wrapped from the line before ...
	if prev, ok := lineBefore(text, start); ok && isParagraph(prev) && !endsSentence(prev) {
		return true
	}
	// ... or a heading with a paragraph under it (one blank line allowed).
	next, ok := lineAfter(text, end)
	return ok && isParagraph(next) && !strings.HasSuffix(strings.TrimSpace(next), "?")
}

// lineBefore is the line before the one starting at start, if not blank.
func lineBefore(text string, start int) (string, bool) {
	if start == 0 {
		return "", false
	}
	prev := text[:start-1]
	line := prev[strings.LastIndexByte(prev, '\n')+1:]
	return line, strings.TrimSpace(line) != ""
}

// lineAfter is the first non-blank line after the line ending at end, passing
// over at most one blank line.
func lineAfter(text string, end int) (string, bool) {
	rest := text[end:]
	for blanks := 0; rest != "" && blanks <= 2; blanks++ {
		rest = rest[1:] // the newline ending the line before
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		if strings.TrimSpace(line) != "" {
			return line, true
		}
	}
	return "", false
}

// words counts the words of a line, list marks and table bars set aside.
func words(line string) int {
	n := 0
	for _, f := range strings.Fields(line) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// isSentence: a line that says something: six words or more that are not a
// question heading, or a short sentence closed by a full stop.
func isSentence(line string) bool {
	t := strings.TrimSpace(line)
	n := words(t)
	if strings.HasSuffix(t, "?") {
		return false // the statutory questions are the usual headings of a report
	}
	return n >= 6 || (n >= 4 && endsSentence(t))
}

// isParagraph: a line long enough to be running text.
func isParagraph(line string) bool {
	return words(line) >= 8
}

// endsSentence: the line closes a sentence.
func endsSentence(line string) bool {
	t := strings.TrimRight(strings.TrimSpace(line), `"'”’)`)
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, ":")
}
