package textstage

import (
	"regexp"
	"strings"
)

// Polarity is what a mention's sentence says about it besides that it is: set
// bits mark it negated ("is not on the SLT", "we do not have a resource base"),
// former ("no longer part of", "the unit closed in 2023"), planned, proposed or
// being studied ("is working towards", "plans to open"), a duty rather than a
// fact ("must ensure that the SENCO ..."), another person's ("a therapist, Ms
// B, two days a week"), or another place's ("at several of our academies").
type Polarity uint8

// The marks of a mention.
const (
	Negated Polarity = 1 << iota
	Former
	Planned
	Duty
	Others
	Elsewhere
)

// Affirmed says the mention states a fact as it is now.
func (p Polarity) Affirmed() bool { return p == 0 }

func (p Polarity) String() string {
	if p == 0 {
		return "affirmed"
	}
	var parts []string
	for i, n := range []string{"negated", "former", "planned", "duty", "others", "elsewhere"} {
		if p&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "+")
}

// cues are the one place that decides what "not", "no longer", "will",
// "working towards" and "must" do to what follows them, and what "is closed"
// or "will open" do to what stands before them: each cue of the lexicon counts
// within its scope, before the mention or (after) after it.
var cues = []struct {
	mark   Polarity
	name   string // the lexicon's fragment
	clause bool   // within the mention's clause, else anywhere in its sentence
	window int    // bytes between the cue and the mention, at most; 0 for no limit
	after  bool   // the cue follows the mention (its clause's verb: "is closed")
}{
	{Negated, "cue.negated", true, 12, false},
	// "We do not currently have a unit or resource base": a thing said to be
	// absent, the whole of the words after the verb.
	{Negated, "cue.absent", true, 50, false},
	{Former, "cue.former", true, 40, false},
	{Planned, "cue.planned", true, 60, false},
	{Duty, "cue.duty", false, 0, false},
	// Delivering or assessing an award for others is not holding it.
	{Others, "cue.others", true, 30, false},
	{Elsewhere, "cue.elsewhere", false, 0, false},
	{Negated, "cue.negated.after", true, 40, true},
	{Former, "cue.former.after", true, 60, true},
	{Planned, "cue.planned.after", true, 60, true},
	{Elsewhere, "cue.elsewhere.after", true, 40, true},
}

// Subject is who the mentions are about, for telling another person's: a
// person named before a mention in its sentence, with no word for the subject
// between, makes it Others.
type Subject struct {
	Person *regexp.Regexp           // a person's name ("Mrs A Bee")
	Self   *regexp.Regexp           // words for the subject itself: its role, "she", "he"
	Is     func(person string) bool // whether a named person is the subject
}

// Mention is a match of a rule or fragment in a document, with its polarity.
type Mention struct {
	Span
	Groups   []int // submatch offsets into the text (Groups[0:2] is the span)
	Sentence int
	Polarity Polarity
}

// Polarity reads what the words around a mention starting at at say about it
// (the cues that follow a mention are not read: see PolarityOf).
func (d *Doc) Polarity(at int, who *Subject) Polarity { return d.PolarityOf(Span{at, at}, who) }

// PolarityOf reads what the words before a mention in its sentence, and the
// words after it in its clause, say about it.
func (d *Doc) PolarityOf(m Span, who *Subject) Polarity {
	at := m.Start
	clause, si := d.ClauseAt(at)
	if si < 0 {
		return 0
	}
	sent := d.Sentences[si].Span
	var p Polarity
	for _, c := range cues {
		re := d.lex.Regexp(c.name)
		if re == nil {
			continue
		}
		if c.after {
			hi := sent.End
			if c.clause {
				hi = clause.End
			}
			if m.End >= hi || m.End <= m.Start {
				continue
			}
			if loc := re.FindStringIndex(d.Text[m.End:hi]); loc != nil && (c.window == 0 || loc[0] <= c.window) {
				p |= c.mark
			}
			continue
		}
		lo := sent.Start
		if c.clause {
			lo = clause.Start
		}
		if at <= lo {
			continue
		}
		before := d.Text[lo:at]
		for _, m := range re.FindAllStringIndex(before, -1) {
			if c.window == 0 || len(before)-m[1] <= c.window {
				p |= c.mark
				break
			}
		}
	}
	// A list item under a lead-in of duties ("The SENCO will:" / "• hold
	// the National Award ...") is a duty too.
	if d.underDutyLead(at) {
		p |= Duty
	}
	if who != nil && who.Person != nil && d.someoneElse(sent.Start, at, who) {
		p |= Others
	}
	return p
}

// underDutyLead says whether pos is on a list item whose lead-in (the block
// above the list's items) ends in a duty ("The SENCO will:").
func (d *Doc) underDutyLead(pos int) bool {
	re := d.lex.Regexp("cue.duty.lead")
	bi := d.BlockAt(pos)
	if re == nil || bi < 0 || d.Blocks[bi].Kind != ListItem {
		return false
	}
	for bi > 0 && d.Blocks[bi].Kind == ListItem {
		bi--
	}
	b := d.Blocks[bi]
	return b.Kind != ListItem && re.MatchString(strings.TrimSpace(d.Text[b.Start:b.End]))
}

// someoneElse: the last person named in text[lo:at] is not the subject, and no
// word for the subject stands after them.
func (d *Doc) someoneElse(lo, at int, who *Subject) bool {
	before := d.Text[lo:at]
	locs := who.Person.FindAllStringIndex(before, -1)
	if len(locs) == 0 {
		return false
	}
	last := locs[len(locs)-1]
	if who.Self != nil && who.Self.MatchString(before[last[1]:]) {
		return false
	}
	return who.Is != nil && !who.Is(before[last[0]:last[1]])
}

// Find lists the matches of re within the spans (sorted, not overlapping; nil
// for the whole text), at most n in each span, with their polarity.
func (d *Doc) Find(re *regexp.Regexp, within []Span, n int, who *Subject) []Mention {
	if within == nil {
		within = []Span{{0, len(d.Text)}}
	}
	var out []Mention
	for _, sp := range within {
		ms := re.FindAllStringSubmatchIndex(d.Text[sp.Start:sp.End], n)
		for _, m := range ms {
			for i := range m {
				if m[i] >= 0 {
					m[i] += sp.Start
				}
			}
		}
		out = append(out, d.Mentions(ms, who)...)
	}
	return out
}

// Mentions are matches found otherwise (submatch offsets into the text, as
// Find's), with their sentences and polarity.
func (d *Doc) Mentions(ms [][]int, who *Subject) []Mention {
	out := make([]Mention, 0, len(ms))
	for _, m := range ms {
		out = append(out, Mention{Span: Span{m[0], m[1]}, Groups: m, Sentence: d.SentenceAt(m[0]), Polarity: d.PolarityOf(Span{m[0], m[1]}, who)})
	}
	return out
}

// Around is the span of sentence i and the k sentences after it.
func (d *Doc) Around(i, k int) Span {
	j := min(len(d.Sentences)-1, i+k)
	return Span{d.Sentences[i].Start, d.Sentences[j].End}
}
