package localoffer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/analysis"
)

// TestLocalOfferPlatforms reads pages written in the shapes of the platforms
// councils use: the page kind, the title from the content (never the skip link
// or the site's name), and a service record's fields.
func TestLocalOfferPlatforms(t *testing.T) {
	cases := []struct {
		file, url, kind, title string
		ages, needs            string // "lo-hi" ("?" for none); ';'-joined codes
		phone, email, web      bool
		cost, eligibility      string // words the cost and eligibility must contain
		categories             string
	}{
		{"kb5_service.html", "https://fis.northshire.example.gov.uk/kb5/northshire/directory/service.page?id=aB1cD2eF3gH", KindService,
			"Riverside Speech Group", "4-11", "SLCN", true, true, true, "free", "", "Health"},
		{"kb5_results.html", "https://fis.northshire.example.gov.uk/kb5/northshire/directory/results.page?localofferchannel=2", KindListing,
			"Search results", "", "", false, false, false, "", "", ""},
		{"kb5_channel.html", "https://fis.northshire.example.gov.uk/kb5/northshire/directory/localoffer.page?localofferchannel=9-1", KindListing,
			"SEND Local Offer - Preparing for Adulthood", "", "", false, false, false, "", "", ""},
		{"kb5_advice.html", "https://fis.northshire.example.gov.uk/kb5/northshire/directory/advice.page?id=zZ9yY8xX7wW", KindInfo,
			"What happens at an annual review?", "", "", false, false, false, "", "", ""},
		{"cms_service.html", "https://www.westvale.example.gov.uk/info/20002/education/301/inclusion_support_team", KindService,
			"Inclusion Support Team", "?-16", "ADHD;SEMH", true, false, false, "", "at risk of exclusion", "Education"},
		{"cms_info.html", "https://www.westvale.example.gov.uk/send-local-offer/home-to-school-transport", KindInfo,
			"Home to school transport for children with SEND", "", "", false, false, false, "", "", ""},
		{"lgd_directory_service.html", "https://www.eastmarsh.example.gov.uk/directory/autism-family-support", KindService,
			"Autism Family Support", "2-19", "ASD", false, true, false, "free; charges for some", "autism assessment pathway", "Autism"},
		{"lgd_directory_channel.html", "https://www.eastmarsh.example.gov.uk/send-directory", KindListing,
			"SEND directory", "", "", false, false, false, "", "", ""},
		{"openplace_service.html", "https://southport.example.openplace.directory/service/4fa1c2", KindService,
			"Deaf Children's Swimming", "5-11", "HI", true, false, false, "charged", "hearing loss", ""},
		{"standalone_service.html", "https://www.hillcombelocaloffer.example.org.uk/listing/sunflower-sensory-club", KindService,
			"Sunflower Sensory Club", "0-11", "PMLD", true, false, false, "free", "", ""},
		{"standalone_report.html", "https://www.hillcombelocaloffer.example.org.uk/annual-report", KindOther,
			"Local Offer annual report 2024", "", "", false, false, false, "", "", ""},
		{"school_offer.html", "https://www.oakfield.example.sch.uk/send/resourced-provision", KindSchoolOffer,
			"Our resourced provision", "", "", false, false, false, "", "", ""},
	}
	for _, c := range cases {
		body, err := os.ReadFile(filepath.Join("testdata", "localoffer", c.file))
		if err != nil {
			t.Fatal(err)
		}
		r := ReadLocalOffer(body, "text/html; charset=utf-8", c.url)
		if r.Kind != c.kind || r.Title != c.title {
			t.Errorf("%s: kind %s title %q; want %s %q", c.file, r.Kind, r.Title, c.kind, c.title)
			continue
		}
		if (r.Service != nil) != (c.kind == KindService) {
			t.Errorf("%s: service %v", c.file, r.Service)
			continue
		}
		if r.Service == nil {
			continue
		}
		s := r.Service
		if cats := strings.Join(s.Categories, ";"); cats != c.categories {
			t.Errorf("%s: categories %q, want %q", c.file, cats, c.categories)
		}
		ages := fmt.Sprintf("%s-%s", ageStr(s.AgeMin), ageStr(s.AgeMax))
		if s.Name != c.title || ages != c.ages || strings.Join(s.NeedTypes, ";") != c.needs || s.HasPhone != c.phone || s.HasEmail != c.email ||
			s.HasWebsite != c.web || !strings.Contains(s.Cost, c.cost) || !strings.Contains(s.Eligibility, c.eligibility) {
			t.Errorf("%s: name %q ages %s needs %v phone %v email %v web %v cost %q eligibility %q", c.file, s.Name, ages, s.NeedTypes,
				s.HasPhone, s.HasEmail, s.HasWebsite, s.Cost, s.Eligibility)
		}
	}
}

