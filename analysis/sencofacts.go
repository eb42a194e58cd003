package analysis

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// What reports say about their SENCO beyond the name: qualifications, time for
// the role, a seat on the senior leadership team; and who the SEN governor is.

// sencoContext returns the spans of text that speak of the SENCO: each sentence
// naming the role or a SENCO by name, and the two sentences after it (which
// often go on with "She holds ..." or "He works ...").
func sencoContext(text string, names []Fact) [][2]int {
	var marks []int
	for _, m := range sencoRole.FindAllStringIndex(text, 300) {
		marks = append(marks, m[0])
	}
	for _, n := range names {
		for _, form := range []string{n.Value, shortForm(n.Value)} {
			if form == "" {
				continue
			}
			// A case-blind regexp, not strings.ToLower: lower-casing can change
			// a text's length in bytes, and these offsets point into text.
			re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(form))
			for _, m := range re.FindAllStringIndex(text, 50) {
				marks = append(marks, m[0])
			}
		}
	}
	for _, m := range senTime.FindAllStringIndex(text, 50) {
		marks = append(marks, m[0])
	}
	var spans [][2]int
	for _, m := range marks {
		// The sentence with the mention, and the two after it.
		lo, hi := sentenceAround(text, m, m)
		for k := 0; k < 2; k++ {
			next := hi
			for next < len(text) && (text[next] == ' ' || text[next] == '\n') {
				next++
			}
			if next >= len(text) {
				break
			}
			_, hi = sentenceAround(text, next, next)
		}
		spans = append(spans, [2]int{lo, hi})
	}
	return spans
}

var senTime = regexp.MustCompile(`(?i)\b(?:SEND?|SENCO|SENDCO)\s+time\b|\btime\s+(?:allocated|given)\s+(?:to|for)\s+(?:the\s+)?(?:SEND?|SENCO|SENDCO)`)

func inSpans(spans [][2]int, pos int) bool {
	for _, s := range spans {
		if pos >= s[0] && pos < s[1] {
			return true
		}
	}
	return false
}

var (
	qualNASENCO = regexp.MustCompile(`(?i)national\s+award\s+(?:for\s+)?(?:in\s+)?(?:SEND?|special\s+educational\s+needs)\s*(?:\(?NASENCO\)?\s*)?co-?ordination|\bNASENCO?\b|\bNASC\b|national\s+SENCO\s+award|national\s+award\s+(?:for|in)\s+(?:the\s+)?SEND?COs?\b`)
	qualNPQ     = regexp.MustCompile(`(?i)\bNPQ\s*(?:(?:for|in)\s+)?SEND?COs?\b|\bNPQ\s+(?:for|in)\s+(?:the\s+)?special\s+educational\s+needs\s+co-?ordinat(?:ors?|ion)\b|national\s+professional\s+qualification\s+(?:for|in)\s+(?:SEND?COs?|special\s+educational\s+needs\s+co-?ordinators?)`)
	qualQTS     = regexp.MustCompile(`(?i)\bQTS\b|qualified\s+teacher\s+status|\b(?:is|am|are|a)\s+(?:an?\s+)?(?:experienced\s+)?qualified\s+teacher\b`)
	qualOther   = regexp.MustCompile(`\b(?:(?i:post\s*graduate|PG)\s+(?i:certificate|diploma)|(?i:masters?(?:'s)?)(?:\s+(?i:degree))?)\s+(?i:in)\s+[A-Z][\w]*(?:\s+(?:[A-Z][\w]*|and|of|in|for|with))*|\b(?:BA|BSc|MA|MSc|MEd|BEd)\s+(?i:in)\s+[A-Z]\w*(?:\s+(?:[A-Z]\w*|and|of|in|for|with))*|\b(?:B\.?\s?Ed|BA|BSc|M\.?\s?Ed|MA|MSc|PGCE)\b(?:\s*\(?(?i:hons)\)?)?|\bEarly\s+Years\s+Teacher\s+Status\b|\bEYTS\b|\b(?i:doctorate|PhD|EdD)(?:\s+(?i:in)\s+[a-z][a-z ]{2,40}[a-z])?\b|\bPG\s?(?:Cert|Dip)\b(?:\s+(?:(?i:in)\s+)?[A-Z][A-Za-z]+)?`)
	// A degree is the SENCO's when the sentence says they hold it, or it follows
	// their name ("SENCO: Mrs A Bee, BEd (hons)").
	holdsVerb = regexp.MustCompile(`(?i)\b(?:holds?|has|have|completed|attained|gained|achieved|awarded|qualified|graduated)\b`)
	// Working towards, studying for, will complete: not held yet.
	notHeld = regexp.MustCompile(`(?i)\b(?:working\s+towards|studying\s+(?:for|towards)|currently\s+(?:completing|undertaking|studying)|undertaking|will\s+(?:complete|be\s+completing|start)|enrolled\s+on|due\s+to\s+complete|in\s+the\s+process\s+of)\b[^.]{0,60}$`)
)

