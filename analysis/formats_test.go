package analysis

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// TestSameFactsInEveryFormat serves one report as an HTML page, as a Word file
// and as the PDF LibreOffice makes of that Word file, and expects the same facts
// from all three.
func TestSameFactsInEveryFormat(t *testing.T) {
	doc := simarea.Doc{Title: "Oakhurst Primary School SEN Information Report 2025-26", Blocks: []simarea.Block{
		simarea.H("Who is our SENCO?"),
		simarea.P("Our Special Educational Needs Co-ordinator is Mrs Harriet Vale. She holds the National Award for SEN Co-ordination, is a member of the senior leadership team and works three days a week. You can contact her on 01632 960777 or at senco@oakhurst.example.sch.uk."),
		simarea.P("Our SEN governor is Mr Colin Treacy."),
		simarea.H("Which needs do we provide for?"),
		simarea.P("We make provision for all four areas of need: communication and interaction; cognition and learning; social, emotional and mental health; and sensory and/or physical needs."),
		simarea.L("Autistic spectrum condition", "Dyslexia and dyscalculia", "Hearing impairment"),
		simarea.P("The school hosts a resourced provision for pupils with autism, with 10 places."),
		simarea.P("There are 420 pupils on roll and 12 pupils have an EHC plan."),
		simarea.P("Pupils may take part in ELSA sessions, Lego therapy and precision teaching."),
	}}
	page := "<!DOCTYPE html><html><head><title>" + doc.Title + "</title></head><body><nav><a href='/'>Home</a></nav><main><h1>" + doc.Title + "</h1>" +
		doc.HTMLBody() + "</main><footer>Office: 01632 960000</footer></body></html>"
	formats := map[string][]byte{"html": []byte(page), "docx": doc.DOCX(), "simple pdf": doc.PDF()}
	if pdf, err := simarea.LibreOfficePDF(t.TempDir(), "report.docx", doc.DOCX()); err == nil {
		formats["libreoffice pdf"] = pdf
	} else if !errors.Is(err, simarea.ErrNoLibreOffice) {
		t.Fatal(err)
	} else {
		t.Log("LibreOffice not installed: comparing HTML, DOCX and our own PDF only")
	}
	var want string
	for name, body := range formats {
		d := Analyse(body, "", "https://oakhurst.example.sch.uk/send/report", "SEN Information Report")
		if d.Err != nil {
			t.Fatalf("%s: %v", name, d.Err)
		}
		var facts []string
		for _, f := range d.Facts {
			v := f.Value
			if f.ValueNum != nil {
				v += fmt.Sprintf("/%g", *f.ValueNum)
			}
			facts = append(facts, f.Field+"="+v)
		}
		sort.Strings(facts)
		got := strings.Join(facts, "\n")
		if d.DocType != "sen_information_report" {
			t.Errorf("%s: doc type %s", name, d.DocType)
		}
		if want == "" {
			want = got
			for _, must := range []string{"senco.name=Mrs Harriet Vale", "senco.phone=01632 960777", "senco.qualification=NASENCO", "senco.on_slt=true",
				"senco.days_per_week=/3", "governor.name=Mr Colin Treacy", "provision.specialist=resourced_provision:ASD/10", "stats.ehcp_count=/12"} {
				if !strings.Contains(got, must) {
					t.Errorf("%s: missing %s in\n%s", name, must, got)
				}
			}
			continue
		}
		if got != want {
			t.Errorf("%s gives other facts than the first format:\n%s\n--- vs ---\n%s", name, got, want)
		}
	}
}
