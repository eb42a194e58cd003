package analysis

import (
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

// softWrapped is the text stage's line-wrap rule (textstage.SoftWrapped): the
// evidence quoted for a fact takes the lines the stage's blocks take, so a
// sentence a PDF wrapped is quoted whole and a bullet, a numbered item, a
// "Label: value" line or a table's row after it is not part of it.
func softWrapped(line, next string) bool { return textstage.SoftWrapped(line, next) }

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
