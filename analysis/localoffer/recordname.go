package localoffer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// A record's name is chosen, not found: every line or phrase that may name
// the service (the reading of its heading, the other headings, the trail's
// last step, the site's banner, a "Service name:" field, the subject of the
// description's sentences, a service the text calls its own) is a candidate,
// and each is scored by what the page's text does with it. A name the text
// makes its subject ("X is a weekly club", "X gives ..."), repeats, or calls
// its own ("Our X meets ...") is the service's; a section's label ("What we
// do"), the site's furniture (menus, trails, help lines), the council or the
// platform, and the organisation that runs it are not, unless nothing else
// is spoken of. Each way of writing a name is one candidate, so a wording
// the rules never saw still scores by the same evidence.

// nameTrace, when set (by a test), is told every candidate and its score.
var nameTrace func(nameCand)

// nameCand is one candidate for a record's name.
type nameCand struct {
	name    string
	prior   int      // where it stands: the heading's reading, a field, a heading, the banner
	sources []string // where it was found (for the debug listing)
	score   int
	why     []string
}

var (
	// A field that names the record: "Service name: X", "Name of service: X".
	nameField = regexp.MustCompile(`(?i)^(?:(?:service|activity|club|group|project|course|provision)\s+(?:name|title)|name of (?:the )?(?:service|activity|club|group|project|course|provision))\s*:\s*(.{3,120})$`)
	// A heading that greets or introduces: "Welcome to Little Acorns", "About
	// Stepping Forward", "Introducing the Moving On Club".
	greeting = regexp.MustCompile(`^(?i:welcome to|about|introducing|all about)\s+(?:(?i:the)\s+)?([A-Z0-9].{1,100})$`)
	// A sentence's subject and its verb: a name in capitals (a short form in
	// brackets after it) followed by a word in lower case.
	subjectVerb = regexp.MustCompile(`^(?:(?:The|Our|At) )?((?:[A-Z0-9][\w'’&.-]*,?\s+(?:(?:and|&|of|for|the|in|on|at|with|a)\s+)*){0,9}[A-Z0-9][\w'’&.-]*)(\s+\(([^()]{2,40})\))?,?\s+([a-z][\w'’-]*)`)
	// Verbs that define a subject: "is a ...", "gives", "runs".
	defineVerb = regexp.MustCompile(`^(?:is|are|was|gives|give|offers|offer|provides|provide|runs|supports|works|helps|delivers|visits|pairs|brings|trains|teaches|coaches|meets|matches|welcomes|aims|organises|exists|began|started|opened)$`)
	// Small words a short form skips: "Child and Adolescent ..." is CA...
	acronymSkip = map[string]bool{"and": true, "&": true, "of": true, "for": true, "the": true, "in": true, "on": true, "with": true, "to": true, "a": true}
	// An organisation said to be one: "X is a registered charity", "X CIC,
	// company number ...", "© X 2026".
	orgSaid = regexp.MustCompile(`(?i)^\W*(?:is|are)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?(?:charity|charities|organisation|organization|company|social enterprise|community interest company|cic|cio|trust|partnership|association|society)\b|^\W*(?:cic|cio|ltd|limited|plc)\b|^,?\s*(?:a\s+)?(?:registered\s+)?(?:charity|company)\b`)
	// A service the text calls its own, a common noun or two after its name
	// saying what it is: "Our Moonlight Disco evening is a monthly disco",
	// "Our Tuesday Splash group meets".
	ownNamed = regexp.MustCompile(`\b[Oo]ur ((?:[A-Z][\w'’&-]*\s+){0,5}[A-Z][\w'’&-]*)((?:\s+[a-z][\w-]*){0,2}?)\s+(?:is|are|has|[a-z]{2,}[^s\W]s)\b`)
	// A greeting that names nothing: "Hello and welcome!", "Welcome".
	greetingOnly  = regexp.MustCompile(`(?i)^(?:hello|hi|welcome)(?:\s+(?:and welcome|there|everyone|all))?(?:\s+to our (?:website|site|page))?\W*$`)
	copyrightLine = regexp.MustCompile(`^(?:©|\(c\)|copyright)\s*`)
)

