package classify

import (
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/sendscope/sendscope/analysis/textstage"
	"github.com/sendscope/sendscope/documents"
)

// Document-type signals: each pattern adds its weight for where it is found: in
// the title (or the link that led here), in the URL, or in the opening text. A
// report mentions the SEN policy and the accessibility plan; only a title or URL
// says a document is one.
var typeSignals = []struct {
	docType          string
	re               *regexp.Regexp
	title, url, body float64
}{
	{"sen_information_report", informationReport, 9, 6, 3},
	{"sen_information_report", regexp.MustCompile(`(?i)\(?\bsend?\)?\s+(?:information\s+)?report\b|\bsend?\s+info(?:rmation)?\b`), 6, 4, 2},
	{"sen_information_report", regexp.MustCompile(`(?i)\b(?:school|our|send?)\s+(?:send?\s+)?(?:local\s+)?offer\b|\blocal\s+offer\b`), 3, 2, 0.5},
	{"sen_information_report", regexp.MustCompile(`(?i)\bhow\s+(?:does|will|do)\s+(?:the|our)\s+(?:school|academy)\b`), 0, 0, 1.5},
	// A page about the school's SENCO carries the report's key facts.
	{"sen_information_report", regexp.MustCompile(`(?i)\b(?:our|the|meet\s+(?:our|the))\s+SEND?COs?\b`), 4, 3, 0},
	{"sen_policy", senPolicyName, 9, 6, 1},
	{"accessibility_plan", regexp.MustCompile(`(?i)\baccessibility\s+plan\b`), 9, 6, 0.5},
}

// laSite says whether a page is on a local authority's or a Local Offer's site,
// where a school's own report never is.
var laSite = regexp.MustCompile(`(?i)(?:\.gov\.uk|localoffer|local-offer|familyinfo|familyservices|fsd\b|openobjects|\.moderngov)`)

// staffList: a page listing the school's staff.
var staffList = regexp.MustCompile(`(?i)\bstaff\s+(?:list|directory)\b|\bour\s+staff\b|\bstaffing\s+structure\b|\bwho'?s\s+who\b|\bmeet\s+(?:our|the)\s+staff\b`)

// trustWide: a page speaking for several schools.
var trustWide = regexp.MustCompile(`(?i)\b(?:each|all|every|several|many)\s+of\s+our\s+(?:\w+\s+)?(?:schools|academies)\b|\bacross\s+(?:all\s+)?our\s+(?:\w+\s+)?(?:schools|academies)\b|\bour\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:schools|academies)\b`)

// governorsPage: the governing board's page.
var governorsPage = regexp.MustCompile(`(?i)\bgovernors\b|\bgoverning\s+(?:board|body)\b`)

// aboutPage: a page introducing the school.
var aboutPage = regexp.MustCompile(`(?i)\babout\s+(?:us|the\s+school|our\s+school)\s*$`)

// crossReference: a sentence sending the reader to another document.
var crossReference = regexp.MustCompile(`(?i)[^.\n]*\b(?:read\s+(?:alongside|in\s+conjunction\s+with|with)|see\s+(?:also\s+)?our|refer\s+to\s+our|linked\s+to\s+our|found\s+in\s+our)\b[^.\n]*[.\n]?`)

var informationReport = regexp.MustCompile(`(?i)\binformation\s+report\b`)

// newsPath: a news, blog or events page.
var newsPath = regexp.MustCompile(`(?i)/(?:news|latest-news|blog|blogs|newsletters?|events?|diary)/`)

// laSchoolPage: an LA page about one school's provision (a decision, a consultation,
// a resourced provision being opened, the school's entry in the Local Offer's
// directory, known by its URN or a breadcrumb ending in the school).
var laSchoolPage = regexp.MustCompile(`(?i)\b(?:decision|consultation|proposal|proposed|establish(?:ing)?|expansion|cabinet)\b[^\n]{0,200}\b(?:school|academy|college)\b|\b(?:provision|unit|base)\s+at\s+[A-Z][\w' ]+(?:School|Academy|College)|\bURN\s*:?\s*\d{6}\b|(?m)>\s*[A-Z][\w'. ]+(?:School|Academy|College)\s*$`)

