package localoffer

import (
	"bytes"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/analysis/textstage"
	"github.com/sendscope/sendscope/documents"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// More Local Offer page kinds (DATASET.md doc_type values): an information page
// (what the Local Offer explains: guidance, a topic, a category's introduction
// without a list), anything else (inspection letters, annual reports, forum
// news), and a school's own offer linked from the Local Offer.
const (
	KindInfo        = "local_offer_information"
	KindOther       = "local_offer_other"
	KindSchoolOffer = "local_offer_school_offer"
)

// LocalOfferRead is what one page of a Local Offer says: its kind, its title
// from the content, the service it records (for service records), and the
// required things of a Local Offer it covers.
type LocalOfferRead struct {
	Kind    string
	Title   string
	Service *Service
	Items   []ItemEvidence
	// Whom the page as a whole is for: a record's ages and needs; a listing's
	// only when the section itself is one band or need (its title and
	// introduction, not its entries, not a visitor's search or filter); an
	// information page's as it states them, not its examples
	// (docs/LABELS-local-offer.md).
	AgeMin, AgeMax *int
	NeedTypes      []string
}

// ReadLocalOffer reads one page of a Local Offer website (HTML, or the text
// of a PDF or Word file, which is never a listing).
func (x *Extractor) ReadLocalOffer(body []byte, contentType, pageURL string) LocalOfferRead {
	t, err := documents.Read(body, contentType, pageURL)
	if t.Format != "html" {
		if err != nil && strings.TrimSpace(t.Body) == "" {
			return LocalOfferRead{Kind: KindOther}
		}
		r := x.readLocalOfferText(t.Body, cleanTitle(t.Title), pageURL, pageSignals{})
		return r
	}
	doc, _ := html.Parse(bytes.NewReader(body))
	sig := htmlSignals(doc)
	title := contentTitle(doc, t.Title)
	if s, ok := jsonLDService(doc); ok {
		s.URL, s.ID, s.Source = RecordURL(pageURL), RecordURL(pageURL), "html"
		x.fillFromText(&s, t.Body)
		s.HasEmail, s.HasPhone = s.HasEmail || sig.mail, s.HasPhone || sig.tel
		return LocalOfferRead{Kind: KindService, Title: firstNonEmpty(s.Name, title), Service: &s, Items: x.LocalOfferItems(t.Body),
			AgeMin: s.AgeMin, AgeMax: s.AgeMax, NeedTypes: s.NeedTypes}
	}
	r := x.readLocalOfferText(t.Body, title, pageURL, sig)
	if r.Service != nil {
		r.Service.Categories = breadcrumbs(doc)
		if len(r.Service.Categories) == 0 {
			r.Service.Categories = channelLinks(doc)
		}
		r.Service.HasEmail = r.Service.HasEmail || sig.mail
		r.Service.HasPhone = r.Service.HasPhone || sig.tel
		r.Service.HasWebsite = r.Service.HasWebsite || sig.website
	}
	return r
}

// ReadLocalOfferText reads a Local Offer page kept as text only (as the
// labelled corpus keeps them): its title is its first line of content.
func (x *Extractor) ReadLocalOfferText(text, pageURL string) LocalOfferRead {
	return x.readLocalOfferText(text, textTitle(text), pageURL, pageSignals{})
}

var (
	// A breadcrumb trail: "You are here: Home > SEND > Therapies", "Home / Directory / X".
	// One step after a results page or the home page is a trail too: "Results > X".
	breadcrumb = regexp.MustCompile(`(?i)^you are here\b|^(?:[^>/»›|]{1,60}\s[>/»›|]\s){2,}[^>/»›|]{1,80}$|^(?:home|results|search results|directory)\s+[>»›/]\s+[^>/»›|]{1,80}$`)
	// Any one step marked by an arrow ("Our services > Children's services")
	// is a trail where it stands above the page's heading: a heading does not
	// point from one phrase to another (a slash or a bar may join two names,
	// "Parents / Carers"). Only the heading's search reads it so: elsewhere
	// its last step is no candidate for the record's name.
	arrowStep = regexp.MustCompile(`^[^>/»›|]{1,60}\s[>»›]\s[^>/»›|]{1,80}$`)
	// A line that names the site rather than the page: "Kent County Council",
	// "Medway SEND Local Offer", "Family Information and Services Hub (FISH)".
	// A hub is a site when it is the families' or the SEND one ("Family Hub",
	// "Livewell SEND Hub"); a service may be one too ("Youth Employment Hub").
	siteName  = regexp.MustCompile(`(?i)(?:council|local offer|directory|family (?:information|services?) hub|(?:^|\b(?:family|families|information|info|send|local offer|community|parents?|children's|wellbeing)\s)hub|information service|family services)(?:\s*\([A-Z]{2,6}\))?$`)
	wideGap   = regexp.MustCompile(`\s{2,}|\t`)
	homeFirst = regexp.MustCompile(`(?i)^(?:you are here:?\s*)?home\b`)
	// A page of search results or a filtered category says how many it found.
	resultCount = regexp.MustCompile(`(?im)^\s*(?:\d+ (?:results?|services?|records?|matches|organisations?|activities|providers?|listings?|entries)(?: (?:found|listed|match\w*))?\b.*|(?:showing|results?|displaying) \d+\s*(?:-|–|to)\s*\d+ of \d+.*|page \d+ of \d+|(?:services?|results?|records?|organisations?|activities|providers?|listings?|entries)(?: (?:in|under) this (?:section|category|topic|page))?\s*\(\d+\))\s*$`)
	// A dated news item: "Published: 18 November 2025" near the top.
	newsItem = regexp.MustCompile(`(?im)^\s*(?:published|posted|news release|press release)(?: on)?:?\s+(?:on\s+)?\d{1,2}(?:st|nd|rd|th)? [a-z]+ \d{4}(?:\s+(?:by|at)\b.*)?\s*$`)
	// A school speaks of itself: "Oakridge is a secondary school", "our
	// pupils", "Our SENCO" (two of them make a school's own offer).
	schoolWords = regexp.MustCompile(`(?i)\bis an? (?:[\w-]+ ){0,3}(?:primary|secondary|special|infant|junior|middle|all-through|first|nursery|further education|sixth form|specialist) (?:school|academy|college)\b|\bour (?:school|academy|college|pupils|students|sencos?|sendcos?|inclusion (?:lead|centre|team))\b|\bsen(?:d)? information report\b`)
	// A record introduced by what it is: "A friendly group for ...", "A
	// weekly circus skills session for children who ...".
	recordIntro = regexp.MustCompile(`(?im)^(?:an?|our) [\w ,'’-]{0,50}\b(?:service|team|group|club|sessions?|class(?:es)?|course|scheme|programme|project|clinic|activit(?:y|ies)|playscheme|workshops?|drop-in)s? (?:for|where|that|which|to|offering|supporting)\b`)
	// A section's heading inside a page rather than the page's title: a question,
	// or the labels directories put on every record.
	// Any wording of the labels: "About this service", "Who can use this
	// service", "Cost", "Contact", "Where", "When", "Service details".
	sectionHeading = regexp.MustCompile(`(?i)\?$|^(?:about(?: (?:us|this|the|our)(?: [\w-]+){0,2})?|overview|description|summary|(?:service |more |further |other |additional |key )?(?:details|information)|what (?:we|they|it|you) (?:do|does|offer|offers|can expect|will get|get)|what (?:we|they) can help with|who (?:we|it|this|they) .*|who (?:can|should|is|are) .*|how (?:to|do|can|we|you) .*|contact(?: (?:details|us|information|name|the [\w ]{1,30}))?|costs?|fees?|charges?|prices?|eligibility(?: criteria)?|referrals?|opening (?:times|hours)|location|venue|where(?: (?:to go|we are|it is))?|when(?: (?:and where|it runs|is it on))?|times?|availability|age range|ages|accessibility|categories|languages|tags|in this section|on this page|contents)$`)
	// Buttons and notices that sit between a heading and its text.
	actionLine = regexp.MustCompile(`(?i)^(?:add to (?:my )?shortlist|print|share|save|email this page|back to (?:results|search)|report a problem|my shortlist.*|search .*|sign in.*|accessibility tools)\b`)
)

// textFurniture is a line of a page's text that belongs to the site, not to
// the page: navigation, cookie notices, the site's own name, buttons.
func textFurniture(l string) bool {
	if backLink.MatchString(l) {
		return true
	}
	return chromeLine.MatchString(l) || strings.Contains(strings.ToLower(l), "cookie") || breadcrumb.MatchString(l) ||
		siteName.MatchString(l) && !placeHeadline.MatchString(l) || actionLine.MatchString(l) && !searchHeading.MatchString(l) || navBar(l) || searchBox(l) ||
		savedList.MatchString(l)
}

// filterLine is a listing's filters, a visitor's choice ("Filters applied:
// Local Offer services only | Ages 5-11"), not what the section is for.
var filterLine = regexp.MustCompile(`(?i)^(?:filters?(?: applied)?|refine(?: (?:your )?(?:search|results))?|filter (?:by|results)|sort by|showing)\b`)

// searchHeading heads a page of results for a visitor's search ("Search
// results for 'sensory'"): the page's heading, not a search box's button.
var searchHeading = regexp.MustCompile(`(?i)^search results?\s+(?:for\b|:)`)

// placeHeadline is a headline that ends with a place ("Toy library opens at
// Castle Way Family Hub"): a sentence about something happening there, not
// the site's name, though the place's name has a site's ending.
var placeHeadline = regexp.MustCompile(`^(?:\S+\s+){3,}(?:at|in|from)\s+(?:the\s+)?\S`)

// searchBox is a search box's label or prompt, a short line that asks for a
// search rather than reporting one: "Type a word to search", "Search the
// directory [ Search ]" ("Search results for 'autism'" heads a page of results).
func searchBox(l string) bool {
	return len(strings.Fields(l)) <= 6 && searchWord.MatchString(l) && !searchReport.MatchString(l)
}

var (
	// A search box asks: "Search ...", "Type (or enter) a word to search",
	// "Find a service", a prompt ending in its button ("... Go").
	searchWord   = regexp.MustCompile(`(?i)^(?:search|find a)\b|^(?:type|enter)\b.*\bsearch\b|\bsearch\b.*\b(?:go|submit|search)\W*$`)
	searchReport = regexp.MustCompile(`(?i)\bresults?\b|\bsearched\b|\bfor\b|\d`)
)

// backLink is a link back or up drawn with an arrow: "< Back to search
// results", "‹ Previous", "« Return to the directory", "← All services".
var backLink = regexp.MustCompile(`(?i)^\s*(?:<|‹|«|←|⟵|&lt;)\s*\S`)

// navBar is a menu copied as one line: four or more short items apart by wide
// gaps ("Home   About us   Parents   News").
func navBar(l string) bool {
	items := 0
	for _, it := range wideGap.Split(l, -1) {
		if n := len(strings.Fields(it)); n == 0 || n > 3 {
			return false
		}
		items++
	}
	return items >= 4
}

// textTitle finds a page's title in its text as copied from a browser, site
// furniture and all: the first line after the breadcrumb trail when there is
// one; else the heading just above the page's first paragraph (not a section's
// own heading); else the first line that is not furniture.
func textTitle(text string) string {
	title, lines := pageHeading(text)
	// An organisation's name heading the page above its registration line
	// ("Registered charity no. ..."), then the service's own heading above
	// the first paragraph: the service's heading names the page.
	for i := 0; i+3 < len(lines); i++ {
		if lines[i] != title {
			continue
		}
		if orgIdentity.MatchString(lines[i+1]) && !textFurniture(lines[i+2]) && !paragraphLine(lines[i+2]) &&
			!sectionHeading.MatchString(lines[i+2]) && !providerLine.MatchString(lines[i+2]) && paragraphLine(lines[i+3]) {
			return lines[i+2]
		}
		break
	}
	if s := orgService(title, lines); s != "" {
		return s
	}
	return describedHeading(title, lines)
}

// describedVerb is how a page's description makes its subject the page's:
// "X is a team of ...", "X gives ...", "X works with ...".
var describedVerb = regexp.MustCompile(`^\s+(?:is|are|gives|offers|provides|runs|supports|works|helps|delivers|visits|pairs|brings|trains|teaches|coaches|meets)\b`)

// describedHeading is the heading a page's description makes its subject,
// among the headings stacked at the top of its content: a service's heading
// with its parent service or provider on the line below ("Literacy and
// Numeracy Outreach (SpLD)" over "Learning Support Service", then "Literacy
// and Numeracy Outreach is a team of ...") is named by the one its first
// paragraph opens with, whichever line the reading above chose.
func describedHeading(title string, lines []string) string {
	at := slices.Index(lines, title)
	if at < 0 {
		return title
	}
	stacked := func(l string) bool {
		return titleCandidate(l) && !paragraphLine(l) && !sectionHeading.MatchString(l) && !trailLine(l)
	}
	lo, hi := at, at
	for lo > 0 && at-lo < 2 && stacked(lines[lo-1]) {
		lo--
	}
	for hi+1 < len(lines) && hi-at < 2 && stacked(lines[hi+1]) {
		hi++
	}
	if lo == hi || hi+1 >= len(lines) || !openingLine(lines[hi+1]) {
		return title
	}
	opening := strings.TrimPrefix(lines[hi+1], "The ")
	for _, c := range lines[lo : hi+1] {
		if c == title {
			continue
		}
		for _, form := range []string{c, strings.TrimSpace(bracketed.ReplaceAllString(c, ""))} {
			if rest, ok := strings.CutPrefix(opening, form); ok && form != "" && describedVerb.MatchString(rest) {
				return c
			}
		}
	}
	return title
}

// bracketed is a gloss in brackets after a name: "(SpLD)".
var bracketed = regexp.MustCompile(`\s*\([^()]{1,40}\)\s*$`)

// orgService is the service a page is about when an organisation heads it
// (its registration line below, or its first paragraph saying "X is a local
// charity"): the heading further down that the trail ends with, else the one
// heading whose paragraph introduces it as the organisation's own ("Our
// Saturday Club runs ..."). An organisation with several such services is
// the page's subject itself.
func orgService(title string, lines []string) string {
	at := slices.Index(lines, title)
	if at < 0 {
		return ""
	}
	org := at+1 < len(lines) && orgIdentity.MatchString(lines[at+1])
	for _, l := range lines[at+1:] {
		if org || paragraphLine(l) {
			if rest, ok := strings.CutPrefix(l, title); ok && orgSentence.MatchString(rest) {
				org = true
			}
			break
		}
	}
	if !org {
		return ""
	}
	last := ""
	for _, l := range lines[:at] {
		if trailLine(l) {
			steps := trailStep.Split(l, -1)
			last = strings.TrimSpace(steps[len(steps)-1])
		}
	}
	var introduced []string
	for i := at + 1; i+1 < len(lines); i++ {
		l := lines[i]
		if relatedHeading.MatchString(l) {
			break
		}
		if l == title || lineKind(l) != textstage.Heading || sectionHeading.MatchString(l) || textFurniture(l) || providerLine.MatchString(l) {
			continue
		}
		if last != "" && strings.EqualFold(l, last) {
			return l
		}
		next := strings.ToLower(lines[i+1])
		low := strings.ToLower(l)
		if paragraphLine(lines[i+1]) && (strings.HasPrefix(next, "our "+low+" ") || strings.HasPrefix(next, "the "+low+" ")) {
			introduced = append(introduced, l)
		}
	}
	if len(introduced) == 1 {
		return introduced[0]
	}
	// The trail's last step introduced in the text as the organisation's own
	// ("Results > Saturday Sparks" and "Our Saturday Sparks club is ...").
	if last != "" && !strings.EqualFold(last, title) {
		own := "our " + strings.ToLower(last) + " "
		for _, l := range lines[at+1:] {
			if paragraphLine(l) && strings.Contains(strings.ToLower(l), own) {
				return last
			}
		}
	}
	return ""
}

// orgIdentity is an organisation's registration line: "Registered charity
// no. 1167342", "Company number 0123456", "Charity number: 123".
// Any short line that names a registration and gives its number is one, in
// whatever words: "Company limited by guarantee no. 07712345", "Charity
// registered in England and Wales, 1122334", "SCIO SC045678".
var orgIdentity registrationLine

type registrationLine struct{}

var (
	orgIdentityWords = regexp.MustCompile(`(?i)^(?:a )?(?:registered )?(?:charity|company|cio|cic)(?: (?:no|number|reg(?:istration)?(?: no| number)?))?\.?:?\s*\d{5,}|^registered (?:charity|company)\b`)
	registerWord     = regexp.MustCompile(`(?i)\b(?:charity|company|registered|registration|incorporated|limited by guarantee|cic|cio|scio)\b`)
	registerNumber   = regexp.MustCompile(`\b(?:[A-Z]{2})?\d{6,8}\b`)
)

// MatchString says whether l is an organisation's registration line.
func (registrationLine) MatchString(l string) bool {
	l = strings.TrimSpace(l)
	return orgIdentityWords.MatchString(l) ||
		len(strings.Fields(l)) <= 12 && registerWord.MatchString(l) && registerNumber.MatchString(l)
}

// pageHeading is textTitle's first reading, with the page's lines as read.
func pageHeading(text string) (string, []string) {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "URL:") {
			lines = append(lines, l)
		}
	}
	for i, l := range lines {
		lines[i] = siteSuffixCut(l)
	}
	strap := strapLines(lines)
	// A line worded like a site's name ("Short breaks directory") that stands
	// below the site's navigation, straight above the page's first paragraph,
	// heads the page: position says more than its words.
	placed := map[string]bool{}
	nav := false
	for i, l := range lines {
		if navLine(l) || trailLine(l) {
			nav = true
			continue
		}
		if nav && siteName.MatchString(l) && !chromeLine.MatchString(l) && !breadcrumb.MatchString(l) && !actionLine.MatchString(l) &&
			!searchBox(l) && i+1 < len(lines) && openingLine(lines[i+1]) && !strap[i+1] && len(l) <= 150 && !factLine(l) {
			placed[l] = true
		}
		if openingLine(l) && !strap[i] {
			break
		}
	}
	// A one-step arrow trail is not the page's heading (arrowStep).
	heading := func(l string) bool { return !arrowStep.MatchString(l) && (titleCandidate(l) || placed[l]) }
	// The site's menu just under its strap line (nothing but the site's
	// furniture between) has a trail's shape and is no trail.
	menu := func(i int) bool {
		for j := i - 1; j >= max(0, i-3); j-- {
			if strap[j] {
				return true
			}
			if !navLine(lines[j]) && !textFurniture(lines[j]) {
				return false
			}
		}
		return false
	}
	// A trail that starts at the home page; else the one nearest above the first
	// paragraph (a motto such as "Ambition | Respect | Belonging" has its shape).
	trail, homeTrail := -1, -1
	for i, l := range lines[:min(len(lines), 60)] {
		if trailLine(l) && homeFirst.MatchString(l) && !menu(i) {
			homeTrail = i
		}
	}
	for i, l := range lines {
		if openingLine(l) && !strap[i] {
			break
		}
		if (trailLine(l) || arrowStep.MatchString(l)) && !menu(i) {
			trail = i
		}
	}
	if homeTrail >= 0 {
		trail = homeTrail
	}
	if trail >= 0 {
		// The trail's last step names the page when the page heads itself
		// with it just above or below the trail.
		steps := trailStep.Split(lines[trail], -1)
		last := strings.TrimSpace(steps[len(steps)-1])
		// A heading of another name between the trail and the step's
		// repeat, one the page's paragraphs speak of, is the record's, and
		// the repeat its section's label ("Otterbrook Summer Scheme" over
		// "Short breaks and holiday activities"); a site's strap line
		// between them is not spoken of.
		spoken := func(h string) bool {
			for _, l := range lines {
				if l != h && paragraphLine(l) && strings.Contains(l, h) {
					return true
				}
			}
			return false
		}
		between := func(i int) bool {
			for k := min(i, trail) + 1; k < max(i, trail); k++ {
				if heading(lines[k]) && !textFurniture(lines[k]) && !actionLine.MatchString(lines[k]) && !navLine(lines[k]) && !sectionHeading.MatchString(lines[k]) && spoken(lines[k]) {
					return true
				}
			}
			return false
		}
		for i := max(0, trail-3); i < min(len(lines), trail+4); i++ {
			if i != trail && strings.EqualFold(lines[i], last) && heading(lines[i]) && !(i > trail && between(i)) {
				return lines[i], lines
			}
		}
		// The first heading after the trail; one phrased as a section's ("How we
		// use your information") heads the page when the page's first paragraph
		// follows it with no other heading between.
		labelled := ""
		for k, next := range lines[trail+1:] {
			// A news story's headline, however long, stands over its
			// dateline ("Published: 17 November 2026").
			if k+trail+2 < len(lines) && dateline.MatchString(lines[k+trail+2]) && !textFurniture(next) && !strings.HasSuffix(next, ".") && labelled == "" && len(next) <= 150 {
				return next, lines
			}
			if paragraphLine(next) && !textFurniture(next) && labelled != "" {
				return labelled, lines
			}
			if heading(next) && !paragraphLine(next) {
				if !sectionHeading.MatchString(next) {
					return next, lines
				}
				if labelled == "" {
					labelled = next
				}
			}
		}
	}
	for i, l := range lines {
		if !openingLine(l) || strap[i] {
			continue
		}
		// The nearest heading above it, passing over a section's own heading
		// ("Who is this information for?", "About us") to the page's.
		// A run of "label: value" lines above it is a record's or an advert's
		// facts ("Location: ...", "Hours: ..."), not its heading.
		// A question straight above the first paragraph, with only the
		// site's furniture (its menu, its name, a help line, a strap line)
		// above it, is the page's own heading ("Does my family need a
		// carer's assessment?"): no other heading is there to be the page's.
		question := ""
		for j := i - 1; j >= 0; j-- {
			l := lines[j]
			if j == i-1 && questionTitle.MatchString(l) && heading(l) && !paragraphLine(l) {
				question = l
				continue
			}
			if question != "" && (navLine(l) || textFurniture(l) || strap[j] || chromeLine.MatchString(l) || phoneRe.MatchString(l) || searchBox(l)) {
				return question, lines
			}
			if heading(l) && !paragraphLine(l) && !sectionHeading.MatchString(l) && lineKind(l) != textstage.LabelValue {
				// A heading just under a run of facts ("Pay: ...", "Apply by: ...")
				// opens a section of the body: the facts, and the page, belong to
				// the heading above them.
				k := j - 1
				for k >= 0 && lineKind(lines[k]) == textstage.LabelValue {
					k--
				}
				if j-k > 2 && k >= 0 && heading(lines[k]) && !paragraphLine(lines[k]) && !sectionHeading.MatchString(lines[k]) {
					return lines[k], lines
				}
				// The organisation running it, under the service's own heading.
				if providerLine.MatchString(l) && j > 0 && heading(lines[j-1]) && !paragraphLine(lines[j-1]) &&
					!sectionHeading.MatchString(lines[j-1]) && !providerLine.MatchString(lines[j-1]) {
					return lines[j-1], lines
				}
				return l, lines
			}
		}
		break
	}
	for i, l := range lines {
		if !chromeLine.MatchString(l) && !textFurniture(l) && !strap[i] {
			if len(l) <= 150 {
				return l, lines
			}
			break
		}
	}
	return "", lines
}

