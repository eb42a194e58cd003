package textstage

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a stretch of a text: byte offsets, end exclusive.
type Span struct{ Start, End int }

// BlockKind is what a block of text is on the page.
type BlockKind uint8

// The kinds of block.
const (
	Paragraph  BlockKind = iota
	Heading              // a short line standing alone, with no sentence end
	ListItem             // a line starting with a bullet or a number
	TableRow             // cells: a line with tabs or " | "
	LabelValue           // "Label: value"
)

var kindNames = [...]string{"paragraph", "heading", "list_item", "table_row", "label_value"}

func (k BlockKind) String() string { return kindNames[k] }

// Block is a paragraph, heading, list item, table row or "label: value" line:
// one line, or lines a PDF wrapped (not ended) joined.
type Block struct {
	Kind BlockKind
	Span
	Label Span // a LabelValue's label, before the colon
}

// Sentence is a sentence of a block, with its clauses.
type Sentence struct {
	Span
	Block   int
	Clauses []Span
}

// Doc is a text read into blocks and sentences. It is not changed once read.
type Doc struct {
	Text      string
	Blocks    []Block
	Sentences []Sentence
	lex       *Lexicon
}

// Read reads text into blocks, sentences and clauses (clause breaks from lex).
func Read(text string, lex *Lexicon) *Doc {
	d := &Doc{Text: text, lex: lex}
	d.Blocks = Blocks(text)
	brk := lex.Regexp("clause_break")
	for bi, b := range d.Blocks {
		for _, s := range sentencesIn(text, b.Span) {
			d.Sentences = append(d.Sentences, Sentence{Span: s, Block: bi, Clauses: clausesIn(text, s, brk)})
		}
	}
	return d
}

var (
	listMark   = regexp.MustCompile(`^(?:[-•*·▪◦–]\s|\d{1,2}[.)]\s|[a-z][.)]\s)`)
	labelStart = regexp.MustCompile(`^([A-Za-z][\w'’&/() -]{0,40}?)\s*:(?:\s|$)`)
)

// Blocks splits text into blocks. A line joins the next when it is long and does
// not end like a sentence, a heading or a table row (a PDF's wrapping), and no
// blank line stands between.
func Blocks(text string) []Block {
	var out []Block
	start := 0
	for start < len(text) {
		end := start
		for {
			nl := strings.IndexByte(text[end:], '\n')
			if nl < 0 {
				end = len(text)
				break
			}
			lineEnd := end + nl
			line := text[end:lineEnd]
			if lineEnd+1 < len(text) && text[lineEnd+1] != '\n' && line != "" && (softWrapped(line) || runsOn(line, text[lineEnd+1:])) {
				end = lineEnd + 1
				continue
			}
			end = lineEnd
			break
		}
		if strings.TrimSpace(text[start:end]) != "" {
			out = append(out, block(text, Span{start, end}, len(out) > 0))
		}
		start = end + 1
	}
	return out
}

func block(text string, s Span, _ bool) Block {
	line := text[s.Start:s.End]
	b := Block{Kind: Paragraph, Span: s}
	switch {
	case listMark.MatchString(line):
		b.Kind = ListItem
	case strings.Contains(line, "\t") || strings.Contains(line, " | "):
		b.Kind = TableRow
	case labelStart.MatchString(line):
		m := labelStart.FindStringSubmatchIndex(line)
		b.Kind, b.Label = LabelValue, Span{s.Start + m[2], s.Start + m[3]}
	case len(line) < 80 && !strings.ContainsAny(line, "\n") && !strings.ContainsAny(line[len(line)-1:], ".!?:;,"):
		b.Kind = Heading
	}
	return b
}

// softWrapped says whether a line was broken by layout rather than ended: it is
// long and does not end like a sentence, a heading or a table row.
func softWrapped(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) >= 25 && openEnd.MatchString(line) {
		return true // "... She holds the" / "National Award ...": a short line cut mid-phrase
	}
	if len(line) < 50 {
		return false
	}
	return !strings.ContainsAny(line[len(line)-1:], ".:;!?|")
}

