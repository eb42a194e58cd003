package analysis

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/documents"
	"github.com/sendscope/sendscope/simarea"
)

func TestFingerprintSetsFurnitureAside(t *testing.T) {
	base := "SEN Information Report\nOur SENCO is Mrs Jane Pemberton. She works three days a week.\nWe support pupils with autism, dyslexia and ADHD."
	cases := []struct {
		name, other string
		same        bool
	}{
		{"case and spacing", "sen information   report\nOUR SENCO is Mrs  Jane Pemberton.   She works three days a week.\nWe support pupils with autism, dyslexia and ADHD.", true},
		{"wrapped lines", "SEN Information Report\nOur SENCO is Mrs Jane\nPemberton. She works three\ndays a week. We support pupils with autism,\ndyslexia and ADHD.", true},
		{"quotes and dashes", "SEN Information Report\nOur SENCO is Mrs Jane Pemberton. She works three days a week.\nWe support pupils with autism, dyslexia and ADHD.", true},
		{"page numbers", "SEN Information Report\nOur SENCO is Mrs Jane Pemberton.\nPage 1 of 2\nShe works three days a week.\n- 2 -\nWe support pupils with autism, dyslexia and ADHD.\n2/2", true},
		{"browser print header and footer", "12/09/2025, 14:03 SEN Information Report - Oak Primary\nSEN Information Report\nOur SENCO is Mrs Jane Pemberton. She works three days a week.\nhttps://oak.example.sch.uk/send/ 1/1\nWe support pupils with autism, dyslexia and ADHD.", true},
		{"date of printing", "SEN Information Report\nOur SENCO is Mrs Jane Pemberton. She works three days a week.\nPrinted on 12 September 2025\nWe support pupils with autism, dyslexia and ADHD.", true},
		{"running header of a short PDF", "Oak Primary School | SEN Report\nSEN Information Report\nOur SENCO is Mrs Jane Pemberton.\nOak Primary School | SEN Report\nShe works three days a week.\nWe support pupils with autism, dyslexia and ADHD.", true},
		{"bullets and list numbers", "SEN Information Report\n1. Our SENCO is Mrs Jane Pemberton.\n• She works three days a week.\n- We support pupils with autism, dyslexia and ADHD.", true},
		{"a changed name", strings.Replace(base, "Jane Pemberton", "Jane Pembleton", 1), false},
		{"a changed number", strings.Replace(base, "three days", "two days", 1), false},
		{"a new date", base + "\nReviewed September 2025.", false},
		{"a year alone on a line", "SEN Information Report\n2026\nOur SENCO is Mrs Jane Pemberton. She works three days a week.\nWe support pupils with autism, dyslexia and ADHD.", false},
		{"a sentence dropped", "SEN Information Report\nOur SENCO is Mrs Jane Pemberton.\nWe support pupils with autism, dyslexia and ADHD.", false},
	}
	want := FingerprintOf(documents.Normalise(base))
	if want.Text == "" || len(want.Sentences) != 3 {
		t.Fatalf("base fingerprint %+v", want)
	}
	for _, c := range cases {
		got := FingerprintOf(documents.Normalise(c.other))
		same := got.Text == want.Text
		if same != c.same {
			t.Errorf("%s: same words = %v, want %v", c.name, same, c.same)
		}
		if c.same && fmt.Sprint(got.Sentences) != fmt.Sprint(want.Sentences) {
			t.Errorf("%s: sentences differ", c.name)
		}
	}
	if fp := FingerprintOf("Page 3 of 12\n- 4 -"); fp.Text != "" || fp.Sentences != nil {
		t.Errorf("furniture alone fingerprints as words: %+v", fp)
	}
}

