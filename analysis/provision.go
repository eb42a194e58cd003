package analysis

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sendscope/sendscope/analysis/classify"
	"github.com/sendscope/sendscope/analysis/textstage"
)

// Specialist provision: a resourced provision, SEN unit, resource base or
// nurture group, for which need, with how many places. Its wordings are the rule
// table rules/provision.tsv (kinds, the need a provision's name or description
// gives, places, the sentences that speak of it after); the text is read
// through the text stages, and what a mention's clause says of it (not, no
// longer, plans to, proposed, closed, at other academies) comes from
// textstage.Polarity. A school saying it has no unit, or plans one, has none
// now; an LA page proposing one is recorded, as that is what the page is about.

// provCand is one mention of a provision, with what its sentence and
// description give.
type provCand struct {
	pos, end   int
	kind, need string
	needEnd    int  // where the need is named (its end), 0 when not named
	needOwn    bool // the need is named in the mention's own sentence
	rule       int  // the kind rule's index: at one place an earlier rule wins
	sentence   int
	stated     bool           // its kind is what its sentence says it is ("X, a resourced provision")
	span       textstage.Span // the part of its sentence that speaks of it: all of it, or its clauses when the sentence names another provision too
}

// provMention is a mention of a kind, by the kind rule's index.
type provMention struct {
	textstage.Mention
	rule int
}

// notCurrentProvision: the marks that make a mention no provision of the
// school's now (a plan, a proposal, a closure, another academy's).
const notCurrentProvision = textstage.Negated | textstage.Former | textstage.Planned | textstage.Elsewhere | textstage.Others

// provisionStage is one document's text as the provision rules read it.
type provisionStage struct {
	x     *Extractor
	text  string
	pg    *page // the text as finders search it
	lower string
	doc   *textstage.Doc
	named map[int]string // the kind each sentence names, by sentence
	whose *textstage.Subject
}

// find lists a rule's matches in the text, with their polarity.
func (s *provisionStage) find(r textstage.Rule) []textstage.Mention {
	g, ok := s.x.gates[r.Regexp()]
	if ok && !g.mayMatch(s.text, s.lower) {
		return nil
	}
	if !ok || g.find == nil {
		return s.doc.Find(r.Regexp(), nil, 300, s.whose)
	}
	// The matches, found in windows (scan.go) as Find would.
	return s.doc.Mentions(s.pg.all(g.find, 300, true), s.whose)
}

// namedSchool: a school named by its own words ("Ashgrove Academy",
// "Brookside Primary").
var namedSchool = regexp.MustCompile(`(?:\b[A-Z][\w'’.-]*\s+){1,4}(?:School|Academy|Primary|College)\b`)

// whoseProvision is whose a provision is, as the text stage reads it: a
// school named just before it ("a place at Ashgrove Academy's language unit")
// that is not the school the page is headed with makes it another's. A page
// whose head names no school (a trust's, a council's list) has no other.
func whoseProvision(text string) *textstage.Subject {
	// The page's head: its lines before the first that ends a sentence.
	head := text[:min(len(text), 400)]
	if i := paragraphEnd.FindStringIndex(head); i != nil {
		head = head[:i[0]]
	}
	var own []string
	for _, m := range namedSchool.FindAllString(head, 5) {
		if f := strings.Fields(m); len(f) > 1 && !classify.KindOfSchool(f[0]) {
			own = append(own, f[0])
		}
	}
	if len(own) == 0 {
		return nil
	}
	return &textstage.Subject{Person: namedSchool, Self: ourWords, Is: func(name string) bool {
		f := strings.Fields(name)
		for _, o := range own {
			if len(f) > 0 && f[0] == o {
				return true
			}
		}
		return len(f) > 1 && classify.KindOfSchool(f[0])
	}}
}

// paragraphEnd: a line that ends a sentence (the page's first paragraph).
var paragraphEnd = regexp.MustCompile(`(?m)^[^\n]*[.!?]\s*$`)

// ourWords: the school speaking of its own provision after naming another
// ("Brookside Primary runs one, and our unit ...").
var ourWords = regexp.MustCompile(`(?i)\b(?:our|we|us)\b`)

// abbreviation: "Enhanced Resource Provision (ERP)" names the provision ERP.
var abbreviation = regexp.MustCompile(`^\s*\(([A-Z]{2,6})\)`)

