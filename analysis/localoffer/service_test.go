package localoffer

import (
	"fmt"
	"strings"
	"testing"
)

func TestORUKPageVersions(t *testing.T) {
	cases := []struct {
		name, body string
		version    string
		last       bool
		ids        []string
	}{
		{"3.0", `{"total_items":3,"total_pages":2,"page_number":1,"size":2,"first_page":true,"last_page":false,"empty":false,
			"contents":[{"id":"a1","name":"Autism Outreach","status":"active","minimum_age":4,"maximum_age":16},{"id":"a2","name":"Portage","minimum_age":-1}]}`,
			"3.0", false, []string{"a1", "a2"}},
		{"1.0", `{"totalElements":1,"totalPages":1,"number":1,"size":50,"first":true,"last":true,
			"content":[{"id":12,"name":"Hearing Support","eligibilitys":[{"eligibility":"Deaf children","minimum_age":0,"maximum_age":19}],
			"service_taxonomys":[{"taxonomy":{"name":"Sensory impairment","vocabulary":"esdNeeds"}}]}]}`,
			"1.0", true, []string{"12"}},
		{"bare array", `[{"id":"x","name":"Short breaks"}]`, "", false, []string{"x"}},
		{"empty 3.0", `{"total_pages":0,"page_number":1,"contents":[]}`, "3.0", true, nil},
	}
	for _, c := range cases {
		svcs, info, err := ORUKPage([]byte(c.body))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var ids []string
		for _, s := range svcs {
			ids = append(ids, s.ID)
			if s.Source != "oruk" {
				t.Errorf("%s: source %q", c.name, s.Source)
			}
		}
		if info.Version != c.version || info.Last != c.last || strings.Join(ids, ",") != strings.Join(c.ids, ",") {
			t.Errorf("%s: %+v %v", c.name, info, ids)
		}
	}
	svcs, _, _ := ORUKPage([]byte(cases[1].body))
	if s := svcs[0]; s.AgeMin == nil || *s.AgeMin != 0 || *s.AgeMax != 19 || strings.Join(s.NeedTypes, ",") != "HI" || s.Categories[0] != "Sensory impairment" {
		t.Errorf("1.0 record: %+v", s)
	}
	svcs, _, _ = ORUKPage([]byte(cases[0].body))
	if svcs[1].AgeMin != nil {
		t.Error("minimum_age -1 means no minimum")
	}
	if _, _, err := ORUKPage([]byte(`{"hello":"world"}`)); err == nil {
		t.Error("a JSON object that is no services list was accepted")
	}
}

func TestServiceFields(t *testing.T) {
	cases := []struct {
		text         string
		lo, hi       int // lo -1: no minimum
		cost         string
		phone, email bool
	}{
		{"Who is it for?\nFamilies with children aged 0-5.\nThis service is free.", 0, 5, "free", false, false},
		{"Who can use it\nYoung people (16-25) with SEMH needs.\nCall 01632 961111", 16, 25, "", true, false},
		{"Eligibility\nChildren up to the age of 19. Sessions cost £5 per day. Email us at team@la.example.gov.uk", -1, 19, "charged: £5 per day", false, true},
		{"How to refer\nFrom birth to 5 years. There is no charge.", 0, 5, "free", false, false},
	}
	for _, c := range cases {
		kind, s := LocalOfferText(c.text, "A service", "http://x/s/1", false)
		if kind != KindService || s == nil {
			t.Errorf("%q: not read as a service (%s)", c.text, kind)
			continue
		}
		if (s.AgeMin == nil) != (c.lo < 0) || s.AgeMin != nil && *s.AgeMin != c.lo || s.AgeMax == nil || *s.AgeMax != c.hi || s.Cost != c.cost || s.HasPhone != c.phone || s.HasEmail != c.email {
			t.Errorf("%q: ages %v-%v cost %q phone %v email %v", c.text, deref(s.AgeMin), deref(s.AgeMax), s.Cost, s.HasPhone, s.HasEmail)
		}
	}
	if kind, _ := LocalOfferText("The Local Offer explains the support available in the county. Read our news.", "Welcome", "http://x/", false); kind == KindService {
		t.Error("a guidance page was read as a service")
	}
}