// Who a page speaks for. An LA page about schools' reports speaks of schools in
// general and to parents about every school ("each school's report", "schools
// must publish", "your child's school"); a school speaks of itself ("our
// school", "our SENCO").
var (
	schoolsInGeneral = regexp.MustCompile(`(?i)\b(?:every|each|all)\s+(?:[\w-]+\s+){0,2}?schools?\b|\bschools\s+(?:must|should|have\s+to|are\s+(?:required|expected|asked)\s+to|need\s+to|will\s+need\s+to|can|may)\b|\b(?:your|a|the)\s+(?:child'?s\s+|child’s\s+)?school(?:'s|’s)\s+(?:SEND?\s+|own\s+)?(?:information\s+report|report|local\s+offer|website|SENCO)\b|\byour\s+(?:child'?s|child’s)\s+school\b|\bschools\s+in\s+(?:the\s+)?(?-i:[A-Z])\w+`)
	schoolVoice      = regexp.MustCompile(`(?i)\bour\s+(?:school|academy|pupils|children|students|SEND?COs?|SEND?\s+information\s+report|federation|teachers|staff|classes|nursery)\b|\b(?:at|here\s+at)\s+[A-Z][\w']+(?:\s+[A-Z][\w']+){0,3}\s+we\b`)
)

// policyMarkers: the furniture of a policy document: its approval and review
// dates, who ratified it, what the governing body will do.
var policyMarkers = regexp.MustCompile(`(?i)\b(?:(?:date\s+of\s+|next\s+|last\s+|policy\s+)?review(?:ed)?(?:\s+date)?\s*(?:by|on|in)?\s*:|(?:next|last)\s+review(?:ed)?|date\s+of\s+review|review\s+date|(?:approved|adopted|ratified|agreed)\s+(?:by|on)\s*:|(?:approved|adopted|ratified|agreed)\s+by\s+(?:the\s+)?(?:full\s+)?(?:governing|governors|board|trustees|local\s+governing)|date\s+(?:of\s+)?(?:publication|adopted|approved|ratified)|(?:the\s+)?(?:governing\s+(?:body|board)|board\s+of\s+trustees|trustees|governors)\s+will\b|policy\s+(?:owner|lead|author)\s*:|this\s+policy\s+(?:will|is|applies|sets|should))`)

// senPolicyName: an SEN policy's name ("SEND Policy", "Special Educational
// Needs and Disabilities Policy", "Inclusion Policy").
var senPolicyName = lexRegexp(`(?i)\b(?:{sen}|inclusion)\s+(?:\((?:{sen})\)\s+)?policy\b`)

// selfReport: a document naming itself the SEN information report ("this
// report", "this document is both our SEND policy and our SEN information
// report", "SEND Policy and Information Report").
var selfReport = regexp.MustCompile(`(?i)\bthis\s+(?:SEND?\s+)?(?:information\s+)?report\b|\b(?:this|the\s+following)\s+(?:document|page)\s+(?:is|forms|also\s+(?:forms|serves\s+as|is)|includes|contains|sets\s+out|serves\s+as|acts\s+as)\b[^.]{0,60}\binformation\s+report\b|\bpolicy\s+(?:and|&|\+)\s+(?:the\s+)?(?:SEND?\s+)?information\s+report\b|\binformation\s+report\s+(?:and|&|\+)\s+(?:SEND?\s+)?policy\b|\bincorporat(?:es|ing)\s+(?:the\s+|our\s+)?(?:SEND?\s+)?information\s+report\b`)

// reportElsewhere: a sentence about publishing, or finding, an SEN information
// report that is another document ("the governing body will publish the SEN
// information report", "each academy publishes its own SEN information report").
var reportElsewhere = regexp.MustCompile(`(?i)[^.\n]*\b(?:publish(?:es|ed|ing)?|update[sd]?|link(?:s|ed)?\s+to|can\s+be\s+found|is\s+available|found\s+in|see|read)\b[^.\n]*\binformation\s+report\b[^.\n]*[.\n]?|[^.\n]*\binformation\s+report\b[^.\n]{0,40}?\b(?:(?:is|are|will\s+be)\s+)?(?:published|updated|available|reviewed)\b[^.\n]*[.\n]?`)

// alsoPolicy: a report naming itself the SEN policy too ("SEN Information Report
// (incorporating the SEND Policy)", "this report also sets out our SEND policy").
var alsoPolicy = lexRegexp(`(?i)\bincorporat(?:es|ing)\s+(?:the\s+|our\s+)?(?:{sen}|inclusion)\s+policy\b|\b(?:this|the)\s+(?:report|document|page)\s+(?:also\s+)?(?:sets\s+out|includes|contains|forms|is|serves\s+as)\s+(?:both\s+)?(?:our|the)\s+(?:school'?s\s+)?(?:{sen}|inclusion)\s+policy\b`)

// admissionsPage: a page about admissions (to the school or to its provision).
var admissionsPage = regexp.MustCompile(`(?i)\badmissions?\b`)

