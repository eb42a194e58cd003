package analysis

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
)

// Specialist provision: a resourced provision, SEN unit, resource base or
// nurture group, for which need, with how many places. A school saying it has no
// unit, or plans one, has none now; an LA page proposing one is recorded, as that
// is what the page is about.

var provisionKinds = []struct {
	kind string
	re   *regexp.Regexp
}{
	// Order matters: "Specialist Resource Base Provision (SRP)" is a resourced provision.
	{"resourced_provision", regexp.MustCompile(`(?i)\b(?:specialist\s+)?resourced?\s+(?:base\s+)?provision\b|\bSRP\b|\bdesignated\s+special(?:ist)?\s+provision\b|\bDSP\b|\benhanced\s+(?:mainstream\s+|nursery\s+|learning\s+)?provisions?\b|\bspecialist\s+provision\s+(?:unit|base)\b`)},
	{"resource_base", regexp.MustCompile(`(?i)\bresource\s+(?:base|unit)\b|\b(?:autism|ASD|ASC|SEMH|speech\s+and\s+language|language|communication|hearing|HI|VI)\s+(?:base|centre|center|hub)\b|\b(?:learning\s+support|specialist\s+support|SEND?)\s+(?:base|centre|center)\b`)},
	{"sen_unit", regexp.MustCompile(`(?i)\b(?:hearing|visual(?:ly)?|sensory|physical(?:ly)?)\s+impair(?:ment|ed)\s+unit\b|\b(?:SEND?|special\s+needs?|specialist|language|hearing|autism|ASD)\s+unit\b|\bunit\s+for\s+(?:pupils|children|students)\s+with\b`)},
	// A class or room that is the school's specialist provision ("Kestrel Class
	// is a specialist provision for up to 8 children with ..."), not the
	// specialist provision a pupil may need elsewhere; a Specialist Teaching
	// Facility (an LA's name for a provision at a school).
	{"other", regexp.MustCompile(`(?i)\bspecialist\s+teaching\s+(?:facility|facilities|centre)\b|\bSTF\b|\b(?:is|as)\s+(?:a|an|our)\s+(?:small\s+)?specialist\s+(?:class|classroom|provision|teaching\s+group)\b|\bwe\s+(?:have|run|host|offer)\s+(?:a|an)\s+(?:small\s+)?specialist\s+(?:class|classroom|provision|teaching\s+group)\s+for\b`)},
	{"nurture_group", regexp.MustCompile(`(?i)\bnurture\s+(?:group|class|room|base|provision|unit)\b`)},
}

var (
	notCurrent = regexp.MustCompile(`(?i)\b(?:do(?:es)?\s+not\s+(?:have|host|run)|don't\s+have|doesn't\s+have|no\s+(?:specialist\s+)?(?:unit|resource|resourced|nurture)|not\s+currently|plans?\s+to|planning\s+to|will\s+(?:open|be\s+opening|host)|propos(?:ed|al|es|ing)|consult(?:ation|ing)?\s+on|hope\s+to|would\s+like\s+to|in\s+the\s+future|(?:currently|temporarily)\s+closed|closed\s+(?:for|until)|will\s+re-?open|where\s+(?:she|he|they)\s+(?:set\s+up|ran|led|established)|(?:previously|formerly)\s+(?:\w+\s+){0,3}at\s+[A-Z]\w*|(?:several|some|many|most|a\s+number)\s+(?:of\s+(?:our|the)\s+)?(?:academies|schools))\b`)
	placesRe   = regexp.MustCompile(`(?i)\b(\d{1,3})[-\s]places?\b|\bplaces\s*[:=-]\s*(\d{1,3})\b|\bup\s+to\s+(\d{1,3})\s+(?:[\w-]+\s+){0,3}?(?:pupils|children|students|young\s+people|learners)\b|\b(?:supports?|serves?|caters?\s+for|admits|takes|educates|has\s+room\s+for)\s+(\d{1,3})\s+(?:[\w-]+\s+){0,3}?(?:pupils|children|students|young\s+people|learners)\b|\bcapacity\s+(?:of|for)\s+(\d{1,3})\b|\b(\d{1,3})\s+(?:funded\s+|commissioned\s+)?places\b|\bfor\s+(\d{1,3})\s+(?:pupils|children|students|learners)\b`)
	// Places in words: "a small class for six pupils".
	placesWordRe = regexp.MustCompile(`(?i)\b(?:for|up\s+to|supports?|serves?|caters?\s+for|admits|takes|has|have)\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|sixteen|eighteen|twenty)\s+(?:[\w-]+\s+){0,3}?(?:pupils|children|students|young\s+people|learners|places)\b`)
	numberWords  = map[string]float64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
		"eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20}
	areaCodes = []struct {
		code string
		re   *regexp.Regexp
	}{
		{"C&I", regexp.MustCompile(`(?i)\bcommunication\s*(?:and|&)\s*interaction\b`)},
		{"C&L", regexp.MustCompile(`(?i)\bcognition\s*(?:and|&)\s*learning\b`)},
		{"SLCN", regexp.MustCompile(`(?i)\blanguage\s+(?:resource|unit|base|provision)\b`)},
	}
)

