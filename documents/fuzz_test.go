package documents

import (
	"bytes"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sendscope/sendscope/simarea"
)

func seedDocs(f *testing.F) {
	f.Add([]byte(simarea.SchoolSENPage), "text/html")
	f.Add(reportDoc.DOCX(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
	f.Add(reportDoc.PDF(), "application/pdf")
	f.Add([]byte("Our SENCO is Mrs A Bee \xff\xfe on 01632 960000"), "text/plain")
	f.Add([]byte("<html><body><main><p>SENCO: <b>Mr C</b></p></main>"), "")
}

// FuzzRead: no input makes a document reader panic or return invalid text.
func FuzzRead(f *testing.F) {
	seedDocs(f)
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		txt, _ := Read(body, contentType, "http://fuzz.example/doc")
		if !utf8.ValidString(txt.Body) || !utf8.ValidString(txt.Title) {
			t.Errorf("invalid UTF-8 out of %q", txt.Format)
		}
	})
}

// Files that have hurt document readers: each gives an error or a bounded result.
func TestHostileDocuments(t *testing.T) {
	loop := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
		"3 0 obj << /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >> endobj\n" +
		"trailer << /Root 1 0 R >>\n%%EOF\n")
	huge := bytes.Repeat([]byte("<div><p>SENCO autism "), 50<<20/21)
	cases := []struct {
		name, ct string
		body     []byte
	}{
		{"pdf whose page tree loops", "application/pdf", loop},
		{"50 MB of HTML", "text/html", append([]byte("<html><body>"), huge...)},
		{"invalid UTF-8", "text/plain; charset=utf-8", []byte("SENCO \xc3\x28 \xa0\xa1 Mrs A Bee")},
		{"docx zip bomb", "", zipBomb(t)},
	}
	for _, c := range cases {
		start := time.Now()
		d, err := Read(c.body, c.ct, "http://x.example/f")
		if !utf8.ValidString(d.Body) {
			t.Errorf("%s: invalid UTF-8 text", c.name)
		}
		if el := time.Since(start); el > 5*time.Minute {
			t.Errorf("%s: took %s", c.name, el) // a guard against hangs, not a speed target: loose, since a loaded CI machine took 37 s on the 50 MB page
		}
		if len(d.Body) > maxTextRunes*4+1024 {
			t.Errorf("%s: %d bytes of text kept", c.name, len(d.Body))
		}
		t.Logf("%s: %v, %d bytes of text", c.name, err, len(d.Body))
	}
}
