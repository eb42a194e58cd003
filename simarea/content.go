package simarea

import (
	"fmt"
	"strings"
)

// The report texts below are written for sendscope's simulated area: invented
// schools, people and numbers (telephone numbers from Ofcom's range for drama,
// 01632 960000-960999), in the several styles real reports take.

// Layout is where and in what form a school publishes its SEN information report.
type Layout string

// The layouts of the simulated area.
const (
	LayoutQA         Layout = "qa_html"        // one HTML page of questions and answers, linked as "SEND" from the menu
	LayoutTable      Layout = "table_html"     // HTML with a contacts table, under Parents
	LayoutBullets    Layout = "bullets_html"   // HTML of bullet lists, under Inclusion
	LayoutPDFKeyInfo Layout = "pdf_keyinfo"    // a PDF two clicks deep: Key information > SEND > file
	LayoutDOCX       Layout = "docx_policies"  // a Word file two clicks deep: Key information > Policies > file
	LayoutQuestions  Layout = "question_links" // a page of questions, each linking to its answer
	LayoutIframePDF  Layout = "iframe_pdf"     // a page that shows the PDF in an embedded viewer
	LayoutNone       Layout = "no_report"      // a website without any SEN report
	LayoutRobots     Layout = "robots_blocked" // the report sits under a path robots.txt disallows
	LayoutNoWebsite  Layout = "no_website"     // the register gives no website
	LayoutDown       Layout = "site_down"      // the home page answers 503
	LayoutScriptOnly Layout = "script_only"    // the site builds every page with scripts: no words, no links without them
	LayoutRefused    Layout = "refused"        // the register's address refuses connections (nothing listens)
)

// Profile is one simulated school: what the register says and what its report says.
type Profile struct {
	URN        int
	Name       string
	LACode     string
	LAName     string
	District   string
	Phase      string // register phase: Primary, Secondary, Not applicable, ...
	Type       string
	Pupils     int
	Slug       string
	Layout     Layout
	SENCO      string // "Mrs Amelia Hart"
	SENCODays  int
	Email      string // the SENCO's address; "" when the report gives none
	Phone      string // the SENCO's direct line; "" when none
	NASENCO    bool
	Needs      []string // census codes the report names
	Provision  string   // "resourced provision for autism (12 places)" or ""
	RPType     string   // register TypeOfResourcedProvision
	RPNeed     string   // register SEN1 label
	RPCapacity int
	SENPercent float64
	EHCP       int
	Year       string // the year the report states: "2025/26" or an older one
}

// OfficePhone is the school office number that every page footer shows; it must
// never be taken for the SENCO's.
func (p Profile) OfficePhone() string { return fmt.Sprintf("01632 960%03d", p.URN%1000) }

// OfficeEmail is the office address in every footer.
func (p Profile) OfficeEmail() string { return "office@" + p.Slug + ".example.sch.uk" }

var needWords = map[string]string{
	"ASD":  "autism spectrum condition (ASC)",
	"SLCN": "speech, language and communication needs",
	"SpLD": "specific learning difficulties such as dyslexia",
	"MLD":  "moderate learning difficulties",
	"SEMH": "social, emotional and mental health needs",
	"HI":   "hearing impairment",
	"VI":   "visual impairment",
	"PD":   "physical disabilities",
	"ADHD": "attention deficit hyperactivity disorder (ADHD)",
	"SLD":  "severe learning difficulties",
}

func (p Profile) needList() []string {
	var out []string
	for _, n := range p.Needs {
		out = append(out, needWords[n])
	}
	return out
}

func (p Profile) yearDash() string { return strings.Replace(p.Year, "/", "-", 1) }