// provisions reads the specialist provision a document describes. proposed says
// whether proposals count (an LA page about a proposal).
func (x *Extractor) provisions(text string, proposed bool) []Fact {
	type cand struct {
		pos, end   int
		kind, need string
		lo, hi     int
	}
	// Every mention, then the leftmost in each sentence: one sentence names one
	// provision however many names it gives it ("Resource Base/Enhanced Provision").
	bySentence := map[int]cand{}
	for _, k := range provisionKinds {
		for _, m := range k.re.FindAllStringIndex(text, 300) {
			lo, hi := sentenceAround(text, m[0], m[1])
			if c, ok := bySentence[lo]; ok && c.pos <= m[0] {
				continue
			}
			if !proposed && notCurrent.MatchString(text[lo:hi]) {
				continue
			}
			bySentence[lo] = cand{pos: m[0], end: m[1], kind: k.kind, need: x.provisionNeed(text[lo:hi], m[0]-lo), lo: lo, hi: hi}
		}
	}
	var cands []cand
	for _, c := range bySentence {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].pos < cands[j].pos })
	// One provision per need: later mentions under another name are the same one;
	// a mention that names no need adds nothing when its kind is known with one.
	kindHasNeed, needSeen, seen := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range cands {
		if c.need != "" {
			kindHasNeed[c.kind] = true
		}
	}
	// Places are given in the provision's sentence or the one after ("The
	// provision has 14 places").
	// placesOf also gives where the places are said, for the evidence.
	placesOf := func(c cand) (*float64, int) {
		_, hi2 := sentenceAround(text, c.hi, min(c.hi+1, len(text)))
		if pm := placesRe.FindStringSubmatchIndex(text[c.lo:max(c.hi, hi2)]); pm != nil {
			for g := 2; g+1 < len(pm); g += 2 {
				if pm[g] < 0 {
					continue
				}
				if n, err := strconv.Atoi(text[c.lo+pm[g] : c.lo+pm[g+1]]); err == nil && n > 0 {
					f := float64(n)
					return &f, c.lo + pm[1]
				}
			}
		}
		if pm := placesWordRe.FindStringSubmatchIndex(text[c.lo:max(c.hi, hi2)]); pm != nil {
			f := numberWords[strings.ToLower(text[c.lo+pm[2]:c.lo+pm[3]])]
			return &f, c.lo + pm[1]
		}
		return nil, 0
	}
	var out []Fact
	for _, c := range cands {
		if c.need == "" && kindHasNeed[c.kind] || c.need != "" && needSeen[c.need] {
			continue
		}
		value := c.kind + ":" + c.need
		if seen[value] {
			continue
		}
		seen[value], needSeen[c.need] = true, c.need != ""
		places, placesEnd := placesOf(c)
		at, from := c, c
		// Or elsewhere, where the same provision is named again: a heading ("a
		// 15 place Specialist Resource Provision"), or its short name ("Each DSP
		// will have 10 places"). A mention naming another need is another one.
		// A mention with the same need and its places is the better evidence.
		for _, o := range cands {
			if places != nil {
				break
			}
			if o.kind == c.kind && (o.need == "" || o.need == c.need) && o != c {
				if places, placesEnd = placesOf(o); places != nil {
					from = o
					if o.need == c.need {
						at = o
					}
				}
			}
		}
		end := at.end
		if places != nil && from == at {
			// The evidence runs on to the places when the next sentence gives them.
			end = max(end, placesEnd)
		}
		out = append(out, factAt(text, at.pos, end, "provision.specialist", value, places, 0.7))
	}
	return out
}

