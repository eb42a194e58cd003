package textstage

import (
	"regexp"
	"strings"
)

// Polarity is what a mention's sentence says about it besides that it is: set
// bits mark it negated ("is not on the SLT"), former ("no longer part of"),
// planned or being studied ("is working towards"), a duty rather than a fact
// ("must ensure that the SENCO ..."), or another person's ("a therapist, Ms B,
// two days a week").
type Polarity uint8

// The marks of a mention.
const (
	Negated Polarity = 1 << iota
	Former
	Planned
	Duty
	Others
)

// Affirmed says the mention states a fact as it is now.
func (p Polarity) Affirmed() bool { return p == 0 }

func (p Polarity) String() string {
	if p == 0 {
		return "affirmed"
	}
	var parts []string
	for i, n := range []string{"negated", "former", "planned", "duty", "others"} {
		if p&(1<<i) != 0 {
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, "+")
}

// cues are the one place that decides what "not", "no longer", "will",
// "working towards" and "must" do to what follows them: each cue of the
// lexicon counts within its scope before the mention.
var cues = []struct {
	mark   Polarity
	name   string // the lexicon's fragment
	clause bool   // within the mention's clause, else anywhere before it in its sentence
	window int    // bytes between the cue's end and the mention, at most; 0 for no limit
}{
	{Negated, "cue.negated", true, 12},
	{Former, "cue.former", true, 40},
	{Planned, "cue.planned", true, 60},
	{Duty, "cue.duty", false, 0},
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

// Polarity reads what the words before [at, at+n) in its sentence say about it.
func (d *Doc) Polarity(at int, who *Subject) Polarity {
	clause, si := d.ClauseAt(at)
	if si < 0 {
		return 0
	}
	sent := d.Sentences[si].Span
	var p Polarity
	for _, c := range cues {
		lo := sent.Start
		if c.clause {
			lo = clause.Start
		}
		if at <= lo {
			continue
		}
		re := d.lex.Regexp(c.name)
		if re == nil {
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
	if who != nil && who.Person != nil && d.someoneElse(sent.Start, at, who) {
		p |= Others
	}
	return p
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
		for _, m := range re.FindAllStringSubmatchIndex(d.Text[sp.Start:sp.End], n) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += sp.Start
				}
			}
			out = append(out, Mention{Span: Span{m[0], m[1]}, Groups: m, Sentence: d.SentenceAt(m[0]), Polarity: d.Polarity(m[0], who)})
		}
	}
	return out
}

// Around is the span of sentence i and the k sentences after it.
func (d *Doc) Around(i, k int) Span {
	j := min(len(d.Sentences)-1, i+k)
	return Span{d.Sentences[i].Start, d.Sentences[j].End}
}