// Report writes the school's SEN information report in its layout's style.
func (p Profile) Report() Doc {
	title := fmt.Sprintf("%s SEN Information Report %s", p.Name, p.yearDash())
	contact := fmt.Sprintf("Our Special Educational Needs Co-ordinator (SENCO) is %s.", p.SENCO)
	if p.Email != "" {
		contact += fmt.Sprintf(" You can contact %s by email at %s", lastWord(p.SENCO), p.Email)
		if p.Phone != "" {
			contact += fmt.Sprintf(" or by telephone on %s", p.Phone)
		}
		contact += "."
	}
	time := fmt.Sprintf("The SENCO works %d days a week on SEN matters.", p.SENCODays)
	if p.NASENCO {
		time += " She holds the National Award for SEN Co-ordination (NASENCO)."
	}
	areas := "We make provision for pupils across the four broad areas of need: communication and interaction; cognition and learning; social, emotional and mental health; and sensory and/or physical needs."
	stats := fmt.Sprintf("At present %.1f%% of our pupils are on the SEN register and %d pupils have an Education, Health and Care plan.", p.SENPercent, p.EHCP)
	var prov []Block
	if p.Provision != "" {
		prov = append(prov, H("Specialist provision"), P(fmt.Sprintf("The school hosts a %s, commissioned by the local authority.", p.Provision)))
	}
	closing := []Block{
		H("How are parents involved?"),
		P("We meet parents at least three times a year to review progress against outcomes, and pupils share their views at every review."),
		H("How does the school help pupils move on?"),
		P("We plan transitions carefully, with extra visits to the new setting and a handover meeting with the next SENCO."),
		H("Complaints"),
		P("Concerns should first be raised with the class teacher or SENCO; our complaints policy sets out the next steps."),
		H("The Local Offer"),
		P(fmt.Sprintf("%s's Local Offer describes the services available to families of children with SEND in the area.", p.LAName)),
	}
	var blocks []Block
	switch p.Layout {
	case LayoutTable:
		blocks = []Block{
			P(fmt.Sprintf("This report for %s explains how we support pupils with special educational needs and disabilities.", p.Year)),
			T(row("Role", "Name", "Contact"),
				row("SENCO", p.SENCO, p.Email),
				row("SEN Governor", "Mr Peter Quill", "governors@"+p.Slug+".example.sch.uk")),
			P(time), H("Areas of need"), P(areas),
			P("Pupils currently supported include those with " + strings.Join(p.needList(), ", ") + "."),
			P(stats),
		}
	case LayoutBullets:
		items := append([]string{}, p.needList()...)
		blocks = []Block{
			P(contact), P(time),
			H("Needs we provide for"), L(items...),
			H("Interventions"), L("Speech and language therapy groups", "ELSA sessions", "Precision teaching", "Sensory circuits"),
			P(stats),
		}
	case LayoutQuestions:
		// The index page; answers are separate pages (see site.go).
		blocks = []Block{P(contact)}
	default: // question and answer style, also used for PDFs and Word files
		blocks = []Block{
			H("1. Who is the SENCO and how can I contact them?"), P(contact), P(time),
			H("2. What kinds of special educational needs does the school provide for?"), P(areas),
			P("Pupils at the school currently include children with " + strings.Join(p.needList(), ", ") + "."),
			H("3. How many pupils have SEN?"), P(stats),
		}
	}
	blocks = append(blocks, prov...)
	blocks = append(blocks, closing...)
	return Doc{Title: title, Blocks: blocks}
}

// Answers are the pages of a question-links report: question, then answer.
func (p Profile) Answers() []struct {
	Slug, Question string
	Doc            Doc
} {
	return []struct {
		Slug, Question string
		Doc            Doc
	}{
		{"who-is-the-senco", "Who is the SENCO?", Doc{Title: "Who is the SENCO?", Blocks: []Block{
			P(fmt.Sprintf("The SENDCo at %s is %s. Email %s.", p.Name, p.SENCO, p.Email)),
			P(fmt.Sprintf("%s is in school %d days each week.", p.SENCO, p.SENCODays))}}},
		{"needs", "What needs do you provide for?", Doc{Title: "What needs do you provide for?", Blocks: []Block{
			P("We welcome pupils with " + strings.Join(p.needList(), ", ") + ".")}}},
	}
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) >= 2 {
		return f[0] + " " + f[len(f)-1]
	}
	return s
}