func ageStr(p *int) string {
	if p == nil {
		return "?"
	}
	return fmt.Sprint(*p)
}

// TestAgeForms: ages as numbers, "up to", school stages and key stages.
func TestAgeForms(t *testing.T) {
	for text, want := range map[string]string{
		"For children aged 0-25.":                                       "0-25",
		"Support for 0-25 year olds":                                    "0-25",
		"We work with young people up to 25.":                           "?-25",
		"Open to anyone up to the age of 19.":                           "?-19",
		"For pupils from reception to year 6.":                          "4-11",
		"Pupils in Year 7 to Year 11":                                   "11-16",
		"Support in key stage 2":                                        "7-11",
		"A post-16 course for learners":                                 "16-?",
		"The group is for up to 10 pupils.":                             "?-?",
		"aged 16-19 (or up to the age of 25 with an EHC plan)":          "16-25",
		"Nothing about ages here.":                                      "?-?",
		"We see babies and children from birth up to 19 who live here.": "0-19",
		"Children aged 3 until 11 may come.":                            "3-11",
		"You can ask if you are the parent of a child aged 0 to 16, or a young person aged 16 to 25.": "0-25",
		"Planning starts from Year 9 onwards and goes on until they are 25.":                          "13-25",
		// A start birthday is a minimum; a band named by two birthdays is its ends.
		"Members join on their 18th birthday and stay until their 25th birthday.": "18-25",
		"Open to young people from their 14th birthday.":                          "14-?",
		// Starting school ends the early years.
		"We visit children from the age of 2 until they start school.": "2-4",
		// Counts and ratios are not ages.
		"Families can book from 2 to 4 sessions a week for children aged 6 to 12.": "6-12",
		"Staffing is at a ratio of 1 to 3 for young people aged 11 to 18.":         "11-18",
		// A list of key stages spans the first to the last.
		"Pupils in Key Stages 1, 2 and 3":           "5-14",
		"for KS3 and KS4 students":                  "11-16",
		"Key Stage 1, Key Stage 2 and Key Stage 3.": "5-14",
		// A birthday that ends a band is its maximum; "under N" is every age below N.
		"Support continues until the young person's 25th birthday.": "0-25",
		"Children are seen up to their eighteenth birthday.":        "0-18",
		"For children under 5 and their carers.":                    "0-4",
		// Key stages and school years side by side are one band, read both ways.
		"for pupils in Key Stages 3 and 4 (Years 7 to 11) who need help": "11-16",
		"Key Stage 2 pupils (Years 3-6) only":                            "7-11",
		"Years 1 and 2 (key stage 1)":                                    "5-7",
		// Batch 7's classes in our words: "nought", a start from birth said
		// before its end, an upper limit extended in its sentence, "until they
		// reach 25".
		"For families of children aged nought to five.":                               "0-5",
		"We see babies from birth until they go to school.":                           "0-4",
		"Help continues up to the age of 18, or up to 25 for those with an EHC plan.": "?-25",
		"From Year 10 until they reach 25, we plan together.":                         "14-25",
		// "Stages" is not "ages".
		"The plan has three stages 1 to 3 and is for anyone.": "?-?",
		// An upper limit alone, completed further on by the same band from birth.
		"We stay involved until the young person turns 19. Referrals for children aged 0 to 19.": "0-19",
		// lo4: "up to" a number of things of any kind is a count; an age's
		// number ends its clause or goes on with a verb.
		"Each family may bring up to four guests to the summer picnic.": "?-?",
		"Borrow up to 3 toys at a time; for children aged 1 to 6.":      "1-6",
		"Anyone up to 19 can drop in.":                                  "?-19",
		"Children up to 12 years old with their parents.":               "?-12",
		// A band started and ended further on in one sentence by an upper limit.
		"Pupils in Years 5 and 6, and those moving up to secondary until their 12th birthday.": "9-12",
		"Open from the beginning of Year 9 and then through college until they turn 20.":       "13-20",
		// Not across sentences: the second is another group's limit.
		"For pupils in Years 3 to 6. Older brothers and sisters up to 16 may help out.": "7-11",
		// Year R is reception; a start year and the end of a later year said
		// apart in one sentence; the end of a year alone.
		"Open to children in Years R to 2.":                                    "4-7",
		"Students start with us in Year 9 and carry on to the end of Year 13.": "13-18",
		"Help is available until the end of Year 6.":                           "?-11",
		"Sessions for the under-8s and their carers.":                          "0-7",
		// lo6: every way a band is written, in words of our own (each failed
		// on the reader before): a start said again with its end, a stage or
		// starting school that starts a band ended by a birthday, an end
		// carried by leaving education or a bracket, a list of ages, key
		// stages "through to", "to the age of", a count of weeks.
		"Open to young people from the age of twelve up to their 18th birthday.":                                        "12-18",
		"For pupils from school Year 5 up until their 16th birthday.":                                                   "9-16",
		"We see children from the time they start in Reception until their 12th birthday.":                              "4-12",
		"Babies and children up to their fifth birthday, or until they leave primary school at 11 if they have a plan.": "0-11",
		"Toddlers from birth to the age of three and a half.":                                                           "0-3",
		"The course runs over between four and ten weeks.":                                                              "?-?",
		"Students aged 16 up to 19 (25 with an EHC plan) can enrol.":                                                    "16-25",
		"Families of children from Key Stage 2 through to Key Stage 3.":                                                 "7-14",
		"The nursery takes children aged two, three and four.":                                                          "2-4",
		"Play sessions run until children start in a Reception class.":                                                  "?-4",
		"Members join from 13 until they turn 19.":                                                                      "13-19",
		"Young people from the start of Year 9 until their 21st birthday.":                                              "13-21",
		// lo9: newborns start a band at birth, "through to N-year-olds" ends
		// it; a time of day "through to 12" is no age.
		"We see families from newborn babies through to 25-year-olds in college.": "0-25",
		"A team for children from newborns right up to 19 year olds.":             "0-19",
		"The morning runs from 10am through to 12.":                               "?-?",
	} {
		lo, hi := ageRange(text)
		if got := ageStr(lo) + "-" + ageStr(hi); got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}

// TestLocalOfferItemsList: the required items are data with their source, and
// a page's words show which it covers.
func TestLocalOfferItemsList(t *testing.T) {
	list := analysis.LocalOfferItemList()
	if len(list) < 10 {
		t.Fatalf("%d items", len(list))
	}
	for _, it := range list {
		if it.Label == "" || !strings.Contains(it.Source, "Sch.2") && !strings.Contains(it.Source, "CoP") {
			t.Errorf("%s: label %q source %q", it.ID, it.Label, it.Source)
		}
	}
	var got []string
	for _, e := range LocalOfferItems("You can ask for an EHC needs assessment. Home to school transport is explained below. Mediation is free.") {
		got = append(got, e.ID)
	}
	if strings.Join(got, ",") != "transport,assessment_request,complaints_mediation" {
		t.Errorf("items %v", got)
	}
}

// TestLocalOfferItemsHaveWordings: every item of the list has a wording in the
// rule table, and every wording is for an item of the list.
func TestLocalOfferItemsHaveWordings(t *testing.T) {
	x := Default()
	for _, it := range analysis.LocalOfferItemList() {
		if len(x.localOfferItems[it.ID]) == 0 {
			t.Errorf("item %s has no wording in rules/local_offer_items.tsv", it.ID)
		}
	}
	// That every wording is for an item of the list is analysis's
	// TestLocalOfferItemWordingsListed (the list and the tables are there).
	if _, _, err := analysis.Default().Extend(strings.NewReader("localoffer.item\tparking\t"+`\bparking\b`+"\n+\tparking\n"), "la.tsv"); err == nil || !strings.Contains(err.Error(), "no item of the list") {
		t.Errorf("a --vocab wording for an item the list does not hold: %v", err)
	}
	ay, _, err := analysis.Default().Extend(strings.NewReader("localoffer.item\tshort_breaks\t"+`\bsitting\s+service\b`+"\n+\ta sitting service\n"), "la.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got := New(ay).LocalOfferItems("Our sitting service gives carers an evening off."); len(got) != 1 || got[0].ID != "short_breaks" {
		t.Errorf("a --vocab wording for short breaks: %v", got)
	}
	if got := x.LocalOfferItems("Our sitting service gives carers an evening off."); len(got) != 0 {
		t.Errorf("the default extractor read the --vocab wording: %v", got)
	}
}

// TestLocalOfferNeedNearMisses: words near a need's that name none, as a
// service's own words (the table's lines are matched after needText).
func TestLocalOfferNeedNearMisses(t *testing.T) {
	for text, want := range map[string]string{
		"The sports hall is wheelchair accessible and has level access.":                 "",
		"A club for young people with learning disabilities.":                            "",
		"Referrals come from Child and Adolescent Mental Health Services.":               "",
		"A youth club for wheelchair users.":                                             "PD",
		"For young people with moderate to severe learning disabilities.":                "MLD;SLD",
		"A group for teenagers who feel low in mood.":                                    "SEMH",
		"Autism-friendly swimming for children with a hearing impairment or sight loss.": "ASD;HI;VI",
	} {
		if got := strings.Join(Default().needCodes(text), ";"); got != want {
			t.Errorf("%q: needs %q, want %q", text, got, want)
		}
	}
	ay, _, err := analysis.Default().Extend(strings.NewReader("localoffer.need\tSpLD\t"+`\bdyslexic\s+learners\b`+"\n+\tdyslexic learners\n"), "la.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(New(ay).needCodes("Coaching for dyslexic learners."), ";"); got != "SpLD" {
		t.Errorf("a --vocab Local Offer need: %q", got)
	}
}

// TestORUKLiveV1: records as live 1.0 feeds send them: the list under
// "content", descriptions in HTML, empty strings for absent fields, a record
// without a name, platform fields for audiences and dates, a status other than
// active.
func TestORUKLiveV1(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("testdata", "oruk", "v1_live_page.json"))
	if err != nil {
		t.Fatal(err)
	}
	svcs, info, err := ORUKPage(body)
	if err != nil || info.Version != "1.0" || !info.Last || len(svcs) != 3 {
		t.Fatalf("%d services, %+v, %v", len(svcs), info, err)
	}
	var got []string
	for _, s := range svcs {
		got = append(got, fmt.Sprintf("%s name=%q ages=%s-%s needs=%s cost=%q web=%v email=%v updated=%s current=%v desc=%q",
			s.ID, s.Name, ageStr(s.AgeMin), ageStr(s.AgeMax), strings.Join(s.NeedTypes, ";"), s.Cost, s.HasWebsite, s.HasEmail, s.LastUpdated, s.Current(), s.Description))
	}
	want := []string{
		`b7e1c0de-0001 name="Pathways to Work" ages=16-25 needs=ASD cost="free" web=false email=false updated=2024-11-02 current=true desc="About us\n\nWe support young people aged 16 to 25 with autism to find and keep work.\nSessions are free."`,
		`b7e1c0de-0002 name="" ages=?-? needs=ADHD cost="" web=false email=false updated= current=false desc="A drop-in for parents of children with ADHD.\nEvery Tuesday."`,
		`b7e1c0de-0003 name="Signing Stories" ages=0-4 needs=HI cost="free" web=true email=true updated= current=true desc="Story time in British Sign Language for children under 5."`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The assuring officer's e-mail in pc_metadata is personal data: never read.
	for _, s := range svcs {
		if strings.Contains(fmt.Sprintf("%+v", s), "officer@") {
			t.Errorf("%s keeps the assuring officer's e-mail", s.ID)
		}
	}
}

func TestRecordURL(t *testing.T) {
	for in, want := range map[string]string{
		"http://search3.openobjects.example/kb5/durham/fsd/organisation.page?id=HZzSlfMJJKQ&amp;&amp;familychannel=0":   "http://search3.openobjects.example/kb5/durham/fsd/organisation.page?id=HZzSlfMJJKQ",
		"https://fis.example.gov.uk/kb5/la/directory/service.page;jsessionid=ABC123?id=Er1-JxtuIf4&localofferchannel=2": "https://fis.example.gov.uk/kb5/la/directory/service.page?id=Er1-JxtuIf4",
		"https://lo.example.gov.uk/directory/portage?utm_source=x&page=2#contact":                                       "https://lo.example.gov.uk/directory/portage?page=2",
	} {
		if got := RecordURL(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

// TestListingAndNewsFromText: a count of results makes a page a listing, a
// dated news line makes it other, whatever the words of the records shown.
func TestListingAndNewsFromText(t *testing.T) {
	cases := []struct {
		text, url string
		want      string
	}{
		{"Short breaks directory\nFilter results\n14 results\nRiver Club\nWe run a Saturday club for disabled children aged 8 to 18. Our team supports every child.\nPage 1 of 2",
			"https://www.example.gov.uk/send-directory?category=short-breaks", KindListing},
		{"Showing 11 to 20 of 43\nTalking Together\nOur service offers speech and language support. We provide groups for parents.",
			"https://localoffer.example.org.uk/directory", KindListing},
		{"New specialist places agreed\nPublished: 3 March 2026\nThe council has agreed to open a new resourced provision for autistic pupils.",
			"https://www.example.gov.uk/news/new-specialist-places", KindOther},
	}
	for _, c := range cases {
		if got := ReadLocalOfferText(c.text, c.url).Kind; got != c.want {
			t.Errorf("%.40q: kind %v, want %v", c.text, got, c.want)
		}
	}
}

// TestBandFields: a directory record's age fields, read as one band (lines
// written by us in directories' shapes).
func TestBandFields(t *testing.T) {
	for text, want := range map[string]string{
		"Age groups\nUnder 5s (0-4)\nPrimary (5-11)\n\nLast checked 12/03/2026": "0-11",
		"Ages covered: 9 yrs to 15 yrs":                                         "9-15",
		"Service age range\nFrom 3 years\nTo 7 years":                           "3-7",
		"Age Bands\nPost-16 (16-25)":                                            "16-25",
		"Who is it for\nChildren aged 2 to 5\nSecondary (11-16) is not a field": "?-?",
	} {
		lo, hi, _, _ := bandFields(text)
		if got := ageStr(lo) + "-" + ageStr(hi); got != want {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}