var (
	trailStep = regexp.MustCompile(`\s[>/»›|]\s`)
	// A heading with the site's name after it: "Little Owls Nursery - Hillcombe SEND Local Offer".
	siteSuffix = regexp.MustCompile(`^(.{3,}?)\s+(?:-|–|\||::)\s+(.+)$`)
)

// siteSuffixCut drops the site's name after a page's own heading.
func siteSuffixCut(l string) string {
	if m := siteSuffix.FindStringSubmatch(l); m != nil && siteName.MatchString(m[2]) && !siteName.MatchString(m[1]) {
		return m[1]
	}
	return l
}

// paragraphLine is a line of running text rather than a heading: a sentence,
// or a dozen words or more.
func paragraphLine(l string) bool {
	return len(strings.Fields(l)) >= 12 || strings.HasSuffix(l, ".") && len(strings.Fields(l)) >= 5
}

// pageSignals are what the markup tells beyond the words.
type pageSignals struct {
	links      int  // links in the content
	records    int  // links to what look like service records
	pagination bool // a next page or numbered pages
	words      int  // words in the content outside links
	mail, tel  bool
	website    bool // a link off the site labelled as the service's website
}

var (
	kb5Record  = regexp.MustCompile(`(?i)/kb5/[^/]+/[^/]+/(?:service|organisation)\.page`)
	kb5Listing = regexp.MustCompile(`(?i)/kb5/[^/]+/[^/]+/(?:results|localoffer|category|family|directory)\.page|[?&](?:\w*channel|qt|sorttype|category)=`)
	kb5Advice  = regexp.MustCompile(`(?i)/kb5/[^/]+/[^/]+/(?:advice|content|article)\.page`)
	// Directory paths of LocalGov Drupal, Open Place and stand-alone sites.
	dirRecord  = regexp.MustCompile(`(?i)/(?:directory|service-directory|services?|listing|record|provider|organisations?)/[^/?]*[a-z0-9][^/?]*/?$|/o/[^/]+/service/`)
	dirListing = regexp.MustCompile(`(?i)/(?:search|results|browse|categor(?:y|ies)|directory/?$|directory/(?:search|category|categories|results))(?:[/?]|$)|[?&](?:page|p|keywords?|q|search|filter)=`)
	// A school's own offer linked from the Local Offer.
	schoolHost = regexp.MustCompile(`(?i)\.sch\.uk$|(?:^|\.)[a-z0-9-]*college[a-z0-9-]*(?:\.[a-z0-9-]+)*\.ac\.uk$|(?:^|\.)(?:[a-z0-9-]*(?:school|academy|college)[a-z0-9-]*)\.(?:org\.uk|co\.uk|com|uk)$`)
	otherTitle = regexp.MustCompile(`(?i)\b(?:inspections?|ofsted|cqc|annual report|you said,? we did|what you told us|feedback (?:report|summary)|self[- ]evaluation|written statement of action|news(?:letter)?|consultation|minutes|cookies?|privacy|accessibility statement|site ?map|page not found)\b`)
	// Words of a listing: a section introducing what is below.
	listingWords = regexp.MustCompile(`(?i)\b(?:this section|in this section|the services below|listed below|browse (?:by|the|our)|(?:showing|results?) \d+|\d+ results?|one or more of these services|related features|refine (?:your )?search|sort by)\b`)
	// A record describes itself as a service: "Portage is a free ... service",
	// "Our team can", "We provide", "The Autism Outreach Team are part of".
	selfService = regexp.MustCompile(`(?i)\bis an? [\w ,'’-]{0,50}\b(?:service|team|clinic|group|scheme|programme|course|internship|club|project|charity|organisation|playscheme)\b|\b(?:is|are) (?:run|provided|delivered|led|organised|managed) by (?:the )?[A-Z]|\bour (?:team|service|specialist|staff)\b|\bwe (?:provide|offer|support|work with|are a|run|deliver|visit)\b|\b(?:team|service) (?:is|are) (?:a|an|part|made up)\b|\bour services\b|\bour [\w ]{0,30}\b(?:workers|practitioners|teachers|nurses|therapists|officers|coaches|volunteers|advisers|specialists|counsellors|youth workers)\b|\bwe can (?:visit|help|support|offer|provide|see|work)\b`)
	serviceNoun = regexp.MustCompile(`(?i)\b(?:team|service|services|portage|outreach|clinic|therapy|therapies|group|club|nursery|centre|center|helpline|project|scheme|practitioners?|teachers? of|charity|course|internship|apprenticeship|playscheme|befriending|advocacy)\b`)
	// Pages that are not part of the offer, by their address: news, jobs,
	// events, consultations, minutes (a jobs or news site of the council too).
	otherPath = regexp.MustCompile(`(?i)(?:^|/)(?:news|jobs?|vacanc(?:y|ies)|careers?|recruitment|events?|whats-?on|consultations?|minutes|meetings?|committees?|press(?:-releases?)?|blog)(?:/|$)`)
	otherHost = regexp.MustCompile(`(?i)^(?:jobs|careers|recruitment|vacancies|news|democracy|moderngov)\.`)
	// A job advert's facts ("Salary:", "Closing date:"), a meeting's minutes
	// ("Apologies", "Present:"), a consultation's dates.
	jobFact         = regexp.MustCompile(`(?im)^\s*(?:salary|closing date|contract(?: type)?|hours|grade|job (?:reference|type|title)|interview (?:date|dates)|pay|working pattern)\s*:`)
	minutesFact     = regexp.MustCompile(`(?im)^\s*(?:apologies(?: for absence)?|present|attendees|in attendance|minutes of|agenda item|actions? arising|date of (?:the )?meeting)\b`)
	consultationRun = regexp.MustCompile(`(?i)\bconsultation (?:closes|is open|runs|will (?:close|run)|period|opens)\b`)
	// A service's name given by its heading, the organisation running it on a
	// line of its own below ("Northern Care Alliance NHS Foundation Trust").
	providerLine  = regexp.MustCompile(`(?i)(?:\b(?:nhs(?: foundation)? trust|foundation trust|trust|council|ltd|limited|cic|cio|plc|llp|charity|college|university|hospital|integrated care board|icb|clinical commissioning group)\.?$|^(?:provided|run|delivered|managed|organised|offered) by\b|^(?:organisation|provider|service provider|run by|provided by)\s*:)`)
	questionTitle = regexp.MustCompile(`(?i)^(?:what|why|how|when|where|who|which|can|do|does|is|are|should|will)\b.*\??$`)
	// Page furniture that is never a title.
	chromeLine = regexp.MustCompile(`(?i)^(?:skip to (?:main )?content|skip to main|skip navigation|back search|back|search|menu|home|close|cookies?.*|accept (?:all )?cookies|this site uses cookies.*|view our new .*|you are here:?.*|breadcrumb.*|print(?: this page)?|share(?: this page)?|last updated.*|next review.*|page last (?:updated|reviewed).*|main navigation|navigation|toggle navigation|sign in|log ?in|translate.*|(?:choose|select) (?:a |your )?language.*|a-z|listen|contrast|text size.*)$`)
	teamName   = regexp.MustCompile(`^(?:The )?((?:[A-Z][\w'’&-]*\s+){0,6}(?:Team|Service|Clinic|Group|Project))\b`)
)