var (
	selfPolicy = regexp.MustCompile(`(?i)\bthis\s+policy\b`)
	senWords   = lexRegexp(`(?i)\b(?:{sen})\b|\bSEND?Co\b`)
)

// senHeading: the page's own heading speaks of SEN.
var senHeading = lexRegexp(`(?i)\b(?:{sen})\b|inclusion`)

// Classify decides what kind of document this is, with a confidence in [0,1],
// with the tables and patterns of x; sencoNames counts the SENCOs the text
// names (read when first asked for).
func Classify(x Reader, t documents.Text, pageURL, linkText string, sencoNames func() int) (string, float64) {
	scores := map[string]float64{}
	title := t.Title + " " + linkText
	path, host := pageURL, ""
	if u, err := url.Parse(pageURL); err == nil {
		path, host = u.Path+" "+u.RawQuery, u.Hostname()
	}
	// URLs spell words with hyphens and underscores: read them as spaces.
	path = strings.NewReplacer("-", " ", "_", " ", "/", " ", "+", " ", "%20", " ").Replace(path)
	// A policy that asks to be "read alongside our SEN Information Report" is not
	// that report: sentences pointing to other documents are not signals.
	h1500, h3000 := min(len(t.Body), 1500), min(len(t.Body), 3000)
	opening := blankOut(t.Body, 0, h1500, findAll(x, crossReference, t.Body, 0, h1500, -1))
	// A policy speaks of the report it publishes: that is not this document.
	// Review and approval lines mark a policy unless the document calls itself
	// the report (reports are reviewed and approved too).
	refs := findAll(x, crossReference, t.Body, 0, h3000, -1)
	own := blankOut(t.Body, 0, h3000, refs)
	own = blankOut(own, 0, len(own), findAll(x, reportElsewhere, own, 0, len(own), -1))
	namedReport := matches(x, selfReport, title+" "+path+" "+textstage.Head(t.Body, 3000)) || informationReport.MatchString(title+" "+path+" "+textstage.Head(own, 300))
	policyVoice := selfPolicy.MatchString(textstage.Head(t.Body, 3000)) || !namedReport && len(distinct(policyMarkers.FindAllString(textstage.Head(t.Body, 3000), -1))) >= 2
	if policyVoice {
		opening = blankOut(opening, 0, len(opening), findAll(x, reportElsewhere, opening, 0, len(opening), -1))
	}
	for _, s := range typeSignals {
		if s.re.MatchString(title) {
			scores[s.docType] += s.title
		}
		if s.re.MatchString(path) {
			scores[s.docType] += s.url
		}
		if matches(x, s.re, opening) {
			scores[s.docType] += s.body
		}
	}
	// A school's SEN page that names its SENCO and the needs it provides for is
	// its report even when it never says "information report".
	if x.Role().MatchString(t.Body) {
		needs := x.NeedCount(t.Body)
		switch {
		case needs >= 3:
			scores["sen_information_report"] += 4
		case needs >= 1 || senHeading.MatchString(textstage.Head(t.Body, 300)) || senHeading.MatchString(path):
			scores["sen_information_report"] += 3
		}
	}
	// A staff list names the SENCO and more, and is not the report.
	if (staffList.MatchString(title) || staffList.MatchString(path) || staffList.MatchString(textstage.Head(t.Body, 200))) && !senHeading.MatchString(path+" "+title) {
		scores["sen_information_report"] -= 6
	}
	// So is a trust's page over its schools ("each of our six academies") that
	// names no SENCO (a federation's report names each school's).
	if trustWide.MatchString(title+"\n"+textstage.Head(t.Body, 400)) && !informationReport.MatchString(title) && sencoNames() == 0 {
		scores["sen_information_report"] -= 6
	}
	// So is the governors' page, which names the SEN governor and the SENCO.
	if governorsPage.MatchString(path+" "+title) && !senHeading.MatchString(path+" "+title) {
		scores["sen_information_report"] -= 6
	}
	// So is a school's "About us" page, unless its address or title is about SEN.
	if aboutPage.MatchString(path) && !senHeading.MatchString(path+" "+title) {
		scores["sen_information_report"] -= 6
	}
	// A document that calls itself "this policy", or carries a policy's review
	// and approval lines, and is about SEN is the SEN policy.
	if policyVoice && len(senWords.FindAllString(t.Body, 3)) >= 3 {
		scores["sen_policy"] += 6
	}
	// A page about admissions (to the school, or to its resourced provision) is
	// not the report, unless it says it is.
	if admissionsPage.MatchString(path+" "+title) && !informationReport.MatchString(path+" "+title) {
		scores["sen_information_report"] -= 6
	}
	// A SEN page that sends the reader on to "our SEND Information Report" is a
	// landing page, not the report, unless its title or address says it is.
	if crossToReport(t.Body, refs) && !informationReport.MatchString(path+" "+title) && !selfReport.MatchString(textstage.Head(t.Body, 3000)) {
		scores["sen_information_report"] -= 6
	}
	// A news item about SEN (a new SENCO, a report to come) is not the report,
	// unless its own heading says it is.
	firstLine, _, _ := strings.Cut(strings.TrimSpace(t.Body), "\n")
	firstLine, _, _ = strings.Cut(firstLine, ". ")
	if newsPath.MatchString(pageURL) && !informationReport.MatchString(t.Title+" "+firstLine) {
		return "other", 0.6
	}
	// What the document gives as evidence of what it is (rules/doctype.tsv).
	ev := evidenceOf(x, t.Body)
	// A school's own "SEND Local Offer" page is the school's: the LA's sites are
	// known by their host.
	if laSite.MatchString(host) {
		// An LA's page: about one school's provision, or guidance for all (a
		// page about several schools is about none of them).
		if (laSchoolPage.MatchString(textstage.Head(t.Body, 3000)) || namesOneSchool(t.Title) || oneSchoolHeading(textstage.Head(t.Body, 3000))) && !ev.aboutSeveralSchools() {
			return "la_school_sen_page", 0.7
		}
		return "la_guidance", 0.7
	}
	// A page on no council's site that speaks to parents about every school's
	// report, not for one school, is an LA's (or its Local Offer's) guidance.
	if !strings.HasSuffix(host, ".sch.uk") && len(distinct(matchedText(t.Body, findAll(x, schoolsInGeneral, t.Body, 0, min(len(t.Body), 6000), -1)))) >= 3 &&
		!schoolVoice.MatchString(textstage.Head(t.Body, 6000)) && sencoNames() == 0 {
		return "la_guidance", 0.6
	}
	// A page about several schools (a trust's, where each school has its own
	// SENCO and report) is no one school's report, unless it is their policy or
	// calls itself their report ("this report covers both schools").
	// Three or more SENCOs named on a page that speaks of its several schools
	// are the schools' ("a group of five primary schools", then a table of
	// each one's SENCO).
	if (ev.aboutSeveralSchools() || len(ev.several()) > 0 && sencoNames() >= 3) && !ev.policySubstance() && !ev.callsItselfReport() && !ev.oneOfThem(sencoNames()) {
		return "other", 0.6
	}
	// A college's learning support page: colleges publish no SEN information
	// report, whatever the page says of SEND.
	if ev.aCollege() && !ev.callsItselfReport() {
		return "other", 0.6
	}
	// A report that says it is the policy too is both.
	if scores["sen_information_report"] >= 6 && matches(x, alsoPolicy, title+" "+textstage.Head(t.Body, 3000)) {
		return "policy_and_report", confidence(scores["sen_policy"]+scores["sen_information_report"]+6, 0)
	}
	// A combined policy and report says it is both; a policy that names the
	// SENCO and the needs it provides for, and speaks of the report it
	// publishes, is the policy.
	if scores["sen_policy"] >= 6 && scores["sen_information_report"] >= 6 {
		// Named both, it is both only with a report's substance: a policy whose
		// opening calls it "our SEN policy and information report" but that
		// gives nothing a report gives, or one thing and says the report is
		// published separately, is the policy.
		if namedReport && !(ev.policySubstance() && (len(ev.report()) == 0 || ev.elsewhere() && len(ev.report()) < 2)) {
			return "policy_and_report", confidence(scores["sen_policy"]+scores["sen_information_report"], 0)
		}
		if policyVoice || senPolicyName.MatchString(title+" "+path) {
			return "sen_policy", confidence(scores["sen_policy"], scores["sen_information_report"])
		}
	}
	type kv struct {
		k string
		v float64
	}
	var ranked []kv
	for k, v := range scores {
		ranked = append(ranked, kv{k, v})
	}
	sort.Slice(ranked, func(i, j int) bool {
		return ranked[i].v > ranked[j].v || ranked[i].v == ranked[j].v && ranked[i].k < ranked[j].k
	})
	if len(ranked) == 0 || ranked[0].v < 3 {
		return "other", 0.5
	}
	second := 0.0
	if len(ranked) > 1 {
		second = ranked[1].v
	}
	return ranked[0].k, confidence(ranked[0].v, second)
}

