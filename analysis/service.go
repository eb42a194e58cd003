package analysis

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Service is one Local Offer service record, from an LA's web page or its Open
// Referral UK (ORUK) feed.
type Service struct {
	ID          string // the feed's id, or the page URL for HTML records
	Name        string
	URL         string
	Description string
	Categories  []string
	AgeMin      *int
	AgeMax      *int
	NeedTypes   []string // census codes plus ADHD, from the record's words and taxonomy terms
	Cost        string   // free, charged, or the words given
	HasPhone    bool
	HasEmail    bool
	Source      string // html or oruk
	LastUpdated string // as the record gives it
	Eligibility string // who it is for, in the record's words
	HasWebsite  bool
	Status      string // the feed's status ("active", "inactive", ...); empty for web pages
}

// Current says whether a service is offered now: a feed's record whose status
// is other than active is not.
func (s Service) Current() bool {
	return s.Status == "" || strings.EqualFold(s.Status, "active")
}

// Local Offer page kinds (DATASET.md doc_type values).
const (
	KindService = "local_offer_service"
	KindListing = "local_offer_listing"
	KindGuide   = "la_guidance"
)

// Headings and labels that service records carry: short lines such as "Who is
// it for?", "How to get portage", "Making a referral", "Eligibility", "Contact us".
var serviceMarkers = regexp.MustCompile(`(?im)^(?:who (?:is|are|can)\b|how (?:to|do|can|is|will|does)\b|(?:making a |the )?referrals?\b|referral (?:process|criteria|form)|eligib|contact\b|costs?\b|fees\b|charges\b|age range|ages?\b|opening (?:hours|times)|venue\b|what to expect|where (?:is|are|to)\b).{0,60}$`)

// A service describes itself as a team or service that takes referrals.
var (
	serviceSelf  = regexp.MustCompile(`(?i)\b(?:team|service|outreach|clinic)\b`)
	referralWord = regexp.MustCompile(`(?i)\brefer(?:ral|rals|red|)\b`)
)

// LocalOfferPage reads one page of a Local Offer site: what kind of page it is
// and the service it describes when it is a record (ReadLocalOffer says more).
func (x *Extractor) LocalOfferPage(body []byte, contentType, pageURL string) (kind string, svc *Service) {
	r := x.ReadLocalOffer(body, contentType, pageURL)
	return r.Kind, r.Service
}

// LocalOfferText classifies a Local Offer page from its text and title: a
// service record carries the headings of one ("Who is it for?", "How do you get
// it?", "Eligibility", "Contact"), names itself a team or service, or gives
// contact details.
func (x *Extractor) LocalOfferText(text, title, pageURL string, contactLinks bool) (string, *Service) {
	r := x.readLocalOfferText(text, title, pageURL, pageSignals{mail: contactLinks})
	return r.Kind, r.Service
}

// fillFromText reads ages, needs, cost, contacts and a description from a
// record's text.
func (x *Extractor) fillFromText(s *Service, text string) {
	if s.Description == "" {
		s.Description = firstParagraph(text, s.Name)
	}
	if s.AgeMin == nil && s.AgeMax == nil {
		s.AgeMin, s.AgeMax = ageRange(text)
	}
	s.NeedTypes = UnionSorted(s.NeedTypes, x.needCodes(s.Name+"\n"+text))
	if s.Cost == "" {
		s.Cost = cost(text)
	}
	s.HasPhone = s.HasPhone || phoneRe.MatchString(text)
	s.HasEmail = s.HasEmail || emailRe.MatchString(text)
	if s.Eligibility == "" {
		s.Eligibility = eligibility(text)
	}
	s.HasWebsite = s.HasWebsite || websiteRe.MatchString(text)
	if s.LastUpdated == "" {
		if m := lastUpdated.FindStringSubmatch(text); m != nil {
			s.LastUpdated = strings.TrimSpace(m[1])
		}
	}
}

// needCodes are the need types a Local Offer text names.
func (x *Extractor) needCodes(text string) []string {
	var out []string
	for _, f := range vocabFacts(text, "need.type", x.needTypes, 0) {
		out = append(out, f.Value)
	}
	sort.Strings(out)
	return out
}