// recordName picks a service record's name among every candidate the page
// offers, by the evidence of its text (see above). reading is the name the
// heading rules gave, title the page's heading as first read.
func recordName(reading, title, text string) string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "URL:") {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return reading
	}
	// The page's own words end where it turns to other pages.
	at := headingAt(lines, title)
	end := len(lines)
	for i := at + 1; i < len(lines); i++ {
		if relatedHeading.MatchString(lines[i]) {
			end = i
			break
		}
	}
	// The first paragraph: headings above it stand at the top of the content.
	firstPara := end
	for i, l := range lines[:end] {
		if openingLine(l) && i > at {
			firstPara = i
			break
		}
	}

	cands := map[string]*nameCand{}
	var order []string
	add := func(name string, prior int, from string) *nameCand {
		name = strings.TrimSpace(strings.Trim(strings.TrimSpace(name), ":–—-|"))
		if name == "" || len(name) > 150 {
			return nil
		}
		k := strings.ToLower(coreName(name))
		c := cands[k]
		if c == nil {
			c = &nameCand{name: name, prior: prior}
			cands[k] = c
			order = append(order, k)
		} else if prior > c.prior {
			c.prior = prior
		}
		c.sources = append(c.sources, from)
		return c
	}
	add(reading, 3, "reading")
	if title != reading {
		add(title, 2, "title")
	}
	// The site's banner: lines above its first menu or trail.
	banner := map[string]bool{}
	for i, l := range lines[:min(len(lines), 8)] {
		if chromeLine.MatchString(l) || strings.Contains(strings.ToLower(l), "cookie") {
			continue // "Skip to main content" stands above the banner
		}
		if navLine(l) || trailLine(l) || i >= at && at >= 0 {
			break
		}
		if headingLike(l) && !paragraphLine(l) {
			banner[strings.ToLower(l)] = true
			add(l, 0, "banner")
		}
	}
	// A page of the service's own site headed by one of its sections ("What
	// we do") is named by the site's banner.
	if sectionHeading.MatchString(reading) {
		if b := ownSiteBanner(text, title); b != "" {
			add(b, 1, "banner")
		}
	}
	// The site's names: its banner, and a council's or directory's name
	// anywhere above the heading (a platform's banner may stand above it).
	sites := map[string]bool{}
	for b := range banner {
		sites[b] = true
	}
	for i, l := range lines[:max(0, at)] {
		// A council's or directory's name, or any name straight above a
		// menu (a site's banner under a platform's).
		if headingLike(l) && !navLine(l) && !trailLine(l) && (siteName.MatchString(l) || councilOrSite.MatchString(l) || i+1 < len(lines) && navLine(lines[i+1])) {
			sites[strings.ToLower(l)] = true
		}
	}
	// Headings: those stacked at the top of the content, and the page's
	// sub-headings (a charity's page may head its club further down).
	for i, l := range lines[:end] {
		if !headingLike(l) || paragraphLine(l) || strings.HasSuffix(l, ".") || lineKind(l) == textstage.ListItem || lineKind(l) == textstage.LabelValue && !greeting.MatchString(l) {
			continue
		}
		if banner[strings.ToLower(l)] && i < 8 {
			continue
		}
		if i < firstPara {
			add(l, 1, "heading")
		} else {
			add(l, 0, "subheading")
		}
	}
	// The trail's last step: the nearest trail above the heading.
	for i, l := range lines[:max(at+1, min(len(lines), 12))] {
		if trailLine(l) || i == at && trailStep.MatchString(l) {
			steps := trailStep.Split(l, -1)
			if last := strings.TrimSpace(steps[len(steps)-1]); last != "" && !homeFirst.MatchString(last) {
				add(last, 1, "trail")
			}
		}
	}
	// A field naming the service.
	for _, l := range lines[:end] {
		if m := nameField.FindStringSubmatch(l); m != nil {
			add(m[1], 5, "field")
		}
	}
	// Subjects of the description's sentences, and services it calls its own.
	own := map[string]bool{}
	paraN := 0
	for i, l := range lines[:end] {
		if !paragraphLine(l) || i < at || helpLine.MatchString(l) {
			continue
		}
		paraN++
		for _, s := range sentencesOf(l) {
			if paraN > 2 {
				break // the description's opening names its subject
			}
			if m := subjectVerb.FindStringSubmatch(s); m != nil && !pronounSubject(m[1]) && defineVerb.MatchString(m[4]) && properName(m[1], lines) {
				c := add(m[1], 0, "subject")
				if c != nil && m[3] != "" && !strings.Contains(m[1], m[3]) {
					// A spelled-out name with its short form: the short form
					// heads the page ("ND Pathway" over "The Neurodevelopmental
					// Assessment Pathway (NDAP) is ...").
					c.sources = append(c.sources, "short:"+m[3])
				}
			}
		}
		for _, m := range ownNamed.FindAllStringSubmatch(l, -1) {
			if m[2] == "" && !strings.Contains(m[1], " ") {
				continue // "Our Trustees are": one word names no service
			}
			if functionWord(m[2]) {
				continue // "our Facebook page for dates": no verb of its own
			}
			own[strings.ToLower(coreName(m[1]))] = true
		}
	}
	siteAfter := map[string]bool{} // the site's names a heading ends with
	// Forms a candidate stands for: a greeting's name, each side of a
	// separator (the site's name after a dash is the site's).
	for _, k := range append([]string(nil), order...) {
		c := cands[k]
		if m := greeting.FindStringSubmatch(c.name); m != nil {
			if d := add(m[1], c.prior, "greeting"); d != nil {
				c.why = append(c.why, "greets")
			}
		}
		// A heading that ends with the host the service is held at ("Step Up
		// Internships at Kingsmead College") stands for the name before it.
		if m := atHost.FindStringSubmatch(c.name); m != nil {
			add(m[1], c.prior, "before-host")
			c.why = append(c.why, "its host after it")
		}
		// "Travel Smart: Eastbury's independent travel training scheme": a
		// name, then what it is.
		if m := nameThenDescription.FindStringSubmatch(c.name); m != nil && !trailShaped(c.name) && describes(m[2]) {
			add(m[1], c.prior, "before-description")
			c.why = append(c.why, "a description after its name")
		}
		if m := headingSplit.FindStringSubmatch(c.name); m != nil && !trailShaped(c.name) {
			switch {
			case siteSide(m[2], sites):
				add(m[1], c.prior, "before-site")
				c.why = append(c.why, "the site's name after it")
				siteAfter[strings.ToLower(coreName(m[2]))] = true
			case siteSide(m[1], sites) || isOrg(m[1], lines):
				// The organisation and its division: a provider's line.
				add(m[2], 0, "division")
				c.why = append(c.why, "the organisation's line")
			}
		}
	}

	// The evidence.
	sentenceStarts := map[string]string{} // a subject -> the verb after it
	orgDefined := map[string]bool{}       // subjects said to be organisations
	var paras []string
	for _, l := range lines[:end] {
		if paragraphLine(l) {
			for _, s := range sentencesOf(l) {
				paras = append(paras, s)
				// A sentence that says its subject is an organisation
				// ("X is a registered charity, number ...") defines the body
				// that runs the service, not the service.
				if m := subjectVerb.FindStringSubmatch(s); m != nil {
					if orgSaid.MatchString(strings.TrimSpace(s[len(m[0])-len(m[4]):])) {
						orgDefined[m[1]] = true
					} else if _, ok := sentenceStarts[m[1]]; !ok {
						sentenceStarts[m[1]] = m[4]
					}
				}
			}
		}
	}
	ownCount := len(own)
	offerings := offeringItems(lines[:end])
	// A service the text calls its own names the page where an
	// organisation heads it, or the heading names no service (a section's
	// label, furniture); under a service's own heading it is a part of it.
	orgHeads := replaceableReading(reading, lines)
	for _, k := range order {
		if c := cands[k]; hasSource(c, "heading", "banner", "title", "reading") && isOrg(c.name, lines) && !providerLine.MatchString(c.name) && !runBy.MatchString(c.name) {
			orgHeads = true
		}
	}
	// Not where the organisation lists three or more offerings: its own
	// thing is then one of them ("Our Family Link workers" under "Our
	// support includes:").
	ownOK := ownCount == 1 && orgHeads && offerings < 3
	if ownOK {
		for o := range own {
			add(ownSpelling(o, text), 0, "own")
		}
	}
	// A service the text calls its own names the page only where the
	// heading does not: an organisation, a section's label, furniture.
	for _, k := range order {
		c := cands[k]
		score := c.prior
		if n := len(ways(c.sources)); n > 1 {
			score += min(2, n-1)
			c.why = append(c.why, fmt.Sprintf("found %d ways", n))
		}
		core := coreName(c.name)
		// The text makes it its subject, or calls it its own; a shorter form
		// of it counts for it ("Portage is ..." for "Cornwall Portage
		// Service"), one word less.
		best := 0
		for subj, verb := range sentenceStarts {
			if pronounSubject(subj) {
				continue
			}
			same := subj == core || subj == c.name
			if !same && !(containsWords(core, subj) && properName(subj, lines)) {
				continue
			}
			if same && generic(core) && !properName(core, lines) && !hasSource(c, "banner", "field") {
				continue // "Clinics / Clinics are held ...": a section's word
			}
			v := 0
			switch {
			case defineVerb.MatchString(verb):
				v = 4
			case otherVerb.MatchString(verb):
				v = 3
			default:
				continue // "Our Early Intervention programme ...": a noun, no verb
			}
			if !same {
				v--
			}
			best = max(best, v)
		}
		// An organisation that names two or more services of its own is the
		// page's subject.
		// So does one that lists three or more offerings under a lead ("Our
		// support includes:"); said of its short form too ("Spectrum Kin is a
		// charity" under "Spectrum Kin Stourfield").
		if best == 0 && orgSaidOf(orgDefined, core) && (ownCount >= 2 || offerings >= 3) {
			best = 4
		}
		if best > 0 {
			score += best
			c.why = append(c.why, fmt.Sprintf("subject +%d", best))
		}
		if ownOK {
			for o := range own {
				switch {
				case o == k:
					score += 4
					c.why = append(c.why, "own +4")
				case containsWords(strings.ToLower(core), o):
					score += 3
					c.why = append(c.why, "own +3")
				}
			}
		}
		// A form found only in the text that a heading gives in full is that
		// heading's.
		if c.prior == 0 && onlyFrom(c, "subject", "own", "short:") {
			for _, h := range order {
				hc := cands[h]
				if h != k && hc.prior > 0 && containsWords(coreName(hc.name), core) && !trailStep.MatchString(hc.name) && !textFurniture(hc.name) && !sectionHeading.MatchString(hc.name) {
					score -= 100
					c.why = append(c.why, "part of "+hc.name)
					break
				}
			}
		}
		// A short form the page heads: the spelled-out name stands for it.
		for _, s := range c.sources {
			if short, ok := strings.CutPrefix(s, "short:"); ok {
				for _, h := range order {
					hc := cands[h]
					if h == k || hc.prior == 0 {
						continue
					}
					hn := strings.TrimSpace(bracketed.ReplaceAllString(hc.name, ""))
					if strings.EqualFold(hn, short) || abbreviates(hn, c.name) {
						score += hc.prior + 1
						c.why = append(c.why, "spells out "+hc.name)
						hc.why = append(hc.why, "spelled out")
						break
					}
				}
			}
		}
		// The text repeats it.
		mentions := 0
		for _, l := range lines {
			if l == c.name || navLine(l) || trailLine(l) || lineHas(l, c.name) == false && lineHas(l, core) == false {
				continue
			}
			mentions++
		}
		if mentions > 0 {
			score += min(2, mentions)
			c.why = append(c.why, fmt.Sprintf("repeated %d", mentions))
		}
		// Not the service's name.
		pen := func(n int, why string) {
			score -= n
			c.why = append(c.why, fmt.Sprintf("%s -%d", why, n))
		}
		switch {
		case furniture(c.name) || navLine(c.name) || helpLine.MatchString(c.name) || trailLine(c.name) || trailShaped(c.name) || phoneRe.MatchString(c.name) || factLine(c.name) || wideGap.MatchString(c.name):
			pen(10, "furniture")
		case strings.HasSuffix(c.name, ".") || strings.Contains(c.name, ". "):
			pen(6, "a sentence")
		case sectionHeading.MatchString(c.name):
			pen(6, "a section's label")
		case providerLine.MatchString(c.name) || lineKind(c.name) == textstage.LabelValue && labelField(c.name):
			pen(5, "a field")
		}
		if greeting.MatchString(c.name) {
			pen(2, "a greeting")
		}
		if greetingOnly.MatchString(c.name) {
			pen(6, "a greeting that names nothing")
		}
		if questionTitle.MatchString(c.name) && strings.HasSuffix(c.name, "?") {
			pen(3, "a question")
		}
		if councilOrSite.MatchString(c.name) || siteName.MatchString(c.name) && hasSource(c, "banner") {
			pen(5, "the site or council")
		}
		if siteAfter[k] {
			pen(5, "the site's name after the heading")
		}
		if atHost.MatchString(c.name) {
			pen(5, "its host after it")
		}
		if isOrg(c.name, lines) && (ownCount > 0 || orgName.MatchString(c.name) || providerLine.MatchString(c.name)) {
			pen(3, "the organisation")
		}
		if menuItem(c.name, lines) && generic(c.name) {
			pen(4, "a section of the site")
		}
		if m := headingSplit.FindStringSubmatch(c.name); m != nil && !trailShaped(c.name) {
			switch {
			case siteSide(m[2], sites):
				pen(1, "two names")
			case siteSide(m[1], sites) || isOrg(m[1], lines):
				pen(5, "a provider's line")
			}
		}
		if n := len(strings.Fields(c.name)); n > 12 {
			pen(3, "too long")
		}
		if m := nameThenDescription.FindStringSubmatch(c.name); m != nil && describes(m[2]) && hasSource(c, "heading", "reading", "title") {
			pen(2, "a description after the name")
		}
		if strapLine.MatchString(c.name) {
			pen(6, "the site's strap line")
		}
		if descriptionLine.MatchString(c.name) {
			pen(5, "a line describing the service")
		}
		c.score = score
	}
	// A line describing the service, taken for the heading: the line just
	// above it is the name it describes ("ADHD Parent Support Group" over "A
	// Brightpath Family Support group, part of ...").
	for _, k := range order {
		c := cands[k]
		if !descriptionLine.MatchString(c.name) || !hasSource(c, "heading", "reading", "title") {
			continue
		}
		for i := 1; i < len(lines); i++ {
			if lines[i] != c.name {
				continue
			}
			if x := cands[strings.ToLower(coreName(lines[i-1]))]; x != nil && x != c {
				x.score += c.prior + 1
				x.why = append(x.why, "described below")
			}
			break
		}
	}
	// "Neurodevelopmental Pathway (ND Pathway)": the short form in brackets and
	// the name it spells out are one name, the spelled-out form written.
	for _, k := range order {
		c := cands[k]
		m := bracketShort.FindStringSubmatch(c.name)
		if m == nil {
			continue
		}
		if x := cands[strings.ToLower(coreName(m[1]))]; x != nil && x != c && x.score > c.score {
			c.score = x.score + 1
			c.why = append(c.why, "spells out "+x.name)
			x.score -= 100
			x.why = append(x.why, "spelled out by "+c.name)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return cands[order[i]].score > cands[order[j]].score })
	if nameTrace != nil {
		for _, k := range order {
			nameTrace(*cands[k])
		}
	}
	win := cands[order[0]]
	if win.score <= 0 {
		return reading
	}
	return withoutPlace(win.name, sites)
}

