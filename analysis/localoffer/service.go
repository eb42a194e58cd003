package localoffer

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/analysis/textstage"
	"github.com/sendscope/sendscope/documents"
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
var serviceMarkers = regexp.MustCompile(`(?im)^(?:who (?:is|are|can)\b|how (?:to|do|can|is|will|does)\b|(?:where|when|venue|location):?$|(?:making a |the )?referrals?\b|referral (?:process|criteria|form)|eligib|contact\b|costs?\b|fees\b|charges\b|age range|ages?\b|opening (?:hours|times)|venue\b|what to expect|where (?:is|are|to)\b|(?:what (?:it|does it) costs?|does it cost|how much (?:does|is|will)|is there a (?:cost|charge|fee))\b|(?:when and where|where and when|times and venues?)\b).{0,60}$`)

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
	s.NeedTypes = UnionSorted(s.NeedTypes, x.needCodes(s.Name+"\n"+otherTeams(text, s.Name)))
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

// needCodes are the census codes (plus ADHD) a service's or page's own words
// name: what it links to as other services, and its venue's access, are not its needs.
func (x *Extractor) needCodes(text string) []string {
	text = needText(text)
	var out []string
	for _, v := range []analysis.Vocabulary{x.needTypes, x.localOfferNeeds} {
		for _, f := range v.Facts(text, "need.type", 0) {
			out = append(out, f.Value)
		}
	}
	return UnionSorted(out, nil)
}

var (
	// Where a page turns to other services ("Related pages", "See also"), or
	// to the rest of what its provider or site does ("Other things we do",
	// "More news and events"), or to the rest of its section or site under
	// that section's or site's name ("More in Specialist teaching", "Latest
	// from Fernley SENDIASS"): what follows names their needs, not this
	// page's.
	relatedHeading = regexp.MustCompile(`(?i)^(?:(?:more|latest|news) from [\w'’&,. -]{2,60}|more in [\w'’&,. -]{2,60}|related(?:\s+[\w-]+){0,3}|see also|useful (?:links|organisations|contacts|websites)|other (?:useful )?(?:links|services|organisations|support)(?: (?:you|that|which|who) .*)?|where else (?:to|can (?:i|you)) get (?:help|support)|you (?:may|might) also (?:like|want|need|be interested in).*|other services (?:that|which|who) (?:can|may|might) help.*|similar services|more (?:in|from) this section|(?:other|more) pages(?: (?:in|from) this (?:area|section|topic))?|pages in this (?:section|area)|recent posts|(?:latest|more|other|related|recent) (?:news|stories|articles|posts)|(?:similar|other|more|latest) (?:jobs|vacancies|roles|posts)|(?:more|other|latest|recent) (?:[\w'’-]+ )?(?:news|events|stories|things|activities|services|groups|clubs|sessions|projects|pages|links|articles|posts)\b(?: (?:and|&) [\w'’-]+)?(?: (?:we|you|from|in|on|at|by)\b[\w'’ -]{0,30})?)\s*:?$`)
	// A venue's access is not a need of the service: "wheelchair accessible",
	// "level access", "a changing places toilet".
	venueAccess = regexp.MustCompile(`(?i)\bwheelchairs?[- ](?:accessible|access(?:ibility)?|friendly|ramps?)\b|\b(?:level|step[- ]free|disabled|accessible|wheelchair) (?:access|toilets?|parking|entrances?|changing(?: rooms?)?|lifts?)\b|\bchanging places\b`)
)

// needText is the part of a page that speaks of its own service: the page up to
// a heading that turns to other services (once some text has been said), with
// a venue's access words taken out.
func needText(text string) string {
	text = venueAccess.ReplaceAllString(beforeRelated(text), " ")
	text = seeAlsoLine.ReplaceAllString(text, " ")
	text = methodList.ReplaceAllString(text, " ")
	text = notServed.ReplaceAllString(text, " ")
	text = notTaken.ReplaceAllString(text, " ")
	text = othersNeed.ReplaceAllString(text, " ")
	text = concession.ReplaceAllString(text, " ")
	for _, re := range needElsewhere {
		text = re.ReplaceAllStringFunc(text, func(sent string) string {
			// Only the clause that says it: "designed around young people
			// with autism, although you do not need a diagnosis" keeps its
			// first clause.
			// A condition goes with the clause it leads to: "If you are
			// worried your child might have ADHD, your health visitor can
			// point you on".
			var kept []string
			for _, part := range clauseCut.Split(sent, -1) {
				if !re.MatchString(part) {
					kept = append(kept, part)
				} else if n := len(kept); n > 0 && condition.MatchString(kept[n-1]) {
					kept = kept[:n-1]
				}
			}
			return " " + strings.Join(kept, " ; ") + " "
		})
	}
	return text
}

// seeAlsoLine is a line that turns to other pages with its links on it ("See
// also: ADHD groups | Groups for deaf children"): their needs are theirs.
var seeAlsoLine = regexp.MustCompile(`(?im)^[ \t]*(?:see also|related(?: pages| links| services)?|you (?:may|might) also (?:like|need)|other (?:pages|services|groups))[ \t]*:.*$`)

