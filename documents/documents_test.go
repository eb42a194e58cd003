package documents

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

var reportDoc = simarea.Doc{Title: "Brambleford SEN Information Report 2025-26", Blocks: []simarea.Block{
	simarea.H("Who is the SENCO?"),
	simarea.P("Our SENCO is Mrs Jane Pemberton. She works three days a week and can be contacted on 01632 960444."),
	simarea.L("Autism spectrum condition", "Dyslexia and dyspraxia"),
	simarea.T([]string{"Need", "Pupils"}, []string{"SEMH", "12"}),
}}

func TestDOCXText(t *testing.T) {
	txt, err := Read(reportDoc.DOCX(), "application/octet-stream", "http://x.example/files/report.docx")
	if err != nil {
		t.Fatal(err)
	}
	if txt.Format != "docx" || txt.Title != reportDoc.Title {
		t.Errorf("format %q title %q", txt.Format, txt.Title)
	}
	for _, want := range []string{"Who is the SENCO?", "Our SENCO is Mrs Jane Pemberton.", "Dyslexia and dyspraxia", "SEMH | 12 |"} {
		if !strings.Contains(txt.Body, want) {
			t.Errorf("docx text lacks %q:\n%s", want, txt.Body)
		}
	}
}

func TestPDFText(t *testing.T) {
	txt, err := Read(reportDoc.PDF(), "application/pdf", "http://x.example/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if txt.Format != "pdf" || txt.Title != reportDoc.Title {
		t.Errorf("format %q title %q", txt.Format, txt.Title)
	}
	for _, want := range []string{"Who is the SENCO?", "Our SENCO is Mrs Jane Pemberton.", "Dyslexia and dyspraxia"} {
		if !strings.Contains(txt.Body, want) {
			t.Errorf("pdf text lacks %q:\n%s", want, txt.Body)
		}
	}
}

func TestBrokenDocumentsGiveErrors(t *testing.T) {
	pdf := reportDoc.PDF()
	cases := []struct {
		name string
		body []byte
		ct   string
	}{
		{"truncated pdf", pdf[:len(pdf)/3], "application/pdf"},
		{"pdf header only", []byte("%PDF-1.4\n"), "application/pdf"},
		{"docx that is not a zip", []byte("PK\x03\x04 not really"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"zip bomb", zipBomb(t), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	}
	for _, c := range cases {
		_, err := Read(c.body, c.ct, "http://x.example/f")
		if err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
}

// zipBomb is a .docx whose document.xml inflates from a few hundred KB to 1 GB.
func zipBomb(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("A"), 1<<20)
	for i := 0; i < 1024; i++ {
		w.Write(chunk)
	}
	zw.Close()
	return b.Bytes()
}

// TestPDFMatchesPdftotext compares our PDF text with poppler's on a PDF made by
// LibreOffice, the way many schools make theirs.
func TestPDFMatchesPdftotext(t *testing.T) {
	_, err1 := exec.LookPath("soffice")
	pdftotext, err2 := exec.LookPath("pdftotext")
	if err1 != nil || err2 != nil {
		t.Skip("needs LibreOffice (soffice) and poppler-utils (pdftotext); .ci/run installs them")
	}
	dir := t.TempDir()
	pdf, err := simarea.LibreOfficePDF(dir, "report.docx", reportDoc.DOCX())
	if err != nil {
		t.Fatal(err)
	}
	ours, err := Read(pdf, "application/pdf", "http://x.example/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", filepath.Join(dir, "report.pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	theirs := Normalise(string(out))
	words := strings.Fields(theirs)
	missing := 0
	for _, w := range words {
		if !strings.Contains(ours.Body, w) {
			missing++
			t.Logf("missing word %q", w)
		}
	}
	if len(words) == 0 || float64(missing)/float64(len(words)) > 0.02 {
		t.Errorf("%d of %d pdftotext words missing from our text:\nours:\n%s\npdftotext:\n%s", missing, len(words), ours.Body, theirs)
	}
	if !strings.Contains(ours.Body, "Our SENCO is Mrs Jane Pemberton.") {
		t.Errorf("sentence not kept whole:\n%s", ours.Body)
	}
}

func TestJoinPages(t *testing.T) {
	page := func(n int, body string) string {
		return fmt.Sprintf("Brambleford Primary - SEN Information Report\r\n%s\r\nPage %d of 4", body, n)
	}
	pages := []string{
		page(1, "Our SENCO is Mrs Jane Pem-\r\nberton and she works three days a week."),
		page(2, "We support pupils with autism."),
		page(3, "Well-being matters to us."),
		page(4, "- 4 -"),
	}
	// A numbered heading opening most pages is not running text.
	pages[1] = strings.Replace(pages[1], "We support", "Section 2: autism\r\nWe support", 1)
	pages[2] = strings.Replace(pages[2], "Well-being", "Section 5: well-being\r\nWell-being", 1)
	pages[3] = strings.Replace(pages[3], "- 4 -", "Section 9: governors\r\n- 4 -", 1)
	got := joinPages(pages)
	for _, gone := range []string{"Page 1 of 4", "Brambleford Primary - SEN Information Report", "- 4 -"} {
		if strings.Contains(got, gone) {
			t.Errorf("running text %q kept:\n%s", gone, got)
		}
	}
	for _, kept := range []string{"Our SENCO is Mrs Jane Pemberton and she works", "We support pupils with autism.", "Well-being matters", "Section 2: autism", "Section 5: well-being", "Section 9: governors"} {
		if !strings.Contains(got, kept) {
			t.Errorf("lost %q:\n%s", kept, got)
		}
	}
}