// clauseBreak ends a clause within a sentence: "is studying for the NPQ, and
// has QTS" holds QTS.
var clauseBreak = regexp.MustCompile(`(?i),\s*(?:and|but)\s+|;|\bbut\s+|\band\s+(?:already\s+)?(?:has|holds|have)\b`)

// lastClause is the part of s after its last clause break.
func lastClause(s string) string {
	locs := clauseBreak.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return s
	}
	return s[locs[len(locs)-1][0]:]
}

// coordinationAward: a postgraduate certificate that is the SENCO award.
var (
	certificate       = regexp.MustCompile(`(?i)certificate|\bcert\b`)
	coordinationAward = regexp.MustCompile(`(?i)co-?ordinat|NASENCO`)
)

// clauseAfter is up to n bytes of text after pos, stopping at a clause's end.
func clauseAfter(text string, pos, n int) string {
	s := text[pos:min(len(text), pos+n)]
	if i := strings.IndexAny(s, ".;,\n"); i >= 0 {
		s = s[:i]
	}
	return s
}

// timeOfSomeoneElse says whether the person named last before pos in its
// sentence is someone other than the SENCO, with no mention of the SENCO
// between ("a therapist (Ms B, employed two days a week)").
func timeOfSomeoneElse(text string, pos int, names []Fact) bool {
	lo := sentenceStart(text, pos)
	before := text[lo:pos]
	locs := titledName.FindAllStringIndex(before, -1)
	if len(locs) == 0 {
		return false
	}
	last := locs[len(locs)-1]
	if sencoRole.MatchString(before[last[1]:]) || personWord.MatchString(before[last[1]:]) {
		return false
	}
	person := shortForm(cleanName(before[last[0]:last[1]]))
	for _, n := range names {
		if shortForm(n.Value) == person {
			return false
		}
	}
	return len(names) > 0
}

// trailingJoin: joining words a degree's subject cannot end with.
var trailingJoin = regexp.MustCompile(`(?:\s+(?:and|of|in|for|with))+\s*$`)

// qualList: only qualifications and commas between a name and what follows.
var qualList = regexp.MustCompile(`^(?:[\s,(]*(?:BA|BSc|MA|MSc|MEd|M\.Ed|BEd|B\.Ed|PGCE|QTS|NASENCO|NASENCo|NPQSENCO|NPQ)\b\.?\s*(?:\(?(?i:hons)\)?)?)*[\s,(]*$`)

var pronoun = regexp.MustCompile(`(?i)\b(?:she|he|they)\b|\bI\b`)

// qualLabel: a "Qualifications:" row among the SENCO's details.
var qualLabel = regexp.MustCompile(`(?i)^\s*qualifications?\s*(?:held)?\s*[:\-–]`)

// aboutSENCO says whether a sentence (up to a qualification) speaks of the
// SENCO: by role, by name, or as "she"/"he" after a sentence that did.
func aboutSENCO(sentence string, names []Fact) bool {
	if sencoRole.MatchString(sentence) || pronoun.MatchString(sentence) || qualLabel.MatchString(sentence) {
		return true
	}
	for _, n := range names {
		if strings.Contains(sentence, n.Value) || strings.Contains(strings.ToLower(sentence), shortForm(n.Value)) {
			return true
		}
	}
	return false
}

