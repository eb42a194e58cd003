package analysis

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// statFields are the pupil numbers a report gives, in the order they are read.
var statFields = []string{"stats.number_on_roll", "stats.sen_total", "stats.sen_count", "stats.sen_support", "stats.ehcp_count", "stats.sen_percent"}

// shareOfCount is the field of the share given in brackets with the count of
// pupils with SEN ("Pupils with SEN: 31 (14.9%)"): read on those words alone,
// before any other share.
const shareOfCount = "stats.sen_percent_of_count"

// asManyAsOnRoll is the value of a rule that reads as many as are on roll
// ("Every pupil has an EHCP").
const asManyAsOnRoll = "number_on_roll"

// pupilStats reads the numbers a document gives of its pupils: the rule table
// rules/stats.tsv, every rule through one loop and one set of guards (see
// statReading). docType says whose figures a trust-wide one can be: on a
// school's own document, a figure "across the trust" is not the school's.
func (x *Extractor) pupilStats(text, docType string) []Fact {
	return x.pupilStatsOn(newPage(text), docType)
}

// statSearch finds a rule's matches in one document: a rule that opens with a
// figure only where figures start, any other in the windows of the words every
// match of it holds (scan.go), as a search of the whole text would find them.
type statSearch struct {
	x          *Extractor
	p          *page
	lower      string
	starts     []int // where figures start, for the rules that open with one
	haveStarts bool
}

// matches are a rule's matches, in the order of the text.
func (s *statSearch) matches(r textstage.Rule) [][]int {
	x, text := s.x, s.p.text
	g, ok := x.gates[r.Regexp()]
	if ok && !g.mayMatch(text, s.lower) {
		return nil
	}
	if anchored, ok := x.figureLed[r.Regexp()]; ok {
		if !s.haveStarts {
			s.starts, s.haveStarts = x.figureStarts(text), true
		}
		// A match that starts inside the one before it is the same words
		// ("6 per cent" inside "13.6 per cent"), as a search of the whole
		// text would find them.
		ms := findAtFigures(anchored, text, s.starts, len(s.starts))
		kept := ms[:0]
		for _, m := range ms {
			if n := len(kept); n == 0 || m[0] >= kept[n-1][1] {
				kept = append(kept, m)
			}
		}
		return kept
	}
	if !ok || g.find == nil {
		return r.Regexp().FindAllStringSubmatchIndex(text, -1)
	}
	return s.p.all(g.find, -1, true)
}

// pupilStatsOn is pupilStats on a document's page.
func (x *Extractor) pupilStatsOn(p *page, docType string) []Fact {
	text := p.text
	var out, dated []Fact
	found := func(field string) bool {
		for _, f := range out {
			if f.Field == field {
				return true
			}
		}
		return false
	}
	var roll *float64 // the roll read, for a rule that reads as many
	var countAt []int // the words the count of pupils with SEN was read from
	s := &statSearch{x: x, p: p, lower: strings.ToLower(text)}
	for _, field := range statFields {
		type cand struct {
			r textstage.Rule
			m []int
		}
		var cands func(yield func(cand) bool)
		cands = func(yield func(cand) bool) {
			// A share in brackets with the count of pupils with SEN is theirs.
			if field == "stats.sen_percent" && countAt != nil {
				hi := min(len(text), countAt[1]+40)
				for _, r := range x.rules.Rules(shareOfCount) {
					if m := r.Regexp().FindStringSubmatchIndex(text[countAt[0]:hi]); m != nil {
						for i := range m {
							if m[i] >= 0 {
								m[i] += countAt[0]
							}
						}
						if !yield(cand{r, m}) {
							return
						}
					}
				}
			}
			for _, r := range x.rules.Rules(field) {
				if r.Value == asManyAsOnRoll && roll == nil {
					continue
				}
				for _, m := range s.matches(r) {
					if !yield(cand{r, m}) {
						return
					}
				}
			}
		}
		for c := range cands {
			f, ok := x.statReading(text, c.m, c.r, field, docType, roll)
			if !ok {
				continue
			}
			if earlier(text[max(sentenceStart(text, c.m[0]), c.m[0]-160):c.m[0]]) {
				dated = append(dated, f)
				continue // last year's, read only if the document gives no other
			}
			out = append(out, f)
			switch field {
			case "stats.number_on_roll":
				roll = f.ValueNum
			case "stats.sen_count":
				countAt = c.m[:2]
			}
			break
		}
	}
	// A figure dated before the report's year counts only when its field has
	// no other.
	for _, f := range dated {
		if !found(f.Field) {
			out = append(out, f)
		}
	}
	// A total the document states ("Total SEND | 118") is the count of pupils
	// with SEN, before a count read elsewhere (often SEN support alone, its row
	// above the total's).
	for i, f := range out {
		if f.Field == "stats.sen_total" {
			f.Field = "stats.sen_count"
			kept := []Fact{f}
			for j, g := range out {
				if j != i && g.Field != "stats.sen_count" {
					kept = append(kept, g)
				}
			}
			out = kept
			break
		}
	}
	// Pupils on SEN support are the pupils with SEN when the document counts
	// no others: no total, no EHC plans (with those apart, the total is a sum
	// the document does not give).
	for i, f := range out {
		if f.Field == "stats.sen_support" {
			if !found("stats.sen_count") && !found("stats.ehcp_count") {
				out[i].Field = "stats.sen_count"
			} else {
				out = append(out[:i], out[i+1:]...)
			}
			break
		}
	}
	return out
}

