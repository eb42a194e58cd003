package analysis

import (
	"regexp"
	"strconv"
	"strings"
)

// statFields are the pupil numbers a report gives, in the order they are read.
var statFields = []string{"stats.number_on_roll", "stats.sen_total", "stats.sen_count", "stats.sen_support", "stats.ehcp_count", "stats.sen_percent"}

// pupilStats reads the numbers a document gives of its pupils: the wordings
// written in Go (stats, in provision.go), then, for a field those did not read,
// the rule table rules/stats.tsv (tables, counts in words, shares that point
// back). docType says whose figures a trust-wide one can be: on a school's own
// document, a figure "across the trust" is not the school's.
func (x *Extractor) pupilStats(text, docType string) []Fact {
	return x.pupilStatsOn(newPage(text), docType)
}

// pupilStatsOn is pupilStats on a document's page.
func (x *Extractor) pupilStatsOn(p *page, docType string) []Fact {
	text := p.text
	var out []Fact
	goFacts, dated := x.stats(p)
	for _, f := range goFacts {
		// "Pupils with SEN: 18.7%" is a share, not a count of 18; "Years 7 to
		// 11 were receiving SEN support" is a range of year groups.
		if f.Field != "stats.sen_percent" && f.ValueNum != nil && notACount(f.Evidence, *f.ValueNum) {
			continue
		}
		// A county's or the nation's figure; a trust's on a school's own document.
		if f.ValueNum != nil {
			num := strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)
			if i := strings.Index(f.Evidence, num); i >= 0 && (anotherBodys(f.Evidence[:i]) ||
				schoolsOwn(docType) && trustWideStat.MatchString(f.Evidence[:i])) {
				continue
			}
		}
		out = append(out, f)
	}
	found := func(field string) bool {
		for _, f := range out {
			if f.Field == field {
				return true
			}
		}
		return false
	}
	lower := strings.ToLower(text)
	// Every rule reads a figure or a count in words: only the text within
	// reach of one is searched.
	var spans [][2]int
	var starts []int // where figures start, for the rules that open with one
	haveSpans, haveStarts := false, false
	for _, field := range statFields {
		if found(field) {
			continue
		}
	rules:
		for _, r := range x.rules.Rules(field) {
			if g, ok := x.gates[r.Regexp()]; ok && !g.mayMatch(text, lower) {
				continue
			}
			var ms [][]int
			if anchored, ok := x.figureLed[r.Regexp()]; ok {
				if !haveStarts {
					starts, haveStarts = x.figureStarts(text), true
				}
				ms = findAtFigures(anchored, text, starts, 20)
			} else {
				if !haveSpans {
					spans, haveSpans = x.numberSpans(text), true
				}
				ms = findInSpans(r.Regexp(), text, x.spansWithGate(r.Regexp(), text, lower, spans), 20)
			}
			for _, m := range ms {
				if x.statIsOurs(text, m[0], docType) && earlier(text[max(sentenceStart(text, m[0]), m[0]-160):m[0]]) {
					if v, ok := r.Eval(m, text, x.lex); ok {
						if n, err := strconv.ParseFloat(v, 64); err == nil && n > 0 {
							dated = append(dated, factAt(text, m[0], m[1], field, "", &n, r.Confidence))
						}
					}
					continue
				}
				if !x.statIsOurs(text, m[0], docType) || notExact(text, m) || yearGroup(text, m) || x.provisionBefore(text, m) || aYear(text, m) {
					continue
				}
				v, ok := r.Eval(m, text, x.lex)
				if !ok {
					continue
				}
				n, err := strconv.ParseFloat(v, 64)
				if err != nil || n <= 0 || field == "stats.sen_percent" && n > 100 {
					continue
				}
				// The evidence is the words matched, whole: a table's row with its
				// label, or the sentence that gives the figure.
				out = append(out, factAt(text, m[0], m[1], field, "", &n, r.Confidence))
				break rules
			}
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
	yearGroupBefore = regexp.MustCompile(`\b(?:Years?|Y|Key\s+Stage|KS)[ \t]?$`)
	// "This year 21 of our children", "In the academic Year 52 ...": a span of
	// time, not a year group.
	aSpanOfTime = regexp.MustCompile(`(?i)\b(?:this|that|the|current|academic|school|last|next|each|every|per|a)\s+years?[ \t]?$`)
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
	pupilsAfter = regexp.MustCompile(`(?i)^\s+(?:young\s+people|pupils|children|students|learners)\b`)
)

// notOursStat: words before a figure, in its sentence, that make it another
// body's: the nation's, the LA's, a county's.
var notOursStat = regexp.MustCompile(`(?i)\b(?:national(?:ly)?|average|in\s+England|across\s+England|(?:across|in)\s+the\s+(?:local\s+authority|county|borough|city|LA)|LA[-\s]wide|county[-\s]wide)\b[^.%;]{0,80}$`)

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
var trustWideStat = regexp.MustCompile(`(?i)\b(?:across\s+(?:the|our)\s+(?:trust|federation|partnership|schools|academies)|trust[-\s]wide|in\s+(?:the\s+)?trust'?s?\s+schools)\b[^.%;]{0,80}$`)

// statIsOurs says whether the figure at pos is the school's (or the page's own
// when the page is about several schools): not a national or LA figure, and on
// a school's own document not a trust's.
func (x *Extractor) statIsOurs(text string, pos int, docType string) bool {
	lo, _ := sentenceAround(text, pos, pos)
	before := text[max(lo, pos-160):pos]
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
// five children", "over 600 students").
var boundBefore = regexp.MustCompile(`(?i)\b(?:(?:fewer|less|more)\s+than|over|under|up\s+to|at\s+(?:least|most)|in|out\s+of)\s+$`)

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
