package analysis

import (
	"regexp"
	"sort"
	"strings"

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
