package localoffer

import (
	"strings"
	"testing"
)

// TestRecordName: a record's name chosen among every candidate by what the
// page's text does with it. Pages written by us, each line a block as a
// browser's copy gives it; each case says what evidence decides, and the
// cases that must keep the heading say why the other candidate is not it.
func TestRecordName(t *testing.T) {
	cases := []struct {
		name  string
		url   string
		lines []string
		want  string
	}{
		{"a greeting heads the page: the name is what it greets", "https://www.bramblepatchplaygroup.org.uk/",
			[]string{"Bramble Patch", "Home | Sessions | Contact", "Welcome to Bramble Patch",
				"Bramble Patch is a parent-run playgroup in Ketton village hall for children with and without additional needs.",
				"Sessions", "Monday and Wednesday mornings, 9am to 11.30am.", "Cost", "£3 a session.", "Contact", "Call 01632 447 120."},
			"Bramble Patch"},
		{"'About X' names X; the text repeats it", "https://www.kitebridgeyouth.org.uk/service/about-kitebridge",
			[]string{"Kitebridge", "Home   About   Groups   Contact", "About Kitebridge",
				"Kitebridge pairs disabled teenagers with a volunteer buddy to go to the cinema, football and gigs together.",
				"Who can join", "Young people aged 13 to 19 who live in Ashdown.", "Cost", "Free.", "Contact", "Telephone: 01632 880 210",
				"Kitebridge CIC, company number 12345678"},
			"Kitebridge"},
		{"a field names the record under a label heading", "https://www.lowmere.gov.uk/directory/record-881",
			[]string{"Lowmere Council", "Home > Directory > Record", "Record details", "Activity name: Quiet Cinema Club", "Provided by: Lowmere Arts Trust",
				"Description", "Relaxed film screenings once a month with the lights up and the sound down, for families of autistic children.",
				"Who can come", "Families with an autistic child of any age.", "Cost", "£2 a ticket.", "Contact", "Telephone: 01632 550 700"},
			"Quiet Cinema Club"},
		{"the heading is a section of the site's own menu: the banner's name the text defines", "https://www.stillwaterscounselling.org.uk/services/what-happens",
			[]string{"Stillwaters", "Home   What happens   Referrals   Contact", "What happens",
				"Stillwaters offers six free counselling sessions to teenagers in Fordham who are struggling with their mental health.",
				"Sessions happen after school at the Youth Hub on Mill Street.", "Who can come", "Young people aged 11 to 18.", "Cost", "Free.",
				"Contact", "Telephone: 01632 559 010"},
			"Stillwaters"},
		{"a heading shortened, the text spelled out with the short form", "https://www.hallowell.gov.uk/send/health/eys",
			[]string{"Hallowell Borough Council", "Home > SEND > Health > EY Speech Team", "EY Speech Team",
				"The Early Years Speech Team (EYST) visits nurseries and childminders to help toddlers whose talking is slow to develop.",
				"How to refer", "Nurseries refer with the parent's consent.", "Telephone: 01632 330 118"},
			"Early Years Speech Team"},
		{"a spelled-out name that is not the heading's stays apart", "https://www.hallowell.gov.uk/send/health/splash",
			[]string{"Hallowell Borough Council", "Home > SEND > Leisure > Splash Club", "Splash Club",
				"Splash Club is a Saturday swimming session run with the Amateur Swimming Association (ASA) for children with physical disabilities.",
				"Cost", "£4 a swim.", "Telephone: 01632 330 441"},
			"Splash Club"},
		{"an organisation heads the page above its registration line; the one club it calls its own", "https://www.tideway-friends.org.uk/clubs/sunday-sailors",
			[]string{"Home > Clubs > Sunday Sailors", "Tideway Friends", "Charity no. 1176655",
				"Tideway Friends is a volunteer charity on the Ouse estuary.",
				"Our Sunday Sailors crew takes disabled young people aged 10 to 18 out in adapted dinghies from April to October.",
				"Cost", "£5 a trip."},
			"Sunday Sailors"},
		{"an organisation with two services of its own is the page's subject", "https://www.tideway-friends.org.uk/",
			[]string{"Tideway Friends", "Charity no. 1176655",
				"Tideway Friends is a volunteer charity on the Ouse estuary.",
				"Our Sunday Sailors crew takes disabled young people out in adapted dinghies.",
				"Our Harbour Walkers group meets on Thursdays for a gentle walk and a hot drink.", "Contact", "Call 01632 812 300."},
			"Tideway Friends"},
		{"the site's name after a dash is the site's", "https://www.coldharbour-info.org.uk/service/chat-and-play",
			[]string{"Coldharbour Family Info", "Home   Services   Events   Contact", "Chat and Play | Coldharbour Family Info",
				"A weekly drop-in for parents of babies with hearing loss, with a Teacher of the Deaf on hand.", "Cost", "Free."},
			"Chat and Play"},
		{"a place after a dash is part of the name", "https://www.coldharbour-info.org.uk/service/chat-and-play-eastgate",
			[]string{"Coldharbour Family Info", "Home   Services   Events   Contact", "Chat and Play - Eastgate",
				"A weekly drop-in for parents of babies with hearing loss, with a Teacher of the Deaf on hand at Eastgate library.", "Cost", "Free."},
			"Chat and Play - Eastgate"},
		{"a venue the text describes is not a name", "https://www.pinecross.nhs.uk/services/childrens-physiotherapy",
			[]string{"Pinecross Community NHS Trust", "Home | Services | Contact", "Children's Physiotherapy",
				"We help children with cerebral palsy and other conditions that affect how they move.",
				"Willow Court Clinic has level access and free parking.", "Who can be referred", "Children from birth to 18 registered with a Pinecross GP.",
				"How to refer", "Your GP or health visitor can refer.", "Contact", "Telephone: 01632 773 090"},
			"Children's Physiotherapy"},
		// fresh18's: a line describing the service under its heading; a short
		// form in brackets after the spelled-out name; "Name: what it is".
		{"a description line under the heading", "https://www.oakleafcarers.org.uk/what-we-do/young-carers-club/",
			[]string{"Oakleaf Carers", "Home  About  What we do  Contact", "Young Carers Club", "A weekly Oakleaf Carers group, part of our Time Out project",
				"The club gives young carers of disabled brothers and sisters an evening off each week.", "Who can come?", "Young carers aged 8 to 16.", "Telephone: 01632 881 400"},
			"Young Carers Club"},
		{"the spelled-out name with its short form in brackets", "https://www.fenwickhealth.nhs.uk/services/sensory-integration-clinic",
			[]string{"Fenwick Health NHS Trust", "Services > OT > SI Clinic", "Sensory Integration Clinic (SI Clinic)",
				"The SI Clinic is run by occupational therapists for children whose sensory processing makes daily life hard.", "The SI Clinic sees children aged 3 to 11.",
				"Referral", "Through your GP or school nurse.", "Telephone: 01632 881 500"},
			"Sensory Integration Clinic (SI Clinic)"},
		{"a name, a colon, what it is", "https://www.kestrelvale.gov.uk/send/post-16/job-coach",
			[]string{"Kestrel Vale Council", "Home > SEND > Post-16", "Next Step: the council's supported employment service for young adults",
				"Next Step helps young adults with learning disabilities find and keep paid work.", "Who can use it", "People aged 18 to 25 living in Kestrel Vale.", "Telephone: 01632 881 600"},
			"Next Step"},
		// fresh21's: the site's strap line under its banner is not a name;
		// the council's place in the possessive is whose the team is.
		{"a strap line under the banner", "https://www.wexfordlocaloffer.co.uk/adulthood/work/bridge-to-work",
			[]string{"Wexford SEND Local Offer", "Support and activities for families of disabled children", "Home   Education   Health   Adulthood",
				"Adulthood > Work", "Bridge to Work at Wexford College", "Bridge to Work is a year-long supported internship for young people with an EHC plan.",
				"Who can apply?", "Young people aged 17 to 24.", "Telephone: 01632 881 700"},
			"Bridge to Work"},
		{"the council's place in the possessive", "https://www.hallam.gov.uk/send-local-offer/education/vi-team",
			[]string{"Hallam", "Children and families > SEND Local Offer > Education", "VIT (Vision)",
				"Hallam's Vision Impairment Team (VIT) is made up of qualified teachers of children with vision impairment.",
				"We visit children at home, in nursery and in school, and train their teachers.", "Who we support",
				"Children aged 0 to 19 with a vision impairment.", "Cost", "Free.", "How to contact us", "Telephone: 01632 881 800", "Email: vit@hallam.gov.uk"},
			"Vision Impairment Team"},
		{"one team of several that the page calls its own does not replace the service's heading", "https://www.eastwold.gov.uk/send/inclusion-support",
			[]string{"Eastwold Council", "Home > SEND > Inclusion Support Services", "Inclusion Support Services",
				"We are part of the council's education directorate.",
				"Our Outreach Mentoring programme provides weekly mentoring for pupils at risk of exclusion.",
				"The Nurture Groups Team trains school staff to run nurture groups.", "Contact", "Telephone: 01632 221 000"},
			"Inclusion Support Services"},
		{"a strap line heads the page: the banner's name is the text's subject", "https://www.rollerfriends.org.uk/services/skating",
			[]string{"Roller Friends", "Home   Sessions   Join   Contact", "Where everyone can skate",
				"Roller Friends is an inclusive roller skating club for young people aged 8 to 18 with physical disabilities or autism.",
				"We meet on Sunday afternoons at the Arena, Canal Road.", "£3 a session.", "Email: skate@rollerfriends.org.uk"},
			"Roller Friends"},
		// fresh15/16's concepts, in our words: an organisation's page that lists
		// its offerings is named by the organisation; the site's owner after
		// a dash, less its legal tail, is not part of the name.
		{"an organisation listing its offerings", "https://fis.eastmarch.gov.uk/kb5/eastmarch/fis/organisation.page?id=Qa1",
			[]string{"Eastmarch Family Information", "Home > Advice > Harbour Lights Families", "Harbour Lights Families", "Registered charity no. 1100001",
				"Harbour Lights is a volunteer-run charity for families of children with Down syndrome.", "What we offer:",
				"* Chatterbox, a signing group for toddlers", "* home visits by our Family Befriender volunteers", "* a dads' breakfast club", "* holiday trips",
				"Our Family Befriender volunteers are trained by the charity.", "Cost: free.", "Telephone: 01632 881 200"},
			"Harbour Lights Families"},
		{"the trust's name after a dash", "https://www.wexleyhealth.nhs.uk/services/childrens-physiotherapy",
			[]string{"Wexley Health and Care NHS Foundation Trust", "Services / Children's Physiotherapy", "Children's Physiotherapy - Wexley Health and Care",
				"We assess and treat children and young people with movement difficulties.", "Who can be referred", "Children aged 0 to 16 registered with a Wexley GP.",
				"Contact", "Telephone: 01632 881 300"},
			"Children's Physiotherapy"},
	}
	for _, c := range cases {
		r := ReadLocalOfferText(strings.Join(c.lines, "\n"), c.url)
		got := ""
		if r.Service != nil {
			got = r.Service.Name
		}
		if got != c.want {
			t.Errorf("%s: %s %q, want %q", c.name, r.Kind, got, c.want)
		}
	}
}

