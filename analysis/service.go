package analysis

import (
	"bytes"
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

// LocalOfferPage reads one page of a Local Offer site: what kind of page it is,
// the service it describes when it is a record, and for listings nothing more
// (their links are the crawler's business).
func LocalOfferPage(body []byte, contentType, pageURL string) (kind string, svc *Service) {
	t, err := ExtractText(body, contentType, pageURL)
	if err != nil || t.Format != "html" {
		return KindGuide, nil
	}
	doc, _ := html.Parse(bytes.NewReader(body))
	if s, ok := jsonLDService(doc); ok {
		s.URL, s.ID, s.Source = pageURL, pageURL, "html"
		fillFromText(&s, t.Body)
		return KindService, &s
	}
	mail, tel := contactLinks(doc)
	kind, svc = LocalOfferText(t.Body, t.Title, pageURL, mail || tel)
	if svc != nil {
		svc.Categories = breadcrumbs(doc)
		// Addresses often sit only in mailto:/tel: links.
		svc.HasEmail = svc.HasEmail || mail
		svc.HasPhone = svc.HasPhone || tel
		return kind, svc
	}
	if listingLinks(doc) >= 5 {
		return KindListing, nil
	}
	return kind, nil
}

// LocalOfferText classifies a Local Offer page from its text: a service record
// carries the headings of one ("Who is it for?", "How do you get it?",
// "Eligibility", "Contact") or a heading and contact details.
func LocalOfferText(text, title, pageURL string, contactLinks bool) (string, *Service) {
	markers := len(serviceMarkers.FindAllString(text, -1))
	contacts := phoneRe.MatchString(text) || emailRe.MatchString(text) || contactLinks
	selfDescribed := serviceSelf.MatchString(head(text, 400)) && len(referralWord.FindAllString(text, -1)) >= 2
	lo, hi := ageRange(text)
	specifics := (lo != nil || hi != nil) && cost(text) != "" // who it is for and what it costs
	if markers >= 2 || (markers >= 1 && (contacts || selfDescribed || specifics)) || (selfDescribed && contacts) {
		s := Service{ID: pageURL, URL: pageURL, Name: title, Source: "html"}
		fillFromText(&s, text)
		return KindService, &s
	}
	return KindGuide, nil
}

// fillFromText reads ages, needs, cost, contacts and a description from a
// record's text.
func fillFromText(s *Service, text string) {
	if s.Description == "" {
		s.Description = firstParagraph(text, s.Name)
	}
	if s.AgeMin == nil && s.AgeMax == nil {
		s.AgeMin, s.AgeMax = ageRange(text)
	}
	s.NeedTypes = mergeSorted(s.NeedTypes, needCodes(s.Name+"\n"+text))
	if s.Cost == "" {
		s.Cost = cost(text)
	}
	s.HasPhone = s.HasPhone || phoneRe.MatchString(text)
	s.HasEmail = s.HasEmail || emailRe.MatchString(text)
	if s.LastUpdated == "" {
		if m := lastUpdated.FindStringSubmatch(text); m != nil {
			s.LastUpdated = strings.TrimSpace(m[1])
		}
	}
}

func needCodes(text string) []string {
	var out []string
	for _, f := range vocabFacts(text, "need.type", needTypes, 0) {
		out = append(out, f.Value)
	}
	sort.Strings(out)
	return out
}

func mergeSorted(a, b []string) []string {
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
// "up to the age of 25", "from birth to 5".
var (
	ageSpan  = regexp.MustCompile(`(?i)(?:aged?s?|age range|from|between|years?|young people|children)\s*(?:of\s*)?:?\s*\(?(\d{1,2}|birth)\s*(?:-|–|to|and)\s*(\d{1,2})\)?(?:\s*(?:years?|yrs))?`)
	ageParen = regexp.MustCompile(`\((\d{1,2})\s*(?:-|–)\s*(\d{1,2})\)`)
	ageUpTo  = regexp.MustCompile(`(?i)up to (?:the age of |age )?(\d{1,2})\b`)
	ageYears = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*(?:years?|yrs|year olds?)\b`)
)

func ageRange(text string) (*int, *int) {
	for _, re := range []*regexp.Regexp{ageSpan, ageYears, ageParen} {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			lo := 0
			if !strings.EqualFold(m[1], "birth") {
				lo, _ = strconv.Atoi(m[1])
			}
			hi, _ := strconv.Atoi(m[2])
			if lo < hi && hi <= 25 {
				return &lo, &hi
			}
		}
	}
	if m := ageUpTo.FindStringSubmatch(text); m != nil {
		hi, _ := strconv.Atoi(m[1])
		if hi > 0 && hi <= 25 {
			zero := 0
			return &zero, &hi
		}
	}
	return nil, nil
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