func TestLocalOfferPageSchemaOrgAndLinks(t *testing.T) {
	page := `<html><head><title>Play therapy</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Service",
"name":"Play Therapy Service","description":"Play therapy for children aged 4-11 with social, emotional and mental health needs.","serviceType":"Health","telephone":"01632 960000"}</script></head>
<body><main><h1>Play Therapy Service</h1><p>Play therapy for children aged 4-11 with social, emotional and mental health needs.</p></main></body></html>`
	kind, s := LocalOfferPage([]byte(page), "text/html", "https://lo.example.gov.uk/services/play-therapy")
	if kind != KindService || s == nil {
		t.Fatalf("kind %s", kind)
	}
	if s.Name != "Play Therapy Service" || s.Categories[0] != "Health" || !s.HasPhone || deref(s.AgeMin) != 4 || deref(s.AgeMax) != 11 || strings.Join(s.NeedTypes, ",") != "SEMH" {
		t.Errorf("%+v", s)
	}
	// Contacts only as mailto:/tel: links still count.
	page = `<html><body><main><h1>Hearing support</h1><h2>Who is it for?</h2><p>Deaf children.</p><p><a href="mailto:hs@la.example.gov.uk">Email us</a></p></main></body></html>`
	kind, s = LocalOfferPage([]byte(page), "text/html", "https://lo.example.gov.uk/services/hearing")
	if kind != KindService || !s.HasEmail || s.HasPhone || strings.Join(s.NeedTypes, ",") != "HI" {
		t.Errorf("%s %+v", kind, s)
	}
	var links strings.Builder
	for i := 0; i < 8; i++ {
		links.WriteString(`<li><a href="/services/` + string(rune('a'+i)) + `">Service</a></li>`)
	}
	if kind, _ := LocalOfferPage([]byte(`<html><body><main><h1>Education</h1><ul>`+links.String()+`</ul></main></body></html>`), "text/html", "https://lo.example.gov.uk/category/education"); kind != KindListing {
		t.Errorf("a category page is %s", kind)
	}
}

