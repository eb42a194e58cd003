package analysis

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// The SENCO's qualifications, time and seat on the senior team, read through the
// text stages: the document is read into sentences and clauses once, the rule
// tables (rules/senco.tsv) give the wordings, and each match's polarity (not,
// no longer, working towards, must, another person's) comes from
// textstage.Polarity, not from guards written per field.

// sencoStage is one document's text as the SENCO rules read it.
type sencoStage struct {
	x     *Extractor
	text  string
	doc   *textstage.Doc
	lower string // text in lower case, for the rules' cheap pre-check
	pg    *page  // the text as finders search it (nil until first asked)
	names []Fact
	ctx   []textstage.Span // the SENCO's sentences, merged
	who   *textstage.Subject
}

// newSENCOStage reads text into sentences and finds the sentences that speak of
// the SENCO: each naming the role or a SENCO by name (or SENCO time), and the
// two after it (which often go on with "She holds ..." or "He works ...").
func (x *Extractor) newSENCOStage(text string, names []Fact) *sencoStage {
	s := &sencoStage{x: x, text: text, doc: textstage.Read(text, x.lex), names: names, lower: strings.ToLower(text)}
	var marks []int
	for _, m := range x.role.FindAllStringIndex(text, 300) {
		marks = append(marks, m[0])
	}
	for _, n := range names {
		for _, form := range []string{n.Value, shortForm(n.Value), particleForm(n.Value)} {
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
		if i := s.doc.SentenceAt(m); i >= 0 {
			sp := s.doc.Around(i, 2)
			spans = append(spans, [2]int{sp.Start, sp.End})
		}
	}
	for _, sp := range mergeSpans(spans) {
		s.ctx = append(s.ctx, textstage.Span{Start: sp[0], End: sp[1]})
	}
	// Another person's time: the last person named before it, not a SENCO, with
	// no word for the SENCO between.
	s.who = &textstage.Subject{Person: mentionedPerson, Self: x.sencoSelf, Is: func(p string) bool {
		if len(names) == 0 {
			return true
		}
		// "Mrs Esson" is the SENCO named "Deborah Esson" elsewhere: the same
		// surname is the same person.
		// A name runs on over capitalised words after it ("Mr Jones Monday"):
		// only its plausible part is the person.
		if loc := trimName(p, []int{0, len(p)}); loc != nil {
			p = p[:loc[1]]
		}
		person := strings.Fields(shortForm(cleanName(p)))
		for _, n := range names {
			// "Mr Ravi" where a PDF wrapped "Mr Ravi" / "Shankar-Pillai".
			if samePerson(p, n.Value) {
				return true
			}
			if f := strings.Fields(shortForm(n.Value)); len(f) > 0 && len(person) > 0 && f[len(f)-1] == person[len(person)-1] {
				return true
			}
		}
		return false
	}}
	return s
}

// find lists a rule's matches in the SENCO's sentences.
func (s *sencoStage) find(r textstage.Rule, who *textstage.Subject) []textstage.Mention {
	g, ok := s.x.gates[r.Regexp()]
	if ok && !g.mayMatch(s.text, s.lower) {
		return nil
	}
	if !ok || g.find == nil {
		return s.doc.Find(r.Regexp(), s.ctx, 1000, who)
	}
	// The sentences' matches, found in windows (scan.go) as Find would.
	if s.pg == nil {
		s.pg = newPage(s.text)
	}
	var ms [][]int
	for _, sp := range s.ctx {
		ms = append(ms, s.pg.allIn(g.find, sp.Start, sp.End, 1000, true)...)
	}
	return s.doc.Mentions(ms, who)
}

func (s *sencoStage) sentenceStart(pos int) int {
	if i := s.doc.SentenceAt(pos); i >= 0 && s.doc.Sentences[i].Start <= pos {
		return s.doc.Sentences[i].Start
	}
	return pos
}

var senTime = lexRegexp(`(?i)\b(?:{sen}|SENCO|SENDCO)\s+time\b|\btime\s+(?:allocated|given)\s+(?:to|for)\s+(?:the\s+)?(?:{sen}|SENCO|SENDCO)`)

// notNow: what a mention must not be to state a qualification or time held now.
const notNow = textstage.Negated | textstage.Former | textstage.Planned | textstage.Duty

// anotherPostsSeat says whether a seat on the team is another post's: said in
// a clause after that post ("reports to the Deputy Head, who sits on the
// SLT"), or in a sentence whose words before it name another post and no word
// for the SENCO ("The headteacher leads the senior leadership team").
func (s *sencoStage) anotherPostsSeat(m textstage.Mention) bool {
	sent := s.doc.Sentences[m.Sentence].Span
	before := s.text[sent.Start:m.Start]
	if r := relativeClause.FindStringSubmatchIndex(before); r != nil {
		holder := before[r[2]:r[3]]
		return len(holder) <= 120 && (otherRoles.MatchString(holder) || seniorPost.MatchString(holder)) && !s.x.role.MatchString(holder)
	}
	if !otherRoles.MatchString(before) || s.x.sencoSelf.MatchString(before) || namesSomeone(before, s.names) {
		return false
	}
	for _, p := range mentionedPerson.FindAllString(before, -1) {
		if s.who.Is(p) {
			return false // "As Assistant Head, Mrs Esson is ..."
		}
	}
	return true
}

// seniorPost: posts a SENCO may report to, besides otherRoles'.
var seniorPost = regexp.MustCompile(`(?i)\b(?:director|vice|leader|lead|manager|line\s+manager)\b`)

// relativeClause: "..., who is" / "... who sits" just before a mention, with
// the words it is about (back to the last comma or clause word).
// A note in brackets may stand in the words ("the Vice Principal (Curriculum
// and Quality), who sits on ...").
var relativeClause = regexp.MustCompile(`(?i)(?:^|[,;(]|\bto\b|\bby\b|\bwith\b)((?:[^,;()]|\([^()]*\))+?),?\s+who\s+(?:is\s+|are\s+)?(?:also\s+|now\s+)?$`)

// onSLT reads whether the SENCO sits on the senior leadership team: a mention of
// membership marked negated or former reads false, before any that reads true.
func (s *sencoStage) onSLT() []Fact {
	text := s.text
	var members []textstage.Mention
	for _, r := range s.x.rules.Rules("senco.on_slt") {
		for _, m := range s.find(r, s.who) {
			if m.Polarity&textstage.Others == 0 && !s.anotherPostsSeat(m) && !s.someMember(m) {
				members = append(members, m)
			}
		}
	}
	for _, m := range members {
		if m.Polarity&(textstage.Negated|textstage.Former) != 0 {
			return []Fact{factAt(text, m.Start, m.End, "senco.on_slt", "false", nil, 0.7)}
		}
	}
	for _, m := range members {
		if m.Polarity.Affirmed() {
			return []Fact{factAt(text, m.Start, m.End, "senco.on_slt", "true", nil, 0.7)}
		}
	}
	// A SENCO who is also a deputy or assistant head is on the leadership team.
	for _, r := range s.x.rules.Rules("senco.on_slt.post") {
		for _, m := range s.find(r, s.who) {
			sent := s.doc.Sentences[m.Sentence].Span
			// "reports to Mr B, Deputy Head" is another person's post (Others);
			// so is "Mr B, Deputy Headteacher, is answering for the SENCO" when
			// Mr B is not the SENCO.
			// The rule may take in the name its post is under ("Mrs A" /
			// "Assistant Principal"): that name is the one before the post.
			before := text[sent.Start:m.Start]
			if strings.Contains(text[m.Start:m.End], "\n") {
				before = text[sent.Start:m.End]
			}
			if m.Polarity.Affirmed() && (s.x.role.MatchString(text[sent.Start:sent.End]) || namesSomeone(before, s.names)) &&
				!s.postOfSomeoneElse(sent.Start, m.Start) {
				return []Fact{factAt(text, m.Start, m.End, "senco.on_slt", r.Value, nil, r.Confidence)}
			}
		}
	}
	// A staff list: the SENCO's row in the block under a "Senior Leadership
	// Team" heading.
	for _, r := range s.x.rules.Rules("senco.on_slt.heading") {
		for _, m := range r.Regexp().FindAllStringIndex(text, 20) {
			block := text[m[1]:]
			if end := strings.Index(block, "\n\n"); end >= 0 {
				block = block[:end]
			}
			if rr := s.x.role.FindStringIndex(block); rr != nil && !notTheSENCO.MatchString(block[max(0, rr[0]-30):rr[0]]) {
				return []Fact{factAt(text, m[0], m[1]+rr[1], "senco.on_slt", r.Value, nil, r.Confidence)}
			}
		}
	}
	return nil
}

// someMember: "a member of the senior team will help" is someone, not the
// SENCO: an indefinite member not after a verb of being ("is a member of"),
// with a verb of its own after the team ("... will help", "... can advise"),
// not joined to the SENCO's other posts ("our DSL and a member of the SLT.").
func (s *sencoStage) someMember(m textstage.Mention) bool {
	if !indefiniteMember.MatchString(s.text[m.Start:m.End]) {
		return false
	}
	return !beingVerb.MatchString(s.text[s.sentenceStart(m.Start):m.Start]) && ownVerb.MatchString(s.text[m.End:min(len(s.text), m.End+20)])
}

// postOfSomeoneElse: a person named right before the post at pos ("Mr B,
// Deputy Headteacher") who is not a SENCO.
func (s *sencoStage) postOfSomeoneElse(lo, pos int) bool {
	before := s.text[lo:pos]
	locs := mentionedPerson.FindAllStringIndex(before, -1)
	if len(locs) == 0 {
		return false
	}
	last := locs[len(locs)-1]
	if strings.Trim(before[last[1]:], " ,(–—-") != "" {
		return false
	}
	for _, n := range s.names {
		if samePerson(before[last[0]:last[1]], n.Value) {
			return false
		}
	}
	return true
}

var (
	indefiniteMember = regexp.MustCompile(`(?i)^an?\s+member\s+of\b`)
	ownVerb          = regexp.MustCompile(`(?i)^\s+(?:will|can|could|would|may|might|shall|should|must|is|who|then)\b`)
	beingVerb        = regexp.MustCompile(`(?i)\b(?:is|are|was|were|as|becomes?|became|been|remains?|being|also|isn['’]t|aren['’]t|wasn['’]t)(?:\s+(?:not|no|longer|never|currently|now|also|still|already|yet))*\s*$`)
)

// qualifications reads the SENCO's qualifications from the SENCO's sentences.
func (s *sencoStage) qualifications() []Fact {
	text, names := s.text, s.names
	var out []Fact
	seen := map[string]bool{}
	var named [][2]int // the spans the first table read
	var at [][2]int    // each fact's words, by fact
	for _, r := range s.x.rules.Rules("senco.qualification") {
		for _, m := range s.find(r, s.who) {
			lo := s.sentenceStart(m.Start)
			// "The SENCO must hold the award within three years": a duty, not a
			// fact; "the headteacher, Mr B, holds the NPQH": another person's.
			if m.Polarity&(notNow|textstage.Others) != 0 || !(s.x.aboutSENCO(text[lo:m.Start], names) || s.underSENCOItem(m.Start) || s.onCredentialLine(m.Start)) {
				continue
			}
			// "the National Professional Qualification for Headship (NPQH)":
			// the short form in brackets is the award just named.
			if shortFormOf(text, named, m.Start) {
				continue
			}
			v, ok := r.Eval(m.Groups, text, s.x.lex)
			if !ok {
				continue
			}
			named = append(named, [2]int{m.Start, m.End})
			if seen[strings.ToLower(v)] {
				continue
			}
			seen[strings.ToLower(v)] = true
			out = append(out, factAt(text, m.Start, m.End, "senco.qualification", v, nil, r.Confidence))
			at = append(at, [2]int{m.Start, m.End})
		}
	}
	first := len(out)  // the first table's facts end here
	var taken [][2]int // the spans read so far: a later rule's overlapping match is the same award
	for _, r := range s.x.rules.Rules("senco.qualification.other") {
		for _, m := range s.find(r, s.who) {
			if m.Polarity&(textstage.Negated|textstage.Former|textstage.Planned|textstage.Others) != 0 || overlaps(taken, m.Start, m.End) || shortFormOf(text, append(named, taken...), m.Start) || within(named, m.Start, m.End) {
				continue
			}
			lo := max(s.sentenceStart(m.Start), m.Start-150)
			sentence := text[lo:m.Start]
			afterName := false
			for _, n := range names {
				win := text[max(0, m.Start-len(n.Value)-4):m.Start]
				if i := strings.LastIndex(win, n.Value); i >= 0 && strings.Trim(win[i+len(n.Value):], " ,(") == "" {
					afterName = true
				}
			}
			afterName = afterName || s.onCredentialLine(m.Start)
			if !holdsVerb.MatchString(sentence) && !afterName && !qualLabel.MatchString(sentence) {
				continue
			}
			// "Postgraduate Certificate in SEN Co-ordination (NASENCO)" is the award itself.
			if certificate.MatchString(text[m.Start:m.End]) && coordinationAward.MatchString(text[m.Start:min(len(text), m.End+25)]) {
				continue
			}
			// "... in Special Educational Needs and the National Award": the subject
			// ends before a joining word.
			// "... in dyslexia which she completed": the subject ends at a clause.
			words := text[m.Start:m.End]
			if c := qualClause.FindStringIndex(words); c != nil {
				words = words[:c[0]]
			}
			// "Certificate in Autism Awareness" / "Email: ...": the subject
			// ends at a line that opens with a label.
			if c := labelLine.FindStringIndex(text[m.Start:min(len(text), m.End+30)]); c != nil && c[0] < len(words) {
				words = words[:c[0]]
			}
			end := m.Start + len(strings.TrimRight(trailingJoin.ReplaceAllString(words, ""), " \t\n"))
			taken = append(taken, [2]int{m.Start, m.End})
			// A name a PDF wrapped is one line of words.
			v := "other:" + strings.Join(strings.Fields(text[m.Start:end]), " ")
			if !seen[strings.ToLower(v)] {
				seen[strings.ToLower(v)] = true
				out = append(out, factAt(text, m.Start, end, "senco.qualification", v, nil, r.Confidence))
				at = append(at, [2]int{m.Start, end})
			}
		}
	}
	// An award named inside a longer award's name is part of it ("a
	// Postgraduate Certificate in Specific Learning Difficulties with AMBDA
	// accreditation").
	var kept []Fact
	for i, f := range out {
		inside := false
		for _, o := range at[first:] {
			inside = inside || i < first && o[0] <= at[i][0] && at[i][1] <= o[1]
		}
		if !inside {
			kept = append(kept, f)
		}
	}
	return kept
}

// onCredentialLine says whether pos is on the letters after a SENCO's name:
// only awards, their subjects and commas between the name and pos ("Mrs A
// Bee" / "BA (Hons), PGCE, MA Inclusive Education, NPQSENCO").
func (s *sencoStage) onCredentialLine(pos int) bool {
	for _, n := range s.names {
		win := s.text[max(0, pos-len(n.Value)-100):pos]
		if i := strings.LastIndex(win, n.Value); i >= 0 && credentials.MatchString(win[i+len(n.Value):]) {
			return true
		}
	}
	return false
}

// credentials: capitalised words (awards and their subjects), brackets and
// commas, over at most one line break.
var credentials = regexp.MustCompile(`^[ \t,]*\n?(?:[ \t,()]*[A-Z][\w'’.-]*(?:\s+(?:in|of|and|for|with)\b)?)*[ \t,()]*$`)

// qualClause: where a qualification's subject, read to the end of its words,
// runs on into a clause ("a diploma in dyslexia which she completed in 2019")
// or into the next award ("a PhD in psychology and the National Award").
var qualClause = regexp.MustCompile(`(?i)\s+(?:and\s+(?:the|an?|her|his|their)\b|which|that|who|whom|from|at|since|when|where|while|she|he|they|is|was|has|had|have|to|so|because|allowing|meaning|through|during|after|before)\b`)

// labelLine: a line break before a label ("\nEmail:").
var labelLine = regexp.MustCompile(`\s*\n[ \t]*[A-Z][\w '’-]{0,25}:`)

// shortFormOf says whether the words at pos stand in brackets straight after
// one of the spans read ("... for Headship (NPQH)").
func shortFormOf(text string, spans [][2]int, pos int) bool {
	for _, sp := range spans {
		if sp[1] <= pos && pos-sp[1] <= 4 && strings.TrimSpace(text[sp[1]:pos]) == "(" {
			return true
		}
	}
	return false
}

// within says whether start..end lies inside one of spans (the "MA" of
// "Master's degree (MA) in ...", read whole by the first table).
func within(spans [][2]int, start, end int) bool {
	for _, sp := range spans {
		if sp[0] <= start && end <= sp[1] {
			return true
		}
	}
	return false
}

// overlaps says whether start..end overlaps one of spans.
func overlaps(spans [][2]int, start, end int) bool {
	for _, sp := range spans {
		if start < sp[1] && sp[0] < end {
			return true
		}
	}
	return false
}

// underSENCOItem says whether pos is on an item of a list nested under a line
// about the SENCO ("• Mrs A - Inclusion Lead (SENCo)" / "- NASENCO (2017)"):
// above its sibling items (the same marker and indent) stands the parent, a
// less indented item, an item with another marker (indents are lost when text
// is normalised) or a lead-in ending in a colon, and it speaks of the SENCO.
func (s *sencoStage) underSENCOItem(pos int) bool {
	text := s.text
	ls := strings.LastIndexByte(text[:pos], '\n') + 1
	m := itemMark.FindStringSubmatch(text[ls:pos])
	if m == nil {
		return false
	}
	indent, mark := m[1], m[2]
	for k := 0; k < 8 && ls > 1; k++ {
		p := strings.LastIndexByte(text[:ls-1], '\n') + 1
		line := text[p : ls-1]
		if strings.TrimSpace(line) == "" {
			return false
		}
		pm := itemMark.FindStringSubmatch(line)
		switch {
		case pm != nil && pm[1] == indent && pm[2] == mark:
			ls = p // a sibling
			continue
		case pm != nil && (len(pm[1]) < len(indent) || pm[2] != mark),
			pm == nil && (indent != "" || strings.HasSuffix(strings.TrimSpace(line), ":")):
			return s.x.aboutSENCO(line, s.names)
		}
		return false
	}
	return false
}

// itemMark: a list item's indent and marker.
var itemMark = regexp.MustCompile(`^([ \t]*)([-–—•*·▪◦])\s`)

// timeNotNow: what a mention of time must not be. "Working towards" marks a
// qualification, not time ("is working towards the award and is allocated 0.4
// FTE"), and "must" sentences still state time ("parents may contact her on the
// three days a week she works").
const timeNotNow = textstage.Negated | textstage.Former | textstage.Others

// timeBounds: the values each time field can take.
var timeBounds = map[string][2]float64{"senco.fte": {0, 1}, "senco.days_per_week": {0, 5}, "senco.hours_per_week": {0, 50}}

// sencoTime reads the SENCO's time for the role: days, hours or a fraction of
// full time. For each field the first wording that holds, in the table's order.
func (s *sencoStage) sencoTime() []Fact {
	text := s.text
	var out []Fact
	done := map[string]bool{}
	add := func(field string, m textstage.Mention, end int, v float64, conf float64) {
		if b := timeBounds[field]; done[field] || v <= b[0] || v > b[1] || m.Polarity&timeNotNow != 0 {
			return
		}
		// A row of a table of several schools' SENCOs gives that school's
		// SENCO's time, not the page's.
		if s.x.anotherSENCORow(text, m.Start, s.names) {
			return
		}
		// Time spent teaching is not time for the role.
		if lo := s.sentenceStart(m.Start); teachingTime.MatchString(text[lo:m.Start]) && !forTheRole.MatchString(text[m.End:]) {
			return
		}
		// "Monday to Friday mornings": part days are not days.
		if field == "senco.days_per_week" && s.x.partOfDay.MatchString(clauseAfter(text, m.End, 30)) {
			return
		}
		done[field] = true
		out = append(out, factAt(text, m.Start, end, field, "", &v, conf))
	}
	rules := func(key, field string) {
		for _, r := range s.x.rules.Rules(key) {
			for _, m := range s.find(r, s.who) {
				if done[field] {
					return
				}
				// "not full time", "part of a full-time teaching role".
				if key == "senco.fte.full" && partOfPost.MatchString(text[s.sentenceStart(m.Start):m.Start]) {
					continue
				}
				if v, ok := r.Eval(m.Groups, text, s.x.lex); ok {
					f, _ := strconv.ParseFloat(v, 64)
					add(field, m, m.End, f, r.Confidence)
				}
			}
		}
	}
	rules("senco.fte", "senco.fte")
	rules("senco.fte.full", "senco.fte")
	rules("senco.days_per_week", "senco.days_per_week")
	// Failing those wordings, a sentence about the SENCO's presence that names
	// weekdays ("Mrs A is here Mondays, plus Thursdays"): each day named counts.
	if !done["senco.days_per_week"] {
		seen := map[int]bool{}
	found:
		for _, m := range s.doc.Find(s.x.dayWord, s.ctx, 20, s.who) {
			sent := s.doc.Sentences[m.Sentence].Span
			if seen[sent.Start] {
				continue
			}
			seen[sent.Start] = true
			// A day's short form that is someone's name ("Ms Thu Trang Nguyen")
			// names no day.
			sentence := withoutNames(text[sent.Start:sent.End])
			if strings.TrimSpace(sentence[m.Start-sent.Start:m.End-sent.Start]) == "" {
				continue
			}
			// An answer naming days, under a question about presence ("When is
			// the SENCO in school?" / "Thursday and Friday").
			asked := false
			if m.Sentence > 0 {
				if q := s.doc.Sentences[m.Sentence-1].Span; strings.HasSuffix(strings.TrimSpace(text[q.Start:q.End]), "?") && sent.Start-q.End < 150 {
					asked = presence.MatchString(text[q.Start:q.End])
				}
			}
			if (asked || presence.MatchString(sentence)) && !s.x.partOfDay.MatchString(sentence) {
				if n := s.x.weekdaysNamed(sentence); n > 0 {
					add("senco.days_per_week", m, sent.End, float64(n), 0.5)
					break found
				}
			}
		}
	}
	// Failing those wordings, a fraction in a SENCO sentence about the post
	// ("Mrs A's SENCO contract is 0.6"), unless it counts days, hours or teaching.
	if !done["senco.fte"] {
		for _, m := range s.doc.Find(bareFraction, s.ctx, 100, s.who) {
			sent := s.doc.Sentences[m.Sentence].Span
			if !postWords.MatchString(text[sent.Start:sent.End]) || teachingTime.MatchString(text[max(sent.Start, m.Start-30):m.Start]) ||
				unitAfter.MatchString(text[m.End:min(len(text), m.End+12)]) {
				continue
			}
			if v, err := strconv.ParseFloat(text[m.Groups[2]:m.Groups[3]], 64); err == nil && v > 0 && v < 1 {
				add("senco.fte", m, m.End, v, 0.5)
				break
			}
		}
	}
	rules("senco.hours_per_week", "senco.hours_per_week")
	return out
}

// withoutNames is s with the people it names blanked out, offsets kept.
func withoutNames(s string) string {
	ps := persons(s)
	if len(ps) == 0 {
		return s
	}
	b := []byte(s)
	for _, p := range ps {
		for i := p.loc[0]; i < p.loc[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// partOfPost: "part of a full-time teaching role" is not the SENCO's whole post.
var partOfPost = regexp.MustCompile(`(?i)\bpart\s+of\s+(?:a|her|his|their)\s+$`)

// weekdaysNamed counts the school days a sentence names, a range ("Monday to
// Wednesday") counting each day in it.
func (x *Extractor) weekdaysNamed(s string) int {
	days := map[string]bool{}
	for _, m := range dayRun.FindAllStringSubmatch(s, -1) {
		a, _ := x.lex.Value("weekday", m[1][:3])
		b, _ := x.lex.Value("weekday", m[2][:3])
		ai, _ := strconv.Atoi(a)
		bi, _ := strconv.Atoi(b)
		for d := ai; d <= bi; d++ {
			days[strconv.Itoa(d)] = true
		}
	}
	for _, w := range x.dayWord.FindAllString(s, -1) {
		if d, ok := x.lex.Value("weekday", strings.TrimSuffix(strings.TrimSuffix(w, "s"), "S")); ok {
			days[d] = true
		}
	}
	return len(days)
}
