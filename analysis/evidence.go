package analysis

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// Fact is one thing a document says, with the words it says it in.
// Start and End are offsets in characters (Unicode code points, from 0, end
// exclusive) into the document's normalised text; Evidence is exactly that span.
type Fact struct {
	Field      string
	Value      string
	ValueNum   *float64
	Evidence   string
	Start, End int
	Confidence float64
}

const maxEvidence = 400 // characters of quoted context either side is cut to this

// span finds the sentence (or line, or table row) around text[from:to] (byte
// offsets) and returns it as evidence with character offsets.
func span(text string, from, to int) (evidence string, start, end int) {
	lo, hi := sentenceBounds(text, from, to, maxEvidence)
	for hi-lo > maxEvidence {
		// Keep the match and cut evenly around it, on character boundaries.
		if from-lo > hi-to {
			lo++
			for lo < from && !utf8.RuneStart(text[lo]) {
				lo++
			}
		} else {
			hi--
			for hi > to && !utf8.RuneStart(text[hi]) {
				hi--
			}
		}
	}
	ev := strings.TrimSpace(text[lo:hi])
	lo += strings.Index(text[lo:hi], ev)
	hi = lo + len(ev)
	return ev, runeOffset(text, lo), runeOffset(text, lo) + utf8.RuneCountInString(ev)
}

// softWrapped says whether a line was broken by layout rather than ended, given
// the text after it: the line does not end like a sentence, a heading or a table
// row, and it is long, or the next line carries on with a word in lower case
// (not an address or a list number), or it is prose (it holds a sentence end)
// that stops on a word no sentence ends on ("the", "and", "of"): a heading may
// end on "for" ("The needs we provide for").
func softWrapped(line, next string) bool {
	line = strings.TrimSpace(line)
	if line == "" || strings.ContainsAny(line[len(line)-1:], ".:;!?|") || startsAnew.MatchString(strings.TrimSpace(next)) ||
		strings.Contains(line, " | ") || strings.Contains(line, "\t") || leaderRow.MatchString(line) {
		return false // ended, or the next line starts anew, or a table's row: its cells parted by bars, tabs or a leader of dots
	}
	if len(line) >= 50 || carriesOn.MatchString(strings.TrimSpace(next)) {
		return true
	}
	last := line[strings.LastIndexAny(line, " \t")+1:]
	return strings.Contains(line, ". ") && carryOnWords[strings.ToLower(last)]
}

// startsAnew is a line that cannot carry on the one before: a list item (a
// bullet, a number, a letter or roman numeral in brackets) or a "Label: value"
// line.
var startsAnew = regexp.MustCompile(`^(?:[•·▪‣◦*–—-]\s|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s|[A-Z][\w'’/&() -]{0,40}:\s)`)

// carriesOn is a line that starts mid-sentence: a lower-case word.
var carriesOn = regexp.MustCompile(`^[a-z]{3,}[\s,;]`)

// carryOnWords end no sentence: a line ending on one was wrapped.
var carryOnWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true,
	"in": true, "on": true, "for": true, "with": true, "by": true, "at": true, "from": true, "her": true, "his": true,
	"their": true, "our": true, "your": true, "is": true, "are": true, "was": true, "be": true, "has": true, "have": true,
	"who": true, "which": true, "that": true, "as": true}

// leaderRow: a table row or contents line whose label runs to its value along
// a leader of dots ("Pupils on roll ........ 209"): a line of its own.
var leaderRow = regexp.MustCompile(`(?:\.{4,}|…{2,})[ \t]*\S.{0,30}$`)

// sentenceBounds finds the sentence around text[from:to]: within its line, or
// across lines a PDF wrapped (not ended), up to about limit bytes.
func sentenceBounds(text string, from, to, limit int) (int, int) {
	lo := strings.LastIndexByte(text[:from], '\n') + 1
	hi := strings.IndexByte(text[to:], '\n')
	if hi < 0 {
		hi = len(text)
	} else {
		hi += to
	}
	// PDFs wrap sentences across lines: join lines that were wrapped, not ended.
	for lo > 1 && text[lo-2] != '\n' && softWrapped(text[strings.LastIndexByte(text[:lo-1], '\n')+1:lo-1], text[lo:hi]) && hi-lo < limit {
		lo = strings.LastIndexByte(text[:lo-1], '\n') + 1
	}
	// The line that decides is the last one taken, not all of them.
	for hi < len(text)-1 && text[hi+1] != '\n' && softWrapped(text[strings.LastIndexByte(text[:hi], '\n')+1:hi], text[hi+1:]) && hi-lo < limit {
		next := strings.IndexByte(text[hi+1:], '\n')
		if next < 0 {
			hi = len(text)
		} else {
			hi += 1 + next
		}
	}
	// A line with no end in sight (a page with no line breaks or full stops) is
	// cut at limit either side, so no caller works on the whole page per mention.
	lo, hi = max(lo, from-limit), min(hi, to+limit)
	// Within a long line, narrow to the sentence.
	if s := lastSentenceEnd(text[lo:from]); s >= 0 {
		lo += s
	}
	if e := nextSentenceEnd(text[to:hi]); e >= 0 {
		hi = to + e
	}
	return lo, hi
}

// lastSentenceEnd gives the offset just after the last ". " (or "? ", "! ") in s.
func lastSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! "} {
		for i := len(s); ; {
			j := strings.LastIndex(s[:i], sep)
			if j < 0 {
				break
			}
			if sep == ". " && textstage.IsAbbreviation(s[:j]) {
				i = j
				continue
			}
			if j+2 > best {
				best = j + 2
			}
			break
		}
	}
	return best
}

// nextSentenceEnd gives the offset just after the first sentence end in s.
func nextSentenceEnd(s string) int {
	best := -1
	for _, sep := range []string{". ", "? ", "! "} {
		for i := 0; i < len(s); {
			j := strings.Index(s[i:], sep)
			if j < 0 {
				break
			}
			j += i
			if sep == ". " && textstage.IsAbbreviation(s[:j]) {
				i = j + 2
				continue
			}
			if best < 0 || j+1 < best {
				best = j + 1
			}
			break
		}
	}
	return best
}

func runeOffset(s string, byteOff int) int {
	return utf8.RuneCountInString(s[:byteOff])
}

// factAt builds a fact whose evidence is the sentence around text[from:to].
func factAt(text string, from, to int, field, value string, num *float64, conf float64) Fact {
	ev, s, e := span(text, from, to)
	return Fact{Field: field, Value: value, ValueNum: num, Evidence: ev, Start: s, End: e, Confidence: conf}
}