// peopleNoun: words that name people, not places ("Children's ...").
var peopleNoun = map[string]bool{"children": true, "young people": true, "parents": true, "families": true, "carers": true, "people": true, "women": true, "men": true}

// placePossessive: a place's name in the possessive before a name
// ("Croydon's Sensory Support Team").
var placePossessive = regexp.MustCompile(`^(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)['’]s\s+(\p{Lu}.{3,})$`)

// withoutPlace is a name less the site's place in the possessive before it:
// the council's or the site's ("Croydon's Sensory Support Team" under the
// banner "Croydon") is whose it is, not part of its name.
func withoutPlace(name string, sites map[string]bool) string {
	m := placePossessive.FindStringSubmatch(name)
	if m == nil {
		return name
	}
	place := strings.ToLower(m[1])
	for b := range sites {
		if (b == place || strings.HasPrefix(b, place+" ")) && !peopleNoun[place] {
			return m[2]
		}
	}
	return name
}

// headingAt is where the page's heading stands: of its lines, the one with
// the page's first paragraph close below (a banner may carry the same
// words above its menu).
func headingAt(lines []string, title string) int {
	first := -1
	for i, x := range lines {
		if x != title {
			continue
		}
		if first < 0 {
			first = i
		}
		for _, n := range lines[i+1 : min(len(lines), i+4)] {
			if paragraphLine(n) && !helpLine.MatchString(n) && !phoneRe.MatchString(n) {
				return i
			}
		}
	}
	return first
}