// readLocalOfferText classifies a page and reads its service, from its words,
// title, address and (for HTML) its markup.
func (x *Extractor) readLocalOfferText(text, title, pageURL string, sig pageSignals) LocalOfferRead {
	r := LocalOfferRead{Title: title}
	if r.Title == "" || chromeLine.MatchString(r.Title) {
		r.Title = ""
	}
	u, _ := url.Parse(pageURL)
	path, host, bare := "", "", ""
	if u != nil {
		path, host, bare = u.Path+"?"+u.RawQuery, strings.ToLower(u.Hostname()), u.Path
	}
	r.Items = x.LocalOfferItems(text)
	// What the page says of itself starts at its heading and ends where it
	// turns to other pages: a help line or a banner above it, and a side menu
	// below, are the site's.
	body := beforeRelated(pageBody(text, r.Title))
	lead := textstage.Head(text, 1500) // a result count or a dateline may stand above an entry's name
	markers := len(serviceMarkers.FindAllString(body, -1))
	contacts := phoneRe.MatchString(body) || emailRe.MatchString(body) || sig.mail || sig.tel
	self := selfService.MatchString(lead) || recordIntro.MatchString(lead)
	// A page of a service's own site headed by one of its sections is headed,
	// for its kind, by the site's banner ("What we do" under "SENDIASS
	// Gateshead": a service's name, not a question).
	heading := r.Title
	if b := ownSiteBanner(text, r.Title); serviceHeading(b) {
		heading = b
	}
	nounTitle := serviceNoun.MatchString(r.Title) || serviceHeading(heading)
	referrals := len(referralWord.FindAllString(body, -1))
	explains, offers := explainsScore(r.Title, body), offersScore(body)

	score := 0
	// A kb5 address says its kind itself (advice.page is not a record).
	recordPath := kb5Record.MatchString(path) || dirRecord.MatchString(bare) && !strings.Contains(strings.ToLower(bare), "/kb5/")
	if recordPath {
		score += 2
	}
	if lo, hi := ageRange(pageBody(text, r.Title)); (lo != nil || hi != nil) && cost(text) != "" {
		score++ // whom it is for and what it costs
	}
	if nounTitle && !questionTitle.MatchString(heading) {
		score += 2
	}
	if self {
		score += 2
	}
	score += min(markers, 2)
	if contacts {
		score++
	}
	if schedule.MatchString(text) {
		score++ // when it runs: "Sundays, 9am", "Monday to Friday, 8.30am to 4.30pm"
	}
	if referrals >= 2 {
		score++
	}
	// What one provider's offer is made of (sessions, times, venue, price,
	// booking): several of them speak of a service, whatever its heading.
	if offers >= 3 {
		score++
	}
	if questionTitle.MatchString(heading) || kb5Advice.MatchString(path) {
		score -= 2
	}
	// A programme one can join (a course, a supported internship) is a
	// service: its page gives what one joins (entry requirements, a start
	// date, a course code, an application or an interview), as a club gives
	// its sessions and price.
	joinable := len(uniqueLower(joinWord.FindAllString(text, -1))) >= 3
	if joinable {
		score += 2
	}
	// A listing: mostly links to records, or the words of a section's front
	// page, or a count of results with filters; on kb5 sites the address says so.
	linky := sig.links >= 8 && (sig.records >= 5 || sig.words < 40*sig.links)
	results := resultCount.MatchString(lead)
	buttons, entries := entryShape(text, r.Title)
	// A channel or search parameter on an article's or a record's address says
	// how the visitor came, not that the page lists (an advice.page is an article).
	kb5List := kb5Listing.MatchString(path) && !kb5Advice.MatchString(path) && !kb5Record.MatchString(path)
	listing := kb5List || dirListing.MatchString(path) && !dirRecord.MatchString(bare) || sig.pagination && sig.records >= 3 || linky ||
		(listingWords.MatchString(lead) && markers == 0 && !self) || results || buttons >= 3 || entries >= 5
	other := newsItem.MatchString(lead) || eventDay(lead) || siteNotice.MatchString(lead) || otherHost.MatchString(host) ||
		len(jobFact.FindAllString(text, 3)) >= 2 || len(minutesFact.FindAllString(text, 3)) >= 2 || consultationRun.MatchString(lead)
	// An address in a site's news or events section ("/whats-on/") says
	// other unless the page's words make it one service's record: a club that
	// meets every week, with whom it is for, its cost and how to join, is not
	// one dated day.
	if !other && otherPath.MatchString(bare) && !(score >= 6 && offers >= 4) {
		other = true
	}

	switch {
	case other && !(recordPath && score >= 5) || otherTitle.MatchString(r.Title) && !(recordPath && score >= 5):
		// A title such as "... Parent Carer Forum" is other on the forum's own
		// page, not on the directory's record of it.
		r.Kind = KindOther
	case results && !kb5Record.MatchString(path):
		r.Kind = KindListing // "21 results", "Showing 11 to 20 of 34": a page of many
	case schoolHost.MatchString(host) || !recordPath && len(uniqueLower(schoolWords.FindAllString(text, -1))) >= 2:
		r.Kind = KindSchoolOffer
	case listing && score < 5:
		r.Kind = KindListing
	case score >= 4 && !recordPath && !joinable && !serviceHeading(heading) && (rightsCount(text) >= 3 || explains >= 5 && explains >= offers+3):
		// A council's guidance with a contact block (a transport policy, a
		// statutory process) explains a process or a right. A page headed by
		// one service's name (a SENDIASS, a sensory team) is that service's
		// record, whatever rights it explains. Its heading, its sections
		// (who qualifies, how to apply, if you disagree) and its sentences
		// (you can ask, we will decide, within 20 working days) outweigh
		// what a provider's offer is made of (sessions, times, venue,
		// price): a team's phone and e-mail at its foot are where to ask.
		r.Kind = KindInfo
	case score >= 4:
		r.Kind = KindService
	default:
		r.Kind = KindInfo
	}
	switch r.Kind {
	case KindListing:
		own := listingOwn(text, r.Title)
		r.AgeMin, r.AgeMax = ageRange(own)
		r.NeedTypes = x.needCodes(own)
	case KindInfo, KindOther:
		// The page's own words, from its heading: a banner's strap line above it
		// ("support for children and young people aged 0 to 25") is the site's.
		own := pageBody(text, r.Title)
		switch {
		case r.Kind == KindOther:
			r.AgeMin, r.AgeMax = ageRange(groupAsides(storyLead(text, r.Title)))
			if r.AgeMin == nil && r.AgeMax == nil && consultationPage.MatchString(r.Title+"\n"+storyLead(text, r.Title)) {
				// A consultation's lead is about the consultation ("Every
				// council must publish a short breaks statement ... we want
				// to hear from you"); the paragraph after it names what is
				// consulted on and for whom. (A story's later paragraphs
				// are its parts': "a teen zone for 13 to 19 year olds".)
				r.AgeMin, r.AgeMax = ageRange(groupAsides(secondParagraph(text, r.Title)))
			}
		case hasBand(r.Title) && !ageSections(strings.Replace(own, r.Title, "", 1)):
			// A heading that names its band ("Post-16 travel assistance (ages
			// 16 to 25)") says whom the page is for, whatever other group a
			// related page names, unless the page is sectioned by age groups
			// beside it (two or more bands under headings of their own).
			r.AgeMin, r.AgeMax = ageRange(r.Title)
		case !ageSections(own):
			// Up to where it turns to other pages or groups ("Related pages",
			// "Have your say"): their bands are theirs.
			r.AgeMin, r.AgeMax = ageRange(groupAsides(beforeAside(beforeRelated(own))))
		}
		r.NeedTypes = x.needCodes(r.Title + "\n" + needAudience(evidenceExamples(own)))
	case KindSchoolOffer:
		own := pageBody(text, r.Title)
		r.AgeMin, r.AgeMax = ageRange(own)
		r.NeedTypes = x.needCodes(own)
	}
	if r.Kind != KindService && r.Kind != KindSchoolOffer {
		return r
	}
	name := r.Title
	if name == "" || len(name) > 120 {
		if m := teamName.FindStringSubmatch(strings.TrimSpace(text)); m != nil {
			name = strings.TrimSpace(m[1])
		}
	}
	name = restatedCut(name)
	name = siteOwnName(name, text)
	name = spelledOut(name, text)
	name = ownService(name, text)
	name = definedName(name, text)
	if r.Kind == KindService {
		// The rules above read the heading; the name is the candidate the
		// page's text bears out best (recordname.go).
		name = bandCut(hostCut(recordName(hostCut(name), hostCut(r.Title), text)))
	}
	if r.Title == "" {
		r.Title = name
	}
	if r.Kind == KindSchoolOffer {
		return r
	}
	rec := RecordURL(pageURL)
	s := Service{ID: rec, URL: rec, Name: name, Source: "html"}
	x.fillFromText(&s, text)
	// Ages above the page's heading are the site's banner ("for children and
	// young people aged 0 to 25"), not the record's.
	// A directory's age fields ("Age Ranges / 7 years to 14 years") are read
	// as one band of their own; they give the ends the record's words leave
	// open (bands are coarse: the words, where they give an end, are the
	// record's own).
	// Records it links to ("Related directory records: Junior Orbit (ages 7
	// to 10)") give their own bands, not this record's.
	lo, hi, fields, words := bandFields(text)
	if at := strings.Index(words, r.Title); r.Title != "" && at > 0 {
		s.AgeMin, s.AgeMax = ageRange(beforeRelated(words[at:]))
	} else if fields {
		s.AgeMin, s.AgeMax = ageRange(beforeRelated(words))
	}
	if fields {
		if s.AgeMin == nil {
			s.AgeMin = lo
		}
		if s.AgeMax == nil {
			s.AgeMax = hi
		}
	}
	r.Service = &s
	// A band said in full under the record's own "Who can join?" or "Who is
	// it for?" heading is whom the service is for; a band said before it
	// belongs to one of its parts ("Teen group: ... aged 13 to 19", "a
	// sibling group for brothers and sisters aged 7 to 14").
	// Its end alone there, with the directory's band fields ending at the
	// same age, is the fields' band ("from toddlers to young adults aged 25"
	// beside "Age Bands: 0-25").
	elo, ehi := ageRange(eligibleSection(beforeRelated(text)))
	if elo == nil && ehi != nil && fields && lo != nil && hi != nil && *hi == *ehi {
		elo = lo
	}
	if elo != nil && ehi != nil {
		s.AgeMin, s.AgeMax = elo, ehi
	}
	r.AgeMin, r.AgeMax, r.NeedTypes = s.AgeMin, s.AgeMax, s.NeedTypes
	return r
}