// UnionSorted is the sorted union of two lists, without empty or repeated values.
func UnionSorted(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range append(append([]string{}, a...), b...) {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sort.Strings(out)
	return out
}

// Eligibility follows a heading such as "Who is it for?" or a sentence such as
// "Eligibility for the service is ...".
var (
	eligibilityHead = regexp.MustCompile(`(?im)^\s*(?:who (?:is|are) (?:it|this|the service|this service|[\w ]{1,30}) for\??|who can (?:use|access|get|attend|refer)[^\n]{0,40}|eligibility(?: criteria)?:?|can my child [^\n]{0,60})\s*$`)
	eligibilityLine = regexp.MustCompile(`(?i)[^.\n]*\b(?:eligib(?:le|ility)|is (?:for|open to|available to) (?:children|young people|families|pupils|anyone))\b[^.\n]*[.\n]?`)
	websiteRe       = regexp.MustCompile(`(?i)\bwebsite\s*:|\bhttps?://|\bwww\.[a-z0-9-]+\.`)
)

func eligibility(text string) string {
	if loc := eligibilityHead.FindStringIndex(text); loc != nil {
		rest := strings.TrimSpace(text[loc[1]:])
		var lines []string
		for _, l := range strings.Split(rest, "\n") {
			l = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(l), "•*-–"))
			if l == "" {
				if len(lines) > 0 {
					break
				}
				continue
			}
			if serviceMarkers.MatchString(l) && len(lines) > 0 {
				break
			}
			lines = append(lines, l)
			if len(strings.Join(lines, " ")) > 400 {
				break
			}
		}
		if e := strings.Join(lines, " "); e != "" {
			return clip(e, 500)
		}
	}
	if m := eligibilityLine.FindString(text); m != "" {
		return clip(strings.TrimSpace(m), 500)
	}
	return ""
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

var lastUpdated = regexp.MustCompile(`(?i)last (?:updated|reviewed)\s*[:\-]?\s*([0-9A-Za-z ,/]{6,30}\d{4})`)

func firstParagraph(text, name string) string {
	for _, para := range strings.Split(text, "\n") {
		p := strings.TrimSpace(para)
		if len(p) >= 40 && p != name {
			if r := []rune(p); len(r) > 500 {
				p = string(r[:500])
			}
			return p
		}
	}
	return ""
}

// Ages are given as numbers in many shapes: "aged 0-5", "(4-16)", "0 to 25 years",
// "0-25", "up to the age of 25", "from birth to 5", "post-16", "16+", and as
// school stages ("reception to year 6", "key stage 2"). "Up to" gives no minimum.
var (
	ageSpan  = regexp.MustCompile(`(?i)(?:aged?s?|age range|from|between|years?|young people|children)\s*(?:of\s*)?:?\s*\(?(\d{1,2}|birth)\s*(?:-|–|−|to|and|up to|until)\s*(\d{1,2})\)?(?:\s*(?:years?|yrs))?`)
	ageParen = regexp.MustCompile(`\((\d{1,2})\s*(?:-|–)\s*(\d{1,2})\)`)
	ageBare  = regexp.MustCompile(`(?i)\b(0|birth)\s*(?:-|–|to)\s*(\d{1,2})\b`)
	ageUpTo  = regexp.MustCompile(`(?i)\bup to (?:and including )?(?:the )?age (?:of )?(\d{1,2})\b|\bup to (\d{1,2})(?:\s*(?:years?|yrs)\b|\s*$|\s*[.,;)])|\b(?:until|up to) (?:their|the age of) (\d{1,2})(?:st|nd|rd|th)?(?: birthday)?\b|\buntil (?:they are|they're|the young person is|your child is) (\d{1,2})\b|\b(?:under|aged under) (\d{1,2})s?\b|\bturns? (\d{1,2})\b`)
	ageYears = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*(?:years?|yrs|year olds?)\b`)
	agePlus  = regexp.MustCompile(`(?i)\bpost[- ]?(16|19)\b|\b(1[1-9])\s?\+`)
)

// ageRange takes the first age statement of the text (a page states whom it is
// for before it mentions other ages), extended by an "up to the age of 25"
// that follows a span closely ("aged 16-19 (or up to 25 with an EHC plan)").
func ageRange(text string) (*int, *int) {
	type cand struct {
		at     int
		lo, hi *int
	}
	var best *cand
	consider := func(c cand) {
		if best == nil || c.at < best.at {
			best = &c
		}
	}
	for _, re := range []*regexp.Regexp{ageSpan, ageYears, ageParen, ageBare} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			a, b := text[m[2]:m[3]], text[m[4]:m[5]]
			lo := 0
			if !strings.EqualFold(a, "birth") {
				lo, _ = strconv.Atoi(a)
			}
			hi, _ := strconv.Atoi(b)
			if lo < hi && hi <= 25 {
				if up := ageUpTo.FindStringSubmatch(text[m[1]:min(len(text), m[1]+100)]); up != nil {
					if n, _ := strconv.Atoi(firstNonEmpty(up[1:]...)); n > hi && n <= 25 {
						hi = n
					}
				}
				consider(cand{m[0], &lo, &hi})
				break
			}
		}
	}
	if at, lo, hi := stageRange(text); lo != nil {
		consider(cand{at, lo, hi})
	}
	if m := ageUpTo.FindStringSubmatchIndex(text); m != nil {
		words := text[m[0]:m[1]]
		var num string
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				num = text[m[g]:m[g+1]]
				break
			}
		}
		hi, _ := strconv.Atoi(num)
		if strings.Contains(strings.ToLower(words), "under") {
			hi--
		}
		if hi > 0 && hi <= 25 {
			consider(cand{m[0], nil, &hi})
		}
	}
	if m := agePlus.FindStringSubmatchIndex(text); m != nil {
		var num string
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				num = text[m[g]:m[g+1]]
				break
			}
		}
		lo, _ := strconv.Atoi(num)
		consider(cand{m[0], &lo, nil})
	}
	if best == nil {
		return nil, nil
	}
	lo, hi := best.lo, best.hi
	// Two spans that continue each other describe one population told in two
	// parts ("a child aged 0 to 16 ... a young person aged 16 to 25").
	if lo != nil && hi != nil {
		for _, m := range ageSpan.FindAllStringSubmatchIndex(text, -1) {
			if m[0] <= best.at || m[0] > best.at+400 {
				continue
			}
			a, _ := strconv.Atoi(text[m[2]:m[3]])
			b, _ := strconv.Atoi(text[m[4]:m[5]])
			if (a == *hi || a == *hi+1) && b > *hi && b <= 25 {
				h := b
				hi = &h
			}
		}
	}
	// A stated start with its end said apart ("from Year 9 ... until they are 25").
	if lo != nil && hi == nil {
		if m := ageUpTo.FindStringSubmatchIndex(text[best.at:min(len(text), best.at+600)]); m != nil {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					if n, _ := strconv.Atoi(text[best.at+m[g] : best.at+m[g+1]]); n > *lo && n <= 25 {
						hi = &n
					}
					break
				}
			}
		}
	}
	return lo, hi
}

var (
	freeRe   = regexp.MustCompile(`(?i)\b(?:is|are|it's|service is)?\s*(?:free(?: of charge)?|no (?:charge|cost)|at no cost)\b`)
	chargeRe = regexp.MustCompile(`£\s?\d+(?:\.\d\d)?(?:\s*(?:per|a|an)\s+\w+)?`)
)

func cost(text string) string {
	free := freeRe.MatchString(text)
	charge := chargeRe.FindString(text)
	switch {
	case free && charge != "":
		return "free; charges for some: " + charge
	case charge != "":
		return "charged: " + charge
	case free:
		return "free"
	}
	return ""
}

func contactLinks(doc *html.Node) (mail, tel bool) {
	if doc == nil {
		return false, false
	}
	for _, a := range findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		href := strings.ToLower(strings.TrimSpace(attr(a, "href")))
		mail = mail || strings.HasPrefix(href, "mailto:")
		tel = tel || strings.HasPrefix(href, "tel:")
	}
	return
}