// TestNeedElsewhere: a need named in a clause that is not about whom the
// service is for names none; the clause beside it keeps its own.
func TestNeedElsewhere(t *testing.T) {
	x := Default()
	cases := []struct{ text, want string }{
		{"Families do not need a diagnosis of dyslexia to join.", ""},
		{"A diagnosis of ADHD is not required.", ""},
		{"You don't need to be diagnosed with dyspraxia.", ""},
		{"We don't assess for ADHD.", ""},
		{"We run sessions for autistic teenagers, although a formal diagnosis is not needed.", "ASD"},
		{"We are unable to diagnose autism.", ""},
		{"If you think your child could be dyslexic, speak to your child's school.", ""},
		{"The nurses will signpost parents to epilepsy support groups.", ""},
		{"Children who are blind are helped by our colleagues in the vision team.", ""},
		// Whom the service is for stays.
		{"The group is for children with a diagnosis of autism.", "ASD"},
		{"We support deaf children from diagnosis to 25.", "HI"},
		{"A safe space for young people with ADHD.", "ADHD"},
		// lo9: a need named only as what the service does not provide for.
		{"We do not provide treatment for children whose only difficulty is dyspraxia.", ""},
		{"The clinic cannot offer appointments for ADHD medication reviews.", ""},
		{"We do not charge for sessions for children who stammer.", "SLCN"},
	}
	for _, c := range cases {
		if got := strings.Join(x.needCodes(c.text), ";"); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
	// Another named team's group is not the record's; its own team's is.
	other := "Pupils with a hearing impairment are seen by the Hearing Support Service. We help pupils with cerebral palsy."
	if got := strings.Join(x.needCodes(otherTeams(other, "Physical Outreach")), ";"); got != "PD" {
		t.Errorf("another team: got %q", got)
	}
	if got := strings.Join(x.needCodes(otherTeams(other, "Hearing Support Service")), ";"); got != "HI;PD" {
		t.Errorf("own team: got %q", got)
	}
}

// TestNeedAudienceList: a list led by a line about people speaks of them in
// each item that says what they have or are, not in one saying what they do.
func TestNeedAudienceList(t *testing.T) {
	x := Default()
	text := "Your son or daughter may get a place if they:\n- are deaf or have a hearing loss\n- have cerebral palsy\n\nFamilies can apply when they:\n- live more than two miles away from the centre, or\n- cannot get there because of mobility problems"
	if got := strings.Join(x.needCodes(needAudience(text)), ";"); got != "HI;PD" {
		t.Errorf("got %q, want HI;PD", got)
	}
	if got := strings.Join(x.needCodes(needAudience("Families can apply when they:\n- cannot travel because of mobility problems")), ";"); got != "" {
		t.Errorf("a condition: got %q", got)
	}
}

// TestDefinedName: the one service a page's paragraphs define by name heads
// its record where the heading is a trail, the trail's own section, or an
// organisation; a service's own heading, and an organisation defining two
// services or none, stay.
func TestDefinedName(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"Moorside Carers Association", "Moorside Carers Association\n\nMoorside Carers Association is a charity for carers across the valley, set up in 1998 by carers.\n\nBrew and Chat is a monthly coffee group for parents of disabled children, held in the library.\n", "Brew and Chat"},
		{"Clubs > Swim club", "Clubs > Swim club\n\nSplashers Swim Club\n\nSplashers is our inclusive swim club for children who find busy pools hard, every Sunday morning.\n", "Splashers Swim Club"},
		{"Holiday activities", "Home > Directory > Holiday activities\n\nHoliday activities\n\nIn the summer holidays, Camp Wildwood offers outdoor days for disabled young people in the forest.\n", "Camp Wildwood"},
		// Two services defined: the organisation is the subject.
		{"Moorside Carers Association", "Moorside Carers Association\n\nBrew and Chat is a monthly coffee group for parents, held in the library.\n\nDads Together is a group for fathers that meets on Saturdays in the park.\n", "Moorside Carers Association"},
		// A service's own heading stays, whatever its text defines.
		{"Hearing Support Team", "Hearing Support Team\n\nSignalong Stars is a signing group we run for families, every Friday in the school hall.\n", "Hearing Support Team"},
		// lo9: a sentence's opening word that points ("This is a free
		// service") defines nothing: the organisation stays.
		{"Northgate Health NHS Trust", "Northgate Health NHS Trust\n\nWe help children who find eating hard.\n\nThis is an NHS service and there is no charge.\n", "Northgate Health NHS Trust"},
	}
	for _, c := range cases {
		if got := definedName(c.name, c.text); got != c.want {
			t.Errorf("%q: got %q, want %q", c.name, got, c.want)
		}
	}
}

// A diagnosis named in a concession ("if ... already has a diagnosis of
// autism we will still see them") is not whom the service is for; one named
// as whom it is for stays.
func TestNeedConcession(t *testing.T) {
	x := Default()
	for text, want := range map[string]string{
		"We support young people with low mood. If a young person already has a diagnosis of autism we will still see them for their mental health.": "[SEMH]",
		"Even if your child has been diagnosed with ADHD, they can still join the club.":                                                             "[]",
		"We support children with a diagnosis of autism and their families.":                                                                         "[ASD]",
	} {
		if got := fmt.Sprint(x.needCodes(text)); got != want {
			t.Errorf("needCodes(%q) = %s, want %s", text, got, want)
		}
	}
}