var (
	// A listing's title that is a visitor's search, not a section: "Search
	// results for 'autism'", "You searched for ...".
	searchTitle = regexp.MustCompile(`(?i)^(?:search(?:ing)?|results?|showing results?|you searched)\b|\bsearch(?:ed)? for\b|\bresults for\b`)
	// An information page's rule for one group: "For children under five, we
	// recommend ...", "For moves into post-16 education, the deadline is ...".
	forGroup = regexp.MustCompile(`(?m)(?:^|[.!?]\s+)For [^.,;\n]{3,60},[^.\n]*[.\n]?`)
	// A group that may act for itself: "Young people aged 16 or over can make
	// the request themselves."
	selfActing = regexp.MustCompile(`(?m)(?:^|[.!?]\s+)[^.!?\n]*\b(?:themselves|on their own behalf|in their own right|(?:make|makes|bring|brings|submit|submits) their own (?:request|appeal|application|referral)s?)\b[^.!?\n]*[.!?]?`)
)

// listingOwn is what a listing says of itself: its title (unless it is a
// visitor's search) and the paragraphs that introduce it, up to its first
// entry, count or filter.
func listingOwn(text, title string) string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	start := 0
	for i, l := range lines {
		if title != "" && l == title {
			start = i + 1
			break
		}
	}
	var b strings.Builder
	if !searchTitle.MatchString(title) {
		b.WriteString(title + "\n")
	}
	for _, l := range lines[start:] {
		if !paragraphLine(l) || resultCount.MatchString(l) || filterLine.MatchString(l) {
			break
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// groupAsides takes out of an information page the sentences that give one
// group's rule, whose ages are examples rather than whom the page is for.
func groupAsides(text string) string {
	text = whoMayAct(text)
	text = definingAside.ReplaceAllString(text, "")
	text = teamBand.ReplaceAllString(text, "$1")
	return selfActing.ReplaceAllStringFunc(forGroup.ReplaceAllString(text, ". "), func(sent string) string {
		// "open to parents ... and to young people themselves" names an
		// audience, not who may act for themselves.
		if audienceSelf.MatchString(sent) {
			return sent
		}
		return ". "
	})
}

// consultationPage is a consultation's heading or lead.
var consultationPage = regexp.MustCompile(`(?i)\bconsult(?:ation|ing)\b|\b(?:hear|have) (?:from you|your (?:say|views))\b`)

// audienceSelf is "themselves" said of people as an audience ("and to young
// people themselves"), not of an act one may do oneself.
var audienceSelf = regexp.MustCompile(`(?i)\b(?:people|person|children|child|parents|carers|families)\s+themselves\b`)

// teamBand is a band in a team's name ("Contact the SEN 0-25 Team"): on a
// guidance page it names who answers, not whom the page is for.
var teamBand = regexp.MustCompile(`(?:\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}s?\s+)((?:[A-Z][\w'’-]*\s+){0,2}(?:Team|Service|Services|Hub|Panel|Partnership|Board)\b)`)

var (
	// A clause that defines a thing the page mentions, whose ages are that
	// thing's: "It may lead to an EHC plan, which is a legal document for
	// children and young people up to the age of 25."
	// An apposition defines a thing the same way: "the Local Offer, the website
	// that brings together services for children ... aged 0 to 25, and ...".
	// A thing named by what kind of document it is defines it too, whatever
	// follows: "an EHC plan, a legal document for children ... aged 0 to 25
	// that ...", "an EHC plan — the legal document the council writes for
	// children ... from birth to 25 ...". So does a sentence saying what
	// kind of document it is: "An EHC plan is a legal document for children
	// and young people aged 0 to 25." And how long it lasts: "..., which can
	// continue up to age 25".
	definingAside = regexp.MustCompile(`(?i),\s*which (?:is|are|was|were|means|will be|can be|covers|lasts|(?:can |may |will )?(?:continue|continues|last|run|runs))\b[^.;\n]*|(?-i:\b(?:An?|The)) [^.;\n]{0,40}?\b(?:is|are) (?:an?|the) (?:[\w'’-]+ ){0,3}(?:document|record)s?\b[^.;\n]*|,\s*(?:the|an?) (?:[\w'’-]+ ){0,4}(?:that|which|where)\b[^,.;\n]*|(?:,|\s[—–-])\s*(?:the|an?) (?:[\w'’-]+ ){0,3}(?:document|record|website|directory)\b[^.;\n—–]*`)
	// A section on who may ask, apply or appeal: its ages are a rule.
	whoMayActHead = regexp.MustCompile(`(?i)^(?:\d+\.\s*)?who (?:can|may|is able to) (?:ask|apply|request|make (?:a|the) request|appeal|complain)\b`)
)

// whoMayAct takes out of an information page the sections that list who may
// ask, apply or appeal (a heading, its list and its notes, up to the next
// heading).
func whoMayAct(text string) string {
	lines := strings.Split(text, "\n")
	out := lines[:0:0]
	skip := false
	for _, line := range lines {
		l := strings.TrimSpace(line)
		switch {
		case whoMayActHead.MatchString(l):
			skip = true
			continue
		case skip && l != "" && !bulletLine.MatchString(l) && !paragraphLine(l) && len(strings.Fields(l)) <= 10:
			skip = false
		}
		if !skip {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// ageSections says whether an information page gives its rules for two or
// more age groups under headings of their own ("Young people aged 16 to
// 19", "Under 5s"): such a page is for no one band.
func ageSections(text string) bool {
	bands := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || paragraphLine(l) || bulletLine.MatchString(l) || len(strings.Fields(l)) > 10 {
			continue
		}
		if lo, hi := ageRange(l); lo != nil || hi != nil {
			bands[intOr(lo)+"-"+intOr(hi)] = true
		} else if compulsoryAge.MatchString(l) {
			bands["5-16"] = true // a band the law names: "Children of compulsory school age"
		}
	}
	return len(bands) >= 2
}

// asideHeading turns an information page to another group's invitation
// ("Have your say", "Get involved", "Did you know?"): a youth forum's band
// below it is the forum's. As menu items these words stand above the page's
// text, so they count only once a paragraph has been said.
var asideHeading = regexp.MustCompile(`(?i)^(?:have your say|get involved|join us|did you know\??|spotlight(?: on\b.*)?)\s*:?$`)

// beforeAside is an information page up to such an invitation.
func beforeAside(text string) string { return beforeHeading(text, asideHeading) }

// joinWord is what a programme one joins gives: "Entry requirements", "Start
// date", "Course code", "Duration", "Apply now", "an informal interview", an
// open morning, a taster day.
var joinWord = regexp.MustCompile(`(?i)\b(?:entry requirements|start date|course code|duration|apply now|(?:informal )?interview|open (?:day|morning|evening)s?|taster (?:day|session)s?|interns?)\b`)

// atHost is a name followed by the organisation or place that hosts it:
// "Step Up Internships at Kingsmead College", "Stay and Play at Brook
// Children's Centre". The service is what is hosted (docs/LABELS-local-offer.md:
// a host, like a venue or the organisation that runs it, is not the name); a
// name whose "at" is its own ("Autism at Kingwood", "Support at Home") names
// no such host.
var atHost = regexp.MustCompile(`^(\S.{2,}?)\s+at\s+(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){1,5}(?:College|School|Academy|University|Hospital|Centre|Center|Library|Hub|Campus)$`)

// hostCut is a record's name without the host it is held at.
// bandInName is an age band in brackets closing a heading ("Transitions Team
// (14 to 25)", "Youth Club (11-19)", "Saturday Club (16+)"): whom the service
// is for, read as its ages, not part of its name.
var bandInName = regexp.MustCompile(`(?i)\s*[(\[]\s*(?:ages?d?\s*)?(?:(?:\d{1,2}|birth)\s*(?:-|–|to)\s*\d{1,2}|1\d\s*\+)(?:\s*(?:years?|yrs)(?: old)?)?\s*[)\]]\s*$`)

// bandCut is a name without its bracketed age band.
func bandCut(name string) string {
	if cut := strings.TrimSpace(bandInName.ReplaceAllString(name, "")); cut != "" {
		return cut
	}
	return name
}

func hostCut(name string) string {
	if m := atHost.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	return name
}

// hasBand says whether a line names a band with both its ends.
func hasBand(l string) bool {
	lo, hi := ageRange(l)
	return lo != nil && hi != nil
}

// compulsoryAge is the band the law names, from five to sixteen.
var compulsoryAge = regexp.MustCompile(`(?i)\bcompulsory school age\b`)

func intOr(p *int) string {
	if p == nil {
		return "?"
	}
	return strconv.Itoa(*p)
}

var (
	// A page about the site itself: "This privacy notice explains ...".
	siteNotice = regexp.MustCompile(`(?i)\bthis (?:privacy (?:notice|policy|statement)|cookies? (?:policy|notice)|accessibility statement|statement of accessibility|terms(?: and conditions| of use)?)\b`)
	// When a service runs: a day of the week and a time.
	schedule = regexp.MustCompile(`(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b[^.\n]{0,40}\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b`)
	// One dated day with a year ("Saturday 18 April 2026"), to book a place at.
	fullDate   = regexp.MustCompile(`(?i)\b\d{1,2}(?:st|nd|rd|th)? (?:january|february|march|april|may|june|july|august|september|october|november|december) 20\d\d\b`)
	bookPlace  = regexp.MustCompile(`(?i)\bbook (?:your|a|an)? ?(?:free )?(?:place|ticket|space|seat)s?\b|\bregister (?:your place|now|to attend|for (?:the|this) event)\b|\btickets? (?:are|cost|available)\b`)
	recurrence = regexp.MustCompile(`(?i)\b(?:every|each) (?:week|month|fortnight|day|term|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\bweekly\b|\bfortnightly\b|\bmonthly\b|\bterm[- ]time\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days\b`)
)

// eventDay is a page about one event: a date with its year and a place to
// book, with no schedule that repeats (a weekly club is a service).
func eventDay(lead string) bool {
	return fullDate.MatchString(lead) && bookPlace.MatchString(lead) && !recurrence.MatchString(lead)
}

// restatedCut keeps a heading's name where the heading says it twice, short
// and spelled out after a dash: "Kingston SENDIASS - SEND Information, Advice
// and Support Service" is Kingston SENDIASS (the words after the dash give the
// acronym's letters).
func restatedCut(name string) string {
	m := siteSuffix.FindStringSubmatch(name)
	if m == nil {
		return name
	}
	a := acronymEnd.FindStringSubmatch(m[1])
	if a == nil {
		return name
	}
	var initials strings.Builder
	for _, w := range strings.FieldsFunc(m[2], func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' }) {
		switch strings.ToLower(w) {
		case "and", "&", "of", "for", "the", "in", "on", "with":
			continue
		}
		if strings.ToUpper(w) == w && len(w) > 1 {
			initials.WriteString(w) // an acronym inside the expansion: "SEND"
		} else {
			initials.WriteString(strings.ToUpper(w[:1]))
		}
	}
	if in := initials.String(); len(in) >= 3 && strings.HasSuffix(strings.ToUpper(a[2]), in) || in == strings.ToUpper(a[2]) {
		return m[1]
	}
	return name
}

var (
	// The subject a page's first sentence opens with: "Calderdale SENDIASS
	// provides ...", "The Hearing Support Team works ...".
	sentenceSubject = regexp.MustCompile(`^(?:The )?((?:[A-Z][\w'’&-]*\s+){0,6}[A-Z][\w'’&-]*)\s+(?:provides|offers|gives|is|are|runs|supports|works|helps|delivers)\b`)
)

// siteOwnName is the service's name where its page is headed by a section of
// the service's own site ("What we do", "About us"): the name the page's first
// sentence opens with, when the site's banner carries it on a line of its own
// or it names a service.
func siteOwnName(name, text string) string {
	if !sectionHeading.MatchString(name) {
		return name
	}
	lines := strings.Split(text, "\n")
	own := map[string]bool{}
	for _, l := range lines {
		own[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(pageBody(text, name), "\n") {
		l = strings.TrimSpace(l)
		if !openingLine(l) {
			continue
		}
		if m := sentenceSubject.FindStringSubmatch(l); m != nil && (own[m[1]] || serviceHeading(m[1])) {
			return m[1]
		}
		break
	}
	return name
}

// A heading ending in an acronym ("Dudley SENDIASS").
var acronymEnd = regexp.MustCompile(`^(.*?)\b([A-Z][A-Z&]{2,}[A-Za-z]?)$`)

// spelledOut is a record's name in full where its heading abbreviates it and
// its text spells it out with the short form in brackets: "Dudley SENDIASS"
// beside "Dudley Special Educational Needs and Disabilities Information, Advice
// and Support Service (SENDIASS) gives ..." names the second.
func spelledOut(name, text string) string {
	m := acronymEnd.FindStringSubmatch(name)
	if m == nil {
		return name
	}
	short := "(" + m[2] + ")"
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		at := strings.Index(line, short)
		if at <= 0 || at > 200 {
			continue
		}
		full := strings.TrimSpace(line[:at])
		full = strings.TrimPrefix(full, "The ") // "The Kestermoor Special Educational Needs ... (SENDIASS) gives"
		// The full name starts the sentence with the heading's own words and
		// is longer than them by the spelled-out acronym.
		if strings.HasPrefix(full, m[1]) && len(strings.Fields(full)) >= len(strings.Fields(m[1]))+2 && !strings.ContainsAny(full, ".!?") {
			return full + " " + short
		}
	}
	return name
}

var (
	// A heading that names an organisation: its first sentence says what it is.
	orgSentence = regexp.MustCompile(`(?i)^\s*(?:the )?is an? [\w ,'’-]{0,40}?\b(?:charity|organisation|organization|company|social enterprise|community interest company|cic|cio|trust|provider|network|association)\b`)
	// The service the organisation names as its own: "Our Friday Night Club is
	// a ...", "Our Saturday Sparks club is ...", "Our Tuesday Splash group
	// meets ..." (the name is the capitalised words; a common noun after them
	// says what kind of service it is).
	ourNamed = regexp.MustCompile(`\b[Oo]ur ((?:[A-Z][\w'’&-]*\s+){0,5}[A-Z][\w'’&-]*)(\s+(?:club|group|sessions?|scheme|service|team|project|programme|class(?:es)?|course|caf[eé]|disco|hub|night|youth club|playscheme|network))?\s+(?:is|are|runs|offers|provides|meets|gives|supports|welcomes|takes place)\b`)
)

// ownService is the service a record is about when its heading names the
// organisation running it (its first paragraph says what the organisation is,
// or its registration line stands under the heading): the one service its
// text names as the organisation's own, in any paragraph up to where the page
// turns to other pages ("Brightpath Stockport is a local charity ... Our Friday
// Night Club is a social evening ..." names the club). An organisation that
// names two or more services of its own, or none, is the page's subject.
func ownService(name, text string) string {
	if name == "" {
		return name
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	for i, line := range lines {
		registered := line == name && i+1 < len(lines) && orgIdentity.MatchString(lines[i+1])
		rest, ok := strings.CutPrefix(line, name)
		// Its short form in brackets may follow the name: "Kessington Deaf
		// Children's Society (KDCS) is a small charity".
		rest = shortFormLead.ReplaceAllString(rest, "")
		if !registered && (!ok || !paragraphLine(line)) {
			continue
		}
		if !registered && !orgSentence.MatchString(rest) {
			return name
		}
		own := map[string]bool{}
		first := ""
		for _, l := range lines[i+1:] {
			if registered && (l == lines[i+1]) {
				continue // the registration line
			}
			if relatedHeading.MatchString(l) {
				break // other pages' services
			}
			if !paragraphLine(l) {
				continue
			}
			for _, m := range ourNamed.FindAllStringSubmatch(l, -1) {
				if m[1] == name || m[2] == "" && !strings.Contains(m[1], " ") {
					continue // "Our Trustees are": one word names no service
				}
				if !own[m[1]] {
					own[m[1]] = true
					if first == "" {
						first = m[1]
					}
				}
			}
		}
		if !registered {
			// The organisation's own first paragraph counts too.
			for _, m := range ourNamed.FindAllStringSubmatch(line, -1) {
				if m[1] != name && !(m[2] == "" && !strings.Contains(m[1], " ")) && !own[m[1]] {
					own[m[1]] = true
					if first == "" {
						first = m[1]
					}
				}
			}
		}
		if len(own) == 1 {
			return first
		}
		return name
	}
	return name
}

// uniqueLower is the distinct values of a list, case folded.
func uniqueLower(xs []string) map[string]bool {
	out := map[string]bool{}
	for _, x := range xs {
		out[strings.ToLower(x)] = true
	}
	return out
}

// entryShape counts what a page of many records shows in its text: the most
// times one short button line is repeated ("Add to shortlist", "Read more"),
// and entries (a short name line, not a section's heading, then a one- or
// two-sentence blurb).
func entryShape(text, title string) (buttons, entries int) {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "URL:") {
			lines = append(lines, l)
		}
	}
	seen := map[string]int{}
	for _, l := range lines {
		if len(strings.Fields(l)) <= 5 && !strings.ContainsAny(l, "0123456789:") {
			k := strings.ToLower(strings.Trim(l, "[]»›<> "))
			seen[k]++
			buttons = max(buttons, seen[k])
		}
	}
	if buttons < 3 {
		buttons = 0
	}
	for i := 0; i+1 < len(lines); i++ {
		name, blurb := lines[i], lines[i+1]
		if name == title {
			continue // the page's own heading and introduction
		}
		nw, bw := len(strings.Fields(name)), len(strings.Fields(blurb))
		if nw <= 10 && !strings.ContainsAny(name[len(name)-1:], ".:?!") && !sectionHeading.MatchString(name) &&
			!serviceMarkers.MatchString(name) && !textFurniture(name) && bw >= 4 && bw <= 35 && strings.HasSuffix(blurb, ".") {
			entries++
		}
	}
	return buttons, entries
}

// htmlSignals counts what the markup shows of a page's kind.
func htmlSignals(doc *html.Node) pageSignals {
	var sig pageSignals
	if doc == nil {
		return sig
	}
	sig.mail, sig.tel = contactLinks(doc)
	root := documents.MainContent(doc)
	for _, a := range documents.FindAll(root, func(n *html.Node) bool { return n.DataAtom == atom.A && !documents.Skipped(n) }) {
		href, text := documents.Attr(a, "href"), strings.ToLower(documents.TextOf(a))
		sig.links++
		if kb5Record.MatchString(href) || dirRecord.MatchString(href) {
			sig.records++
		}
		if nextPageLink.MatchString(text) || pageParam.MatchString(href) {
			sig.pagination = true
		}
		web := strings.HasPrefix(strings.ToLower(href), "http")
		if web && (strings.Contains(text, "website") || strings.Contains(text, "visit site") || domainText.MatchString(strings.TrimSpace(text))) {
			sig.website = true
		}
	}
	sig.words = len(strings.Fields(documents.LaidOut(root)))
	return sig
}

var (
	domainText   = regexp.MustCompile(`^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$`)
	nextPageLink = regexp.MustCompile(`(?i)^(?:next|next page|more results|older|›|»|>|\d{1,3})$`)
	pageParam    = regexp.MustCompile(`[?&](?:page|p|pg|start|offset)=\d+|/page/\d+`)
)

// contentTitle is the page's own heading: the h1 of its content, else the first
// heading, else the <title> without the site's name; page furniture ("Skip to
// main content") never.
func contentTitle(doc *html.Node, fallback string) string {
	if doc != nil {
		root := documents.MainContent(doc)
		for _, a := range []atom.Atom{atom.H1, atom.H2} {
			for _, h := range documents.FindAll(root, func(n *html.Node) bool { return n.DataAtom == a && !documents.Skipped(n) }) {
				if t := cleanTitle(documents.TextOf(h)); t != "" {
					return t
				}
			}
		}
		if t := documents.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
			fallback = documents.TextOf(t)
		}
	}
	return cleanTitle(fallback)
}

// cleanTitle drops page furniture and the site's name after a separator.
func cleanTitle(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	for _, sep := range []string{" | ", " - ", " – ", " :: "} {
		if i := strings.Index(t, sep); i > 0 {
			rest := strings.ToLower(t[i:])
			if strings.Contains(rest, "local offer") || strings.Contains(rest, "council") || strings.Contains(rest, "directory") ||
				strings.Contains(rest, "family") || strings.Contains(rest, ".gov") || strings.Contains(rest, "information") {
				t = t[:i]
			}
		}
	}
	if chromeLine.MatchString(t) || len(t) > 200 {
		return ""
	}
	return t
}

// School stages as ages: a child in year N is N+4 at its start and N+5 at its
// end; reception starts at 4, nursery at 3; key stages span their years.
var (
	stageSpan = regexp.MustCompile(`(?i)\b(nursery|reception|years? (?:\d{1,2}|r)|y\d{1,2})\s*(?:-|–|to|up to|until|through to|and)\s*(?:the )?(?:end of )?(?:year )?(reception|year \d{1,2}|y\d{1,2}|\d{1,2})\b`)
	// A stage that starts a band: "from Year 9", "from school Year 3", "from
	// the time a child starts in Reception".
	stageFrom = regexp.MustCompile(`(?i)\bfrom (?:the (?:start|beginning) of |school |the time [^.,;\n]{0,30}?\bstarts? (?:in |at )?(?:a |the )?)?(year \d{1,2}|year r|y\d{1,2}|reception|nursery)\b(?:\s*(?:onwards?|upwards))?`)
	// A school year that starts a band and the end of a later one that ends
	// it, said apart in one sentence: "can join in Year 7 and stay with us to
	// the end of Year 11" is 11-16; "until the end of Year 11" alone ends at 16.
	stageToEnd = regexp.MustCompile(`(?i)(?:\b(year (?:\d{1,2}|r)|reception|nursery)\b[^.;\n]{0,80}?)?\b(?:to|until|till|through(?: to)?|up to)(?: [^.;,\n]{0,30}? at)? (?:the )?end of (year \d{1,2}|reception|key stage [1-5]|ks ?[1-5])\b`)
	// A key stage, a span or a list of them: "KS2-4", "Key Stages 2, 3 and 4",
	// "Key Stage 2, Key Stage 3 and Key Stage 4" (the first to the last).
	keyStage = regexp.MustCompile(`(?i)\b(?:key stages?|ks)\s*([1-5])(?:\s*(?:,|-|–|to|and|&|through(?: to)?|up to)\s*(?:the\s+end\s+of\s+)?(?:(?:key stages?|ks)\s*)?([1-5]))*\b`)
	postAge  = regexp.MustCompile(`(?i)\bpost[- ]?(16|19)\b`)
)

func stageAge(s string, end bool) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "nursery":
		return 3, true
	case s == "reception":
		if end {
			return 5, true
		}
		return 4, true
	}
	// The end of a key stage is the end of its last year: "through to the end
	// of Key Stage 5" ends at 18.
	if ks := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "key stage"), "ks")); ks != s {
		if a, ok := keyStageAges[ks]; ok {
			if end {
				return a[1], true
			}
			return a[0], true
		}
	}
	s = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(s, "years "), "year "), "y")
	if s == "r" { // Year R is reception
		return stageAge("reception", end)
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 14 {
		return 0, false
	}
	if end {
		return n + 5, true
	}
	return n + 4, true
}