// provisionNeed finds the need a provision is for in its sentence: the need type
// named nearest the provision, else the broad area nearest it ("Communication
// and Interaction (Autism)" is for autism).
func (x *Extractor) provisionNeed(sentence string, at int) string {
	nearestOf := func(pats []*regexp.Regexp, codes []string) string {
		best, bestD := "", 1<<30
		for i, re := range pats {
			for _, loc := range re.FindAllStringIndex(sentence, -1) {
				if d := abs(loc[0] - at); d < bestD {
					best, bestD = codes[i], d
				}
			}
		}
		return best
	}
	var pats []*regexp.Regexp
	var codes []string
	for _, t := range x.needTypes {
		pats, codes = append(pats, t.Pattern), append(codes, t.Value)
	}
	if best := nearestOf(pats, codes); best != "" {
		return best
	}
	pats, codes = nil, nil
	for _, a := range areaCodes {
		pats, codes = append(pats, a.re), append(codes, a.code)
	}
	return nearestOf(pats, codes)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// sentenceStart is where the sentence holding text[pos] begins (a decimal point
// or "Mrs." does not end a sentence).
func sentenceStart(text string, pos int) int {
	lo, _ := sentenceAround(text, pos, pos)
	return lo
}

// sentenceAround returns the bounds of the sentence holding text[from:to].
func sentenceAround(text string, from, to int) (int, int) {
	return sentenceBounds(text, from, to, 2000)
}

// Statistics a report gives about its pupils. Counts may carry a thousands
// separator ("1,142 students"); shares are written "16%", "16 %", "16 per cent"
// or "16 percent".
const (
	count   = `(\d{1,3}(?:,\d{3})|\d{1,4})`
	percent = `(?:\s?%|\s?per\s?cent\b)`
)

var (
	pupils   = `(?:children|pupils|students|learners)`
	onRollRe = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b` + count + `\s+` + pupils + `\s+(?:are\s+)?(?:currently\s+)?(?:on\s+(?:the\s+)?(?:school\s+)?roll|attend|(?:in|at)\s+(?:the|our)\s+school)\b`),
		// "Of our 402 pupils, 61 receive SEN support"
		regexp.MustCompile(`(?i)\bof\s+(?:our|the)\s+` + count + `\s+` + pupils + `\s*,`),
		// "We currently have 1,210 students" (not "We have 12 pupils with EHC plans": see rollOfSome)
		regexp.MustCompile(`(?i)\bwe\s+(?:currently\s+|now\s+)?have\s+(?:around\s+|about\s+|approximately\s+)?` + count + `\s+` + pupils + `\b`),
		// "Harbourside has 1,512 students", "There are 360 children at Redbrook"
		regexp.MustCompile(`\b(?:[A-Z][\w']+|[Ss]chool|[Aa]cademy)\s+(?:has|had)\s+` + count + `\s+` + pupils + `\b`),
		// "Number of students: 864"
		regexp.MustCompile(`(?i)\bnumber\s+of\s+` + pupils + `(?:\s+on\s+roll)?\s*[:=-]\s*` + count + `\b`),
		// "a mixed comprehensive for 11-16 year olds with around 1,300 students"
		regexp.MustCompile(`(?i)\b(?:comprehensive|school|primary|academy|secondary|college|infants?|juniors?)\b[^.\n]{0,60}\bwith\s+(?:around|about|approximately|over|nearly|some)\s+` + count + `\s+` + pupils + `\b`),
		// "a two-form entry primary with 420 pupils"
		regexp.MustCompile(`(?i)\b(?:school|primary|academy|secondary|college|infants?|juniors?)\s+with\s+` + count + `\s+` + pupils + `\b`),
		// "from a school population of 189"
		regexp.MustCompile(`(?i)\bschool\s+population\s+(?:of|is|:)\s*` + count + `\b`),
		regexp.MustCompile(`(?i)\bthere\s+are\s+` + count + `\s+` + pupils + `\s+(?:(?-i:at\s+[A-Z])|in\s+(?:the|our)\s+school|on\s+roll)`),
		// "Total roll: 987", "a special school for 140 pupils"
		regexp.MustCompile(`(?i)\b(?:total\s+)?(?:school\s+)?roll\s*[:=-]\s*` + count + `\b`),
		regexp.MustCompile(`(?i)\bschool\s+for\s+` + count + `\s+` + pupils + `\b`),
		// "(out of 238 children at the school)"
		regexp.MustCompile(`(?i)\bout\s+of\s+(?:the\s+|our\s+)?` + count + `\s+` + pupils + `\b`),
		regexp.MustCompile(`(?i)\b(?:number\s+(?:of\s+pupils\s+)?on\s+roll|` + pupils + `\s+on\s+roll|NOR)\s*(?:is|:|-|=)?\s*` + count + `\b`),
		regexp.MustCompile(`(?i)\broll\s+of\s+` + count + `\b`),
		// "57 of our 342 pupils", "All of our 96 pupils"
		regexp.MustCompile(`(?i)\ball\s+(?:of\s+)?(?:our|the)\s+` + count + `\s+` + pupils + `\b`),
		regexp.MustCompile(`(?i)\b\d{1,4}\s+of\s+(?:our|the|the\s+school's)\s+` + count + `\s+` + pupils + `\b`),
	}
	senCountRe = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b` + count + `\s+` + pupils + `\s+(?:are\s+)?(?:with|have|having)\s+(?:an?\s+)?(?:identified\s+)?(?:SEND?|special\s+educational\s+needs)\b`),
		regexp.MustCompile(`(?i)\b(?:SEND?|special\s+educational\s+needs)(?:\s*\(SEND?\))?\s+support\s*[-:=]\s*` + count + `\b`),
		regexp.MustCompile(`(?i)\b` + count + `\s+(?:` + pupils + `\s*)?(?:\([^)]{0,12}\)\s*)?(?:are\s+|were\s+)?on\s+(?:the|our)\s+SEND?\s+register\b`),
		// "46 of them (14.7%) are identified as having special educational needs"
		regexp.MustCompile(`(?i)\b` + count + `\s+of\s+(?:them|these)\s*(?:\([^)]{0,12}\)\s*)?(?:are|were|have|had|receive|get)\s+(?:identified\s+(?:as\s+having|with)\s+|receiving\s+|on\s+(?:the|our)\s+)?(?:SEND?|special\s+educational\s+needs)\b`),
		// "Pupils with SEN support: 29"
		regexp.MustCompile(`(?i)\b` + pupils + `\s+(?:with|receiving|on|at)\s+(?:SEND?|special\s+educational\s+needs)\s+support\s*[-:=]\s*` + count + `\b`),
		// "Pupils with SEN: 31", "Number of children on our SEN register: 27"
		regexp.MustCompile(`(?i)\b` + pupils + `\s+on\s+(?:our|the)\s+SEND?\s+register\s*[-:=]\s*` + count + `\b`),
		// "of whom 198 (13.1%) receive SEN support", "of whom 9 are on our SEND register"
		regexp.MustCompile(`(?i)\bof\s+whom\s+` + count + `\s*(?:\([^)]{0,12}\)\s*)?(?:receive|are\s+receiving|get|are\s+on|have|has)\s+(?:(?:our|the)\s+)?(?:SEND?|special\s+educational\s+needs)\b`),
		// "Of our 402 pupils, 61 receive SEN support"
		regexp.MustCompile(`(?i)` + pupils + `\s*,\s*` + count + `\s+(?:(?:receive|are\s+receiving|get|are\s+on)\s+(?:SEND?|special\s+educational\s+needs)\s+support|are\s+on\s+(?:the|our)\s+SEND?\s+register)\b`),
		// "164 had SEN support"
		regexp.MustCompile(`(?i)\b` + count + `\s+(?:` + pupils + `\s*)?(?:\([^)]{0,12}\)\s*)?(?:had|have|has|receive|receives|received|get|got)\s+(?:SEND?|special\s+educational\s+needs)\s+support\b`),
		// "23 pupils receiving SEN Support", "47 pupils (16%) were receiving SEN support"
		regexp.MustCompile(`(?i)\b` + count + `\s+(?:` + pupils + `\s+)?(?:\([^)]{0,12}\)\s*)?(?:are\s+|were\s+)?(?:currently\s+)?(?:receiving|at|on|getting)\s+(?:SEND?|special\s+educational\s+needs)\s+support\b`),
		// "on the SEN register 33 (15.9%);": a label and its figure, in a list
		regexp.MustCompile(`(?im)\bon\s+(?:the|our)\s+SEND?\s+register\s*[-:=]?\s*(\d{1,3})\s*(?:\(|;|,|\.|$)`),
		// "Our SEND register currently has 38 children"
		regexp.MustCompile(`(?i)\bSEND?\s+register\s+(?:currently\s+|now\s+)?(?:has|holds|includes|lists|contains|numbers)\s+` + count + `\s+` + pupils + `\b`),
		regexp.MustCompile(`(?i)\b` + pupils + `\s+with\s+(?:SEND?|special\s+educational\s+needs)\s*[-:=]\s*` + count + `\b`),
		// "57 of our 342 pupils (16.7%) were receiving SEN support or had an EHCP",
		// "42 out of 310 pupils (13.5%) are on our SEN register"
		regexp.MustCompile(`(?i)\b` + count + `\s+(?:out\s+)?of\s+(?:our\s+|the\s+)?\d[\d,]*\s+` + pupils + `\s*(?:\([^)]{0,12}\)\s*)?(?:were|are|have|had)\s+(?:receiving\s+|on\s+|identified\s+(?:as\s+having|with)\s+)?(?:the\s+|our\s+)?(?:SEND?|special\s+educational\s+needs)\b`),
	}
	ehcpRe = []*regexp.Regexp{
		// "14 children on our SEN register, 3 of whom have an EHC plan"
		regexp.MustCompile(`(?i)\b` + count + `\s+of\s+(?:whom|them)\s+(?:have|hold|had|has)\s+(?:an?\s+)?(?:EHC\s*Ps?\b|EHC\s+plans?|education,?\s+health\s+(?:and|&)\s+care\s+plans?)`),
		regexp.MustCompile(`(?i)\b` + count + `\s*(?:\([^)]{0,12}\)\s*)?(?:` + pupils + `\s+)?(?:are\s+on|on|with|have|had|having|hold|holds|held)\s+(?:an?\s+)?(?:education,?\s+health\s+(?:and|&)\s+care\s+(?:plans?|\(EHC\)\s+plans?)|EHC\s*Ps?\b|EHC\s+plans?)`),
		regexp.MustCompile(`(?i)\b(?:EHC\s*Ps?|EHC\s+plans?|education,?\s+health\s+(?:and|&)\s+care\s+plans?)\s*[-:=]\s*` + count + `\b`),
		// "with an EHCP 5;": a label and its figure, in a list
		regexp.MustCompile(`(?im)\bwith\s+(?:an?\s+)?(?:EHC\s*Ps?|EHC\s+plans?|education,?\s+health\s+(?:and|&)\s+care\s+plans?)\s*[-:=]?\s*(\d{1,3})\s*(?:\(|;|,|\.|$)`),
	}
	// A share of pupils: "14% of pupils", or a bracket after a count of pupils
	// with SEN ("Pupils with SEN: 31 (14.9%)").
	senShareAfterCount = regexp.MustCompile(`\(\s*(\d{1,2}(?:\.\d+)?)` + percent + `\s*\)`)
	// "Percentage of pupils with SEND: 17%"
	// "The proportion of pupils receiving SEN support is 15 per cent", "Pupils
	// with SEND: 19%"
	senPercentLabel = regexp.MustCompile(`(?i)\b(?:(?:percentage|proportion|share)\s+of\s+(?:our\s+|the\s+)?)?` + pupils + `\s+(?:with|on\s+(?:the|our)|receiving|who\s+(?:have|receive))\s+(?:an?\s+)?(?:identified\s+)?(?:SEND?|special\s+educational\s+needs)(?:\s+support|\s+register)?\s*(?:[:=-]|is|was|stands\s+at)?\s*(?:about\s+|around\s+)?(\d{1,2}(?:\.\d+)?)` + percent)
	// "Total on register: 146 (13.2%)"
	senPercentRegister = regexp.MustCompile(`(?i)\bon\s+(?:the\s+)?(?:SEND?\s+)?register\s*[:=-]\s*\d[\d,]*\s*\(\s*(\d{1,2}(?:\.\d+)?)` + percent + `\s*\)`)
	// "one in six of our pupils (16%) has special educational needs"
	senPercentAside = regexp.MustCompile(`(?i)` + pupils + `\s*\(\s*(\d{1,2}(?:\.\d+)?)` + percent + `\s*\)\s*(?:has|have|had|is|are|was|were)\s+(?:on\s+(?:the|our)\s+|identified\s+(?:as\s+having|with)\s+|receiving\s+)?(?:SEND?\b|special\s+educational\s+needs)`)
	// "All pupils have an EHC plan", "Every pupil has an EHCP": as many as are on roll.
	allHaveEHCP = regexp.MustCompile(`(?i)(?:\ball\s+(?:of\s+)?(?:our\s+|the\s+)?` + pupils + `\s+(?:have|hold)|\bevery\s+(?:pupil|child|student|learner)\s+(?:has|holds))\s+(?:an?\s+)?(?:EHC\s*Ps?\b|EHC\s+plans?|education,?\s+health\s+(?:and|&)\s+care\s+plans?)`)
	// "Around a fifth of our pupils (21%) ... are on our SEND register": its
	// sentence must speak of SEN (see stats).
	pupilsShare = regexp.MustCompile(`(?i)\b` + pupils + `\s*\(\s*(\d{1,2}(?:\.\d+)?)` + percent + `\s*\)`)
	// "15% have special educational needs"
	senPercentVerb = regexp.MustCompile(`(?i)\b(\d{1,2}(?:\.\d+)?)` + percent + `\s+(?:of\s+(?:them|pupils|children|students)\s+)?(?:have|has|are\s+on\s+(?:the|our)\s+SEND?\s+register|receive|are\s+receiving|get)\s+(?:SEND?\b|special\s+educational\s+needs)`)
	senPercentRe   = regexp.MustCompile(`(?i)\b(\d{1,2}(?:\.\d+)?)` + percent + `\s*(?:of\s+(?:the\s+|our\s+)?(?:school\s+population|pupils|children|students|learners|the\s+school|our\s+school|school))`)
	notOurs        = regexp.MustCompile(`(?i)\b(?:national(?:ly)?|average|england|local\s+authority|LA\s+average)\b[^.%]{0,40}$`)
	senMention     = regexp.MustCompile(`(?i)\bSEND?\b|special\s+educational\s+needs|SEN\s+register|SEN\s+support`)
	ehcMention     = regexp.MustCompile(`(?i)\bEHC|education,?\s+health\s+(?:and|&)\s+care|statement`)
)

// stats reads the pupil numbers a report gives: on roll, with SEN, with EHC
// plans, and the share with SEN. National and local averages are not the school's.
func stats(text string) []Fact {
	var out []Fact
	spans := map[string][]int{}    // byte span of each count found
	values := map[string]float64{} // and its value
	lower := strings.ToLower(text)
	first := func(field string, res []*regexp.Regexp) {
		for _, re := range res {
			if !literalsOf(re).mayMatch(text, lower) {
				continue // a cheap check: the text lacks a word every match needs
			}
			for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
				if someoneElses(text[max(0, m[0]-60):m[0]]) || aboutAProvision(text, m[0], m[1]) {
					continue
				}
				if shareNext.MatchString(text[m[1]:min(len(text), m[1]+10)]) {
					continue // a share ("SEND: 17%", "17 per cent"), not a count
				}
				if before := text[max(0, m[2]-20):m[2]]; field != "stats.number_on_roll" && ofTotal.MatchString(before) && !allOf.MatchString(before) {
					continue // "42 out of 310 pupils": 310 is the roll, not this count
				}
				if field == "stats.number_on_roll" && endsInPupils.MatchString(text[m[0]:m[1]]) && rollOfSome.MatchString(text[m[1]:min(len(text), m[1]+40)]) {
					continue // "we have 12 pupils with EHC plans": some pupils, not the roll
				}
				if labelRowBreak.MatchString(text[m[3]:m[1]]) {
					continue // "Pupils on roll: 247" then "Pupils with ...": two rows, not a sentence
				}
				n, err := strconv.ParseFloat(strings.ReplaceAll(text[m[2]:m[3]], ",", ""), 64)
				if err != nil {
					continue
				}
				out = append(out, factAt(text, m[0], m[1], field, "", &n, 0.7))
				spans[field], values[field] = m[:2], n
				return
			}
		}
	}
	first("stats.number_on_roll", onRollRe)
	first("stats.sen_count", senCountRe)
	first("stats.ehcp_count", ehcpRe)
	if n, ok := values["stats.number_on_roll"]; ok && spans["stats.ehcp_count"] == nil {
		if m := allHaveEHCP.FindStringIndex(text); m != nil {
			out = append(out, factAt(text, m[0], m[1], "stats.ehcp_count", "", &n, 0.6))
		}
	}
	shares := append(senPercentLabel.FindAllStringSubmatchIndex(text, -1), senPercentRe.FindAllStringSubmatchIndex(text, -1)...)
	shares = append(shares, senPercentVerb.FindAllStringSubmatchIndex(text, -1)...)
	shares = append(shares, senPercentAside.FindAllStringSubmatchIndex(text, -1)...)
	shares = append(shares, senPercentRegister.FindAllStringSubmatchIndex(text, -1)...)
	// Last, a bare "of our pupils (21%)" in a sentence about SEN.
	shares = append(shares, pupilsShare.FindAllStringSubmatchIndex(text, -1)...)
	// A bracketed share in or right after the count of pupils with SEN is theirs.
	if at := spans["stats.sen_count"]; at != nil {
		if m := senShareAfterCount.FindStringSubmatchIndex(text[at[0]:min(len(text), at[1]+40)]); m != nil {
			for i := range m {
				m[i] += at[0]
			}
			shares = append([][]int{m}, shares...)
		}
	}
	for _, m := range shares {
		lo, hi := sentenceAround(text, m[0], m[1])
		// The share must be of pupils with SEN (named nearer it than EHC plans are).
		sen, ehc := nearest(senMention, text, lo, hi, m[0]), nearest(ehcMention, text, lo, hi, m[0])
		if senPercentRegister.MatchString(text[m[0]:m[1]]) {
			sen = 0 // a share of the register is of pupils with SEN
		}
		if someoneElses(text[max(lo, m[0]-60):m[0]]) || sen < 0 || (ehc >= 0 && ehc < sen) {
			continue
		}
		n, _ := strconv.ParseFloat(text[m[2]:m[3]], 64)
		out = append(out, factAt(text, m[0], m[1], "stats.sen_percent", "", &n, 0.7))
		break
	}
	return out
}

// rollOfSome: words after a count of pupils that make them some of the pupils.
var rollOfSome = regexp.MustCompile(`(?i)^\s*(?:with|who|on\s+(?:the|our)\s+SEN|receiving|having|in\s+receipt|have\s+(?:an?\s+)?(?:EHC|SEN)|are\s+on\s+(?:the|our)\s+SEN)`)

// endsInPupils: a count of pupils that says no more ("Elm has 420 pupils").
var endsInPupils = regexp.MustCompile(`(?i)` + pupils + `$`)

// shareNext: a number followed by a percent sign or "per cent" is a share.
var shareNext = regexp.MustCompile(`(?i)^` + percent)

// ofTotal: a figure given as the whole that another is out of.
var ofTotal = regexp.MustCompile(`(?i)\b(?:out\s+)?of\s+(?:our\s+|the\s+)?$`)

// allOf: "All of our 96 pupils have an EHC plan": the whole is the count.
var allOf = regexp.MustCompile(`(?i)\ball\s+of\s+(?:our\s+|the\s+)?$`)

// labelRowBreak: a count ending its line, the next line starting anew.
var labelRowBreak = regexp.MustCompile(`^[ \t]*(?:\([^)\n]{0,20}\))?[ \t]*\n[ \t]*[A-Z]`)

// someoneElses says whether the words before a figure make it a national or
// local average rather than the school's ("a larger-than-average school (NOR
// 588)" is the school's).
func someoneElses(before string) bool {
	return notOurs.MatchString(before) && !thanAverage.MatchString(before)
}

var thanAverage = regexp.MustCompile(`(?i)\bthan[-\s]average\b[^.%]{0,40}$`)

// countLiterals holds, for each count wording, the literals every match
// contains; worked out once, at start-up, not per document.
var countLiterals = map[*regexp.Regexp]Term{}

func init() {
	for _, res := range [][]*regexp.Regexp{onRollRe, senCountRe, ehcpRe} {
		for _, re := range res {
			t := Term{Pattern: re}
			if tree, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
				t.must = requiredLiterals(tree.Simplify())
			}
			countLiterals[re] = t
		}
	}
}

// literalsOf is the Term of a count wording (one with no known literals when
// re is not one).
func literalsOf(re *regexp.Regexp) Term {
	if t, ok := countLiterals[re]; ok {
		return t
	}
	return Term{Pattern: re}
}

// aboutAProvision says whether a count stands in a sentence about a specialist
// provision ("The base supports 24 students with an EHCP"): the provision's
// pupils, not the school's.
func aboutAProvision(text string, from, to int) bool {
	lo, hi := sentenceAround(text, from, to)
	for _, k := range provisionKinds {
		if k.re.MatchString(text[lo:hi]) {
			return true
		}
	}
	return false
}

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