// qualifications reads the SENCO's qualifications from the SENCO's sentences.
func qualifications(text string, ctx [][2]int, names []Fact) []Fact {
	var out []Fact
	seen := map[string]bool{}
	try := func(re *regexp.Regexp, value func(m string) string, conf float64) {
		for _, m := range re.FindAllStringIndex(text, 1000) {
			if !inSpans(ctx, m[0]) {
				continue
			}
			lo := sentenceStart(text, m[0])
			// "The SENCO must hold the award within three years": a duty, not a fact.
			if notHeld.MatchString(lastClause(text[lo:m[0]])) || duty.MatchString(text[lo:m[0]]) || !aboutSENCO(text[lo:m[0]], names) {
				continue
			}
			v := value(strings.TrimSpace(text[m[0]:m[1]]))
			if v == "" || seen[strings.ToLower(v)] {
				continue
			}
			seen[strings.ToLower(v)] = true
			out = append(out, factAt(text, m[0], m[1], "senco.qualification", v, nil, conf))
		}
	}
	fixed := func(v string) func(string) string { return func(string) string { return v } }
	try(qualNASENCO, fixed("NASENCO"), 0.85)
	try(qualNPQ, fixed("NPQ_SENCO"), 0.85)
	try(qualQTS, fixed("QTS"), 0.7)
	for _, m := range qualOther.FindAllStringIndex(text, 1000) {
		if !inSpans(ctx, m[0]) {
			continue
		}
		lo := max(sentenceStart(text, m[0]), m[0]-150)
		sentence := text[lo:m[0]]
		afterName := false
		for _, n := range names {
			win := text[max(0, m[0]-len(n.Value)-4):m[0]]
			if i := strings.LastIndex(win, n.Value); i >= 0 && strings.Trim(win[i+len(n.Value):], " ,(") == "" {
				afterName = true
			}
		}
		// "Mrs A Bee, BA (Hons), PGCE": a degree in a list that follows the name.
		for _, n := range names {
			win := text[max(0, m[0]-len(n.Value)-80):m[0]]
			if i := strings.LastIndex(win, n.Value); i >= 0 && qualList.MatchString(win[i+len(n.Value):]) {
				afterName = true
			}
		}
		if (!holdsVerb.MatchString(sentence) && !afterName && !qualLabel.MatchString(sentence)) || notHeld.MatchString(sentence) {
			continue
		}
		// "Postgraduate Certificate in SEN Co-ordination (NASENCO)" is the award itself.
		if certificate.MatchString(text[m[0]:m[1]]) && coordinationAward.MatchString(text[m[0]:min(len(text), m[1]+25)]) {
			continue
		}
		// "... in Special Educational Needs and the National Award": the subject
		// ends before a joining word.
		end := m[0] + len(strings.TrimRight(trailingJoin.ReplaceAllString(text[m[0]:m[1]], ""), " "))
		v := "other:" + strings.TrimSpace(text[m[0]:end])
		if !seen[strings.ToLower(v)] {
			seen[strings.ToLower(v)] = true
			out = append(out, factAt(text, m[0], end, "senco.qualification", v, nil, 0.6))
		}
	}
	return out
}