// notAnAlias: brackets that gloss a provision's words, not name it ("a
// specialist unit (SEND)"): the SEN terms, and the needs, plans and posts
// every report names.
var notAnAlias = lexRegexp(`^(?:{sen}|EHCP?|LA|SENCO|SENDCO|ASD|ASC|SEMH|SLCN|HI|VI|MLD|SLD|PMLD|PD|MSI|ADHD)$`)

// provisionsOn reads the specialist provision a document (its page) describes.
// proposed says whether proposals count (an LA page about a proposal).
func (x *Extractor) provisionsOn(pg *page, proposed bool) []Fact {
	text := pg.text
	kinds := x.rules.Rules("provision.kind")
	s := &provisionStage{x: x, text: text, pg: pg, lower: strings.ToLower(text)}
	var mentions [][]textstage.Mention
	mayMatch := false
	for _, r := range kinds {
		g, ok := x.gates[r.Regexp()]
		mayMatch = mayMatch || !ok || g.mayMatch(text, s.lower)
	}
	if !mayMatch {
		return nil
	}
	s.doc = textstage.Read(text, x.lex)
	s.whose = whoseProvision(text)
	for _, r := range kinds {
		mentions = append(mentions, s.find(r))
	}
	// A provision's abbreviation, given in brackets after its name, is that
	// provision wherever it stands ("the Leeds North ERP for autistic students").
	for ri := range kinds {
		for _, m := range mentions[ri] {
			if a := abbreviation.FindStringSubmatch(text[m.End:min(len(text), m.End+12)]); a != nil && !notAnAlias.MatchString(a[1]) {
				re := regexp.MustCompile(`\b` + a[1] + `\b`)
				for _, o := range s.doc.Find(re, nil, 100, nil) {
					if o.Start != m.End+strings.Index(text[m.End:], a[1]) {
						mentions[ri] = append(mentions[ri], o)
					}
				}
			}
		}
	}
	notNow := notCurrentProvision
	if proposed {
		notNow &^= textstage.Planned
	}
	titles := x.rules.Rules("provision.title")
	// Every mention, then the leftmost in each sentence: one sentence names one
	// provision however many names it gives it ("Resource Base/Enhanced
	// Provision"), and the kind it states the name is ("the Hearing Support
	// Centre, a resourced provision") is its kind; a mention of another kind
	// in a later clause is another provision ("the Arches, a resourced
	// provision for autism, and the Studio, a specialist class for ..."). A
	// mention marked as no provision now, or a post's title, leaves the
	// sentence to the next.
	bySentence := map[int][]provMention{}
	for ri, ms := range mentions {
		for _, m := range ms {
			if m.Polarity&notNow != 0 || m.Sentence < 0 {
				continue
			}
			post := false
			for _, r := range titles {
				post = post || r.Regexp().MatchString(text[m.End:min(len(text), m.End+40)])
			}
			if !post {
				bySentence[m.Sentence] = append(bySentence[m.Sentence], provMention{m, ri})
			}
		}
	}
	var cands []provCand
	s.named = map[int]string{}
	for si, ms := range bySentence {
		sent := s.doc.Sentences[si]
		found := s.inSentence(si, ms)
		for i := range found {
			c := &found[i]
			c.span = textstage.Span{Start: sent.Start, End: sent.End}
			if i > 0 {
				cl, _ := s.doc.ClauseAt(c.pos)
				c.span.Start = cl.Start
			}
			if i+1 < len(found) {
				cl, _ := s.doc.ClauseAt(found[i+1].pos)
				c.span.End = cl.Start
			}
		}
		s.named[si] = found[0].kind
		cands = append(cands, found...)
	}
	for i := range cands {
		c := &cands[i]
		c.need, c.needEnd, c.needOwn = s.need(*c)
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].pos < cands[j].pos })
	// One provision per need: later mentions under another name are the same one;
	// a mention that names no need adds nothing when its kind is known with one,
	// and a need read only from the sentences after a mention ("a new pathway
	// for pupils with ASC") makes no second provision of a kind whose need a
	// sentence naming it states.
	kindHasNeed, ownNeeds, needSeen, seen := map[string]bool{}, map[string]map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range cands {
		if c.need != "" {
			kindHasNeed[c.kind] = true
		}
		if c.needOwn {
			if ownNeeds[c.kind] == nil {
				ownNeeds[c.kind] = map[string]bool{}
			}
			ownNeeds[c.kind][c.need] = true
		}
	}
	// The kind a sentence says a provision is wins over the kind its name
	// alone suggests ("Hearing Support Centre" as a heading, then "the
	// Hearing Support Centre, a resourced provision with 12 places").
	statedKind := map[string]string{}
	for _, c := range cands {
		if c.stated && c.need != "" {
			statedKind[c.need] = c.kind
		}
	}
	var out []Fact
	for _, c := range cands {
		if k := statedKind[c.need]; c.need != "" && k != "" && k != c.kind {
			continue
		}
		if c.need == "" && kindHasNeed[c.kind] || c.need != "" && needSeen[c.need] || !c.needOwn && len(ownNeeds[c.kind]) > 0 && !ownNeeds[c.kind][c.need] {
			continue
		}
		value := c.kind + ":" + c.need
		if seen[value] {
			continue
		}
		// A need read from the sentences after a mention is better shown by a
		// mention whose own sentence states it.
		if c.need != "" && !c.needOwn {
			for _, o := range cands {
				if o.kind == c.kind && o.need == c.need && o.needOwn {
					c = o
					break
				}
			}
		}
		seen[value], needSeen[c.need] = true, c.need != ""
		places, placesAt := s.places(c)
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
				if places, placesAt = s.places(o); places != nil {
					from = o
					if o.need == c.need {
						at = o
					}
				}
			}
		}
		lo, hi := at.pos, at.end
		if at.needEnd-lo <= maxEvidence {
			hi = max(hi, at.needEnd) // the evidence shows the need, when near
		}
		if places != nil && from == at {
			// The evidence runs on to the places when a sentence after gives
			// them, or is the places' sentence when that is far from the name.
			if placesAt.End-lo > maxEvidence {
				lo = s.doc.Sentences[s.doc.SentenceAt(placesAt.Start)].Start
			}
			hi = max(hi, placesAt.End)
		}
		out = append(out, factAt(text, lo, hi, "provision.specialist", value, places, 0.7))
	}
	return out
}