// statFigure is where a match's figure stands: group 1, else the whole match
// (a rule that reads as many as are on roll).
func statFigure(m []int) (int, int) {
	if len(m) > 3 && m[2] >= 0 {
		return m[2], m[3]
	}
	return m[0], m[1]
}

// statReading reads a rule's match as the school's figure for field: false
// when a guard says it is not. The guards are the same for every rule: the
// wordings they look for are the lexicon's stat_* cues; what is here is where
// they look.
func (x *Extractor) statReading(text string, m []int, r textstage.Rule, field, docType string, roll *float64) (Fact, bool) {
	share := field == "stats.sen_percent"
	fig, figEnd := statFigure(m)
	lo, hi := sentenceAround(text, m[0], m[1])
	// Another body's (the nation's, the LA's, another school's; on a school's
	// own document the trust's), in its sentence before the figure.
	if before := text[max(lo, fig-160):fig]; !x.statIsOursBefore(before, docType) {
		return Fact{}, false
	}
	// A year group's, a bound, a provision's pupils, a year.
	if yearGroup(text, m) || x.provisionBefore(text, m) || aYear(text, m) {
		return Fact{}, false
	}
	if share {
		// A share of pupils with SEN: its own words say so, or its sentence
		// names SEN nearer it than EHC plans.
		if !senNamed.MatchString(text[m[0]:m[1]]) {
			sen, ehc := nearest(senMention, text, lo, hi, m[0]), nearest(ehcMention, text, lo, hi, m[0])
			if sen < 0 || ehc >= 0 && ehc < sen {
				return Fact{}, false
			}
		}
	} else {
		if notExact(text, m) {
			return Fact{}, false // a bound ("fewer than five"), not a count; a share is as given ("just over 18%")
		}
		if next, _, _ := strings.Cut(text[figEnd:min(len(text), figEnd+10)], "\n"); shareNext.MatchString(next) {
			return Fact{}, false // a share ("SEND: 17%", "17 per cent"), not a count
		}
		before := text[max(0, fig-20):fig]
		if field != "stats.number_on_roll" && ofTotal.MatchString(before) && !theWhole.MatchString(before) {
			return Fact{}, false // "42 out of 310 pupils": 310 is the roll, not this count
		}
		after := text[m[1]:min(len(text), m[1]+40)]
		if field == "stats.number_on_roll" && !ofTotal.MatchString(before) && !theWhole.MatchString(before) && (endsInPupils.MatchString(text[m[0]:m[1]]) && rollOfSome.MatchString(after) || someHave.MatchString(after)) {
			// "we have 12 pupils with EHC plans": some pupils, not the roll
			// (but "30 of our 250 pupils are on our SEN register" gives it).
			return Fact{}, false
		}
		if labelRowBreak.MatchString(text[figEnd:m[1]]) {
			return Fact{}, false // "Pupils on roll: 247" then "Pupils with ...": two rows, not a sentence
		}
	}
	var n float64
	if r.Value == asManyAsOnRoll {
		n = *roll
	} else {
		v, ok := r.Eval(m, text, x.lex)
		if !ok {
			return Fact{}, false
		}
		var err error
		if n, err = strconv.ParseFloat(v, 64); err != nil || n <= 0 || share && n > 100 {
			return Fact{}, false
		}
	}
	// A figure other than 1 before one pupil is a label ("every Year 2 child").
	if n != 1 && r.Value != asManyAsOnRoll && onePupilAfter.MatchString(text[figEnd:min(len(text), figEnd+20)]) {
		return Fact{}, false
	}
	f := factAt(text, m[0], m[1], field, "", &n, r.Confidence)
	// "Pupils with SEN: 18.7%" is a share, not a count of 18; "Years 7 to 11
	// were receiving SEN support" is a range of year groups.
	if !share && r.Value != asManyAsOnRoll && notACount(f.Evidence, n) {
		return Fact{}, false
	}
	return f, true
}

