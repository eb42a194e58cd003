package analysis

import (
	"strconv"
	"strings"
	"testing"
)

// TestProvisionPlacesAndNeed: a provision's need and places, wherever the text
// gives them, and its evidence where it shows both; wordings written for this test.
func TestProvisionPlacesAndNeed(t *testing.T) {
	cases := []struct {
		name, text, docType string
		want                string // value/places, or "" for none
		evidence            string // words the evidence must hold
	}{
		{"places in a heading", "Establishing a 12 place Specialist Resource Provision at Ashby School\n\n" +
			"The council proposes a Specialist Resource Provision (SRP) for pupils with autism at the school.", "la_school_sen_page",
			"resourced_provision:ASD/12", "pupils with autism"},
		{"places under its short name", "It is proposed to open a Designated Special Provision (DSP) for pupils with hearing impairment.\n\n" +
			"Background\n\nEach DSP will have 6 places.", "la_school_sen_page", "resourced_provision:HI/6", "hearing impairment"},
		{"supports N students", "Our Autism Resource Base supports 18 students across Years 7 to 11.", "", "resource_base:ASD/18", "supports 18 students"},
		{"up to N words pupils", "The Den is a nurture group for up to 10 Key Stage 2 pupils with social, emotional and mental health needs.", "",
			"nurture_group:SEMH/10", "up to 10"},
		{"a class that is the provision", "Heron Class is a specialist provision for up to 8 children with speech, language and communication needs.", "",
			"other:SLCN/8", "Heron Class"},
		{"evidence with the places", "Ashby Primary - Visual Impairment Resource Base\n\nThe school hosts a resource base for children with a visual impairment. The base has 6 places.",
			"la_school_sen_page", "resource_base:VI/6", "has 6 places"},
		{"places in words", "The Nest is a small specialist class for seven pupils with profound and multiple learning difficulties.", "",
			"other:PMLD/7", "seven pupils"},
		{"a facility's places as a label", "Specialist Teaching Facility (STF) for pupils with hearing impairment\nPlaces: 9\nAges: 4 to 11", "la_school_sen_page",
			"other:HI/9", "Places: 9"},
		{"a specialist provision elsewhere", "If your child needs a specialist provision for autism, we will work with the local authority.", "", "", ""},
		// The kind a sentence says a name is; "N-place" classes; a count opening the next sentence.
		{"the kind it is said to be", "Our school hosts the Deaf Support Centre, an additionally resourced provision with 9 places for deaf pupils.", "",
			"resourced_provision:HI/9", "9 places"},
		{"an N-place class", "Wren is a nine-place class for pupils with severe learning difficulties.", "", "other:SLD/9", "nine-place"},
		{"a count opening the next sentence", "The Snug is our nurture room. Six children at a time spend the morning there working on regulating their emotions.", "",
			"nurture_group:SEMH/6", "Six children"},
		{"without one", "Larch is a village school without a resource base or unit.", "", "", ""},
		{"another school's, named", "Fenby Infant School\n\nWhere a child needs a hearing unit, the council may offer a place at Tollgate Academy's hearing unit.", "", "", ""},
		{"listed elsewhere", "Rowan Primary - Autism Base\n\nOther resource bases in the borough are listed in the directory.\n\nThe Autism Base at Rowan has 8 places.",
			"la_school_sen_page", "resource_base:ASD/8", "8 places"},
		{"a trust's academies", "Several of our academies host resourced provision commissioned by the local authority.", "", "", ""},
		{"another need is another provision", "Our resource base for autism has 12 places. We also have a nurture group for pupils with SEMH needs.", "",
			"resource_base:ASD/12", "12 places"},
		// What the text stage's polarity says of a mention (textstage.Polarity), not a guard of its own.
		{"absent, two names", "Our building has a lift. We do not currently have a specialist unit\nor resource base.", "", "", ""},
		{"none", "There is no nurture group at the school this year.", "", "", ""},
		{"closed, said after", "The Ark, our nurture room, is temporarily closed while the hall is rebuilt.", "", "", ""},
		{"to open, said after", "A resource base for pupils with hearing impairment will open in September.", "", "", ""},
		{"planned", "Governors plan to open an enhanced provision for autistic pupils.", "", "", ""},
		{"where she set up", "Before joining us, Mrs Ode led SEND at Fenwick Primary, where she set up a nurture group.", "", "", ""},
		{"other schools'", "Pupils who need more may be referred to the resource bases at other schools in the county.", "", "", ""},
		{"before joining us", "Before joining us, our SENCO set up a nurture group at Cleeve Junior School.", "", "", ""},
		{"absent and closed, a narrow column", "Ashdown does not have a resource base\nor a specialist unit of its own. Our\nnurture room, the Den, is closed this\nyear while the building is extended.", "", "", ""},
		{"until a year", "Until 2023 we had a nurture group for Key Stage 1.", "", "", ""},
		{"another academy's", "Resourced provision for SEMH is hosted at several of our academies.", "", "", ""},
		{"proposed on an LA page", "The council plans to open a resource base for deaf pupils at Moor Lane School with 10 places.", "la_school_sen_page",
			"resource_base:HI/10", "10 places"},
		// The need and places of a provision said in the sentences after it.
		{"need in the sentence after", "The Owl Room is our nurture group. It takes up to nine children who need help with their social and emotional development.", "",
			"nurture_group:SEMH/9", "up to nine children"},
		{"a sentence not about it", "We run a nurture group at lunchtimes. Pupils with dyslexia have coloured overlays.", "", "nurture_group:", ""},
		{"under its heading", "The Cabin\n\nOne of the county's language units is at our school.\n\nThe unit takes eleven pupils from Year 1 to Year 6.", "",
			"sen_unit:SLCN/11", "eleven pupils"},
		{"under a question", "What is the Orchard Base?\nThe Orchard is our resource base. It has 14 places for pupils whose EHC plan names autism.", "",
			"resource_base:ASD/14", "14 places"},
		{"its abbreviation", "We host an Additionally Resourced Provision (ARP) for pupils with physical disabilities.\n\nAdmissions\n\nThe ARP has 9 places.", "",
			"resourced_provision:PD/9", "physical disabilities"},
		{"a post's title", "Name\tRole\nMr T. Okoye\tResource Base Manager", "", "", ""},
	}
	for _, c := range cases {
		var got []Fact
		for _, f := range Default().factsFor(c.text, c.docType, Default().namesOnce(c.text)) {
			if f.Field == "provision.specialist" {
				got = append(got, f)
			}
		}
		if c.want == "" {
			if len(got) > 0 {
				t.Errorf("%s: found %q", c.name, got[0].Value)
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("%s: no provision, want %s", c.name, c.want)
			continue
		}
		f := got[0]
		v := f.Value
		if f.ValueNum != nil {
			v += "/" + strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)
		}
		if v != c.want {
			t.Errorf("%s: %s, want %s", c.name, v, c.want)
		}
		checkEvidence(t, c.text, f)
		if !strings.Contains(f.Evidence, c.evidence) {
			t.Errorf("%s: evidence %q lacks %q", c.name, f.Evidence, c.evidence)
		}
	}
}