// concession is a sentence that names a diagnosis only to say it keeps no one
// out: "If a young person already has a diagnosis of autism we will still see
// them for their mental health", "Even if your child has been diagnosed with
// ADHD, they can still join". The whole sentence goes: its need is named in
// one clause and conceded in the other.
var concession = regexp.MustCompile(`(?i)[^.!?\n]*\b(?:if|even if|where)\b[^.!?\n]{0,80}\bdiagnos\w*\b[^.!?\n]{0,80}\bstill\b[^.!?\n]*[.!?]?`)

// clauseCut is where a sentence turns: a comma, a semicolon, a colon, or a
// word that sets one clause against another.
var (
	clauseCut = regexp.MustCompile(`(?i)[,;:]|\b(?:although|though|but|whereas|however)\b`)
	condition = regexp.MustCompile(`(?i)^\s*(?:if|when|should|where)\b`)
)

// needElsewhere are the sentences that name a need without saying whom the
// service is for: a diagnosis it does not ask for or does not make, a worry
// sent on to someone else, a group another team serves. A need counts when
// the text says the service is for people with it; these say it is not, or
// not here. Each is one sentence, so the sentences beside it keep their
// needs.
var needElsewhere = []*regexp.Regexp{
	// No diagnosis asked for: "you do not need a diagnosis such as autism",
	// "do not have to be diagnosed with ...", "a diagnosis of ADHD is not
	// needed", "with or without a diagnosis".
	regexp.MustCompile(`(?i)[^.!?\n]*(?:\b(?:not|no|without|never)|n't)\b[^.!?\n]{0,40}\bdiagnos[^.!?\n]*[.!?]?`),
	regexp.MustCompile(`(?i)[^.!?\n]*\bdiagnos\w*\b[^.!?\n]{0,50}\b(?:is|are|isn't|aren't)(?: not)? (?:needed|required|necessary|essential)\b[^.!?\n]*[.!?]?`),
	// Not made here: "we do not carry out autism assessments", "we don't
	// assess for ADHD".
	regexp.MustCompile(`(?i)[^.!?\n]*(?:\b(?:not|no longer|unable to|cannot)|n't)\b[^.!?\n]{0,30}\b(?:assess|diagnos)[^.!?\n]*[.!?]?`),
	// A worry sent elsewhere: "If you think your child may be autistic, talk
	// to your GP", "your health visitor can point you to the right team",
	// "we also signpost families to ...".
	regexp.MustCompile(`(?i)[^.!?\n]*\b(?:(?:talk|speak) to|ask|contact) your (?:gp|doctor|health visitor|school|setting|senco|child's school)\b[^.!?\n]*[.!?]?`),
	regexp.MustCompile(`(?i)[^.!?\n]*\b(?:signpost\w*|(?:can|will|may) (?:point|direct|put) (?:you|families|parents)\b)[^.!?\n]*[.!?]?`),
	// Another's group: "... are supported by our colleagues in ...".
	regexp.MustCompile(`(?i)[^.!?\n]*\b(?:seen|supported|helped|covered|looked after|assessed|provided|worked with) by (?:our colleagues|colleagues|another|other|a (?:different|separate))\b[^.!?\n]*[.!?]?`),
}

// beforeRelated is a page up to a heading that turns to other pages or
// services ("Related pages", "Other pages in this area"), once some text has
// been said: what follows is the site's, not the page's.
func beforeRelated(text string) string { return beforeHeading(text, relatedHeading) }

// beforeHeading is text up to the first line heading matches after a paragraph
// has been said (so a menu item of the same words above the text does not cut
// it), or all of text.
func beforeHeading(text string, heading *regexp.Regexp) string {
	lines := strings.Split(text, "\n")
	said := false
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if said && heading.MatchString(l) {
			return strings.Join(lines[:i], "\n")
		}
		said = said || paragraphLine(l)
	}
	return text
}

// methodList is the methods a service uses, named as examples: "modelling
// approaches such as visual timetables, Attention Autism sessions and ..." (up
// to whom they are for, which stays).
var methodList = regexp.MustCompile(`(?i)\b(?:approaches|strategies|techniques|interventions|methods|programmes|programs|tools|resources|activities)\s+(?:such as|like|including|e\.g\.)[^.;:!?\n]*?(?:\b(?:for|with|who)\b|[.;:!?\n]|$)`)

var (
	// Whom a page speaks of: children, young people, pupils, families.
	peopleWord = regexp.MustCompile(`(?i)\b(?:child(?:ren)?|young (?:people|person|adults?)|pupils?|students?|learners?|bab(?:y|ies)|toddlers|adults?|people|famil(?:y|ies)|parents?|carers?|siblings|members|girls|boys|teenagers)\b`)
	// What ties them to a need: "children with autism", "young people who have
	// ADHD", "may have disorders such as ...".
	peopleLink  = regexp.MustCompile(`(?i)^[^.;:!?\n]{0,40}?\b(?:with|who (?:have|has|are|is|may have)|may have|living with|affected by|diagnosed with)\b[^.;:!?\n]{0,100}`)
	wordsBefore = regexp.MustCompile(`(?:[\w'’-]+[ \t]+){0,3}$`)
	listPerson  = regexp.MustCompile(`(?i)\b(?:they|sons?|daughters?|you)\b`)
	beingItem   = regexp.MustCompile(`(?i)^\s*[-•*–]?\s*(?:has|have|is|are|was|were)\b`)
	bulletLine  = regexp.MustCompile(`^\s*(?:[-•*–]|\d+[.)]\s+\S+.*[,;]$)`)
)

