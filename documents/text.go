// Package documents turns captured bytes into text: HTML (the page's main
// content, its furniture skipped), PDF (PDFium in WebAssembly, in helper
// processes), DOCX and ODT, each bounded in size and time. Everything here is a
// pure function of its input: no network, no database.
package documents

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text is a document's readable content.
type Text struct {
	Format string // html, pdf, docx, odt, text, other
	Title  string
	Body   string // normalised; every evidence offset refers to this
}

// ErrUnsupported is returned for content sendscope cannot read (images, zip
// archives, old binary .doc files...).
var ErrUnsupported = errors.New("unsupported document format")

// Limits bound the work done on one document.
const (
	maxHTMLBytes = 20 << 20  // larger pages are cut; no school page is this big
	maxTextRunes = 2_000_000 // text kept per document
)

// DetectFormat decides a document's format from its bytes first (a PDF served as
// application/octet-stream is still a PDF), then the content type, then the URL.
func DetectFormat(body []byte, contentType, url string) string {
	switch {
	case bytes.HasPrefix(body, []byte("%PDF-")) || bytes.Contains(headBytes(body, 1024), []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(body, []byte("PK\x03\x04")):
		return zipFormat(body, url)
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/pdf":
		return "pdf"
	case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return "docx"
	case "application/vnd.oasis.opendocument.text":
		return "odt"
	case "text/html", "application/xhtml+xml":
		return "html"
	case "text/plain":
		return "text"
	}
	ext := strings.ToLower(path.Ext(strings.SplitN(url, "?", 2)[0]))
	switch ext {
	case ".pdf":
		return "pdf"
	case ".docx":
		return "docx"
	case ".odt":
		return "odt"
	case ".txt":
		return "text"
	case ".htm", ".html", ".php", ".aspx", "":
		if looksLikeHTML(body) {
			return "html"
		}
	}
	sniffed := http.DetectContentType(body)
	if strings.HasPrefix(sniffed, "text/html") {
		return "html"
	}
	if strings.HasPrefix(sniffed, "text/plain") && looksLikeHTML(body) {
		return "html"
	}
	return "other"
}

func headBytes(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

func looksLikeHTML(b []byte) bool {
	h := bytes.ToLower(headBytes(b, 2048))
	return bytes.Contains(h, []byte("<html")) || bytes.Contains(h, []byte("<!doctype html")) || bytes.Contains(h, []byte("<body"))
}

// ExtractText reads the text of a document of any supported format.
func Read(body []byte, contentType, url string) (Text, error) {
	format := DetectFormat(body, contentType, url)
	var t Text
	var err error
	switch format {
	case "html":
		t, err = HTML(body, contentType)
	case "pdf":
		t, err = pdfText(body)
	case "docx":
		t, err = docxText(body)
	case "odt":
		t, err = odtText(body)
	case "text":
		t = Text{Body: decodeText(body, contentType)}
	default:
		return Text{Format: format}, fmt.Errorf("%w (%s)", ErrUnsupported, describeContent(body, contentType))
	}
	t.Format = format
	t.Body = Normalise(t.Body)
	t.Title = strings.TrimSpace(Normalise(t.Title))
	return t, err
}

func describeContent(body []byte, contentType string) string {
	if contentType != "" {
		return contentType
	}
	return http.DetectContentType(body)
}

// Normalise makes text comparable and quotable: typographic quotes and dashes
// become plain, non-breaking and odd spaces become spaces, a run of spaces
// becomes one space (one tab where it parted a table's cells), runs of blank
// lines shrink to one, invalid UTF-8 is replaced, and lines are trimmed.
func Normalise(s string) string {
	if len(s) > maxTextRunes*4 {
		cut := maxTextRunes * 4
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = quoteReplacer.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	lines := strings.Split(s, "\n")
	for _, line := range lines {
		line = collapseSpaces(line)
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
		if b.Len() > maxTextRunes*4 {
			break
		}
	}
	return b.String()
}

var quoteReplacer = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u201B", "'",
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`,
	"\u2013", "-", "\u2014", "-", "\u2012", "-", "\u2212", "-", "\u2010", "-", "\u2011", "-",
	"\u2026", "...",
	"\u00AD", "", "\u200B", "", "\u200C", "", "\u200D", "", "\uFEFF", "",
	"\r\n", "\n", "\r", "\n", "\f", "\n\n",
	"\uFB01", "fi", "\uFB02", "fl", "\uFB00", "ff", "\uFB03", "ffi", "\uFB04", "ffl",
)

// collapseSpaces trims a line and turns every run of white space into one
// character: a space, or a tab where the run held a tab or three spaces or
// more. A tab, or the wide gap a table's columns leave in a text file or a
// PDF's line, parts cells ("School<TAB>SENCO<TAB>Email"); a word space, even a
// justified line's double one, does not, nor the gap after a list's bullet or
// number ("•<TAB>Learning and cognition"). Either way the run is one
// character, so offsets read the same.
// listMarker: a line's start that is a bullet or a list's number or letter.
var listMarker = regexp.MustCompile(`^(?:[^\p{L}\p{N}\s]{1,2}|\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)])$`)

func collapseSpaces(line string) string {
	var b strings.Builder
	spaces, tab := 0, false
	for _, r := range line {
		if unicode.IsSpace(r) || r == '\u00A0' {
			spaces++
			tab = tab || r == '\t'
			continue
		}
		if spaces > 0 && b.Len() > 0 {
			if (tab || spaces >= 3) && !listMarker.MatchString(b.String()) {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
		}
		spaces, tab = 0, false
		b.WriteRune(r)
	}
	return b.String()
}
