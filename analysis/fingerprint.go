package analysis

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Fingerprint is what comparing one document's words with another's needs,
// whatever their formats: the same words as an HTML page, a PDF or a Word file
// give the same fingerprint.
type Fingerprint struct {
	// Text is a 64-bit hash (16 hex digits) of the document's words in order,
	// in lower case, without punctuation, spacing, layout or page furniture;
	// empty when the document has no words.
	Text string
	// Sentences are 64-bit hashes of its distinct sentences, normalised the same
	// way, sorted. A sentence's hash has its lowest bit set when the sentence has
	// 30 characters or more (the sentences templates share; template_reuse
	// compares only those).
	Sentences []uint64
}

// longSentence is the length from which a sentence counts for template reuse.
const longSentence = 30

// FingerprintOf fingerprints a document's text (Text.Body). Sentences end at
// '.', '!' or '?'; line breaks are spaces, so a PDF's wrapped lines and a web
// page's paragraphs give the same sentences. Removed first, as page furniture:
// page numbers ("Page 3 of 12", "- 3 -", "3/12"), lines that are only a URL (a
// browser's print footer), dates and times of printing, bullets and list
// numbers, and short lines that recur (running headers and footers a PDF of
// few pages keeps).
func FingerprintOf(body string) Fingerprint {
	// A table's cell gap (a tab once normalised) is spacing like any other.
	lines := strings.Split(strings.ReplaceAll(body, "\t", " "), "\n")
	kept := make([]string, 0, len(lines))
	prev := ""
	for _, l := range lines {
		if l = stripFurniture(l); l == "" {
			continue
		}
		// A list number or an "o" bullet opens an item only after a line that
		// ends a sentence or a heading: "room\n30. Step 2" is a wrapped line.
		if prev == "" || len(prev) < 60 || strings.ContainsAny(prev[len(prev)-1:], ".!?:;") {
			l = strings.TrimSpace(listMark.ReplaceAllString(l, ""))
		}
		if l != "" {
			kept = append(kept, l)
			prev = l
		}
	}
	// A short line seen more than once is running text: drop every copy, so a
	// document printed with a header matches the page it was printed from.
	count := map[string]int{}
	for _, l := range kept {
		if k := wordKey(l); k != "" && len(strings.Fields(k)) <= 12 {
			count[k]++
		}
	}
	var words []string
	var sentence []string
	seen := map[uint64]bool{}
	var fp Fingerprint
	flush := func() {
		if len(sentence) == 0 {
			return
		}
		s := strings.Join(sentence, " ")
		h := hash64(s) &^ 1
		if len(s) >= longSentence {
			h |= 1
		}
		if !seen[h] {
			seen[h] = true
			fp.Sentences = append(fp.Sentences, h)
		}
		sentence = sentence[:0]
	}
	for _, l := range kept {
		if count[wordKey(l)] > 1 {
			continue
		}
		start := 0
		for i, r := range l {
			if r != '.' && r != '!' && r != '?' {
				continue
			}
			// A full stop inside a number or an address (0.5, kent.gov.uk) ends nothing.
			if next := i + 1; next < len(l) && l[next] != ' ' && l[next] != '"' && l[next] != '\'' && l[next] != ')' {
				continue
			}
			w := wordsOf(l[start:i])
			sentence = append(sentence, w...)
			words = append(words, w...)
			flush()
			start = i + 1
		}
		w := wordsOf(l[start:])
		sentence = append(sentence, w...)
		words = append(words, w...)
	}
	flush()
	if len(words) > 0 {
		fp.Text = fmt.Sprintf("%016x", hash64(strings.Join(words, " ")))
	}
	sort.Slice(fp.Sentences, func(i, j int) bool { return fp.Sentences[i] < fp.Sentences[j] })
	return fp
}

func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// wordsOf splits text into lower-case words of letters and digits: every
// punctuation mark, quote, dash and symbol separates words and is dropped.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func wordKey(l string) string { return strings.Join(wordsOf(l), " ") }

var (
	// "Page 3 of 12", "Page 3", and standing alone "3 of 12", "3/12", "- 3 -", "3"
	// (not "2025": a year alone on a line is a word of the report).
	pagePhrase = regexp.MustCompile(`(?i)\bpage\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\b|^\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}\s*$|^\s*-?\s*\d{1,3}\s*-?\s*$`)
	// A line that is a URL, perhaps followed by a page count (a browser's print footer).
	urlLine = regexp.MustCompile(`(?i)^(?:https?://|www\.)\S+(?:\s+\d{1,4}\s*(?:/|of)\s*\d{1,4})?$`)
	// A browser's print header: "12/09/2025, 14:03" and the page title.
	printStamp = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?\b.*$`)
	// "Printed on 12 September 2025", "Date printed: 12/09/2025", "Generated 2025-09-12 10:14".
	printedOn = regexp.MustCompile(`(?i)\b(?:(?:date\s+)?printed|generated|downloaded)(?:\s+(?:on|at))?\s*:?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)?`)
	// A list number ("1.", "2)", "(a)", "iv.") or an "o" bullet (Word's second
	// level) opening a line; other bullets are punctuation, dropped anyway.
	listMark = regexp.MustCompile(`^(?:o\s+|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+)`)
)

// stripFurniture removes from one line what only a printed page or a page's
// layout puts there.
func stripFurniture(l string) string {
	l = strings.TrimSpace(l)
	if l == "" || urlLine.MatchString(l) || printStamp.MatchString(l) {
		return ""
	}
	l = pagePhrase.ReplaceAllString(l, " ")
	l = printedOn.ReplaceAllString(l, " ")
	return strings.TrimSpace(l)
}
