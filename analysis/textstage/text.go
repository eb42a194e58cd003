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

// labelStart: a "label: value" block's label.
var labelStart = regexp.MustCompile(`^([A-Za-z][\w'’&/() -]{0,40}?)\s*:(?:\s|$)`)

// Blocks splits text into blocks. A line joins the next when the break between
// them is a soft wrap (SoftWrapped), and no blank line stands between.
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
			if lineEnd+1 < len(text) && text[lineEnd+1] != '\n' && SoftWrapped(text[end:lineEnd], text[lineEnd+1:]) {
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
	case itemStart.MatchString(line): // the marks that start a line anew
		b.Kind = ListItem
	case tableRow(line):
		b.Kind = TableRow
	case labelStart.MatchString(line):
		m := labelStart.FindStringSubmatchIndex(line)
		b.Kind, b.Label = LabelValue, Span{s.Start + m[2], s.Start + m[3]}
	case len(line) < 80 && !strings.ContainsAny(line, "\n") && !strings.ContainsAny(line[len(line)-1:], ".!?:;,"):
		b.Kind = Heading
	}
	return b
}

// SoftWrapped says whether the line break after line is a soft wrap, given the
// text after the break (only its first line is read): the sentence, item or cell
// goes on in the next line because a PDF or a narrow column broke it there. It
// is a real break when the next line starts anew (a bullet of any glyph, a
// numbered or lettered item, a "Label: value" line, a table's row), or when the
// line is ended (a sentence's stop, a colon, a table's row, a contents line's
// leader of dots, a heading in capitals). Otherwise the break is soft when
//   - a word is hyphenated across it ("specific learn-" / "ing difficulties"),
//     or an e-mail or web address is cut inside ("j.wren@oak-" /
//     "primary.sch.uk");
//   - the next line carries on in lower case ("We do not have a specialist unit"
//     / "or resource base."), after a line long enough to have been wrapped, or
//     one cut after a comma or a word no sentence ends on;
//   - the line stops on a word no sentence or heading ends on ("the", "and",
//     "our", a title: "Our SENCO is Mrs" / "OKAFOR"), or on one a heading may
//     end on ("for", "with", "is") when the line is prose: "... on Mondays. She
//     holds the" / "National Award" goes on, the heading "The needs we provide
//     for" does not; after either, an address goes on ("... or at" /
//     "senco@oak.sch.uk");
//   - the line is long (50 bytes or more), as a wrapped line of running text is,
//     and the next is not a heading in capitals.
//
// Short lines with no stop (headings, an address block's lines, a name over a
// role) are lines of their own. This is the one rule: the text stage's blocks
// and sentences, and the evidence quoted for a fact, both use it.
func SoftWrapped(line, next string) bool {
	if nl := strings.IndexByte(next, '\n'); nl >= 0 {
		next = next[:nl]
	}
	line, next = strings.TrimSpace(line), strings.TrimSpace(next)
	if line == "" || next == "" || startsAnew(next) {
		return false
	}
	if hyphenated(line, next) || addressCut(line, next) {
		return true
	}
	if ended(line) || tableRow(line) || leader(line) || capsHeading(line) {
		return false
	}
	lastWord := line[strings.LastIndexAny(line, " \t")+1:]
	if titles[strings.TrimSuffix(lastWord, ".")] {
		return lastWord != line // "Our SENCO is Mrs" / "Okafor"
	}
	w := endWords[lastWord]
	if lowerStart.MatchString(next) && !strings.HasPrefix(next, "www.") && (len(line) >= 25 || strings.HasSuffix(line, ",") || w != 0) {
		return true
	}
	if w != 0 && addressStart.MatchString(next) {
		return true // "... or by e-mail at" / "senco@oak.sch.uk"
	}
	if w == never && lastWord != line || w == notProse && prose(line) {
		return true // cut after "the", or a sentence's "She holds the" / "National Award"
	}
	return len(line) >= 50 && !capsHeading(next)
}

// prose says whether a line is running text, not a heading: it holds a
// sentence's end or a comma, or it starts in lower case (a wrapped sentence's
// middle: "with a resource base commissioned by" / "the local authority").
func prose(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r) || strings.Contains(line, ", ") || sentenceEnd.MatchString(line)
}

// startsAnew says whether a line starts a unit of its own, which cannot carry
// on the line before: a list item (a bullet of any glyph, "1.", "2)", "(3)",
// "a)", "(b)", "iv."), a "Label: value" line or a table's row. (A line in
// capitals starts anew too, unless the line before was cut after "the" or
// "Mrs": SoftWrapped decides that.)
func startsAnew(line string) bool {
	return itemStart.MatchString(line) || labelLine.MatchString(line) || tableRow(line)
}