var (
	sloNames = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half a": 0.5, "a half": 0.5, "one and a half": 1.5,
		"two and a half": 2.5, "three and a half": 3.5, "four and a half": 4.5}
	dayNames = map[string]int{"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
	daysRe   = regexp.MustCompile(`(?i)\b(\d(?:\.\d)?|one and a half|two and a half|three and a half|four and a half|one|two|three|four|five|half a)\s+days?\s+(?:a|per|each|every)\s+week\b`)
	dayRange = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday)s?\s*(?:to|-|–|—|until|through)\s*(monday|tuesday|wednesday|thursday|friday)s?\b`)
	// "(Mon, Tue, Wed)" after a SENCO's name: one day each.
	dayAbbrevs = regexp.MustCompile(`(?i)\(\s*((?:mon|tue|tues|wed|thu|thur|thurs|fri)\.?(?:\s*(?:,|and|&|/)\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri)\.?){0,4})\s*\)`)
	dayAbbrev  = regexp.MustCompile(`(?i)mon|tue|wed|thu|fri`)
	// "in school on Mondays", "works Tuesday, Wednesday and Friday", "SENDCo
	// days: Monday and Thursday": one day each.
	oneDay = regexp.MustCompile(`(?i)\b(?:in\s+school|based\s+in\s+school|works?|available|on\s+site|SEND?CO\s+days|SEND?CO\s+time|days\s+in\s+school|SEND?CO)\s*(?:on\s+|every\s+|:\s*|-\s*)?((?:a\s+)?(?:monday|tuesday|wednesday|thursday|friday)s?(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:a\s+)?(?:monday|tuesday|wednesday|thursday|friday)s?){0,4})\b`)
	// "in school every day": all five.
	everyDay = regexp.MustCompile(`(?i)\b(?:in\s+school|works?|on\s+site)\s+every\s+(?:school\s+)?day\b`)
	// "two and a half days of SENCO release time each week"
	daysOfTime = regexp.MustCompile(`(?i)\b(\d(?:\.\d)?|one and a half|two and a half|three and a half|four and a half|one|two|three|four|five|half a)\s+days?\s+of\s+(?:[\w-]+\s+){0,3}?(?:time|release|role|work|duties)\s+(?:a|per|each|every)\s+week\b`)
	// "employed for 3 days a week, of which 1 day is for the SENCO role": the
	// role's share is the time.
	roleShare = regexp.MustCompile(`(?i)\bof\s+which\s+(\d(?:\.\d)?|one|two|three|four|half\s+a)\s+days?\s+(?:is|are)\s+(?:dedicated|given|allocated|set\s+aside|used|spent)\b`)
	weekday   = regexp.MustCompile(`(?i)monday|tuesday|wednesday|thursday|friday`)
	// Time spent teaching is not time for the SENCO role.
	teachingTime = regexp.MustCompile(`(?i)\bteach(?:es|ing)?\b[^.;]{0,60}$`)
	forTheRole   = regexp.MustCompile(`(?i)^\s*(?:of|for|on|to)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:SEND?CO|SEN|role)\b`)
	hoursRe      = regexp.MustCompile(`(?i)\b(\d{1,2}(?:\.\d+)?)\s+hours?\s+(?:a|per|each|every)\s+week\b`)
	// "a 0.5 teaching timetable; the rest of her time is spent on the SENCo role"
	fteRest = regexp.MustCompile(`(?i)\b(0?\.\d+)\s+teaching\s+(?:timetable|commitment|load)\b[^.]{0,40}\bthe\s+rest\s+of\s+(?:her|his|their|the)\s+(?:time|week)\s+(?:is\s+)?(?:spent\s+)?(?:on|as|for)\s+(?:the\s+)?(?:SEND?CO|role)`)
	// "a reduced teaching load (0.2) so that he can lead SEND"
	fteRestAside = regexp.MustCompile(`(?i)\bteaching\s+(?:load|timetable|commitment)\s*\(\s*(0?\.\d+)\s*\)[^.]{0,40}\b(?:lead|SEND?CO|role)`)
	// "employed 0.8 FTE, of which 0.4 is allocated to SENCO duties"
	fteShare = regexp.MustCompile(`(?i)\bof\s+which\s+(0?\.\d+)\s*(?:FTE\s+)?(?:is|are)\s+(?:dedicated|given|allocated|set\s+aside|used|spent)\b`)
	// "(two days)" after a fraction or hours: the same time in days.
	daysAside = regexp.MustCompile(`(?i)\(\s*(\d(?:\.\d)?|one and a half|two and a half|three and a half|four and a half|one|two|three|four|five|half a)\s+days?(?:\s+(?:a|per)\s+week)?\s*\)`)
	// A SENCO "full time in the role", "a full-time SENCO": the whole of a post.
	fullTime = regexp.MustCompile(`(?i)\bfull[-\s]time\s+(?:in\s+(?:the|this|her|his|their)\s+(?:SEND?CO\s+)?role|(?:member\s+of\s+staff\s+|post\s+|position\s+)?dedicated\s+to\s+the\s+role|(?:non-?teaching\s+)?(?:SEND?CO|SEN\s+co-?ordinator|inclusion\s+(?:lead|manager))s?\b|role)|\b(?:SEND?CO|role)\s+is\s+(?:a\s+)?full[-\s]time\b|\bfull[-\s]time\s*,?\s*non-?teaching\b|\bworks\s+(?:in\s+school\s+)?full[-\s]time\b(?:\s*[.,;]|\s+and\b|\s+(?:in|as|on)\s+(?:the\s+)?(?:role|SEND?CO))`)
	fteRe    = regexp.MustCompile(`(?i)\b(0?\.\d+|1\.0)\s*(?:FTE\b|full[-\s]time\s+equivalent|(?:of\s+a\s+)?(?:post\s+)?per\s+week|of\s+(?:a\s+)?full[-\s]time|of\s+the\s+(?:working\s+)?week|of\s+(?:her|his|their|the|a)\s+timetable)`)
	// "works part-time (0.6)"
	partTimeFTE = regexp.MustCompile(`(?i)\bpart[-\s]time\s*\(\s*(0?\.\d+)\s*(?:FTE)?\s*\)`)
)

var (
	dayWord   = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|mon|tues|tue|weds|wed|thurs|thur|thu|fri)s?\b`)
	dayRun    = regexp.MustCompile(`(?i)\b(mon|tue|wed|thu|fri)[a-z]*\.?\s*(?:to|-|–|—|until|through)\s*(mon|tue|wed|thu|fri)[a-z]*\b`)
	presence  = regexp.MustCompile(`(?i)\b(?:works?|working|in\s+school|on\s+site|available|based|attends?|released|here|present|days?|time\s+for|timetabled|(?:is|are)\s+(?:at|in))\b`)
	partOfDay = regexp.MustCompile(`(?i)\b(?:mornings?|afternoons?|evenings?|lunchtimes?|a\.?m\.?|p\.?m\.?|half[-\s]days?|sessions?)\b`)
	dayIndex  = map[string]int{"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4}
)