// inSentence reads the provisions one sentence names from its mentions: the
// leftmost (an earlier rule wins at one place), of the kind the words after it
// say it is, and one more for each later clause naming another kind.
func (s *provisionStage) inSentence(si int, ms []provMention) []provCand {
	sort.Slice(ms, func(i, j int) bool {
		return ms[i].Start < ms[j].Start || ms[i].Start == ms[j].Start && ms[i].rule < ms[j].rule
	})
	// Mentions that overlap one before them are the same words.
	kept := ms[:0:0]
	for _, m := range ms {
		if n := len(kept); n > 0 && m.Start < kept[n-1].End {
			continue
		}
		kept = append(kept, m)
	}
	kinds := s.x.rules.Rules("provision.kind")
	appos := s.x.rules.Rules("provision.apposition")
	var out []provCand
	lastClause := -1
	for i := 0; i < len(kept); i++ {
		m := kept[i]
		cl, _ := s.doc.ClauseAt(m.Start)
		if len(out) > 0 && (cl.Start == lastClause || kinds[m.rule].Value == out[len(out)-1].kind) {
			continue
		}
		c := provCand{pos: m.Start, end: m.End, kind: kinds[m.rule].Value, rule: m.rule, sentence: si}
		for i+1 < len(kept) {
			between := s.text[c.end:kept[i+1].Start]
			said := false
			for _, r := range appos {
				said = said || r.Regexp().MatchString(between)
			}
			if !said {
				break
			}
			i++
			c.kind, c.end, c.stated = kinds[kept[i].rule].Value, kept[i].End, true
		}
		lastClause = cl.Start
		out = append(out, c)
	}
	return out
}