// ways is the distinct places a candidate was found (a short form it
// spells out is not a place).
func ways(xs []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		if !strings.HasPrefix(x, "short:") {
			m[x] = true
		}
	}
	return m
}

// sentencesOf splits a paragraph into its sentences.
func sentencesOf(p string) []string {
	var out []string
	for _, s := range textstage.Read(p, textstage.Builtin()).Sentences {
		out = append(out, strings.TrimSpace(p[s.Start:s.End]))
	}
	if len(out) == 0 {
		out = append(out, p)
	}
	return out
}

// pronounSubject is a subject that names nothing: "We", "It", "This", a
// weekday or a month that opens a sentence of times.
var pronounRe = regexp.MustCompile(`^(?:We|It|This|These|They|You|Your|I|He|She|Our|If|When|Every|Each|All|Some|Most|Many|There|Here|Please|Anyone|Any|No|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays|January|February|March|April|May|June|July|August|September|October|November|December|Children|Young|Parents|Families|Members|Sessions|Riders|Groups|Lessons|Booking|Places|Referrals|Most)\b`)

func pronounSubject(s string) bool { return pronounRe.MatchString(s) }

// coreName is a name without "The" before it and its short form after it.
func coreName(n string) string {
	n = strings.TrimPrefix(n, "The ")
	return strings.TrimSpace(bracketed.ReplaceAllString(n, ""))
}