// breadcrumbs reads the category trail most directory pages show above a record.
func breadcrumbs(doc *html.Node) []string {
	if doc == nil {
		return nil
	}
	trail := find(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		label := strings.ToLower(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "aria-label"))
		return strings.Contains(label, "breadcrumb")
	})
	if trail == nil {
		return nil
	}
	var out []string
	for _, a := range findAll(trail, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		t := textOf(a)
		switch strings.ToLower(t) {
		case "", "home", "local offer", "send local offer", "the local offer":
			continue
		}
		out = append(out, t)
	}
	return out
}

func listingLinks(doc *html.Node) int {
	if doc == nil {
		return 0
	}
	root := mainContent(doc)
	return len(findAll(root, func(n *html.Node) bool { return n.DataAtom == atom.A && !skipped(n) }))
}

// jsonLDService reads a schema.org Service (or Organization) from JSON-LD, where a
// directory publishes it.
func jsonLDService(doc *html.Node) (Service, bool) {
	if doc == nil {
		return Service{}, false
	}
	for _, sc := range findAll(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && strings.Contains(attr(n, "type"), "ld+json")
	}) {
		raw := textOf(sc)
		var v map[string]any
		if json.Unmarshal([]byte(raw), &v) != nil {
			continue
		}
		typ := fmt.Sprint(v["@type"])
		if typ != "Service" && typ != "GovernmentService" && typ != "Organization" {
			continue
		}
		s := Service{Name: str(v["name"]), Description: str(v["description"])}
		if c := str(v["serviceType"]); c != "" {
			s.Categories = []string{c}
		}
		s.HasPhone = str(v["telephone"]) != ""
		s.HasEmail = str(v["email"]) != ""
		if s.Name != "" {
			return s, true
		}
	}
	return Service{}, false
}

func str(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}