// weekdaysNamed counts the school days a sentence names, a range ("Monday to
// Wednesday") counting each day in it.
func weekdaysNamed(s string) int {
	days := map[int]bool{}
	for _, m := range dayRun.FindAllStringSubmatch(s, -1) {
		a, b := dayIndex[strings.ToLower(m[1])], dayIndex[strings.ToLower(m[2])]
		for d := a; d <= b; d++ {
			days[d] = true
		}
	}
	for _, m := range dayWord.FindAllStringSubmatch(s, -1) {
		days[dayIndex[strings.ToLower(m[1])[:3]]] = true
	}
	return len(days)
}

// mergeSpans sorts spans and joins those that overlap.
func mergeSpans(spans [][2]int) [][2]int {
	sorted := append([][2]int(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i][0] < sorted[j][0] })
	var out [][2]int
	for _, sp := range sorted {
		if n := len(out); n > 0 && sp[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

var (
	bareFraction = regexp.MustCompile(`\b(0?\.\d{1,2})\b`)
	postWords    = regexp.MustCompile(`(?i)\b(?:FTE|full[-\s]time|post|contract(?:ed)?|role|employed|timetable|working\s+week)\b`)
	unitAfter    = regexp.MustCompile(`(?i)^\s*(?:days?|hours?|%|per\s+cent|mornings?|afternoons?|pupils|children|students|teaching)\b|^\s*%`)
)

// dayCount reads a number of days written in figures or words.
func dayCount(w string) float64 {
	w = strings.ToLower(strings.Join(strings.Fields(w), " "))
	if v, ok := sloNames[w]; ok {
		return v
	}
	v, _ := strconv.ParseFloat(w, 64)
	return v
}

// notFull: "not full time", "part of a full-time teaching role".
var notFull = regexp.MustCompile(`(?i)\b(?:not|part\s+of\s+(?:a|her|his|their))\s+$`)

// sencoTime reads the SENCO's time for the role: days, hours or a fraction of full time.
func sencoTime(text string, ctx [][2]int, names []Fact) []Fact {
	// The wordings are looked for only in the SENCO's sentences: on a page that
	// names the role thousands of times, a scan of the whole text per wording
	// would take seconds.
	spans := mergeSpans(ctx)
	within := func(re *regexp.Regexp) [][]int {
		var out [][]int
		for _, sp := range spans {
			for _, m := range re.FindAllStringSubmatchIndex(text[sp[0]:sp[1]], 100) {
				for i := range m {
					if m[i] >= 0 {
						m[i] += sp[0]
					}
				}
				out = append(out, m)
			}
		}
		return out
	}
	var out []Fact
	done := map[string]bool{}
	add := func(field string, m []int, v float64, conf float64) {
		if done[field] || !inSpans(ctx, m[0]) {
			return
		}
		if lo := sentenceStart(text, m[0]); teachingTime.MatchString(text[lo:m[0]]) && !forTheRole.MatchString(text[m[1]:]) {
			return
		}
		// "Monday to Friday mornings": part days are not days.
		if strings.HasPrefix(field, "senco.days") && partOfDay.MatchString(clauseAfter(text, m[1], 30)) {
			return
		}
		// "a therapist (Ms B, two days a week)": someone else's time.
		if timeOfSomeoneElse(text, m[0], names) {
			return
		}
		done[field] = true
		out = append(out, factAt(text, m[0], m[1], field, "", &v, conf))
	}
	for _, m := range append(within(fteRest), within(fteRestAside)...) {
		if v, err := strconv.ParseFloat(text[m[2]:m[3]], 64); err == nil && v > 0 && v < 1 {
			add("senco.fte", m[:2], math.Round((1-v)*100)/100, 0.7)
		}
	}
	// A share of a post given as the role's comes before the post itself.
	for _, m := range within(fteShare) {
		if v, err := strconv.ParseFloat(text[m[2]:m[3]], 64); err == nil && v > 0 && v < 1 {
			add("senco.fte", m[:2], v, 0.75)
		}
	}
	for _, m := range within(fteRe) {
		if v, err := strconv.ParseFloat(text[m[2]:m[3]], 64); err == nil && v > 0 && v <= 1 {
			add("senco.fte", m[:2], v, 0.7)
		}
	}
	for _, m := range within(partTimeFTE) {
		if v, err := strconv.ParseFloat(text[m[2]:m[3]], 64); err == nil && v > 0 && v < 1 {
			add("senco.fte", m[:2], v, 0.7)
		}
	}
	for _, m := range within(roleShare) {
		if v := dayCount(text[m[2]:m[3]]); v > 0 {
			add("senco.days_per_week", m[:2], v, 0.8)
		}
	}
	for _, m := range within(daysOfTime) {
		if v := dayCount(text[m[2]:m[3]]); v > 0 && v <= 5 {
			add("senco.days_per_week", m[:2], v, 0.75)
		}
	}
	for _, m := range within(everyDay) {
		add("senco.days_per_week", m, 5, 0.5)
	}
	for _, m := range within(fullTime) {
		if lo := sentenceStart(text, m[0]); !notFull.MatchString(text[lo:m[0]]) && !duty.MatchString(text[lo:m[0]]) {
			add("senco.fte", m, 1, 0.6)
		}
	}
	for _, m := range append(within(daysRe), within(daysAside)...) {
		w := strings.ToLower(text[m[2]:m[3]])
		v, ok := sloNames[w]
		if !ok {
			v, _ = strconv.ParseFloat(w, 64)
		}
		if v > 0 && v <= 5 {
			add("senco.days_per_week", m[:2], v, 0.8)
		}
	}
	for _, m := range within(dayRange) {
		a, b := dayNames[strings.ToLower(text[m[2]:m[3]])], dayNames[strings.ToLower(text[m[4]:m[5]])]
		if b > a {
			add("senco.days_per_week", m[:2], float64(b-a+1), 0.75)
		}
	}
	for _, m := range within(dayAbbrevs) {
		days := map[string]bool{}
		for _, d := range dayAbbrev.FindAllString(strings.ToLower(text[m[2]:m[3]]), -1) {
			days[d] = true
		}
		add("senco.days_per_week", m[:2], float64(len(days)), 0.6)
	}
	for _, m := range within(oneDay) {
		days := map[string]bool{}
		for _, d := range weekday.FindAllString(strings.ToLower(text[m[2]:m[3]]), -1) {
			days[d] = true
		}
		add("senco.days_per_week", m[:2], float64(len(days)), 0.6)
	}
	// Failing those wordings, a sentence about the SENCO's presence that names
	// weekdays ("Mrs A is here Mondays, plus Thursdays"): each day named counts.
	if !done["senco.days_per_week"] {
		// Only sentences that name a weekday are read, each once.
		seen := map[int]bool{}
	found:
		for _, sp := range spans {
			for _, m := range dayWord.FindAllStringIndex(text[sp[0]:sp[1]], 20) {
				lo, hi := sentenceAround(text, sp[0]+m[0], sp[0]+m[1])
				if seen[lo] {
					continue
				}
				seen[lo] = true
				sentence := text[lo:hi]
				// An answer naming days, under a question about presence ("When is
				// the SENCO in school?" / "Thursday and Friday").
				asked := false
				if q := strings.TrimRight(text[max(0, lo-150):lo], " \t\n"); strings.HasSuffix(q, "?") {
					qs, _ := sentenceAround(text, len(q)-1+max(0, lo-150), len(q)-1+max(0, lo-150))
					asked = presence.MatchString(text[qs:lo])
				}
				if (asked || presence.MatchString(sentence)) && !partOfDay.MatchString(sentence) {
					if n := weekdaysNamed(sentence); n > 0 {
						add("senco.days_per_week", []int{sp[0] + m[0], hi}, float64(n), 0.5)
						break found
					}
				}
			}
		}
	}
	// Failing those wordings, a fraction in a SENCO sentence about the post
	// ("Mrs A's SENCO contract is 0.6"), unless it counts days, hours or teaching.
	if !done["senco.fte"] {
		for _, m := range within(bareFraction) {
			lo, hi := sentenceAround(text, m[0], m[1])
			if !postWords.MatchString(text[lo:hi]) || teachingTime.MatchString(text[max(lo, m[0]-30):m[0]]) ||
				unitAfter.MatchString(text[m[1]:min(len(text), m[1]+12)]) {
				continue
			}
			if v, err := strconv.ParseFloat(text[m[2]:m[3]], 64); err == nil && v > 0 && v < 1 {
				add("senco.fte", m[:2], v, 0.5)
				break
			}
		}
	}
	for _, m := range within(hoursRe) {
		if v, err := strconv.ParseFloat(text[m[2]:m[3]], 64); err == nil && v > 0 && v <= 50 {
			add("senco.hours_per_week", m[:2], v, 0.8)
		}
	}
	return out
}

var (
	sltRe    = regexp.MustCompile(`(?i)\b(?:(?:a\s+)?member\s+of|on|part\s+of|sits?\s+on|serves?\s+on|joined)\s+(?:the\s+|our\s+)?(?:(?:school|academy|college)(?:'?s)?\s+)?(?:senior\s+leadership\s+team|senior\s+management\s+team|senior\s+team|leadership\s+team|leadership\s+group|\bSLT\b|\bSMT\b)`)
	notSLTRe = regexp.MustCompile(`(?i)\bnot\s+(?:currently\s+|yet\s+|presently\s+)?(?:a\s+member\s+of|on|part\s+of|sit\s+on|serve\s+on)\s+(?:the\s+)?(?:school'?s\s+)?(?:senior\s+leadership\s+team|senior\s+management\s+team|SLT|SMT)`)
)

// namesSomeone says whether s names one of the people (in full or by title and surname).
func namesSomeone(s string, names []Fact) bool {
	lower := strings.ToLower(s)
	for _, n := range names {
		if strings.Contains(s, n.Value) || strings.Contains(lower, shortForm(n.Value)) {
			return true
		}
	}
	return false
}

// seniorPost: "who is also the Deputy Headteacher", "(Assistant Principal)".
var seniorPost = regexp.MustCompile(`(?i)\b(?:deputy|assistant)\s+(?:head(?:\s*teacher)?|principal)\s*(?:\([^)]{0,20}\)\s*)?(?:and|&)\s+(?:SEND?CO|SEN\s+co-?ordinator)\b|\bSEND?CO\s+(?:and|&)\s+(?:deputy|assistant)\s+(?:head(?:\s*teacher)?|principal)\b|\b(?:is|as)\s+(?:also\s+)?(?:the\s+|our\s+|an?\s+)?(?:deputy|assistant)\s+(?:head(?:\s*teacher)?|principal)\b|\(\s*(?:also\s+)?(?:the\s+|a\s+)?(?:deputy|assistant)\s+(?:head(?:\s*teacher)?|principal)\b[^)]*\)|[,–—-]\s*(?:deputy|assistant)\s+(?:head(?:\s*teacher)?|principal)\b`)

// sltHeading: a line that is only "Senior Leadership Team" (or SLT).
var sltHeading = regexp.MustCompile(`(?im)^[ \t]*(?:(?:the\s+)?senior\s+leadership\s+team|SLT|senior\s+leaders)[ \t]*:?[ \t]*$`)

// duty marks what should be, not what is ("ensure that the SENCO is either part
// of the SLT or ...").
var duty = regexp.MustCompile(`(?i)\b(?:either|ensure|should|must|may|might|could|ought|aim)\b`)

// onSLT reads whether the SENCO sits on the senior leadership team.
func onSLT(text string, ctx [][2]int, names []Fact) []Fact {
	for _, m := range notSLTRe.FindAllStringIndex(text, 1000) {
		if inSpans(ctx, m[0]) {
			return []Fact{factAt(text, m[0], m[1], "senco.on_slt", "false", nil, 0.7)}
		}
	}
	for _, m := range sltRe.FindAllStringIndex(text, 1000) {
		lo := sentenceStart(text, m[0])
		if inSpans(ctx, m[0]) && !duty.MatchString(text[lo:m[0]]) {
			return []Fact{factAt(text, m[0], m[1], "senco.on_slt", "true", nil, 0.7)}
		}
	}
	// A SENCO who is also a deputy or assistant head is on the leadership team.
	for _, m := range seniorPost.FindAllStringIndex(text, 1000) {
		lo, hi := sentenceAround(text, m[0], m[1])
		if inSpans(ctx, m[0]) && (sencoRole.MatchString(text[lo:hi]) || namesSomeone(text[lo:m[0]], names)) && !duty.MatchString(text[lo:m[0]]) {
			return []Fact{factAt(text, m[0], m[1], "senco.on_slt", "true", nil, 0.6)}
		}
	}
	// A staff list: the SENCO's row in the block under a "Senior Leadership
	// Team" heading.
	for _, m := range sltHeading.FindAllStringIndex(text, 20) {
		block := text[m[1]:]
		if end := strings.Index(block, "\n\n"); end >= 0 {
			block = block[:end]
		}
		if r := sencoRole.FindStringIndex(block); r != nil && !notTheSENCO.MatchString(block[max(0, r[0]-30):r[0]]) {
			return []Fact{factAt(text, m[0], m[1]+r[1], "senco.on_slt", "true", nil, 0.6)}
		}
	}
	return nil
}

// The governor with SEN in their brief goes by many names too.
var governorRole = regexp.MustCompile(`(?i)\bgovernors?\s+(?:who\s+(?:oversees|is\s+responsible\s+for|leads\s+on|looks\s+after)|with\s+oversight\s+of)\s+(?:SEND?|special\s+educational\s+needs|inclusion)\b|\b(?:SEND?|SEN\s*(?:and|&)\s*inclusion|special\s+educational\s+needs(?:\s+and\s+disabilit(?:y|ies))?|inclusion)\s+(?:link\s+)?governor\b|\bgovernors?\s+(?:with\s+(?:a\s+)?(?:special\s+)?responsibility\s+for|responsible\s+for|for)\s+(?:SEND?|special\s+educational\s+needs|inclusion)(?:\s+(?:and|&)\s+inclusion)?\b|\b(?:nominated|designated|named)\s+(?:SEND?\s+)?governors?\b|\bLGB\s+member\s+with\s+responsibility\s+for\s+SEND?\b|\blink\s+governor\s+for\s+SEND?\b`)

var notTheGovernor = regexp.MustCompile(`(?i)\b(?:former|previous)\s*$`)

// governors reads the SEN governor's name.
func governors(text string, sencos []Fact) []Fact {
	facts := peopleInRole(text, governorRole, notTheGovernor, "governor.name")
	skip := map[string]bool{}
	for _, s := range sencos {
		skip[shortForm(s.Value)] = true
	}
	var out []Fact
	for _, f := range facts {
		if !skip[shortForm(f.Value)] {
			out = append(out, f)
		}
	}
	return out
}