// needAudience is what an information or other page says of its subject's
// needs: its headings (a section for a need, an agenda item) and the groups
// of people it names with a need ("pupils with dyslexia", "autistic young
// people", "children who may have ADHD"). A need named otherwise is incidental:
// a diagnosis asked for as evidence, an assessment's waiting times, a
// wheelchair in an example, a news headline below the story.
func needAudience(text string) string {
	text = needText(text)
	var b strings.Builder
	// A list led by a line about people ("You are likely to qualify if your
	// child:") goes on speaking of them in each item ("- is autistic and
	// ..."), whatever words the items use, when an item says what they have
	// or are; an item saying what they do ("- live beyond the walking
	// distance") is a condition, not a need.
	listOfPeople := false
	for _, line := range strings.Split(text, "\n") {
		l := strings.TrimSpace(line)
		if l == "" {
			continue
		}
		if listOfPeople && bulletLine.MatchString(l) && beingItem.MatchString(l) {
			b.WriteString(l + "\n")
			continue
		}
		listOfPeople = strings.HasSuffix(l, ":") && (peopleWord.MatchString(l) || listPerson.MatchString(l))
		if !paragraphLine(l) && len(strings.Fields(l)) <= 10 && !bulletLine.MatchString(l) {
			b.WriteString(l + "\n")
			continue
		}
		for _, m := range peopleWord.FindAllStringIndex(l, -1) {
			before := wordsBefore.FindString(l[:m[0]])
			b.WriteString(before + l[m[0]:m[1]])
			if after := peopleLink.FindString(l[m[1]:]); after != "" {
				b.WriteString(after)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// notServed is a sentence saying whom a service does not take, or whom a rule
// leaves out: "The scheme is not suitable for young people with profound and
// multiple learning disabilities.", "a pupil with ADHD who ... would not usually
// qualify".
var notServed = regexp.MustCompile(`(?i)[^.!?\n]*\b(?:not (?:suitable|appropriate|designed|able to (?:support|offer|help|accept|meet))|unable to (?:support|accept|meet)|cannot (?:support|accept|meet)|(?:does|do) not (?:support|cover|accept|work with)|(?:would|will|does|do|is|are|may|might) not (?:usually |normally |always |automatically )?(?:qualify|be eligible|be entitled|get (?:help|it|transport|a place)))\b[^.!?\n]*[.!?]?`)

// notTaken and othersNeed are sentences that name a need for someone the
// service is not for: a group it does not take ("We are unable to take
// referrals where ADHD is the main concern"), another organisation's group
// or a member's brother or sister (textstage lexicon lo.not_taken,
// lo.others_need, with their examples).
var (
	notTaken   = textstage.BuiltinRegexp(`(?i)[^.!?\n]*(?:{lo.not_taken})[^.!?\n]*[.!?]?`)
	othersNeed = textstage.BuiltinRegexp(`(?i)[^.!?\n]*(?:{lo.others_need})[^.!?\n]*[.!?]?`)
)

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
	eligibilityHead = regexp.MustCompile(`(?im)^\s*(?:who (?:is|are) (?:it|this|the service|this service|[\w ]{1,30}) for\??|who can (?:use|access|get|attend|refer|join|come|be referred)[^\n]{0,40}|eligibility(?: criteria)?:?|can my child [^\n]{0,60})\s*$`)
	eligibilityLine = regexp.MustCompile(`(?i)[^.\n]*\b(?:eligib(?:le|ility)|is (?:for|open to|available to) (?:children|young people|families|pupils|anyone))\b[^.\n]*[.\n]?`)
	websiteRe       = regexp.MustCompile(`(?i)\bwebsite\s*:|\bhttps?://|\bwww\.[a-z0-9-]+\.`)
)

// eligibleSection is the paragraph under an eligibility heading ("Who can
// be referred?"), or "" where the page has none.
func eligibleSection(text string) string {
	loc := eligibilityHead.FindStringIndex(text)
	if loc == nil {
		return ""
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(text[loc[1]:]), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			break
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

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
// "0-25", "up to the age of 25", "from birth to 5", "post-16", "16+", in words
// ("birth to five", "their fifth birthday"), and as school stages ("reception to
// year 6", "school Years 4 to 9", "key stage 2"). "Up to" gives no minimum;
// "under N" is every age below N; a birthday that ends a band is its maximum
// ("up to their 25th birthday" is 0-25, as the sector writes "0-25").
var (
	ageSpan  = regexp.MustCompile(`(?i)\b(?:aged?s?|age range|from|between|young people|children)\s*(?:of\s*)?[:|]?\s*\(?(\d{1,2}|birth)\s*(?:-|–|−|to|and|up to|until)\s*(?:the age of\s+)?(\d{1,2})\)?(?:\s*(?:years?|yrs))?`)
	ageParen = regexp.MustCompile(`\((\d{1,2})\s*(?:-|–)\s*(\d{1,2})\)`)
	ageBare  = regexp.MustCompile(`(?i)\b(0|birth)\s*(?:-|–|to)\s*(\d{1,2})\b`)
	ageUpTo  = regexp.MustCompile(`(?i)\bup to (?:and including )?(?:the )?age (?:of )?(\d{1,2})\b|\bup to (\d{1,2})\b|\b(?:until|up to) (?:the age of) (\d{1,2})\b|\buntil (?:they|the young person|your child|he or she) (?:are|is|reach|reaches|turn|turns|become|becomes) (?:age |aged )?(\d{1,2})\b|\buntil (?:they're) (\d{1,2})\b|\b(?:through|right up|all the way) to (\d{1,2})[- ]?year[- ]olds?\b|\b(?:under|aged under)[- ](\d{1,2})s?\b|\bfrom (?:toddlers|babies|infants|pre-?schoolers|young children) (?:to|up to|until|right up to) (?:young (?:adults|people)|adults|adulthood)(?: aged| at)? (\d{1,2})\b|\bturns? (\d{1,2})\b|\buntil [^.,;\n]{0,40}?\b(?:leave|leaves|finish|finishes|complete|completes) (?:[\w-]+ ){0,2}?(?:school|college|education)[^.,;\n]{0,12}? at (?:age )?(\d{1,2})\b`)
	// A following sentence that keeps the same support going to a later age:
	// "we will keep supporting them until they are 19", "we continue to see
	// young people up to 25" (the sentence after the band, no further).
	ageKeepOn = regexp.MustCompile(`(?i)^[^.;\n]{0,120}[.;]\s+[^.;\n]{0,60}?\b(?:keep|continue|carry on|stay)\s+(?:to\s+|on\s+)?(?:\w+ing|\w+)\b[^.;\n]{0,40}?\b(?:until (?:they are|they're|they turn|age|the age of)|up to (?:the age of |age )?)\s*(\d{1,2})\b`)
	ageYears  = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s*(?:years?|yrs|[- ]?year[- ]olds?)\b`)
	// A span's end carried further in the same sentence: "aged 16 to 19, and
	// up to 25 for students with an EHC plan", "from birth to 16, or to 19 for
	// those in a special school" (not "up to 20 places").
	// A bracket gives it too: "aged 16 up to 19 (25 with an EHC plan)".
	ageFurther = regexp.MustCompile(`(?i)^(?:[^.;\n]{0,80}?\b(?:up to|or to|or until|until|to|or) (?:the )?(?:age )?(?:of )?|\s*\((?:or |and )?(?:up to )?)(\d{1,2})(?:\s*(?:years?|yrs)(?: old| of age)?)?(?:\s*$|\s*[.,;)]|\s+(?:for|with|if|when|where|in|who)\b)`)
	// "Up to" a number of things is not an age: "up to 20 places", "up to 6
	// weeks", "up to three placements", "up to two friends", "up to 10% of".
	// An age's number ends its clause or goes on with "years", a verb or a
	// conjunction ("up to 18 can go"); a plural noun after it is the thing
	// counted (countedThing).
	upToCount   = regexp.MustCompile(`(?i)\bup to (\d{1,2})(\s*%|\s+[a-z][\w'’-]*)`)
	upToAgeWord = regexp.MustCompile(`(?i)^\s+(?:years?|yrs?|year[- ]olds?|this|thus|plus|does|goes|less|unless|across|towards|always|perhaps|as|is|was|has)$`)
	countedWord = regexp.MustCompile(`(?i)^\s*(?:%|\s(?:people|children|staff|per|each|a|an)|\s[\w'’-]{2,}s)$`)
	// Months as whole years where a span starts: "aged 18 months to 4 years".
	ageMonths = regexp.MustCompile(`(?i)\b(aged?|from|between)\s+(\d{1,2})\s*months?\b`)
	agePlus   = regexp.MustCompile(`(?i)\bpost[- ]?(16|19)\b|\b(1[1-9])\s?\+|\bfrom (?:the )?age (?:of )?(\d{1,2})\b|\bfrom (\d{1,2}) years?(?: of age| old)?\b|\bfrom (\d{1,2})\s+(?:until|till|up until)\s+(?:they|he or she|the young person)\b|\b(?:aged )?(\d{1,2}) (?:and|or) (?:over|above|older)\b`)
	// A band in the plural: "0-4s", "for 16-25s".
	// A list of ages: "aged two, three and four" is 2-4.
	ageList   = regexp.MustCompile(`(?i)\baged?\s+(\d{1,2})(?:,\s*\d{1,2})*,?\s+(?:and|or)\s+(\d{1,2})\b`)
	agePlural = regexp.MustCompile(`\b(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})s\b`)
	// A birthday as an end, the band's maximum: "between birth and their 5th
	// birthday" is 0-5, "up to (until, before) their 19th birthday" 0-19 (the
	// sector names a band by its ends: "0-25" is "until their 25th birthday").
	ageBirthday = regexp.MustCompile(`(?i)\b(?:(?:from |between )?(birth|\d{1,2})\s*(?:-|–|to|and|until|up to)\s*)?(?:up to|until|before|to|and)?\s*(?:their|his or her|the child's|your child's|the young person's|your)\s+(\d{1,2})(?:st|nd|rd|th)\s+birthday`)
	// Ages named as a condition or another group's right, not whom the page is
	// for: the clause "If your child is under two," (its main clause stays),
	// the sentence "Young people aged 16 to 25 can appeal in their own right."
	// A birthday that starts a band is its minimum: "from their 16th birthday
	// until their 25th birthday" is 16-25 (a band named by its ends), "after
	// their 5th birthday" starts at 5.
	birthdayFrom = regexp.MustCompile(`(?i)\b(?:from|after|since|on|at)\s+(?:the start of (?:the )?(?:school |academic )?(?:term|year|month) (?:after|following)\s)?(?:their|his or her|the child's|your child's|the young person's|your)\s+(\d{1,2})(?:st|nd|rd|th)\s+birthday(?:[^.;\n]{0,60}?\b(?:until|to|up to|and)\s+(?:their|his or her|the child's|your child's|the young person's|your)\s+(\d{1,2})(?:st|nd|rd|th)\s+birthday)?`)
	// Starting school ends the early years: "until they start in Reception" is 4.
	untilSchool = regexp.MustCompile(`(?i)\b(?:until|till|(?:up )?to the (?:time|day) when|(?:up )?to the time) (?:they|the child|your child|children|he or she)\s+(?:start|starts|begin|begins|go|goes|move|moves) (?:in(?:to)? |at |to )?(?:a |the )?(?:reception|school|primary school|full[- ]time school)\b`)
	// Numbers that count days, sessions or places, or a staffing ratio, are not
	// ages: "book from 1 to 5 days a week", "a ratio of about 1 to 4".
	countSpan = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?:-|–|to|and)\s*(\d{1,2})\s+(days?|weeks?|hours?|sessions?|times|nights?|places|visits|miles|minutes|staff)\b|\bratios?\b[^.\n]{0,30}?\b\d{1,2}\s*(?:to|:)\s*\d{1,2}\b|\b1\s*(?:to|:)\s*1\b`)
	// A band that starts at birth, said just before its end.
	// The first weeks of life are birth: "seen from the time sight loss is
	// confirmed, which can be in the first weeks of life, ... to the end of"
	// ("first" is "1th" here, number words being digits by now).
	fromBirth = regexp.MustCompile(`(?i)\b(?:from birth|(?:from|in|within|during) (?:the|their|a baby's) (?:first|1th) (?:few )?(?:days|weeks|months) of life)\b[^.;\n]*$`)
	// Newborns start a band at birth: "from newborn babies identified by
	// screening through to 25-year-olds" is 0-25.
	fromNewborn  = regexp.MustCompile(`(?i)\bfrom (?:new[- ]?borns?|newly born)(?: babies| infants)?\b`)
	ageCondition = regexp.MustCompile(`(?i)^(?:if|when|whenever|unless|once|where)\b[^,]*,`)
	openEnd      = regexp.MustCompile(`(?i)^(?:aged )?\d{1,2} (?:and|or) (?:over|above|older)\b`)
	ageOwnRight  = regexp.MustCompile(`(?i)\bin (?:their|his or her) own right\b`)
	// How long a plan lasts is a rule about the plan, not whom the page is
	// for: "An EHC plan can last until the young person is 25."
	planLasts = regexp.MustCompile(`(?i)\b(?:plans?|ehcps?|statements?)\s+(?:can|will|may|could)?\s*(?:lasts?|continues?|runs?|stays? in place|remains? in place)\s+(?:until|up to|to)\b`)
)

// Number words as digits, where they stand for ages: "birth to five", "aged
// nineteen", "their fifth birthday", "Year nine".
var (
	numberWord  = regexp.MustCompile(`(?i)\b(?:(twenty)[- ])?(nought|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\b`)
	numberValue = map[string]int{"nought": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
		"eighteen": 18, "nineteen": 19, "twenty": 20, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
		"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
		"fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}
	// "one" is an age only beside an age word ("aged one to five"), not in
	// "one-to-one" or "one of our team".
	ageOne = regexp.MustCompile(`(?i)(?:\b(?:aged?|from|between|to|and|under|until|year)\s+one\b|\bone\s+(?:to|and)\s+(?:two|three|four|five|six|\d))`)
)

// ageDigits writes number words as digits (ordinals as "5th") so that the age
// patterns read them; other text is left as it is.
func ageDigits(text string) string {
	if !numberWord.MatchString(text) {
		return text
	}
	ones := ageOne.FindAllStringIndex(text, -1)
	return replaceAllSubmatchFunc(numberWord, text, func(m []string, at int) string {
		w := strings.ToLower(m[2])
		if w == "one" {
			keep := true
			for _, o := range ones {
				if at >= o[0] && at < o[1] {
					keep = false
				}
			}
			if keep {
				return m[0]
			}
		}
		n := numberValue[w]
		if m[1] != "" {
			n += 20
		}
		if n > 25 {
			return m[0]
		}
		if strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") {
			return strconv.Itoa(n) + "th"
		}
		return strconv.Itoa(n)
	})
}

// replaceAllSubmatchFunc is ReplaceAllStringFunc with the groups and offset of each match.
func replaceAllSubmatchFunc(re *regexp.Regexp, s string, f func(groups []string, at int) string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		groups := make([]string, len(m)/2)
		for g := range groups {
			if m[2*g] >= 0 {
				groups[g] = s[m[2*g]:m[2*g+1]]
			}
		}
		b.WriteString(f(groups, m[0]))
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// ageAudience drops the clauses that name ages as a condition ("If your child
// is under two, ...") and the sentences that give another group's right.
func ageAudience(text string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		for _, sent := range sentenceEnd.Split(line, -1) {
			if ageOwnRight.MatchString(sent) || planLasts.MatchString(sent) {
				continue
			}
			if loc := ageCondition.FindStringIndex(strings.TrimSpace(sent)); loc != nil {
				sent = strings.TrimSpace(sent)[loc[1]:]
			}
			// Sentences stay apart: a band is extended within its sentence only.
			b.WriteString(sent)
			b.WriteString(". ")
		}
		if strings.HasSuffix(line, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// stageBefore is a school stage's word before a number: "Year 10", "Key Stage 3".
var stageBefore = regexp.MustCompile(`(?i)\b(?:years?|key stages?|ks)\s*$`)

var sentenceEnd = regexp.MustCompile(`[.!?;]\s+`)

// ageRange takes the first age statement of the text (a page states whom it is
// for before it mentions other ages), extended by an "up to the age of 25"
// that follows a span closely ("aged 16-19 (or up to 25 with an EHC plan)").
// Ages named only as a condition or another group's right do not count.
func ageRange(text string) (*int, *int) {
	text = ageAudience(ageDigits(text))
	text = fromNewborn.ReplaceAllString(text, "from birth")
	text = replaceAllSubmatchFunc(upToCount, text, func(g []string, _ int) string {
		if upToAgeWord.MatchString(g[2]) || !countedWord.MatchString(g[2]) {
			return g[0]
		}
		return "at most " + g[1] + g[2]
	})
	text = countSpan.ReplaceAllString(text, "a count")
	text = replaceAllSubmatchFunc(ageMonths, text, func(g []string, _ int) string {
		n, _ := strconv.Atoi(g[2])
		return g[1] + " " + strconv.Itoa(n/12)
	})
	// upper marks an upper limit said alone ("up to 19", "until their 19th
	// birthday"), which may end a band started earlier in its sentence.
	type cand struct {
		at     int
		lo, hi *int
		upper  bool
	}
	var all []cand
	first := -1
	consider := func(c cand) {
		all = append(all, c)
		if first < 0 || c.at < all[first].at {
			first = len(all) - 1
		}
	}
	for _, re := range []*regexp.Regexp{ageSpan, ageYears, ageParen, ageBare, agePlural, ageList} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			a, b := text[m[2]:m[3]], text[m[4]:m[5]]
			lo := 0
			if !strings.EqualFold(a, "birth") {
				lo, _ = strconv.Atoi(a)
			}
			hi, _ := strconv.Atoi(b)
			if strings.HasPrefix(strings.ToLower(text[m[5]:min(len(text), m[5]+12)]), "th birthday") {
				continue // a birthday end is read below
			}
			if lo < hi && hi <= 25 {
				if up := ageFurther.FindStringSubmatch(text[m[1]:min(len(text), m[1]+120)]); up != nil {
					if n, _ := strconv.Atoi(up[1]); n > hi && n <= 25 {
						hi = n
					}
				}
				// The next sentence carrying the same support on to a later
				// age extends the band ("aged 4 to 18 ... If your child is at a
				// special school, we will keep seeing them until they are 19").
				if on := ageKeepOn.FindStringSubmatch(text[m[1]:min(len(text), m[1]+260)]); on != nil {
					if n, _ := strconv.Atoi(on[1]); n > hi && n <= 25 {
						hi = n
					}
				}
				consider(cand{m[0], &lo, &hi, false})
				break
			}
		}
	}
	if m := birthdayFrom.FindStringSubmatchIndex(text); m != nil {
		lo, _ := strconv.Atoi(text[m[2]:m[3]])
		var hi *int
		if m[4] >= 0 {
			if n, _ := strconv.Atoi(text[m[4]:m[5]]); n > lo && n <= 25 {
				hi = &n
			}
		}
		if lo <= 25 {
			consider(cand{m[0], &lo, hi, false})
		}
	}
	if m := untilSchool.FindStringIndex(text); m != nil {
		four := 4
		var lo *int
		if fromBirth.MatchString(text[max(0, m[0]-80):m[0]]) {
			zero := 0
			lo = &zero
		}
		consider(cand{m[0], lo, &four, lo == nil})
	}
	if m := ageBirthday.FindStringSubmatchIndex(text); m != nil {
		n, _ := strconv.Atoi(text[m[4]:m[5]])
		lo, hi := 0, n
		if m[2] >= 0 && stageBefore.MatchString(text[max(0, m[2]-12):m[2]]) {
			m[2], m[3] = -1, -1 // "Year 10 until their 25th birthday": a school year starts it, read as a stage
		}
		if m[2] >= 0 {
			if a := text[m[2]:m[3]]; !strings.EqualFold(a, "birth") {
				lo, _ = strconv.Atoi(a)
			}
		}
		if lo < hi && hi <= 25 {
			consider(cand{m[0], &lo, &hi, m[2] < 0})
		}
	}
	if at, lo, hi := stageRange(text); lo != nil {
		consider(cand{at, lo, hi, false})
	}
	if m := stageToEnd.FindStringSubmatchIndex(text); m != nil {
		if hi, ok := stageAge(text[m[4]:m[5]], true); ok {
			var lo *int
			if m[2] >= 0 {
				if n, ok := stageAge(text[m[2]:m[3]], false); ok && n < hi {
					lo = &n
				}
			}
			// Begun at birth just before: "from birth up to the end of Year 13" is 0-18.
			if lo == nil && fromBirth.MatchString(text[max(0, m[0]-80):m[0]]) {
				zero := 0
				lo = &zero
			}
			consider(cand{m[0], lo, &hi, lo == nil})
		}
	}
	if m := ageUpTo.FindStringSubmatchIndex(text); m != nil {
		words := text[m[0]:m[1]]
		hi, _ := strconv.Atoi(firstGroup(text, m))
		var lo *int
		if strings.Contains(strings.ToLower(words), "under") {
			hi-- // every age below N, from birth
			zero := 0
			lo = &zero
		}
		// An extension in the same sentence counts: "up to the age of 19, or up
		// to 25 where they have an EHC plan" ends at 25.
		if up := ageFurther.FindStringSubmatch(text[m[1]:min(len(text), m[1]+120)]); up != nil && lo == nil {
			if n, _ := strconv.Atoi(up[1]); n > hi && n <= 25 {
				hi = n
			}
		}
		// A start from birth before it: "from birth until they start school".
		if lo == nil && fromBirth.MatchString(text[max(0, m[0]-80):m[0]]) {
			zero := 0
			lo = &zero
		}
		if hi > 0 && hi <= 25 {
			consider(cand{m[0], lo, &hi, lo == nil})
		}
	}
	if m := agePlus.FindStringSubmatchIndex(text); m != nil {
		lo, _ := strconv.Atoi(firstGroup(text, m))
		consider(cand{m[0], &lo, nil, false})
	}
	if first < 0 {
		return nil, nil
	}
	best := all[first]
	lo, hi := best.lo, best.hi
	// "14 and over" says the band has no end: a span from the same start
	// further on ("eligible 14 to 17 year olds", a statistic) does not end
	// it; an end said alone still does ("aged sixteen and over ... until
	// they are twenty-five").
	open := lo != nil && hi == nil && openEnd.MatchString(text[best.at:min(len(text), best.at+30)])
	// A band started and then ended further on in its sentence by an upper
	// limit said alone is one band: "Years 7 to 11, and young people in sixth
	// form up to their 19th birthday" is 11-19, "from the start of Year 10 and
	// on through college until their 18th birthday" 14-18.
	if lo != nil {
		for _, c := range all {
			// An end said alone, or the same start said again with its end
			// ("from the age of five up to their 19th birthday").
			if !(c.upper || c.lo != nil && *c.lo == *lo && !open) || c.at <= best.at || c.hi == nil || *c.hi <= *lo || hi != nil && *c.hi <= *hi {
				continue
			}
			if between := text[best.at:c.at]; len(between) <= 240 && !sentenceEnd.MatchString(between) && !strings.Contains(between, "\n") {
				h := *c.hi
				hi = &h
			}
		}
	}
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
	// A stated start with its end said apart: a span from the same start
	// ("Post-16 ... aged 16-19 (or up to 25 with an EHC plan)"), else an upper
	// limit ("from Year 9 ... until they are 25").
	if lo != nil && hi == nil && !open {
		rest := text[best.at:min(len(text), best.at+1500)]
		for _, re := range []*regexp.Regexp{ageSpan, ageYears, ageParen} {
			for _, m := range re.FindAllStringSubmatchIndex(rest, -1) {
				if a, _ := strconv.Atoi(rest[m[2]:m[3]]); a != *lo {
					continue
				}
				if b, _ := strconv.Atoi(rest[m[4]:m[5]]); b > *lo && b <= 25 {
					if up := ageFurther.FindStringSubmatch(rest[m[1]:min(len(rest), m[1]+120)]); up != nil {
						if n, _ := strconv.Atoi(up[1]); n > b && n <= 25 {
							b = n
						}
					}
					hi = &b
				}
				break
			}
			if hi != nil {
				break
			}
		}
	}
	// An upper limit alone, then the same band in full from birth: "from
	// diagnosis until they leave education at 25 ... aged 0-25".
	if lo == nil && hi != nil {
		rest := text[best.at:min(len(text), best.at+1500)]
		for _, re := range []*regexp.Regexp{ageSpan, ageYears, ageBare} {
			if m := re.FindStringSubmatchIndex(rest); m != nil {
				a, b := rest[m[2]:m[3]], rest[m[4]:m[5]]
				if n, _ := strconv.Atoi(b); n == *hi && (a == "0" || strings.EqualFold(a, "birth")) {
					zero := 0
					lo = &zero
					break
				}
			}
		}
	}
	if lo != nil && hi == nil {
		if m := untilSchool.FindStringIndex(text[best.at:min(len(text), best.at+600)]); m != nil && *lo < 4 {
			four := 4
			hi = &four
		}
	}
	if lo != nil && hi == nil {
		if m := ageUpTo.FindStringSubmatchIndex(text[best.at:min(len(text), best.at+600)]); m != nil {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					if n, _ := strconv.Atoi(text[best.at+m[g] : best.at+m[g+1]]); n > *lo && n <= 25 {
						// Its extension said with it: "16+ (up to 19, or 25 with an EHC plan)".
						if up := ageFurther.FindStringSubmatch(text[best.at+m[1] : min(len(text), best.at+m[1]+120)]); up != nil {
							if f, _ := strconv.Atoi(up[1]); f > n && f <= 25 {
								n = f
							}
						}
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
	for _, a := range documents.FindAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		href := strings.ToLower(strings.TrimSpace(documents.Attr(a, "href")))
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
	trail := documents.Find(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		label := strings.ToLower(documents.Attr(n, "class") + " " + documents.Attr(n, "id") + " " + documents.Attr(n, "aria-label"))
		return strings.Contains(label, "breadcrumb")
	})
	if trail == nil {
		return nil
	}
	var out []string
	for _, a := range documents.FindAll(trail, func(n *html.Node) bool { return n.DataAtom == atom.A }) {
		t := documents.TextOf(a)
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
	root := documents.MainContent(doc)
	return len(documents.FindAll(root, func(n *html.Node) bool { return n.DataAtom == atom.A && !documents.Skipped(n) }))
}

// jsonLDService reads a schema.org Service (or Organization) from JSON-LD, where a
// directory publishes it.
func jsonLDService(doc *html.Node) (Service, bool) {
	if doc == nil {
		return Service{}, false
	}
	for _, sc := range documents.FindAll(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Script && strings.Contains(documents.Attr(n, "type"), "ld+json")
	}) {
		raw := documents.TextOf(sc)
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

// firstGroup is the text of the first submatch that took part in match m (the
// patterns give the number in one of several alternative groups).
func firstGroup(text string, m []int) string {
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 {
			return text[m[g]:m[g+1]]
		}
	}
	return ""
}

var (
	// A directory record's age field: "Age Ranges", "Local Offer Age Bands",
	// "Age range:", "Suitable for ages", with its values on the same line or
	// the short lines below ("Secondary (11-16)", "7 years to 14 years",
	// "From 8 years" and "To 13 years").
	bandLabel = regexp.MustCompile(`(?i)^(?:local offer |service )?(?:age (?:ranges?|bands?|groups?)|ages?(?: (?:catered for|covered|of (?:children|young people)))?|suitable for ages?)\s*[:|]?\s*(.*)$`)
	// "7 years to 14 years": the unit said at both ends.
	unitTwice = regexp.MustCompile(`(?i)\b(\d{1,2})\s*(?:years?|yrs)\s*(-|–|to)\s*(\d{1,2})\b`)
	bandTo    = regexp.MustCompile(`(?i)^(?:to|up to|until)\s+(\d{1,2})\b`)
)

// bandFields reads a record's age fields as one band: the youngest start and
// the oldest end of the bands listed ("Secondary (11-16)" and "Post-16
// (16-19)" are 11-19; a list "• 8 to 12 years", "• 13 to 17 years" is 8-17).
// ok is false when the record has no such field; rest is the text without
// the field, for the record's words.
func bandFields(text string) (lo, hi *int, ok bool, rest string) {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		m := bandLabel.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		values := []string{m[1]}
		end := i + 1
		for _, next := range lines[i+1:] {
			next = strings.TrimSpace(next)
			if next == "" || len(strings.Fields(next)) > 6 || !strings.ContainsAny(next, "0123456789") && !numberWord.MatchString(next) {
				break
			}
			values = append(values, strings.TrimLeft(next, "•*-– "))
			end++
		}
		rest = strings.Join(append(append([]string{}, lines[:i]...), lines[end:]...), "\n")
		for _, v := range values {
			v = unitTwice.ReplaceAllString(strings.TrimSpace(v), "$1 $2 $3")
			if v == "" {
				continue
			}
			a, b := ageRange(v)
			if a == nil && b == nil {
				if t := bandTo.FindStringSubmatch(v); t != nil {
					n, _ := strconv.Atoi(t[1])
					b = &n
				}
			}
			if a != nil && (lo == nil || *a < *lo) {
				lo = a
			}
			if b != nil && (hi == nil || *b > *hi) {
				hi = b
			}
		}
		if lo != nil || hi != nil {
			return lo, hi, true, rest
		}
	}
	return nil, nil, false, text
}

// otherTeam is a sentence giving a group to a named team: "Pupils with a
// hearing impairment are seen by the Hearing Support Service", "the
// council's Vision Team works with blind and partially sighted pupils".
var otherTeam = regexp.MustCompile(`[^.!?\n]*\b(?:(?:seen|supported|helped|covered|looked after|assessed|provided|worked with) by|[Tt]he) (?:council's |county's |local )?((?:[A-Z][\w'’-]*,? ){0,5}(?:Service|Team))(?: \([^)]*\))?(?: (?:works?|supports?|sees|is for|helps?)\b)?[^.!?\n]*[.!?]?`)

// otherTeamVerb says a sentence gives a group to the team it names.
var otherTeamVerb = regexp.MustCompile(`\b(?:(?:seen|supported|helped|covered|looked after|assessed|provided|worked with) by|(?:Service|Team)s?(?: \([^)]*\))? (?:works?|supports?|sees|is for|helps?)\b)`)

// otherTeams is a record's text without the sentences that give a group to a
// team that is not the record's own: whom another team serves is not whom
// this one is for. A sentence naming the record's own team stays, and one
// that only mentions a team ("Contact the Duty Team") names no group.
func otherTeams(text, name string) string {
	own := strings.ToLower(name)
	return otherTeam.ReplaceAllStringFunc(text, func(sent string) string {
		m := otherTeam.FindStringSubmatch(sent)
		team := strings.ToLower(strings.TrimSpace(m[1]))
		if own != "" && (strings.Contains(own, team) || strings.Contains(team, own)) || !otherTeamVerb.MatchString(sent) {
			return sent
		}
		return " "
	})
}