// TestSENShareWordings: shares and counts of pupils with SEN in the wordings
// reports use (written for this test), and what is not the school's.
func TestSENShareWordings(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"In the spring census 52 pupils (15%) were receiving SEN support.", []string{"stats.sen_count=52", "stats.sen_percent=15"}},
		{"About 17 per cent of our pupils are on the SEN register.", []string{"stats.sen_percent=17"}},
		{"The proportion of pupils receiving SEN support is 12.4 percent.", []string{"stats.sen_percent=12.4"}},
		{"Our SEND register currently has 38 children.", []string{"stats.sen_count=38"}},
		{"Pupils with SEND: 19 per cent", []string{"stats.sen_percent=19"}},
		{"21% of our children are on the SEN register.", []string{"stats.sen_percent=21"}},
		{"Roughly one in six children (16%) are identified as having SEND.", []string{"stats.sen_percent=16"}},
		{"Pupils on roll 190; on the SEN register 28 (14.7%); with an EHCP 4", []string{"stats.number_on_roll=190", "stats.sen_count=28",
			"stats.sen_percent=14.7", "stats.ehcp_count=4"}},
		{"We currently have 640 pupils.", []string{"stats.number_on_roll=640"}},
		{"We have 12 pupils with EHC plans.", []string{"stats.ehcp_count=12"}},
		{"There are 250 children on roll with 31 children with an SEN need.", []string{"stats.number_on_roll=250", "stats.sen_count=31"}},
		{"Nearly a quarter of our pupils (24%) need extra help and are on our SEN register.", []string{"stats.sen_percent=24"}},
		{"Boys are over half of our pupils (53%).", nil},
		{"Ashby has 700 students. 95 of them receive SEN support.", []string{"stats.number_on_roll=700", "stats.sen_count=95"}},
		{"Oak School is a special school for 64 pupils. Every pupil has an EHCP.", []string{"stats.number_on_roll=64", "stats.ehcp_count=64"}},
		{"Nationally, 13.6 per cent of pupils receive SEN support.", nil},
		{"9 per cent of pupils have an EHC plan.", nil},
	}
	for _, c := range cases {
		got := map[string]bool{}
		for _, f := range Default().factsFor(c.text, "", Default().namesOnce(c.text)) {
			if strings.HasPrefix(f.Field, "stats.") {
				checkEvidence(t, c.text, f)
				got[f.Field+"="+strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)] = true
			}
		}
		expectExactly(t, c.text, got, c.want)
	}
}

