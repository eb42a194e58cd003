package documents

import (
	"strings"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

func TestHTMLMainContent(t *testing.T) {
	txt, err := Read([]byte(simarea.SchoolSENPage), "text/html; charset=utf-8", "https://brambleford.example/send/")
	if err != nil {
		t.Fatal(err)
	}
	if txt.Format != "html" || txt.Title != "Special Educational Needs" {
		t.Errorf("format %q title %q", txt.Format, txt.Title)
	}
	for _, want := range []string{"Our SENCO is Mrs Rosa Lindqvist.", "- Autism", "- Dyslexia", "SENCO | Mrs Rosa Lindqvist |"} {
		if !strings.Contains(txt.Body, want) {
			t.Errorf("main text lacks %q:\n%s", want, txt.Body)
		}
	}
	for _, furniture := range []string{"01632 960111", "Cookies", "Home", "office@"} {
		if strings.Contains(txt.Body, furniture) {
			t.Errorf("main text holds page furniture %q:\n%s", furniture, txt.Body)
		}
	}
}

func TestHTMLWithoutMainKeepsBodyButNotFurniture(t *testing.T) {
	page := `<html><body><div id="nav">Menu words</div><div class="page"><h2>Inclusion</h2><p>We support pupils with SEMH needs.</p></div>
<div id="footer">Footer words 01632 960222</div></body></html>`
	txt, err := Read([]byte(page), "text/html", "http://x.example/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.Body, "We support pupils with SEMH needs.") || strings.Contains(txt.Body, "Footer words") || strings.Contains(txt.Body, "Menu words") {
		t.Errorf("got:\n%s", txt.Body)
	}
}

func TestHTMLLegacyCharset(t *testing.T) {
	// "St Mary’s" in Windows-1252: the apostrophe is byte 0x92.
	page := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>St Mary\x92s SENCO</p></body></html>")
	txt, err := Read(page, "text/html", "http://x.example/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(txt.Body, "St Mary's SENCO") {
		t.Errorf("got %q", txt.Body)
	}
}

func TestDetectFormat(t *testing.T) {
	cases := []struct {
		name, ct, url string
		body          []byte
		want          string
	}{
		{"pdf served as octet-stream", "application/octet-stream", "http://x/download?id=3", []byte("%PDF-1.7\n..."), "pdf"},
		{"pdf by content type", "application/pdf", "http://x/a", []byte("junk"), "pdf"},
		{"html without type", "", "http://x/page", []byte("<!DOCTYPE html><html><body>hi</body></html>"), "html"},
		{"plain text", "text/plain", "http://x/a.txt", []byte("hello"), "text"},
		{"image", "image/png", "http://x/a.png", []byte("\x89PNG\r\n\x1a\n"), "other"},
		{"zip that is not a document", "application/zip", "http://x/a.zip", []byte("PK\x03\x04garbage"), "other"},
	}
	for _, c := range cases {
		if got := DetectFormat(c.body, c.ct, c.url); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

func TestNormalise(t *testing.T) {
	in := "  Our\u00a0SENCO’s “office”\u2014open\r\n\r\n\r\n\ttwo  days\u2026 \uFB01ne"
	want := "Our SENCO's \"office\"-open\n\ntwo days... fine"
	if got := Normalise(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// A table's cells keep a gap of their own: a tab, or a run of three spaces
	// or more, is one tab (the same length as the space it was before).
	in = "School\tSENCO \t Email\nOak Primary     Mrs A Bee  senco@oak.example"
	want = "School\tSENCO\tEmail\nOak Primary\tMrs A Bee senco@oak.example"
	if got := Normalise(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// A list's bullet or number is no cell.
	in = "•\tLearning and cognition\n2.   Sensory needs\n(b)\tHearing"
	want = "• Learning and cognition\n2. Sensory needs\n(b) Hearing"
	if got := Normalise(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