// TestAgeStagesAndEnds holds lo8's age concepts in sentences of their own: a
// key-stage span to the end of a later stage, a band begun at birth further
// back in its sentence, starting school said another way, an extension after
// "16+", an open end, how long a plan lasts.
func TestAgeStagesAndEnds(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"We see pupils from Key Stage 2 up to the end of Key Stage 3.", "7-14"},
		{"For pupils in KS1 through to the end of KS2.", "5-11"},
		{"We visit babies from birth, often soon after the hospital refers them, until they leave school at the end of Year 11.", "0-16"},
		{"Open to children from birth up to the time they start school.", "0-4"},
		{"Students 16+ (up to 19, or 24 with an EHC plan) can join.", "16-24"},
		{"Anyone aged 18 and over may come; last year 18 to 20 year olds were our biggest group.", "18-?"},
		{"Open to people aged 18 and over, until they are 25.", "18-25"},
		{"An EHC plan can last until the young person is 25.", "?-?"},
	} {
		lo, hi := ageRange(c.text)
		if got := intOr(lo) + "-" + intOr(hi); got != c.want {
			t.Errorf("%q: got %s, want %s", c.text, got, c.want)
		}
	}
	// A band in a team's name, or a plan defined by what kind of document it
	// is, on a guidance page: neither is whom the page is for.
	for _, text := range []string{
		"An education plan is a legal document for learners aged 0 to 25.\nCall the SEND 0-25 Team.",
	} {
		if lo, hi := ageRange(groupAsides(text)); lo != nil || hi != nil {
			t.Errorf("%q: got %s-%s, want none", text, intOr(lo), intOr(hi))
		}
	}
	// "Young people themselves" as part of an audience keeps its band.
	if lo, hi := ageRange(groupAsides("The open day welcomes carers of young people aged 14 to 25, and young people themselves.")); intOr(lo)+"-"+intOr(hi) != "14-25" {
		t.Errorf("audience with 'themselves': got %s-%s, want 14-25", intOr(lo), intOr(hi))
	}
}

// TestAgeBandsLo10 holds lo10's age concepts in sentences of our own: a
// birthday band in the second person, the end of a key stage, the first
// weeks or months of life as birth, the next sentence carrying the same
// support on, and an eligibility section against a part's band.
func TestAgeBandsLo10(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"You can join from your 14th birthday up to your 21st birthday.", "14-21"},
		{"We follow children from the first months of life until the end of Key Stage 2.", "0-11"},
		{"Support can begin within the first days of life and goes on to the end of Year 6.", "0-11"},
		{"We stay with pupils through to the end of Key Stage 3.", "?-14"},
		{"Open to girls aged 10 to 15. Those still at school may continue to attend until they are 18.", "10-18"},
		{"Open to girls aged 10 to 15. Parents can stay for coffee until 8pm.", "10-15"},
		// Only its end is said in years; the start is a word ("babies").
		{"Families of children from babies to young adults aged 25 are welcome.", "?-25"},
		{"We offer counselling to young people aged 11 to 18.", "11-18"},
	} {
		lo, hi := ageRange(c.text)
		if got := intOr(lo) + "-" + intOr(hi); got != c.want {
			t.Errorf("%q: got %s-%s, want %s", c.text, intOr(lo), intOr(hi), c.want)
		}
	}
	page := "Pine Cone Club\n\nOur groups:\n* Juniors, for members aged 6 to 9\n* Seniors, for members aged 10 to 14\n\nWho can join?\nChildren aged 6 to 14 with additional needs.\n\nPhone 01632 000 111\n"
	if got := eligibleSection(page); got != "Children aged 6 to 14 with additional needs." {
		t.Errorf("eligibleSection: got %q", got)
	}
	if eligibleSection("Pine Cone Club\nWe meet on Fridays.") != "" {
		t.Error("eligibleSection: a page without an eligibility heading has none")
	}
}