var (
	// itemStart: a list item's mark, then a space (or alone on its line, as
	// PDFs set a bullet apart from its item). A lower-case "o" is a Word
	// document's second-level bullet when a capital follows.
	itemStart = regexp.MustCompile(`^(?:[-•*·▪‣◦–—●○■□►▸▹➢➤✓✔❖◆♦→>](?:\s|$)|o\s+\p{Lu}|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?:\s|$))`)
	// labelLine: "Label: value" (or a label alone) opening a line; the label
	// starts with a capital, as a wrapped sentence's "children with the
	// following:" does not.
	labelLine = regexp.MustCompile(`^[A-Z][\w'’/&() -]{0,40}:(?:\s|$)`)
	// lowerStart: a line carrying on in lower case: a word, then a space, a
	// stop or the line's end (not an e-mail address: "senco@...").
	lowerStart = regexp.MustCompile(`^[a-z]{2,}(?:[\s,;.:!?)]|$)`)
	// sentenceEnd: a stop after a word, a figure or a bracket, then the next
	// sentence ("on Mondays. She", "in 2022. Her"), not a list number's ("2.
	// Needs") or an initial's ("Mr P. Nowak").
	sentenceEnd = regexp.MustCompile(`(?:\p{Ll}{2}|\s\d+|\))[.!?]\s+\S`)
	// addressStart: a line opening with an e-mail or web address.
	addressStart = regexp.MustCompile(`^(?:[\w.+-]+@[\w-]+\.|https?://|www\.)`)
	// leaderRow: a contents line or a table's row whose label runs to its value
	// along a leader of dots ("Pupils on roll ........ 209"): a line of its own.
	leaderRow = regexp.MustCompile(`(?:\.{4,}|…{2,}|(?:\. ){3,})[ \t]*\S.{0,30}$`)
)

// leader says whether a line runs to its value along a leader of dots.
func leader(line string) bool {
	return (strings.Contains(line, "..") || strings.Contains(line, "…") || strings.Contains(line, ". . ")) && leaderRow.MatchString(line)
}

// tableRow: a line of cells parted by tabs or bars.
func tableRow(line string) bool {
	return strings.Contains(line, "\t") || strings.Contains(line, " | ")
}

// ended says whether a line ends as a sentence, a label or a row does: a full
// stop (not a title's: "Mrs." / "Khan"), "?" or "!", perhaps inside closing
// quotes or brackets, or ":", ";" or a bar.
func ended(line string) bool {
	switch line[len(line)-1] {
	case ':', ';', '|':
		return true
	}
	t := strings.TrimRight(line, `"')]’”`)
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.':
		w := t[strings.LastIndexAny(t, " \t(")+1 : len(t)-1]
		return t != line || !titles[w]
	case '!', '?':
		return true
	}
	return false
}

// titles come before a name, as "Mrs" in "Our SENCO is Mrs" / "Okafor".
var titles = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Mx": true, "Dr": true}

// hyphenated: a word broken at the line's end with a hyphen, going on in lower
// case ("specific learn-" / "ing difficulties"). A dash after a space is not a
// hyphen.
func hyphenated(line, next string) bool {
	if len(line) < 2 || line[len(line)-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(line[:len(line)-1])
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) && unicode.IsLower(n)
}

// addressCut: an e-mail or web address broken inside, at a character an
// address may break after, going on with no space to the rest of it
// ("j.wren@oak-" / "primary.sch.uk", "https://www.oak.sch.uk/" /
// "send/report.pdf"). A stop after a whole address ends its sentence.
func addressCut(line, next string) bool {
	last := line[strings.LastIndexAny(line, " \t")+1:]
	if !strings.Contains(last, "@") && !strings.Contains(last, "://") && !strings.HasPrefix(strings.ToLower(last), "www.") {
		return false
	}
	end := last[len(last)-1]
	if !strings.ContainsRune("@./-_?=&#", rune(end)) {
		return false
	}
	first := next
	if i := strings.IndexAny(next, " \t"); i >= 0 {
		first = next[:i]
	}
	return addressPart.MatchString(first) && (end == '@' || end == '/' || strings.ContainsAny(first, "./-_@=?&"))
}

// addressPart: the rest of an address: no capitals, no spaces.
var addressPart = regexp.MustCompile(`^[a-z0-9][a-z0-9._~%/?#=&@+-]*$`)

// capsHeading: a heading in capitals ("HOW WE IDENTIFY SPECIAL EDUCATIONAL
// NEEDS"): a capital first, two words or more, no lower-case letter, no
// sentence's stop at its end.
func capsHeading(line string) bool {
	if len(line) > 120 || !strings.Contains(line, " ") || ended(line) || strings.HasSuffix(line, ",") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(line); !unicode.IsUpper(r) {
		return false
	}
	letters := 0
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 4
}

// How a line ending on a word goes on.
const (
	never    = 1 // no sentence or heading ends on it: the line goes on
	notProse = 2 // a heading may end on it ("The needs we provide for"), a sentence not
)

// endWords are the words (as written, in lower case) that end no sentence:
// articles, conjunctions and possessives never (nor titles); the
// prepositions, auxiliaries and relatives a heading or a question may end on
// ("Who we work with", "Who our SENCO is") only outside prose.
var endWords = map[string]uint8{
	"the": never, "a": never, "an": never, "and": never, "or": never, "nor": never, "of": never,
	"our": never, "your": never, "their": never, "her": never, "his": never, "its": never, "my": never,
	"to": notProse, "for": notProse, "with": notProse, "in": notProse, "on": notProse, "at": notProse,
	"from": notProse, "by": notProse, "about": notProse, "into": notProse, "as": notProse,
	"is": notProse, "are": notProse, "was": notProse, "were": notProse, "be": notProse, "been": notProse,
	"has": notProse, "have": notProse, "can": notProse, "will": notProse, "may": notProse,
	"who": notProse, "which": notProse, "that": notProse, "she": notProse, "he": notProse, "they": notProse, "we": notProse,
}

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