// schoolName: a school's name in a title ("Greenhill Academy - Specialist
// Teaching Facility"), its words before School, Academy or College.
var schoolName = regexp.MustCompile(`((?:[A-Z][\w'’.-]*\s+){1,5})(?:School|Academy|College)\b`)

// KindOfSchool says whether a word before "School" makes it a kind of school,
// not one ("Special School", "Our School"): the provision reader tells a named
// school by it too.
func KindOfSchool(word string) bool { return genericSchool.MatchString(word) }

// genericSchool: words that make "... School" a kind of school, not one.
var genericSchool = regexp.MustCompile(`^(?:Special|Mainstream|Primary|Secondary|Independent|Free|Maintained|State|Your|Our|A|The|Choosing|Nursery|Infant|Junior|High|Middle|Upper|Lower|Residential|Faith|Church|Community|Grammar|Post-16|SEN|SEND|Local|Council|County|All|Every|Each|New|Moving|Starting|Changing|Finding|Applying|Transport|Travel|To|For|And|In|Of|At|Schools?)$`)

// namesOneSchool says whether a title names one school rather than a kind of
// school ("Choosing a Special School").
// oneSchoolHeading says whether the lines standing alone at a page's head
// (headings, a breadcrumb's last step, an address line) that open with a
// school's name all name the same one school ("Larkspur Fields Primary School
// – Enhanced Resource Provision", "Brackenfield Academy: Hearing Support
// Base"): the page is about that school. A listing of several is not.
func oneSchoolHeading(s string) bool {
	names, heading, body := map[string]bool{}, false, false
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if i := strings.LastIndexAny(line, ">/"); i >= 0 && strings.Contains(line, " "+line[i:i+1]+" ") {
			line = strings.TrimSpace(line[i+1:]) // a breadcrumb's last step
		}
		// A table's row is no heading, but a listing's rows name its schools.
		row := strings.ContainsAny(line, "|\t")
		if row {
			line, _, _ = strings.Cut(strings.ReplaceAll(line, "\t", "|"), "|")
			line = strings.TrimSpace(line)
		}
		if line == "" || len(line) > 120 || wordStop.MatchString(line) {
			// The page's heading comes before its first paragraph (a cookie
			// banner is no paragraph of the page): a school's name standing
			// below the body is an entry of a listing, not its heading.
			if len(line) > 60 && wordStop.MatchString(line) && !cookieLine.MatchString(line) {
				body = true
			}
			continue
		}
		m := headingSchool.FindStringSubmatch(line + " ")
		if m == nil || !namesOneSchool(m[1]) {
			continue
		}
		names[strings.Join(strings.Fields(m[1]), " ")] = true
		heading = heading || !row && !body
	}
	return heading && len(names) == 1
}