// runsOn says whether a line not ended by its punctuation goes on in the next,
// which starts with a word in lower case ("We do not have a specialist unit" /
// "or resource base."): a PDF's narrow column wrapped it. A line under 25 bytes
// may be a heading over a sentence in lower case.
func runsOn(line, next string) bool {
	line = strings.TrimSpace(line)
	if len(line) < 25 || strings.ContainsAny(line[len(line)-1:], ".:;!?|)") || strings.Contains(line, "\t") || listMark.MatchString(next) {
		return false
	}
	return lowerStart.MatchString(next)
}

// lowerStart: a line starting with a word in lower case (not an address).
var lowerStart = regexp.MustCompile(`^[ \t]*[a-z]{2,}[ ,;]`)

// openEnd: a line ending in a word no sentence, heading or row ends with.
var openEnd = regexp.MustCompile(`\s(?:the|a|an|of|and|or|to|for|in|on|with|by|at|from|is|are|was|were|has|have|our|her|his|their|she|he|they|who|which|that|can|be|will)$`)

// sentencesIn splits a block at ". ", "? " and "! ", not after a title or an
// initial ("Mrs. K. Bell"); the sentence keeps its stop.
func sentencesIn(text string, b Span) []Span {
	var out []Span
	lo := b.Start
	s := text[:b.End]
	for i := b.Start; i+1 < b.End; i++ {
		c := s[i]
		if (c != '.' && c != '?' && c != '!') || s[i+1] != ' ' {
			continue
		}
		if c == '.' && IsAbbreviation(s[lo:i]) {
			continue
		}
		out = append(out, Span{lo, i + 1})
		lo = i + 2
	}
	if lo < b.End {
		out = append(out, Span{lo, b.End})
	}
	return out
}

// IsAbbreviation says whether the text before a full stop ends in a title or an
// initial ("Mrs", "Dr", "K"), which does not end a sentence.
func IsAbbreviation(before string) bool {
	i := strings.LastIndexAny(before, " \t(\n") + 1
	w := before[i:]
	switch strings.ToLower(w) {
	case "mr", "mrs", "ms", "dr", "mx", "st", "e.g", "i.e", "etc", "no", "tel", "ext":
		return true
	}
	// An initial is one capital letter ("K."); "Year 6." ends a sentence.
	r, n := utf8.DecodeRuneInString(w)
	return n > 0 && n == len(w) && unicode.IsUpper(r)
}

// clausesIn splits a sentence at its clause breaks; a clause starts with its break.
func clausesIn(text string, s Span, brk *regexp.Regexp) []Span {
	if brk == nil {
		return []Span{s}
	}
	var out []Span
	lo := s.Start
	for _, m := range brk.FindAllStringIndex(text[s.Start:s.End], -1) {
		if at := s.Start + m[0]; at > lo {
			out = append(out, Span{lo, at})
			lo = at
		}
	}
	return append(out, Span{lo, s.End})
}

// SentenceAt is the index of the sentence holding byte pos (the one before it
// when pos falls between sentences), -1 when none.
func (d *Doc) SentenceAt(pos int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > pos })
	if i < len(d.Sentences) && d.Sentences[i].Start <= pos {
		return i
	}
	return i - 1
}

// ClauseAt is the clause holding byte pos, and its sentence's index.
func (d *Doc) ClauseAt(pos int) (Span, int) {
	i := d.SentenceAt(pos)
	if i < 0 {
		return Span{0, 0}, -1
	}
	cl := d.Sentences[i].Clauses
	for k := len(cl) - 1; k >= 0; k-- {
		if cl[k].Start <= pos {
			return cl[k], i
		}
	}
	return cl[0], i
}

// BlockAt is the index of the block holding byte pos, -1 when none.
func (d *Doc) BlockAt(pos int) int {
	i := sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].End >= pos })
	if i < len(d.Blocks) && d.Blocks[i].Start <= pos {
		return i
	}
	return -1
}