// TestAbbreviates: a short form stands for words in order, a letter from a
// word's initial or from inside the word it follows.
func TestAbbreviates(t *testing.T) {
	for _, c := range []struct {
		short, long string
		want        bool
	}{
		{"ND Pathway", "Neurodevelopmental Assessment Pathway", true},
		{"CAMHS LD Team", "Child and Adolescent Mental Health Services Learning Disability Team", true},
		{"Westby SENDIASS", "Westby Special Educational Needs and Disabilities Information, Advice and Support Service", true},
		{"EY Speech Team", "Early Years Speech Team", true},
		{"SIT Young Company", "Spotlight Inclusive Theatre Young Company", true},
		{"Splash Club", "Amateur Swimming Association", false},
		{"OT Service", "Occupational Therapy", false},
		{"ASA", "Amateur Swimming Association", true},
		{"ASA", "Autism Support", false},
	} {
		if got := abbreviates(c.short, c.long); got != c.want {
			t.Errorf("abbreviates(%q, %q) = %v, want %v", c.short, c.long, got, c.want)
		}
	}
}

// A host after "at" is not the name; an "at" of the name's own stays.
func TestHostCut(t *testing.T) {
	for in, want := range map[string]string{
		"Step Up Internships at Kingsmead College":     "Step Up Internships",
		"Stay and Play at Brook Children's Centre":     "Stay and Play",
		"Project SEARCH at Eastfield General Hospital": "Project SEARCH",
		"Autism at Kingwood":                           "Autism at Kingwood",
		"Support at Home":                              "Support at Home",
		"Hearing Support Team":                         "Hearing Support Team",
	} {
		if got := hostCut(in); got != want {
			t.Errorf("hostCut(%q) = %q, want %q", in, got, want)
		}
	}
}