// description is the sentences that speak of the provision a mention names: its
// own, then up to three after it, in its block or the next, that refer back to
// it ("It has 12 places", "The unit ..."); under a heading or a question naming
// it, the blocks of its section (to the next heading, six blocks at most).
func (s *provisionStage) description(c provCand) []textstage.Span {
	d := s.doc
	out := []textstage.Span{c.span}
	bi := d.Sentences[c.sentence].Block
	if s.sectionHead(bi) {
		for k := c.sentence + 1; k < len(d.Sentences) && d.Sentences[k].Block <= bi+6 && d.Sentences[k].Start-d.Sentences[c.sentence].End < 1200; k++ {
			if b := d.Sentences[k].Block; b != bi && s.sectionHead(b) {
				break
			}
			out = append(out, d.Sentences[k].Span)
		}
		return out
	}
	refers := s.x.rules.Rules("provision.refers_back")
	for k := c.sentence + 1; k < len(d.Sentences) && k <= c.sentence+3; k++ {
		if b := d.Sentences[k].Block; b != d.Sentences[k-1].Block && (b > d.Sentences[k-1].Block+1 || s.sectionHead(b)) {
			break // the next paragraph goes on about it ("The unit takes ..."); a heading does not
		}
		sp := d.Sentences[k].Span
		ok := s.named[k] == c.kind // it names the provision again ("The SRB has 8 places")
		for _, r := range refers {
			ok = ok || r.Regexp().MatchString(s.text[sp.Start:sp.End])
		}
		if !ok {
			break
		}
		out = append(out, sp)
	}
	return out
}

// sectionHead says whether a block heads what follows it: a heading, a
// numbered title ("4. Enhanced Resource Provision (ERP)") or a question ("Q.
// What is the Deaf Resource Base?").
func (s *provisionStage) sectionHead(bi int) bool {
	b := s.doc.Blocks[bi]
	line := strings.TrimSpace(s.text[b.Start:b.End])
	switch {
	case b.Kind == textstage.Heading:
		return true
	case strings.HasSuffix(line, "?") && len(line) < 120 && !strings.Contains(line, ". "):
		return true
	case strings.HasSuffix(line, "?") && len(line) < 120 && questionMark.MatchString(line):
		return true
	case b.Kind == textstage.ListItem && numberedTitle.MatchString(line):
		return true
	}
	return false
}

var (
	numberedTitle = regexp.MustCompile(`^\d{1,2}[.)]\s+[A-Z][^.!?:;]{0,70}$`)
	questionMark  = regexp.MustCompile(`^(?:Q\d*[.:)]|Question\s*\d*[.:])\s`)
)

// need finds the need a provision serves: the need type named nearest its
// mention in its sentence, else the broad area nearest it ("Communication and
// Interaction (Autism)" is for autism); else the first need type, then area,
// of the sentences that go on to describe it.
func (s *provisionStage) need(c provCand) (code string, end int, own bool) {
	x := s.x
	desc := s.description(c)
	types := func(sp textstage.Span) []needAt {
		var out []needAt
		seg := s.text[sp.Start:sp.End]
		for _, t := range x.needTypes {
			for _, loc := range t.Pattern.FindAllStringIndex(seg, -1) {
				out = append(out, needAt{sp.Start + loc[0], sp.Start + loc[1], t.Value})
			}
		}
		for _, r := range x.rules.Rules("provision.need") {
			for _, loc := range r.Regexp().FindAllStringIndex(seg, -1) {
				out = append(out, needAt{sp.Start + loc[0], sp.Start + loc[1], r.Value})
			}
		}
		return out
	}
	areas := func(sp textstage.Span) []needAt {
		var out []needAt
		seg := s.text[sp.Start:sp.End]
		for _, t := range x.needAreas {
			code := areaProvisionCode[t.Value]
			if code == "" {
				continue
			}
			for _, loc := range t.Pattern.FindAllStringIndex(seg, -1) {
				out = append(out, needAt{sp.Start + loc[0], sp.Start + loc[1], code})
			}
		}
		return out
	}
	for _, find := range []func(textstage.Span) []needAt{types, areas} {
		if best := nearestNeed(find(desc[0]), c.pos); best.code != "" {
			return best.code, best.end, true
		}
	}
	for _, find := range []func(textstage.Span) []needAt{types, areas} {
		for _, sp := range desc[1:] {
			if best := nearestNeed(find(sp), sp.Start); best.code != "" {
				return best.code, best.end, false
			}
		}
	}
	// Failing those, words for the pupils' emotional and mental health.
	for k, sp := range desc {
		var ns []needAt
		seg := s.text[sp.Start:sp.End]
		for _, r := range x.rules.Rules("provision.need.weak") {
			for _, loc := range r.Regexp().FindAllStringIndex(seg, -1) {
				ns = append(ns, needAt{sp.Start + loc[0], sp.Start + loc[1], r.Value})
			}
		}
		if best := nearestNeed(ns, c.pos); best.code != "" {
			return best.code, best.end, k == 0
		}
	}
	return "", 0, false
}