// lineHas says whether a line names n as a whole word (case as written).
func lineHas(l, n string) bool {
	if len(n) < 3 {
		return false
	}
	for _, i := range textstage.Occurrences(l, n, -1) {
		j := i + len(n)
		if (i == 0 || !isWordByte(l[i-1])) && (j >= len(l) || !isWordByte(l[j])) {
			return true
		}
	}
	return false
}

// describes says whether words after a name's colon say what it is in
// prose ("Eastbury's independent travel training scheme": two or more words
// in lower case beside the little words) rather than going on with a title
// ("Hydrotherapy and Water Confidence Sessions").
func describes(part string) bool {
	lower := 0
	for _, w := range strings.Fields(part) {
		if r := []rune(w); unicode.IsLower(r[0]) && !littleWord[w] {
			lower++
		}
	}
	return lower >= 2
}

var littleWord = map[string]bool{"and": true, "of": true, "for": true, "the": true, "with": true, "in": true, "to": true, "a": true, "an": true, "at": true, "on": true, "or": true}

// orgSaidOf says whether the text says core, or a shorter form of it, is an
// organisation.
func orgSaidOf(orgDefined map[string]bool, core string) bool {
	for subj := range orgDefined {
		if subj == core || containsWords(core, subj) {
			return true
		}
	}
	return false
}