// yearGroup says whether the figure of a match (group 1, else the match)
// names a year group or key stage ("Year 6 pupils with SEND"), not a count.
func yearGroup(text string, m []int) bool {
	at := m[0]
	if len(m) > 3 && m[2] >= 0 {
		at = m[2]
	}
	before := text[max(0, at-30):at]
	return yearGroupBefore.MatchString(before) && !aSpanOfTime.MatchString(before)
}

var (
	// "Year 6", "Years 7", "Y6", "Key Stage 2", "KS2": written with a capital,
	// on the figure's line.
	yearGroupBefore = lexRegexp(`\b(?:{stat_year_group})[ \t]?$`)
	// "This year 21 of our children", "In the academic Year 52 ...": a span of
	// time, not a year group.
	aSpanOfTime = lexRegexp(`(?i)\b(?:{stat_span_of_time})[ \t]?$`)
)

// aYear says whether the figure of a match is a year ("SEN register 2025"),
// not a count: 2000-2039 in figures, no pupils named after it.
func aYear(text string, m []int) bool {
	if len(m) < 4 || m[2] < 0 {
		return false
	}
	return yearFigure.MatchString(text[m[2]:m[3]]) && !pupilsAfter.MatchString(text[m[3]:min(len(text), m[3]+20)])
}

var (
	yearFigure  = regexp.MustCompile(`^20[0-3]\d$`)
	pupilsAfter = lexRegexp(`(?i)^\s+(?:{pupils})\b`)
)

// notOursStat: words before a figure, in its sentence, that make it another
// body's: the nation's, the LA's, a county's.
var notOursStat = lexRegexp(`(?i)\b(?:{stat_another_body})\b[^.%;]{0,80}$`)

// anotherBodys says whether the words before a figure make it another body's
// ("a larger-than-average school (NOR 588)" is still the school's), another
// school's, or an earlier year's.
func anotherBodys(before string) bool {
	return notOursStat.MatchString(before) && !thanAverage.MatchString(before) || elsewhere(before)
}

// elsewhere says whether the words before a figure, in its sentence, make it
// another school's ("our partner school supports 64 students with SEND"): the
// lexicon's stat_elsewhere.
func elsewhere(before string) bool { return statElsewhere.MatchString(before) }

// earlier says whether the words before a figure, in its sentence, date it
// before the year the report speaks of ("Last year we had 104", "Two years ago
// 11% ..."), unless words after the dated cue bring it back to now ("compared
// with last year, we now have 40"): the lexicon's stat_past and stat_now. Such
// a figure is read only when the document gives no other for its field (a
// report on the year just ended says "last year" of its own figures).
func earlier(before string) bool {
	m := statPast.FindAllStringIndex(before, -1)
	return m != nil && !statNow.MatchString(before[m[len(m)-1][1]:])
}

var (
	statElsewhere = lexRegexp(`(?i)\b(?:{stat_elsewhere})\b[^.%;!?]{0,80}$`)
	statPast      = lexRegexp(`(?i)\b(?:{stat_past})\b[^.%;!?]{0,80}$`)
	statNow       = lexRegexp(`(?i)\b(?:{stat_now})\b`)
)

// trustWideStat: a figure for a trust's schools together.
var trustWideStat = lexRegexp(`(?i)\b(?:{stat_trust_wide})\b[^.%;]{0,80}$`)

// statIsOursBefore says whether the words before a figure, in its sentence,
// leave it the school's (or the page's own when the page is about several
// schools): not a national or LA figure, not another school's, and on a
// school's own document not a trust's.
func (x *Extractor) statIsOursBefore(before, docType string) bool {
	if anotherBodys(before) {
		return false
	}
	return !schoolsOwn(docType) || !trustWideStat.MatchString(before)
}

// schoolsOwn says whether a document type is a school's own document.
func schoolsOwn(docType string) bool {
	switch docType {
	case "sen_information_report", "sen_policy", "policy_and_report":
		return true
	}
	return false
}