var keyStageAges = map[string][2]int{"1": {5, 7}, "2": {7, 11}, "3": {11, 14}, "4": {14, 16}, "5": {16, 18}}

// stageRange reads the first school-stage span, with where it starts. Key
// stages and school years said side by side ("Key Stages 3 and 4 (Years 7 to
// 11)") are one band told twice: both are read, as ages, and joined.
func stageRange(text string) (int, *int, *int) {
	type stage struct{ at, end, lo, hi int }
	var found []stage
	if m := stageSpan.FindStringSubmatchIndex(text); m != nil {
		lo, ok1 := stageAge(text[m[2]:m[3]], false)
		hi, ok2 := stageAge(text[m[4]:m[5]], true)
		if ok1 && ok2 && lo < hi {
			found = append(found, stage{m[0], m[1], lo, hi})
		}
	}
	if m := keyStage.FindStringSubmatchIndex(text); m != nil {
		a := keyStageAges[text[m[2]:m[3]]]
		lo, hi := a[0], a[1]
		if m[4] >= 0 {
			hi = keyStageAges[text[m[4]:m[5]]][1]
		}
		found = append(found, stage{m[0], m[1], lo, hi})
	}
	if len(found) == 2 {
		a, b := found[0], found[1]
		if b.at < a.at {
			a, b = b, a
		}
		if b.at-a.end <= 12 { // beside each other: "KS2 (Years 3-6)", "Years 7 to 11 (key stages 3 and 4)"
			lo, hi := min(a.lo, b.lo), max(a.hi, b.hi)
			return a.at, &lo, &hi
		}
		found = []stage{a}
	}
	if m := stageFrom.FindStringSubmatchIndex(text); m != nil && (len(found) == 0 || m[1] <= found[0].at) {
		if lo, ok := stageAge(text[m[2]:m[3]], false); ok {
			return m[0], &lo, nil
		}
	}
	if len(found) == 1 {
		return found[0].at, &found[0].lo, &found[0].hi
	}
	return 0, nil, nil
}