// offeringLead: a line leading a list of what an organisation offers ("Our
// support includes:", "What we offer:", "We provide:").
var offeringLead = regexp.MustCompile(`(?i)\b(?:includes?|including|offers?|provides?|services|support|we\s+do|we\s+run)\b[^:]{0,30}:\s*$`)

// offeringItems is the length of the longest list of items under an
// offering lead.
func offeringItems(lines []string) int {
	best := 0
	for i, l := range lines {
		if !offeringLead.MatchString(l) {
			continue
		}
		n := 0
		for _, m := range lines[i+1:] {
			t := strings.TrimSpace(m)
			if t == "" && n == 0 {
				continue
			}
			if !strings.HasPrefix(t, "*") && !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "•") {
				break
			}
			n++
		}
		best = max(best, n)
	}
	return best
}

// isOrg says whether a candidate names the organisation that runs the
// service rather than the service: its name says so ("... Trust", "... CIC"),
// the text says so ("X is a registered charity", "© X"), or its registration
// line stands under it.
func isOrg(n string, lines []string) bool {
	if orgName.MatchString(n) || providerLine.MatchString(n) {
		return true
	}
	for i, l := range lines {
		if l == n && i+1 < len(lines) && orgIdentity.MatchString(lines[i+1]) && !providerLine.MatchString(lines[i+1]) && !runBy.MatchString(lines[i+1]) {
			return true
		}
		if rest, ok := strings.CutPrefix(copyrightLine.ReplaceAllString(l, ""), n); ok {
			if orgSaid.MatchString(rest) || copyrightLine.MatchString(l) || orgIdentity.MatchString(l) && len(strings.Fields(rest)) < 10 {
				return true
			}
			rest = shortFormLead.ReplaceAllString(rest, "")
			if orgSentence.MatchString(rest) {
				return true
			}
		}
	}
	return false
}

// menuItem says whether a name is an item of one of the site's menus.
func menuItem(n string, lines []string) bool {
	for _, l := range lines {
		if trailLine(l) || !navLine(l) && !navBar(l) && !(wideGap.MatchString(l) && len(wideGap.Split(l, -1)) >= 3) {
			continue
		}
		for _, it := range wideGap.Split(l, -1) {
			for _, it := range trailStep.Split(it, -1) {
				if strings.EqualFold(strings.TrimSpace(it), n) {
					return true
				}
			}
		}
	}
	return false
}