// larchwoodReport is a report of about 450 words in 40 sentences, written for this test.
func larchwoodReport(senco string) simarea.Doc {
	d := simarea.Doc{Title: "Larchwood Primary SEN Information Report 2025-26"}
	d.Blocks = append(d.Blocks, simarea.H("Who is our SENCO?"),
		simarea.P(fmt.Sprintf("Our SENCO is %s. She works three days a week and can be reached through the school office.", senco)))
	topics := []string{"reading", "writing", "number", "speech", "movement", "friendships", "attendance", "transition"}
	for i, topic := range topics {
		d.Blocks = append(d.Blocks, simarea.H(fmt.Sprintf("How do we support %s?", topic)))
		var sentences []string
		for j := 0; j < 4; j++ {
			sentences = append(sentences, fmt.Sprintf("Step %d for %s is planned with the class teacher and reviewed each term by the team in room %d.", j+1, topic, 10*i+j))
		}
		d.Blocks = append(d.Blocks, simarea.P(strings.Join(sentences, " ")))
	}
	d.Blocks = append(d.Blocks, simarea.L("Autism spectrum condition", "Dyslexia and dyspraxia", "Speech, language and communication needs"))
	return d
}

// TestFingerprintAcrossFormats: the same report as a web page, a PDF and a Word
// file has one fingerprint; the same report with its SENCO's name changed does
// not, and differs by exactly one sentence, though 0.95 of its sentences are
// the same (a share of sentences is no test of "unchanged").
func TestFingerprintAcrossFormats(t *testing.T) {
	doc := larchwoodReport("Mrs Jane Pemberton")
	page := "<!doctype html><html><head><title>" + doc.Title + "</title></head><body><nav><a href='/'>Home</a></nav><main><h1>" +
		doc.Title + "</h1>" + doc.HTMLBody() + "</main><footer>Larchwood Primary, Larch Lane</footer></body></html>"
	renderings := map[string][]byte{"html": []byte(page), "pdf": doc.PDF(), "docx": doc.DOCX()}
	if pdf, err := simarea.LibreOfficePDF(t.TempDir(), "report.docx", doc.DOCX()); err == nil {
		renderings["libreoffice pdf"] = pdf
	} else if !errors.Is(err, simarea.ErrNoLibreOffice) {
		t.Fatal(err)
	} else {
		t.Log("soffice (LibreOffice) not found: the PDF made by LibreOffice is not compared")
	}
	fps := map[string]Fingerprint{}
	for name, body := range renderings {
		txt, err := documents.Read(body, "", "http://larchwood.example/send/report."+strings.Fields(name)[len(strings.Fields(name))-1])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		fps[name] = FingerprintOf(txt.Body)
		if name != "html" && fps[name].Text != fps["html"].Text && fps["html"].Text != "" {
			t.Errorf("%s fingerprint differs from the web page's:\n%s", name, txt.Body)
		}
	}
	html := fps["html"]
	if n := len(html.Sentences); n < 38 {
		t.Errorf("%d sentences; the test needs about 40", n)
	}
	edited := larchwoodReport("Mrs Jane Pembleton")
	txt, err := documents.Read(edited.PDF(), "", "http://larchwood.example/send/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	e := FingerprintOf(txt.Body)
	if e.Text == html.Text {
		t.Fatal("the edited report fingerprints as the original")
	}
	common := 0
	in := map[uint64]bool{}
	for _, h := range html.Sentences {
		in[h] = true
	}
	for _, h := range e.Sentences {
		if in[h] {
			common++
		}
	}
	if len(e.Sentences)-common != 1 || len(html.Sentences)-common != 1 {
		t.Errorf("edited report: %d of %d sentences in common with %d; want all but one", common, len(e.Sentences), len(html.Sentences))
	}
	if j := float64(common) / float64(len(e.Sentences)+len(html.Sentences)-common); j < 0.9 || j >= 1 {
		t.Errorf("Jaccard %.3f", j)
	}
}

func TestFingerprintMarksLongSentences(t *testing.T) {
	fp := FingerprintOf("Yes. We plan every pupil's support with their parents and teachers.")
	long := 0
	for _, h := range fp.Sentences {
		long += int(h & 1)
	}
	if len(fp.Sentences) != 2 || long != 1 {
		t.Errorf("sentences %d, long %d; want 2 and 1", len(fp.Sentences), long)
	}
}