// ItemEvidence is where a page covers a required item: the words found.
type ItemEvidence struct {
	ID    string
	Quote string
}

// localOfferItems is the list of what a Local Offer must publish, in order:
// the analysis extractor's, whose rule tables hold the wordings of each item.
var localOfferItems = analysis.LocalOfferItemList()

// LocalOfferItems says which required items a page's words cover, with the
// words that show it: items in the list's order, each shown by the first of
// its wordings that a page's words match.
func (x *Extractor) LocalOfferItems(text string) []ItemEvidence {
	var out []ItemEvidence
	for _, it := range localOfferItems {
		for _, re := range x.localOfferItems[it.ID] {
			if loc := re.FindStringIndex(text); loc != nil {
				out = append(out, ItemEvidence{ID: it.ID, Quote: quoteAround(text, loc[0], loc[1])})
				break
			}
		}
	}
	return out
}

// quoteAround is the match with a little of its sentence.
func quoteAround(text string, from, to int) string {
	lo, hi := max(0, from-60), min(len(text), to+60)
	for lo > 0 && !utf8Start(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8Start(text[hi]) {
		hi++
	}
	return strings.Join(strings.Fields(text[lo:hi]), " ")
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// ServiceFields reads what a service's words say: ages, needs, cost, contacts,
// eligibility, last updated.
func (x *Extractor) ServiceFields(text string) Service {
	var s Service
	x.fillFromText(&s, text)
	return s
}

// RecordURL is a service record's address without what varies between the
// ways to reach it: kb5 (Open Objects / Idox) record pages keep only their id
// (the channel, search and session parameters go, and "&amp;" artefacts), any
// page loses ";jsessionid=", tracking parameters and its fragment. One record
// reached from two listings is then one service.
func RecordURL(raw string) string {
	u, err := url.Parse(strings.ReplaceAll(raw, "&amp;", "&"))
	if err != nil {
		return raw
	}
	u.Fragment = ""
	if i := strings.Index(strings.ToLower(u.Path), ";jsessionid="); i >= 0 {
		u.Path = u.Path[:i]
		u.RawPath = ""
	}
	q := u.Query()
	if kb5Record.MatchString(u.Path) && q.Get("id") != "" {
		u.RawQuery = url.Values{"id": {q.Get("id")}}.Encode()
		return u.String()
	}
	for k := range q {
		if lk := strings.ToLower(k); strings.HasPrefix(lk, "utm_") || lk == "jsessionid" || lk == "slaction" {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// channelLinks reads the categories a directory record links to in a block of
// its own (LocalGov Drupal's "localgov-directories-channels", a "categories"
// list), where there is no breadcrumb trail.
func channelLinks(doc *html.Node) []string {
	if doc == nil {
		return nil
	}
	block := documents.Find(documents.MainContent(doc), func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		c := strings.ToLower(documents.Attr(n, "class"))
		return strings.Contains(c, "channels") || strings.Contains(c, "categories") || strings.Contains(c, "taxonomy")
	})
	if block == nil {
		return nil
	}
	var out []string
	for _, a := range documents.FindAll(block, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		if t := strings.TrimSpace(documents.TextOf(a)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// rightsExplained are the ways guidance explains a process or a right: what
// the page is for, a statutory duty, a review or appeal, a policy, eligibility.
var rightsExplained = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\bthis (?:page|guide|section) (?:explains|tells you|sets out|describes|gives information)\b`),
	regexp.MustCompile(`(?i)\bstatutory\b`),
	regexp.MustCompile(`(?i)\b(?:every|each) (?:local (?:area|authority)|council|school)s? (?:must|has to|have to)\b|\b(?:the council|local authorities|the local authority|schools|colleges) (?:must|(?:has|have) a (?:legal )?duty)\b`),
	regexp.MustCompile(`(?i)\b(?:ask for|request) a review\b|\bappeal (?:to|against)\b|\bright to appeal\b|\b(?:review|appeals?) (?:and appeal )?process\b`),
	regexp.MustCompile(`(?i)\b(?:transport|travel|charging|admissions?|eligibility|exclusions?|send|sen|council'?s?|national|government) polic(?:y|ies)\b|\bpolicy statement\b`),
	regexp.MustCompile(`(?i)\btribunal\b`),
	regexp.MustCompile(`(?i)\b(?:may|might|could) be (?:eligible|entitled)\b|\b(?:is|are) not (?:eligible|entitled)\b`),
	regexp.MustCompile(`(?i)\bthe law\b|\bby law\b|\blegal (?:duty|right|document|requirement)\b`),
}

var (
	// A heading that names a process or a right: asking, applying, appealing;
	// an assessment, a plan, a policy, transport, a budget.
	processHeading = regexp.MustCompile(`(?i)^(?:ask(?:ing)?|request(?:ing)?|apply(?:ing)?|appeal(?:ing)?|complain(?:ing)?|disagree(?:ing)?|how|getting|get|moving|planning|choosing|finding|paying|what|when|why|who)\b|\b(?:assessments?|appeals?|tribunals?|mediation|polic(?:y|ies)|transport|travel|personal budgets?|direct payments?|ehc ?plans?|ehcps?|education, health and care|annual reviews?|eligibility|rights?|complaints?|exclusions?|admissions?|disagreements?|strateg(?:y|ies)|guidance|the law)\b`)
	// A service's short name: "Kingston SENDIASS", "Westvale IASS".
	serviceAcronym = regexp.MustCompile(`\b(?:SENDIASS|SENDIAS|SENIASS|IASS|PIAS|SENDIAS)\b`)
)

// serviceHeading says whether a page's heading names one service (a team, a
// service, a club, a SENDIASS) rather than a process or a right.
func serviceHeading(title string) bool {
	return (serviceNoun.MatchString(title) || serviceAcronym.MatchString(title)) && !processHeading.MatchString(title)
}

// rightsCount is how many of those ways a page's text uses.
func rightsCount(text string) int {
	n := 0
	for _, re := range rightsExplained {
		if re.MatchString(text) {
			n++
		}
	}
	return n
}

var (
	// A heading naming what a page explains rather than who offers it: a
	// process or a right (processHeading), a question, or a benefit, an
	// allowance, a grant or a concession.
	benefitHeading = regexp.MustCompile(`(?i)\b(?:allowances?|benefits?|grants?|bursar(?:y|ies)|concessions?|free school meals|blue badges?|payments?|funding|entitlements?|carer's assessments?|needs assessments?)\b`)
	// A heading that promises an explanation: "... what to expect", "A guide
	// to ...", "... explained", "Your rights ...", "Questions and answers".
	guideHeading = regexp.MustCompile(`(?i)\bwhat to expect\b|\b(?:a|our|your) guide\b|\bguide (?:to|for)\b|\bexplained$|\byour rights\b|\bquestions and answers\b|\bfaqs?\b|\bfrequently asked\b`)
	// The sections a page that explains a process is built of: who
	// qualifies, how to apply or claim, what happens next, how long it
	// takes, what to do if you disagree.
	processSection = regexp.MustCompile(`(?i)^(?:who (?:qualifies|is eligible|can (?:apply|claim|get|ask))|(?:do|does|will|can|could) (?:i|we|my|you)\b.*|eligibility(?: criteria)?|(?:how to |)(?:apply(?:ing)?|claim(?:ing)?|ask(?:ing)? for (?:one|it|an? \w+)|request(?:ing)?(?: an? \w+)?)(?: online| for [\w ]{1,30})?|how (?:to|do i|can i) (?:apply|claim|ask|request|appeal|complain|get)\b.*|(?:if you|when you|if the decision|if we)\b.*(?:disagree|unhappy|against you|say no|refuse).*|not happy with .*|(?:reviews?|appeals?|complaints?)(?: and (?:appeals?|complaints?|reviews?))?|how long .*|timescales?|what happens (?:next|after|at)\b.*|after the (?:assessment|application|decision|request)|how the [\w ]{1,30} (?:starts|works)|what (?:we|the council|the panel) will (?:look at|do|decide)\b.*|paying (?:towards|for) .*|who decides\b.*)\??$`)
	// Sentences that explain a rule to a reader: what they may do, what the
	// council will decide, by when.
	explainSentence = regexp.MustCompile(`(?i)\byou (?:can|could|may) (?:ask|apply|claim|qualify|appeal|complain|request|get|be able to)\b|\byou (?:have|will need) (?:the right|one month|\d+ (?:days|weeks))\b|\b(?:we|the council|the panel) (?:will|may) (?:assess|consider|decide|look at|review|agree|write)\b|\bwe decide\b|\b(?:within|in) (?:\d+|one|two|three|four|six|ten|twenty|twenty-eight) (?:working )?(?:days|weeks|months)\b|\b(?:by|before) \d{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\bright to\b|\bare entitled\b|\bqualif(?:y|ies)\b`)
	// What one provider's offer is made of: sessions at a time and place, a
	// price, a referral to it.
	offerWord = regexp.MustCompile(`(?im)^(?:venue|where|location|when(?: and where)?|sessions?|times?|opening (?:hours|times)|prices?|costs?|how much.*|booking.*|what we (?:do|offer)|what (?:we|the team) can help with)\s*:?$|\b(?:sessions? (?:run|are|is|take)|each session|per session|a session|term time|drop in|book (?:a|your) place|refer(?:ral)? to (?:us|the (?:service|team|club|group))|self-referral|refer yourself|referrals? (?:are|is) (?:accepted|taken|welcome))\b`)
)

// explainsScore is how much a page explains a process, a right or a benefit
// to its reader: its heading, the sections it is built of, and the
// sentences that set out a rule. A team's contact block at its foot does not
// make such a page a record.
func explainsScore(title, body string) int {
	n := 0
	if processHeading.MatchString(title) || questionTitle.MatchString(title) || benefitHeading.MatchString(title) || guideHeading.MatchString(title) {
		n += 2
	}
	sections := 0
	for _, l := range strings.Split(body, "\n") {
		if l = strings.TrimSpace(l); l != "" && len(l) < 80 && processSection.MatchString(l) {
			sections++
		}
	}
	n += min(sections, 3)
	n += min(len(explainSentence.FindAllString(body, -1))/2, 3)
	n += min(rightsCount(body), 2)
	// A page that says it is a page explaining something ("This page is for
	// young people aged 14 to 25 ... It explains how support changes") is
	// guidance: a service speaks of what it does, not of the page.
	if pageExplains.MatchString(body) {
		n += 2
	}
	return n
}

// pageExplains is a page introducing itself as guidance: "This page explains
// ...", "This guide sets out ...", "This page is for parents. It tells you
// what to expect".
var pageExplains = regexp.MustCompile(`(?i)\bthis (?:page|guide|section|leaflet|factsheet|fact sheet|information)\b(?:[^.\n]{0,150}\.\s+it)?[^.\n]{0,40}?\b(?:explains|sets out|describes|tells you|outlines|gives (?:you )?(?:information|advice|an overview) (?:about|on|of))\b`)

// offersScore is how much a page speaks of one provider's offer: its
// sessions, times, venue, price, and referrals to it.
func offersScore(text string) int {
	n := min(len(offerWord.FindAllString(text, -1)), 4)
	if schedule.MatchString(text) {
		n++
	}
	if selfService.MatchString(text) || recordIntro.MatchString(text) {
		n++
	}
	return n
}

var (
	// A paragraph that defines one service by its name, at its start or
	// after an opening phrase: "Lighthouse Crew is a Friday evening youth
	// group", "Sunbeams is our holiday play club", "For three weeks every
	// August, Otterbrook Summer Scheme offers days out"; a plural name
	// gives ("Saturday Sensory Mornings give"), but "offer", "run" and
	// "meet" after a name are nouns ("Wendbury College's SEND offer").
	definedService = regexp.MustCompile(`(?:^|^[^.!?]{0,60}?, )(?:The )?((?:[A-Z][\w'’&-]*\s+(?:(?:and|&|of|for|the|in)\s+)?){0,5}[A-Z][\w'’&-]*)(?:\s+\([A-Z]{2,8}\))?\s+(?:(?:is|are) (?:an?|our|the) [\w ,'’-]{0,50}?\b(?:club|group|scheme|service|team|project|programme|course|sessions?|playscheme|clinic|class|drop-in|network|forum|hub)\b|(?:offers|runs|meets|provides|gives|welcomes|helps|give|provide|welcome)\b)`)
	// A word that points at something rather than names it: "This is an NHS
	// service", "It is a free club" (a sentence's capital, not a name's).
	pointingWord = regexp.MustCompile(`^(?:This|That|These|Those|It|There|Here|We|They|He|She|You|Which|What|Who|Everyone|Anyone|Someone|Each|Every|Both|Such)$`)
	// A short form in brackets straight after a name: " (KDCS)".
	shortFormLead = regexp.MustCompile(`^\s*\([A-Z][A-Za-z&]{1,9}\)`)
	// An organisation's name: a body that runs services rather than one.
	orgName = regexp.MustCompile(`(?i)\b(?:trust|society|charity|association|foundation|families|network|partnership|cic|cio|ltd|limited)$`)
)

// definedName weighs the candidates for a record's name by what its text
// does with them, where the heading is not itself a service's name: a
// heading that is a trail ("What we do > Holiday club"), the trail's own
// section repeated as a heading ("Short breaks and holiday activities"), or
// an organisation's name that its text never defines as a service. The
// candidate is the one service the paragraphs define by name ("Lighthouse
// Crew is a Friday evening youth group"), in the longer form a heading of
// the page gives it ("Sunbeams" beside the heading "Sunbeams Holiday Club").
// An organisation whose text defines two services, or none, stays the name.
func definedName(name, text string) string {
	if name == "" || serviceHeading(name) && !trailStep.MatchString(name) {
		return name
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	// The page's trail is the nearest above its heading (a banner's menu
	// comes before it, a footer's links after); a heading written as a
	// trail ("What we do > Holiday club") is one too.
	lastStep := ""
	for _, l := range lines {
		if trailLine(l) || l == name && trailStep.MatchString(l) {
			steps := trailStep.Split(l, -1)
			lastStep = strings.TrimSpace(steps[len(steps)-1])
		}
		if l == name {
			break
		}
	}
	org := orgName.MatchString(name)
	for _, l := range lines {
		org = org || orgIdentity.MatchString(l) && strings.Contains(strings.Join(lines, " "), name+" is a")
	}
	replaceable := trailStep.MatchString(name) || strings.EqualFold(name, lastStep) || org
	if !replaceable {
		return name
	}
	defined := map[string]bool{}
	first := ""
	for _, l := range lines {
		if relatedHeading.MatchString(l) {
			break
		}
		if !paragraphLine(l) {
			continue
		}
		m := definedService.FindStringSubmatch(l)
		if m == nil || m[1] == name || strings.HasPrefix(name, m[1]) || orgName.MatchString(m[1]) || pointingWord.MatchString(m[1]) || !strings.Contains(m[1], " ") && !strings.Contains(m[0], " is our ") && !strings.Contains(m[0], " is a") {
			continue
		}
		if !defined[m[1]] {
			defined[m[1]] = true
			if first == "" {
				first = m[1]
			}
		}
	}
	if len(defined) != 1 {
		// A heading written as a trail names its last step when the text
		// speaks of it ("Activities / Saturday Sensory Mornings").
		if trailStep.MatchString(name) && lastStep != "" && len(defined) == 0 {
			for _, l := range lines {
				if paragraphLine(l) && strings.Contains(l, lastStep) {
					return lastStep
				}
			}
		}
		return name
	}
	// The longer form a heading gives the defined name.
	for _, l := range lines {
		if l != first && strings.HasPrefix(l, first+" ") && !paragraphLine(l) && len(strings.Fields(l)) <= 8 && titleCandidate(l) {
			return l
		}
	}
	return first
}