// notACount says whether n stands in the evidence only as the whole part of a
// share ("18.7%") or the end of a range of year groups or ages ("Years 7 to
// 11"), never as a figure of its own.
func notACount(evidence string, n float64) bool {
	num := regexp.QuoteMeta(strconv.FormatFloat(n, 'f', -1, 64))
	re := regexp.MustCompile(`(?i)(\b(?:years?|ages?|Y)\s*\d{1,2}\s*(?:to|-|–)\s*)?(?:^|[^\d.,])` + num + `(\.\d+\s?(?:%|per\s?cent))?(?:[^\d,]|$)`)
	other := false
	for _, m := range re.FindAllStringSubmatchIndex(evidence, -1) {
		if m[2] < 0 && m[4] < 0 {
			return false
		}
		other = true
	}
	return other
}

// boundBefore: words that make a figure a bound, not a count ("fewer than
// five children", "over 600 students"). "Out of" makes it a whole: the roll,
// never another count (ofTotal).
var boundBefore = lexRegexp(`(?i)\b(?:{stat_bound})\s+$`)

// notExact says whether the figure of a match (group 1, else the match) is a
// bound or one side of a ratio ("one in seven pupils").
func notExact(text string, m []int) bool {
	at := m[0]
	if len(m) > 3 && m[2] >= 0 {
		at = m[2]
	}
	return boundBefore.MatchString(text[max(0, at-20):at])
}

// provisionBefore says whether the figure's sentence speaks of a specialist
// provision before it ("The unit has 10 places for pupils with EHC plans"):
// the provision's pupils, not the school's. One named after it ("14 children
// with EHC plans, including those at our base") leaves the figure the school's.
func (x *Extractor) provisionBefore(text string, m []int) bool {
	lo, _ := sentenceAround(text, m[0], m[1])
	for _, r := range x.rules.Rules("provision.kind") {
		if r.Regexp().MatchString(text[lo:m[1]]) {
			return true
		}
	}
	return false
}

var (
	// rollOfSome: words after a count of pupils that make them some of the pupils.
	rollOfSome = lexRegexp(`(?i)^\s*(?:{stat_some_pupils})`)
	// someHave: words after a count of pupils, however it ends, that make them
	// some of the pupils ("Three children at the school have an EHC plan").
	someHave = lexRegexp(`(?i)^\s*(?:{stat_some_have})`)
	// onePupilAfter: one pupil named right after a figure.
	onePupilAfter = lexRegexp(`(?i)^\s+(?:{stat_one_pupil})\b`)
	// endsInPupils: a count of pupils that says no more ("Elm has 420 pupils").
	endsInPupils = lexRegexp(`(?i)(?:{pupils})$`)
	// shareNext: a number followed by a percent sign or "per cent" is a share
	// (looked for on the figure's line).
	shareNext = lexRegexp(`(?i)^(?:{percent})`)
	// ofTotal: a figure given as the whole that another is out of.
	ofTotal = lexRegexp(`(?i)\b(?:{stat_out_of})$`)
	// theWhole: "All of our 96 pupils have an EHC plan", "a total of 224
	// students": the figure is the whole, and the count.
	theWhole = lexRegexp(`(?i)\b(?:{stat_whole})$`)
	// labelRowBreak: a count ending its line, the next line starting anew.
	labelRowBreak = regexp.MustCompile(`^[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*\n[ \t]*[A-Z]`)
	// thanAverage: "a larger-than-average school (NOR 588)" is the school's.
	thanAverage = lexRegexp(`(?i)\b(?:{stat_than_average})\b[^.%]{0,40}$`)
	// senNamed: a share whose own words name SEN or the register is of pupils with SEN.
	senNamed   = lexRegexp(`(?i)\b(?:{stat_sen_named})\b`)
	senMention = lexRegexp(`(?i)\b(?:{sen})\b`)
	ehcMention = lexRegexp(`(?i)\b(?:{stat_ehc_named})`)
)

// nearest is the distance from pos to the closest match of re in text[lo:hi], or -1.
func nearest(re *regexp.Regexp, text string, lo, hi, pos int) int {
	best := -1
	for _, m := range re.FindAllStringIndex(text[lo:hi], -1) {
		d := min(abs(lo+m[0]-pos), abs(lo+m[1]-pos))
		if best < 0 || d < best {
			best = d
		}
	}
	return best
}
