package analysis

import (
	"testing"

	"github.com/sendscope/sendscope/documents"
)

// TestClassify: document types from wordings written for this test.
func TestClassify(t *testing.T) {
	cases := []struct {
		name, url, title, body, want string
	}{
		{"a report without the words", "https://a.example.sch.uk/send", "SEND at Alder Primary",
			"Our SENCO is Mrs Ivy Holm. We support pupils with autism, dyslexia and speech and language needs.", "sen_information_report"},
		{"a policy pointing to the report", "https://a.example.sch.uk/policies/send-policy", "SEND Policy",
			"Alder Primary SEND Policy\nThis policy should be read alongside our SEN Information Report and our Accessibility Plan.\n" +
				"The SENCO, Mrs Ivy Holm, oversees this policy. We provide for pupils with autism and dyslexia.", "sen_policy"},
		{"a staff list", "https://a.example.sch.uk/about/our-staff", "Our Staff",
			"Headteacher - Mr Tom Alder\nSENCO - Mrs Ivy Holm\nDyslexia specialist teacher - Ms Una Reed", "other"},
		{"a news item about the SENCO", "https://a.example.sch.uk/news/new-senco", "New SENCO",
			"We welcome Mrs Ivy Holm as our new SENCO. Our SEN Information Report will be updated soon.", "other"},
		{"an LA directory entry for one school", "https://www.shire.example.gov.uk/localoffer/schools/alder", "Alder Primary",
			"Local Offer > Schools > Alder Primary School\nAlder Primary School (URN 123456) has a resource base for 8 pupils with autism.", "la_school_sen_page"},
		{"a special school's About us page", "https://b.example.sch.uk/about-us", "Beacon School",
			"A special school for pupils with autism and severe learning difficulties. Deputy Head and SENCo: Mr Al Ray.", "other"},
		{"a school's own SEND Local Offer", "https://b.example.sch.uk/send-local-offer", "Our SEND Local Offer",
			"Our SENCo is Mrs Bea Tull. We support pupils with autism.", "sen_information_report"},
		{"a page about the SENCO", "https://c.example.sch.uk/inclusion/our-senco", "Our SENCO",
			"Hello, I'm Mrs Dee Vaux and I'm the SENCO here. I work three days a week.", "sen_information_report"},
		{"a trust's page over its academies", "https://trust.example.org.uk/send", "SEND across the trust",
			"Each of our six academies has its own SENDCo. Three host resourced provisions for autism and SEMH.", "other"},
		{"the governors' page", "https://d.example.sch.uk/about/governors", "Governing Board",
			"Chair: Mr Al Best\nSEND Governor: Mrs Jo Kerr\nThe SENCO, Mr Ty Ash, reports to the Board each term about pupils with autism.", "other"},
		{"a SEN page that opens with its staff", "https://g.example.sch.uk/send", "SEND",
			"Our staff\nHeadteacher: Mrs Mo Daly\nSENCO: Mrs Pat Hirst\nFor SEN enquiries please contact Mrs Hirst.", "sen_information_report"},
		{"LA guidance", "https://www.shire.example.gov.uk/localoffer/ehcp", "EHC plans",
			"An EHC plan describes a child's needs. Ask the council for an EHC needs assessment.", "la_guidance"},
		{"a page about schools' reports, on no council's host", "https://www.shire-send.example.org.uk/parents/school-reports", "What schools publish",
			"Every school in Shire must publish an SEN information report. Your child's school's report names its SENCO.\n" +
				"If you cannot find a school's report, ask the school. Each school's report should link to the Local Offer.", "la_guidance"},
		{"a school's report that speaks of all schools", "https://h.example.sch.uk/send", "SEND",
			"Every school must publish an SEN information report; this is ours. Each school's report is reviewed yearly.\n" +
				"Our SENCO is Mrs Ena Pole. We support pupils with autism and dyslexia.", "sen_information_report"},
		{"a policy known by its review lines", "https://j.example.sch.uk/key-info/send", "SEND",
			"Approved by the governing body: 3 March 2025\nNext review: March 2026\nSpecial Educational Needs Policy\n" +
				"The SENCO, Mr Rob Vale, makes sure the SEN information report is published each year. We provide for pupils with autism and dyslexia.", "sen_policy"},
		{"a policy naming the SENCO and the needs is not combined", "https://k.example.sch.uk/policies/send-policy", "SEND Policy",
			"This policy sets out our approach. The governing body will publish the SEN information report every year.\n" +
				"Our SENCO is Mrs Ivy Holm. We provide for pupils with autism, dyslexia and SEMH needs.", "sen_policy"},
		{"a combined document says it is both", "https://k.example.sch.uk/send", "SEND",
			"This document is both our SEND policy and our SEN information report. This policy is reviewed every year.\n" +
				"Our SENCO is Mrs Ivy Holm. We provide for pupils with autism, dyslexia and SEMH needs.", "policy_and_report"},
		{"a report with review lines stays a report", "https://l.example.sch.uk/send", "SEND Information Report",
			"Reviewed by: Mrs Lin Park\nNext review: September 2026\nThis report sets out how we support pupils with SEND.\n" +
				"Our SENCO is Mrs Lin Park. We provide for pupils with autism.", "sen_information_report"},
		{"a policy by its address, with a report's SENCO and needs", "https://p.example.sch.uk/uploads/SEND-Policy.pdf", "Elm Primary",
			"Policy owner: SENCO\nLast reviewed: July 2025\nThe SENCO, Mrs Una Bell, leads SEND. The school's SEN Information Report, published on our website, " +
				"gives details of our support for pupils with autism, dyslexia and SEMH needs.", "sen_policy"},
		{"an LA page titled with one school", "https://www.shire.example.gov.uk/localoffer/facilities/elm-academy", "Elm Academy – Specialist Teaching Facility",
			"Specialist Teaching Facility for pupils with autism. Admission is through the council's panel.", "la_school_sen_page"},
		{"an LA page headed by the provision, then the school", "https://www.shire.example.gov.uk/localoffer/specialist-provision/vision/", "",
			"Shire County Council\nHome > SEND Local Offer > Specialist provision > Vision support\n\nVision Support Resourced Provision: Moss Lane Infant School, Tadford\n\n" +
				"Moss Lane hosts one of the county's resourced provisions for children with a visual impairment, for up to 8 pupils.", "la_school_sen_page"},
		{"an LA page listing provisions at several schools", "https://www.shire.example.gov.uk/localoffer/specialist-provision/", "",
			"Specialist provision in Shire\n\nOur resourced provisions\nVision support: Moss Lane Infant School\nAutism base: Ridgeway Academy\n\n" +
				"Each provision is commissioned by the council and admits pupils through its panel.", "la_guidance"},
		{"one academy's page, saying each academy publishes its own", "https://ashby.vale-trust.example.org.uk/send", "SEND",
			"Ashby Primary Academy is a primary school in Tadford and one of six schools in Vale Learning Trust. Each academy publishes its own information report; this is ours.\n" +
				"Our SENCo\nMrs Orla Penn is our SENCo and works here every day. We support pupils with autism and dyslexia.", "sen_information_report"},
		{"a trust's page over its academies, one of them named", "https://www.vale-trust.example.org.uk/send", "SEND in the Trust",
			"Each of our six academies has its own SENDCo.\nAshby: Mrs Orla Penn\nBrook: Mr Idris Vale\nCarr: Ms Lia Moss", "other"},
		{"an LA page about a kind of school", "https://www.shire.example.gov.uk/localoffer/special-schools", "Choosing a Special School",
			"Special schools are for pupils whose needs cannot be met in mainstream. Ask the council about a place.", "la_guidance"},
		{"a report incorporating the policy", "https://q.example.sch.uk/docs/sen-information-report.pdf", "SEN Information Report (incorporating the SEND Policy)",
			"Our SENCO is Mr Lee Fenn. We support pupils with autism and dyslexia.", "policy_and_report"},
		{"a landing page pointing to the report", "https://m.example.sch.uk/about/key-information/send", "SEND",
			"All teachers are responsible for pupils with special educational needs.\nOur SENCO is Mrs Ann Rea.\n" +
				"Further details can be found in our SEND Policy and our SEND Information Report.", "other"},
		// A policy is known by its substance: a template's "our SEN policy and
		// information report" in its aims, with nothing a report gives and the
		// report published separately, is the policy.
		{"a policy that names the report in its aims", "https://r.example.sch.uk/docs/send-policy.docx", "Rowan Junior School",
			"SEND Policy\nApproved by: Governing Board\nNext review: June 2026\n1. Aims\nOur SEN policy and information report aim to set out how we support pupils.\n" +
				"2. Roles and responsibilities\nThe SENCO will:\n- keep the SEN register\nThe governing board will monitor this policy.\n" +
				"3. SEN information report\nOur SEN information report is published separately on the school website.", "sen_policy"},
		{"a combined document with both in substance", "https://r.example.sch.uk/docs/send-policy-and-report.pdf", "Rowan Junior School",
			"SEND Policy and Information Report\nApproved by: Governing Board\nNext review: June 2026\n1. Roles and responsibilities\nThe SENCO will:\n- keep the SEN register\n" +
				"2. Our provision this year\nWe currently provide support for pupils with autism and dyslexia. 14% of our pupils are on the SEN register.", "policy_and_report"},
		// A page about several schools is no one school's.
		{"a federation page where each school has its own SENCO", "https://fed.example.org.uk/send", "SEND in the Federation",
			"The Hollow Federation is a family of three village schools. Each school has its own SENCO and publishes its own information report.\n" +
				"Ashby School: Mrs Ada Pym (SENCO)\nBrent School: Mr Cal Orr (SENCO)\nCove School: Ms Di Lowe (SENCO)\nWe support pupils with autism and dyslexia.", "other"},
		{"a federation's one report for both its schools", "https://fed2.example.sch.uk/send", "SEN Information Report",
			"This report covers both schools of our federation. Our SENCO, Mrs Ada Pym, works across both schools. We support pupils with autism.", "sen_information_report"},
		{"a trust's SEND policy for all its academies", "https://trust.example.org.uk/policies/send", "SEND Policy",
			"This policy applies to all five academies in the trust. Each academy publishes its own SEN information report.\n" +
				"Approved by: Board of Trustees\nNext review: July 2026\nThe trustees will make sure each academy has a SENCO.", "sen_policy"},
		{"an LA page listing several schools' provisions", "https://www.shire.example.gov.uk/localoffer/resource-bases", "Resource bases",
			"Resource bases are proposed at Alder School, Birch Academy and Cedar School. Each school has its own admissions panel for its base.", "la_guidance"},
		{"a college's learning support page", "https://www.vale.example.ac.uk/support", "Learning Support",
			"Whatever your course, our Additional Learning Support team can help. Our SENCo, Ms Jo Tait, meets students with autism before they start.", "other"},
		{"admissions to a resourced provision", "https://n.example.sch.uk/parents/resource-provision/admission-criteria", "Admission criteria",
			"The provision is for up to 10 pupils with autism. The SENCo meets parents before a place is offered. Pupils have an EHCP.", "other"},
	}
	for _, c := range cases {
		got, _ := Classify(documents.Text{Title: c.title, Body: c.body}, c.url, "")
		if got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// TestLAGuidanceHasNoSENCOContact: an LA page about SENCOs in general gives its
// own team's contacts, which are not a SENCO's.
func TestLAGuidanceHasNoSENCOContact(t *testing.T) {
	text := "Support for SENCOs\nNew SENCOs should book the National Award course. Contact: sendsupport@shire.example.gov.uk or 01632 960444."
	d := AnalyseText(text, "https://www.shire.example.gov.uk/send/support-for-senco")
	if d.DocType != "la_guidance" {
		t.Fatalf("doc type %s", d.DocType)
	}
	for _, f := range d.Facts {
		if f.Field == "senco.email" || f.Field == "senco.phone" {
			t.Errorf("%s %q taken for a SENCO's", f.Field, f.Value)
		}
	}
}

// TestNoWordsIsNoReport: a response with no readable words is never a report,
// whatever the link that led to it says (a body of zeros, an empty page, a
// PDF of images).
func TestNoWordsIsNoReport(t *testing.T) {
	cases := []struct {
		name, contentType string
		body              []byte
	}{
		{"zeros as html", "text/html", make([]byte, 1<<16)},
		{"zeros as a pdf", "application/pdf", make([]byte, 1<<16)},
		{"an empty page", "text/html", []byte("<html><head><title>SEN Information Report</title></head><body></body></html>")},
	}
	for _, c := range cases {
		d := Analyse(c.body, c.contentType, "https://a.example.sch.uk/send/sen-information-report", "SEN Information Report")
		if d.DocType != "other" {
			t.Errorf("%s: classified %s with %d words", c.name, d.DocType, d.WordCount)
		}
	}
}