// cookieLine: a site's cookie banner.
var cookieLine = regexp.MustCompile(`(?i)\bcookies?\b`)

// headingSchool: a line opening with a school's name, then nothing or a
// separator ("– Enhanced Resource Provision", ": Hearing Support Base", ", Moss
// Lane"), or with what the page is about and then the school ("Hearing
// Resourced Provision: Ashby Primary School, Preston", "Autism base at Ashby
// Primary School").
var headingSchool = regexp.MustCompile(`^(?:[^:–—|]{3,70}?(?:\s*[:–—|]\s*|\s+-\s+|\s+at\s+))?((?:[A-Z][\w'’.-]*\s+){1,5}(?:School|Academy))\b(?:\s*$|\s*[–—:,(|-])`)

func namesOneSchool(title string) bool {
	for _, m := range schoolName.FindAllStringSubmatch(title, -1) {
		for _, w := range strings.Fields(m[1]) {
			if !genericSchool.MatchString(strings.TrimRight(w, ".")) {
				return true
			}
		}
	}
	return false
}

// distinct is the matches in lower case, each once.
func distinct(ms []string) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		out[strings.ToLower(strings.Join(strings.Fields(m), " "))] = true
	}
	return out
}

// crossToReport says whether a sentence sends the reader to "our SEN
// Information Report" as another document (refs: crossReference's matches in
// text).
func crossToReport(text string, refs [][]int) bool {
	for _, m := range refs {
		if informationReport.MatchString(text[m[0]:m[1]]) {
			return true
		}
	}
	return false
}

// confidence grows with the winning score and its lead over the runner-up.
func confidence(best, second float64) float64 {
	c := 1 - 1/(1+best/4)
	c *= best / (best + second)
	return float64(int(c*100+0.5)) / 100
}