// needAt is a need named at a place in the text.
type needAt struct {
	pos, end int
	code     string
}

// nearestNeed is the need named nearest pos (no code for none); the earlier
// rule on a tie.
func nearestNeed(ns []needAt, pos int) needAt {
	best, bestD := needAt{}, 1<<30
	for _, n := range ns {
		if d := abs(n.pos - pos); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// places reads a provision's places from its description: the first given.
func (s *provisionStage) places(c provCand) (*float64, textstage.Span) {
	for _, sp := range s.description(c) {
		var best []int
		for _, r := range s.x.rules.Rules("provision.places") {
			if m := r.Regexp().FindStringSubmatchIndex(s.text[sp.Start:sp.End]); m != nil && (best == nil || m[0] < best[0]) {
				best = m
			}
		}
		if best == nil {
			continue
		}
		// The pattern's alternatives each hold one group: the one that matched.
		for g := 1; 2*g+1 < len(best); g++ {
			if best[2*g] < 0 {
				continue
			}
			n := s.x.lex.Number(s.text[sp.Start+best[2*g] : sp.Start+best[2*g+1]])
			if n > 0 {
				return &n, textstage.Span{Start: sp.Start + best[0], End: sp.Start + best[1]}
			}
		}
	}
	return nil, textstage.Span{}
}

// areaProvisionCode maps a broad area of need to the code a provision for it
// is recorded with (vocab/need_area_codes.tsv): the one table between the two.
var areaProvisionCode = func() map[string]string {
	b, err := vocabFiles.ReadFile("vocab/need_area_codes.tsv")
	if err != nil {
		panic(err)
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		area, code, ok := strings.Cut(line, "\t")
		if !ok {
			panic("vocab/need_area_codes.tsv: expected area<TAB>code: " + line)
		}
		if code = strings.TrimSpace(code); code != "-" {
			out[area] = code
		}
	}
	return out
}()

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
		lexRegexp(`(?i)\b` + count + `\s+` + pupils + `\s+(?:are\s+)?(?:with|have|having)\s+(?:an?\s+)?(?:identified\s+)?(?:{sen})\b`),
		lexRegexp(`(?i)\b(?:{sen})(?:\s*\(SEND?\))?\s+support\s*[-:=]\s*` + count + `\b`),
		lexRegexp(`(?i)\b` + count + `\s+(?:` + pupils + `\s*)?(?:\([^)]{0,12}\)\s*)?(?:are\s+|were\s+)?on\s+(?:the|our)\s+(?:{sen})\s+register\b`),
		// "46 of them (14.7%) are identified as having special educational needs"
		lexRegexp(`(?i)\b` + count + `\s+of\s+(?:them|these)\s*(?:\([^)]{0,12}\)\s*)?(?:are|were|have|had|receive|get)\s+(?:identified\s+(?:as\s+having|with)\s+|receiving\s+|on\s+(?:the|our)\s+)?(?:{sen})\b`),
		// "Pupils with SEN support: 29"
		lexRegexp(`(?i)\b` + pupils + `\s+(?:with|receiving|on|at)\s+(?:{sen})\s+support\s*[-:=]\s*` + count + `\b`),
		// "Pupils with SEN: 31", "Number of children on our SEN register: 27"
		lexRegexp(`(?i)\b` + pupils + `\s+on\s+(?:our|the)\s+(?:{sen})\s+register\s*[-:=]\s*` + count + `\b`),
		// "of whom 198 (13.1%) receive SEN support", "of whom 9 are on our SEND register"
		lexRegexp(`(?i)\bof\s+whom\s+` + count + `\s*(?:\([^)]{0,12}\)\s*)?(?:receive|are\s+receiving|get|are\s+on|have|has)\s+(?:(?:our|the)\s+)?(?:{sen})\b`),
		// "Of our 402 pupils, 61 receive SEN support"
		lexRegexp(`(?i)` + pupils + `\s*,\s*` + count + `\s+(?:(?:receive|are\s+receiving|get|are\s+on)\s+(?:{sen})\s+support|are\s+on\s+(?:the|our)\s+(?:{sen})\s+register)\b`),
		// "164 had SEN support"
		lexRegexp(`(?i)\b` + count + `\s+(?:` + pupils + `\s*)?(?:\([^)]{0,12}\)\s*)?(?:had|have|has|receive|receives|received|get|got)\s+(?:{sen})\s+support\b`),
		// "23 pupils receiving SEN Support", "47 pupils (16%) were receiving SEN support"
		lexRegexp(`(?i)\b` + count + `\s+(?:` + pupils + `\s+)?(?:\([^)]{0,12}\)\s*)?(?:are\s+|were\s+)?(?:currently\s+)?(?:receiving|at|on|getting)\s+(?:{sen})\s+support\b`),
		// "on the SEN register 33 (15.9%);": a label and its figure, in a list
		lexRegexp(`(?im)\bon\s+(?:the|our)\s+(?:{sen})\s+register\s*[-:=]?\s*(\d{1,3})\s*(?:\(|;|,|\.|$)`),
		// "Our SEND register currently has 38 children"
		lexRegexp(`(?i)\b(?:{sen})\s+register\s+(?:currently\s+|now\s+)?(?:has|holds|includes|lists|contains|numbers)\s+` + count + `\s+` + pupils + `\b`),
		lexRegexp(`(?i)\b` + pupils + `\s+with\s+(?:{sen})\s*[-:=]\s*` + count + `\b`),
		// "57 of our 342 pupils (16.7%) were receiving SEN support or had an EHCP",
		// "42 out of 310 pupils (13.5%) are on our SEN register"
		lexRegexp(`(?i)\b` + count + `\s+(?:out\s+)?of\s+(?:our\s+|the\s+)?\d[\d,]*\s+` + pupils + `\s*(?:\([^)]{0,12}\)\s*)?(?:were|are|have|had)\s+(?:receiving\s+|on\s+|identified\s+(?:as\s+having|with)\s+)?(?:the\s+|our\s+)?(?:{sen})\b`),
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
	senPercentLabel = lexRegexp(`(?i)\b(?:(?:percentage|proportion|share)\s+of\s+(?:our\s+|the\s+)?)?` + pupils + `\s+(?:with|on\s+(?:the|our)|receiving|who\s+(?:have|receive))\s+(?:an?\s+)?(?:identified\s+)?(?:{sen})(?:\s+support|\s+register)?\s*(?:[:=-]|is|was|stands\s+at)?\s*(?:about\s+|around\s+)?(\d{1,2}(?:\.\d+)?)` + percent)
	// "Total on register: 146 (13.2%)"
	senPercentRegister = lexRegexp(`(?i)\bon\s+(?:the\s+)?(?:(?:{sen})\s+)?register\s*[:=-]\s*\d[\d,]*\s*\(\s*(\d{1,2}(?:\.\d+)?)` + percent + `\s*\)`)
	// "one in six of our pupils (16%) has special educational needs"
	senPercentAside = lexRegexp(`(?i)` + pupils + `\s*\(\s*(\d{1,2}(?:\.\d+)?)` + percent + `\s*\)\s*(?:has|have|had|is|are|was|were)\s+(?:on\s+(?:the|our)\s+|identified\s+(?:as\s+having|with)\s+|receiving\s+)?(?:{sen})\b`)
	// "All pupils have an EHC plan", "Every pupil has an EHCP": as many as are on roll.
	allHaveEHCP = regexp.MustCompile(`(?i)(?:\ball\s+(?:of\s+)?(?:our\s+|the\s+)?` + pupils + `\s+(?:have|hold)|\bevery\s+(?:pupil|child|student|learner)\s+(?:has|holds))\s+(?:an?\s+)?(?:EHC\s*Ps?\b|EHC\s+plans?|education,?\s+health\s+(?:and|&)\s+care\s+plans?)`)
	// "Around a fifth of our pupils (21%) ... are on our SEND register": its
	// sentence must speak of SEN (see stats).
	pupilsShare = regexp.MustCompile(`(?i)\b` + pupils + `\s*\(\s*(\d{1,2}(?:\.\d+)?)` + percent + `\s*\)`)
	// "15% have special educational needs"
	senPercentVerb = lexRegexp(`(?i)\b(\d{1,2}(?:\.\d+)?)` + percent + `\s+(?:of\s+(?:them|pupils|children|students)\s+)?(?:have|has|are\s+on\s+(?:the|our)\s+(?:{sen})\s+register|receive|are\s+receiving|get)\s+(?:{sen})\b`)
	senPercentRe   = regexp.MustCompile(`(?i)\b(\d{1,2}(?:\.\d+)?)` + percent + `\s*(?:of\s+(?:the\s+|our\s+)?(?:school\s+population|pupils|children|students|learners|the\s+school|our\s+school|school))`)
	notOurs        = regexp.MustCompile(`(?i)\b(?:national(?:ly)?|average|england|local\s+authority|LA\s+average)\b[^.%]{0,40}$`)
	senMention     = lexRegexp(`(?i)\b(?:{sen})\b`)
	ehcMention     = regexp.MustCompile(`(?i)\bEHC|education,?\s+health\s+(?:and|&)\s+care|statement`)
)

// stats reads the pupil numbers a report gives: on roll, with SEN, with EHC
// plans, and the share with SEN. National and local averages are not the school's.
func (x *Extractor) stats(p *page) (out, dated []Fact) {
	text := p.text
	spans := map[string][]int{}    // byte span of each count found
	values := map[string]float64{} // and its value
	first := func(field string, res []*regexp.Regexp) {
		for _, re := range res {
			for _, m := range p.all(finderOf(re), -1, true) {
				if someoneElses(text[max(0, m[0]-60):m[0]]) || x.aboutAProvision(text, m[0], m[1]) || yearGroup(text, m) {
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
				if earlier(text[max(sentenceStart(text, m[0]), m[0]-160):m[0]]) {
					dated = append(dated, factAt(text, m[0], m[1], field, "", &n, 0.7))
					continue // last year's, read only if the document gives no other
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
		if m := p.first(finderOf(allHaveEHCP)); m != nil {
			out = append(out, factAt(text, m[0], m[1], "stats.ehcp_count", "", &n, 0.6))
		}
	}
	var shares [][]int
	// Last, a bare "of our pupils (21%)" in a sentence about SEN.
	for _, re := range shareRes {
		shares = append(shares, p.all(finderOf(re), -1, true)...)
	}
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
		if earlier(text[max(lo, m[0]-160):m[0]]) {
			dated = append(dated, factAt(text, m[0], m[1], "stats.sen_percent", "", &n, 0.7))
			continue
		}
		out = append(out, factAt(text, m[0], m[1], "stats.sen_percent", "", &n, 0.7))
		break
	}
	return out, dated
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
	return notOurs.MatchString(before) && !thanAverage.MatchString(before) || elsewhere(before)
}

var thanAverage = regexp.MustCompile(`(?i)\bthan[-\s]average\b[^.%]{0,40}$`)

// shareRes are the wordings of a share of pupils with SEN, in the order tried.
var shareRes = []*regexp.Regexp{senPercentLabel, senPercentRe, senPercentVerb, senPercentAside, senPercentRegister, pupilsShare}

// goFinders hold, for each wording written in Go above, its finder (scan.go):
// worked out once, at start-up, not per document.
var goFinders = map[*regexp.Regexp]*finder{}

func init() {
	for _, res := range [][]*regexp.Regexp{onRollRe, senCountRe, ehcpRe, shareRes, {allHaveEHCP}} {
		for _, re := range res {
			goFinders[re] = newFinder(re)
		}
	}
}

// finderOf is the finder of a wording written in Go; one of another package
// (classify's) gets its own when first asked for, kept for every document.
func finderOf(re *regexp.Regexp) *finder {
	if f, ok := goFinders[re]; ok {
		return f
	}
	if f, ok := moreFinders.Load(re); ok {
		return f.(*finder)
	}
	f, _ := moreFinders.LoadOrStore(re, newFinder(re))
	return f.(*finder)
}

// moreFinders: the finders finderOf made, by pattern.
var moreFinders sync.Map

// aboutAProvision says whether a count stands in a sentence about a specialist
// provision ("The base supports 24 students with an EHCP"): the provision's
// pupils, not the school's.
func (x *Extractor) aboutAProvision(text string, from, to int) bool {
	lo, hi := sentenceAround(text, from, to)
	for _, r := range x.rules.Rules("provision.kind") {
		if r.Regexp().MatchString(text[lo:hi]) {
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