// generic is a name in common words: one word, or no capital after the first
// word ("Sessions", "What we do", "Our services").
func generic(n string) bool {
	w := strings.Fields(n)
	if len(w) == 1 {
		return true
	}
	for _, x := range w[1:] {
		if r := []rune(x); len(r) > 0 && unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// abbreviates says whether short is a shortened form of long: each of its
// words is one of long's or a short form standing for some of long's words
// in order ("ND Pathway" for "Neurodevelopmental Assessment Pathway", "CAMHS
// LD Team" for "Child and Adolescent Mental Health Services Learning
// Disability Team", "Dudley SENDIASS" for "Dudley Special Educational Needs
// and Disabilities Information, Advice and Support Service").
func abbreviates(short, long string) bool {
	clean := func(s string) []string {
		var out []string
		for _, w := range strings.Fields(s) {
			if w = strings.Trim(w, ",.;:()"); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	h, s := clean(short), clean(coreName(long))
	if len(s) <= len(h) {
		return false
	}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if i == len(h) {
			return j == len(s)
		}
		if j == len(s) {
			return false
		}
		if strings.EqualFold(h[i], s[j]) && match(i+1, j+1) {
			return true
		}
		if acronymTok(h[i]) {
			for k := j + 1; k <= len(s); k++ {
				if acronymOf(h[i], s[j:k]) && match(i+1, k) {
					return true
				}
			}
		}
		return false
	}
	return match(0, 0)
}

// acronymTok is a short form: two or more capitals.
func acronymTok(w string) bool {
	caps := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			caps++
		} else if !unicode.IsLetter(r) && r != '&' {
			return false
		}
	}
	return caps >= 2
}

// acronymOf says whether the letters of a short form stand for words: each
// word that counts gives its initial, and a letter may come from inside the
// word it follows ("ND" for "Neurodevelopmental").
func acronymOf(a string, words []string) bool {
	var letters []rune
	for _, r := range strings.ToLower(a) {
		if unicode.IsLetter(r) {
			letters = append(letters, r)
		}
	}
	var ws [][]rune
	for _, w := range words {
		if acronymSkip[strings.ToLower(w)] {
			continue
		}
		ws = append(ws, []rune(strings.ToLower(w)))
	}
	if len(ws) == 0 || len(ws) > len(letters) {
		return false
	}
	var fit func(li, wi int) bool
	fit = func(li, wi int) bool {
		if wi == len(ws) {
			return li == len(letters)
		}
		if li == len(letters) && wi > 0 && len(ws)-wi == 1 {
			return true // a short form may leave out one word ("ND" for "Neurodevelopmental Assessment")
		}
		if li == len(letters) || ws[wi][0] != letters[li] {
			return false
		}
		// This word gives its initial, and perhaps later letters of its own.
		li++
		pos := 1
		for {
			if fit(li, wi+1) {
				return true
			}
			if li == len(letters) {
				return false
			}
			k := indexRune(ws[wi][pos:], letters[li])
			if k < 0 {
				return false
			}
			pos += k + 1
			li++
		}
	}
	return fit(0, 0)
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// runBy is a line naming who runs a service: "Run by Sparks Together
// (registered charity 1178843)".
var runBy = regexp.MustCompile(`(?i)^(?:run|provided|delivered|managed|organised|offered|funded|supported) by\b|\bpart of\b`)

// labelField is a "label: value" line that states a fact or names a
// provider ("Cost: £5", "Organisation: Westmere College"), not a heading
// with a colon ("Splash: Hydrotherapy Sessions").
func labelField(l string) bool {
	label, _, _ := strings.Cut(l, ":")
	return factLine(l) || sectionHeading.MatchString(strings.TrimSpace(label)) || providerLine.MatchString(l)
}

// siteSide says whether the words after a heading's dash are the site's
// name: its banner, a council's or a directory's name, or a department
// named after the banner's place ("Brightshire Children's Services" under
// "Brightshire County Council").
func siteSide(part string, banner map[string]bool) bool {
	if banner[strings.ToLower(part)] || siteName.MatchString(part) {
		return true
	}
	w := strings.Fields(part)
	if len(w) < 2 {
		return false
	}
	for b := range banner {
		if bw := strings.Fields(b); len(bw) >= 2 && strings.EqualFold(bw[0], w[0]) && siteName.MatchString(b) {
			return true
		}
		// The banner's name less its legal tail ("Brackwater Community Health"
		// under "Brackwater Community Health NHS Trust").
		if strings.HasPrefix(b, strings.ToLower(part)+" ") {
			return true
		}
	}
	return false
}

// properName is a name, not a common word that opens a sentence: capitals
// after its first word, or written with a capital inside a sentence.
func properName(n string, lines []string) bool {
	if !generic(n) {
		return true
	}
	for _, l := range lines {
		if !paragraphLine(l) {
			continue
		}
		for _, i := range textstage.Occurrences(l, n, -1) {
			if i >= 2 && l[i-1] == ' ' && !strings.ContainsRune(".!?:", rune(l[i-2])) && lineHas(l[i-1:], n) {
				return true
			}
		}
	}
	return false
}

// containsWords says whether long holds short as whole words.
func containsWords(long, short string) bool {
	return long != short && lineHas(long, short)
}

// onlyFrom says whether a candidate was found only in the given ways.
func onlyFrom(c *nameCand, ways ...string) bool {
	for _, s := range c.sources {
		ok := false
		for _, w := range ways {
			if s == w || strings.HasSuffix(w, ":") && strings.HasPrefix(s, w) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

var (
	// A heading's two names apart by a dash or a bar: "X - Site", "X — Dept".
	// nameThenDescription: a name in capitals, a colon, then words saying what
	// it is, in lower case somewhere ("Travel Smart: Eastbury's independent
	// travel training scheme"); not "Splash: Hydrotherapy Sessions".
	nameThenDescription = regexp.MustCompile(`^((?:\p{Lu}[\p{L}'’&-]*\s+){0,4}\p{Lu}[\p{L}'’&-]*):\s+(.*\b\p{Ll}{3,}\b.*)$`)
	// descriptionLine: a line that describes a service rather than naming it
	// ("A Brightpath Family Support group, part of our Families Together
	// programme"): an indefinite article, then what kind of thing it is.
	descriptionLine = regexp.MustCompile(`^(?:A|An)\s+.*\b(?:part\s+of|run\s+by|group|service|team|club|project|programme|charity|scheme)\b.*\p{Ll}`)
	// strapLine: a line saying whom the site is for, under its banner
	// ("Information and services for children and young people aged 0 to
	// 25", "Working together for families"): prose, not a name.
	strapLine = regexp.MustCompile(`^\p{Lu}\p{Ll}+(?:\s+(?:and|&)\s+\p{Ll}+)?(?:\s+\p{Ll}+){0,3}\s+for\s+(?:all\s+)?(?:children|families|young\s+people|parents|carers|everyone|people|disabled|you)\b`)
	// bracketShort: a name with its short form in brackets after it.
	bracketShort = regexp.MustCompile(`^.{3,}?\s*\(([^()]{2,40})\)\s*$`)
	headingSplit = regexp.MustCompile(`^(.{3,}?)\s+(?:-|–|—|\||::)\s+(.+)$`)
	// A help line: "Text TALK to 85258 ...", "Call 0300 ... for help".
	helpLine = regexp.MustCompile(`(?i)^(?:call|ring|phone|text|email|e-mail|contact|questions\?|need help)\b.*\b\d{4,}`)
	// A council's, a Local Offer's or a directory's own name.
	councilOrSite = regexp.MustCompile(`(?i)\b(?:council|local offer|directory)$`)
)

// furniture is the site's own lines, as textFurniture reads them, save a
// name ending in a word sites also use ("Youth Employment Hub").
func furniture(l string) bool {
	return textFurniture(l) && !(siteName.MatchString(l) && !chromeLine.MatchString(l) && !breadcrumb.MatchString(l) && !actionLine.MatchString(l) &&
		!navBar(l) && !searchBox(l) && !savedList.MatchString(l) && !backLink.MatchString(l) && !strings.Contains(strings.ToLower(l), "cookie"))
}

// headingLike is a line that may head a record, as titleCandidate reads it,
// save a name ending in a word sites also use.
func headingLike(l string) bool {
	if furniture(l) || len(l) > 150 || factLine(l) || phoneRe.MatchString(l) || lineKind(l) == textstage.ListItem {
		return false
	}
	return len(textstage.Read(l, textstage.Builtin()).Sentences) <= 1
}

// hasSource says whether a candidate was found in one of the given ways.
func hasSource(c *nameCand, ways ...string) bool {
	for _, s := range c.sources {
		for _, w := range ways {
			if s == w {
				return true
			}
		}
	}
	return false
}

// otherVerb is a word after a subject that reads as its verb: a third
// person's "-s", or a verb of being or doing.
var otherVerb = regexp.MustCompile(`^(?:[a-z]+[^s]s|is|are|was|were|has|have|can|will|may|must|should|does|did|began|started)$`)

// replaceableReading says whether the heading's reading names something
// other than the service: an organisation, a section's label, the site's
// furniture or name, a section of the site's menu.
func replaceableReading(reading string, lines []string) bool {
	return reading == "" || isOrg(reading, lines) || sectionHeading.MatchString(reading) || furniture(reading) ||
		trailStep.MatchString(reading) || generic(reading) && menuItem(reading, lines) || councilOrSite.MatchString(reading) ||
		helpLine.MatchString(reading) || greeting.MatchString(reading)
}

// ownSpelling is an own service's name as the text writes it.
func ownSpelling(lower, text string) string {
	if i := strings.Index(strings.ToLower(text), lower); i >= 0 {
		return text[i : i+len(lower)]
	}
	return lower
}

// trailShaped is a line written as a trail: steps apart by arrows or
// slashes ("What we do > Holiday club"), or three or more apart by bars; a
// heading and the site's name apart by one bar is a title's shape.
func trailShaped(l string) bool {
	steps := trailStep.FindAllString(l, -1)
	if len(steps) == 0 {
		return false
	}
	if len(steps) >= 2 {
		return true
	}
	return strings.TrimSpace(steps[0]) != "|"
}

// isWordByte is a byte of a word: a name bounded by one is part of a longer word.
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '-' || c >= 0x80
}

// functionWord says whether words hold a word that joins rather than names
// ("for", "to", "with"): the nouns after an own service's name are names.
func functionWord(words string) bool {
	for _, w := range strings.Fields(words) {
		switch w {
		case "for", "to", "in", "on", "at", "with", "and", "or", "of", "from", "by", "the", "a", "an", "that", "which", "who", "where", "when":
			return true
		}
	}
	return false
}

// ownSiteBanner is the name a page's banner gives when the page is headed by
// one of its site's sections ("What we do" under "SENDIASS Gateshead"): the
// first line of the site's block of lines nearest above the heading that
// ends in a menu (a platform's banner may stand above the site's own).
// Empty otherwise.
func ownSiteBanner(text, title string) string {
	if !sectionHeading.MatchString(title) {
		return ""
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "URL:") {
			lines = append(lines, l)
		}
	}
	best, start := "", 0
	for i, l := range lines {
		if l == title {
			break
		}
		if !navLine(l) && !trailLine(l) {
			continue
		}
		for _, b := range lines[start:i] {
			if !chromeLine.MatchString(b) && !strings.Contains(strings.ToLower(b), "cookie") && headingLike(b) && !paragraphLine(b) {
				best = b
				break
			}
		}
		start = i + 1
	}
	return best
}