// An LA's local name for a provision is one line of --vocab, with its examples,
// read through the same stages as the table's.
func TestProvisionWordingByVocab(t *testing.T) {
	text := "Our Communication and Interaction Centre is for autistic pupils. It has 12 places."
	read := func(x *Extractor) string {
		for _, f := range x.Facts(text) {
			if f.Field == "provision.specialist" && f.ValueNum != nil {
				return f.Value + "/" + strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)
			}
		}
		return ""
	}
	if got := read(Default()); got != "" {
		t.Fatalf("read %q before the local wording: the test would prove nothing", got)
	}
	x, n, err := Default().Extend(strings.NewReader("provision.kind\tresource_base\t\\bcommunication\\s+and\\s+interaction\\s+centre\\b\n+\tthe Communication and Interaction Centre\n"), "la.tsv")
	if err != nil || n != 1 {
		t.Fatalf("Extend: %d lines, %v", n, err)
	}
	if got := read(x); got != "resource_base:ASD/12" {
		t.Errorf("with the local wording: %q, want resource_base:ASD/12", got)
	}
	if _, _, err := Default().Extend(strings.NewReader("provision.places\t$1\t(\\d+) seats\n-\t12 seats\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:2") {
		t.Errorf("a wrong example: %v, want an error naming bad.tsv:2", err)
	}
}

// Brackets that gloss a provision's words are no name for it: "SEND" elsewhere
// is not the unit.
func TestProvisionGlossIsNoName(t *testing.T) {
	text := "We have a specialist unit (SEND) for pupils with hearing impairment. It has 6 places.\n\nOur SEND register lists 40 pupils with autism."
	var got []string
	for _, f := range Facts(text) {
		if f.Field == "provision.specialist" {
			got = append(got, f.Value)
		}
	}
	if strings.Join(got, ";") != "sen_unit:HI" {
		t.Errorf("provisions %q, want sen_unit:HI alone", got)
	}
}

// TestTwoProvisionsInASentence: another kind in a later clause is another
// provision, each with the need and places of its own clauses.
func TestTwoProvisionsInASentence(t *testing.T) {
	text := "The school is home to the Quay, a resourced provision for 14 pupils with autism, and the Loft, a small specialist class for 8 pupils with moderate learning difficulties."
	got := map[string]bool{}
	for _, f := range Facts(text) {
		if f.Field == "provision.specialist" && f.ValueNum != nil {
			got[f.Value+"/"+strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)] = true
		}
	}
	for _, w := range []string{"resourced_provision:ASD/14", "other:MLD/8"} {
		if !got[w] {
			t.Errorf("missing %s, got %v", w, got)
		}
	}
	if len(got) != 2 {
		t.Errorf("got %v, want two", got)
	}
}
