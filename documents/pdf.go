package documents

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// PDF text comes from PDFium compiled to WebAssembly (go-pdfium, no cgo): it kept
// two-column layouts apart where poppler interleaved them, and survived corrupt
// files that crashed the pure-Go readers. It runs in helper processes
// (pdfhelper.go, pdfserve.go); the compiled module is cached on disk so a helper starts in a
// tenth of a second.

// PDFLimits bound the work on one PDF.
var (
	pdfTimeout  = 60 * time.Second
	pdfMaxPages = 500
	pdfMaxBytes = 48 << 20 // half as much again as a crawl keeps of a site by default
)

func pdfText(body []byte) (Text, error) {
	if len(body) > pdfMaxBytes {
		return Text{}, fmt.Errorf("PDF of %d MB is over the %d MB limit", len(body)>>20, pdfMaxBytes>>20)
	}
	return helpers.read(body, pdfTimeout)
}

// pdfPages is what a helper reads from a PDF: its title, its page count and the
// text of the pages asked for, in order.
type pdfPages struct {
	Title     string   `json:"title"`
	PageCount int      `json:"page_count"`
	Pages     []string `json:"pages"`
	PageErrs  []string `json:"page_errs,omitempty"`
	Err       string   `json:"err,omitempty"` // the document could not be read at all
}

// readPages reads pages [from, to) of a PDF, to < 0 meaning to the last page
// read (pdfMaxPages at most); from == to reads only the title and page count.
func readPages(inst pdfium.Pdfium, body []byte, from, to int) (r pdfPages) {
	if len(body) == 0 {
		r.Err = "not a readable PDF: the file is empty"
		return r
	}
	// PDFium reads the file from here as it needs it, not from a copy in its
	// own memory: a PDF's size does not count against the WebAssembly limit.
	doc, err := inst.OpenDocument(&requests.OpenDocument{FileReader: bytes.NewReader(body), FileReaderSize: int64(len(body))})
	if err != nil {
		r.Err = fmt.Sprintf("not a readable PDF: %v", err)
		return r
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	if m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: "Title"}); err == nil {
		r.Title = m.Value
	}
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		r.Err = fmt.Sprintf("PDF page count: %v", err)
		return r
	}
	r.PageCount = min(pc.PageCount, pdfMaxPages)
	if to < 0 || to > r.PageCount {
		to = r.PageCount
	}
	for i := from; i < to; i++ {
		text, err := pageText(inst, doc.Document, i)
		if err != nil {
			r.PageErrs = append(r.PageErrs, fmt.Sprintf("page %d: %v", i+1, err))
			continue
		}
		r.Pages = append(r.Pages, text)
	}
	return r
}

// pdfDocText makes a document's text of its pages, read in one or more parts.
func pdfDocText(parts []pdfPages) (Text, error) {
	if len(parts) == 0 {
		return Text{}, errors.New("nothing read from the PDF")
	}
	t := Text{Title: parts[0].Title}
	var pages []string
	var pageErrs []error
	for _, p := range parts {
		if p.Err != "" {
			return t, errors.New(p.Err)
		}
		pages = append(pages, p.Pages...)
		for _, e := range p.PageErrs {
			pageErrs = append(pageErrs, errors.New(e))
		}
	}
	t.Body = joinPages(pages)
	if t.Body == "" && len(pageErrs) > 0 {
		return t, errors.Join(pageErrs...)
	}
	if strings.TrimSpace(t.Body) == "" && parts[0].PageCount > 0 {
		return t, errors.New("the PDF has no text layer (a scan?); OCR is not done")
	}
	return t, nil
}

// pageText reads a page's text in one call (FPDFText_GetText); the library's own
// GetPageText asks for each character separately, a call into WebAssembly each,
// which made PDFs six times slower than pdftotext.
func pageText(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, index int) (string, error) {
	page, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: index})
	if err != nil {
		return "", err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: page.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &page.Page}})
	if err != nil {
		return "", err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil || n.Count <= 0 {
		return "", err
	}
	t, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: n.Count})
	if err != nil {
		return "", err
	}
	return strings.ReplaceAll(t.Text, "\x00", ""), nil
}

var (
	pageNumber = regexp.MustCompile(`(?i)^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$|^\s*-\s*\d{1,4}\s*-\s*$`)
	digits     = regexp.MustCompile(`\d+`)
)

// joinPages makes one text of a PDF's pages without what only a printed page
// needs: page numbers, and the running header and footer lines that repeat at the
// top or bottom of most pages; words hyphenated at line ends are joined again.
func joinPages(pages []string) string {
	split := make([][]string, len(pages))
	for i, p := range pages {
		p = strings.ReplaceAll(strings.ReplaceAll(p, "\r\n", "\n"), "\r", "\n")
		split[i] = strings.Split(p, "\n")
	}
	// Lines at a page's edges, with digits masked ("Page 3" = "Page 4"), that
	// recur on at least half the pages (and on three or more) are running text,
	// if their numbers stay the same or count with the pages: numbered headings
	// that happen to open pages ("Section 4", "Section 9") are not.
	type seenAt struct {
		page int
		nums []int64
	}
	edge := map[string][]seenAt{}
	key := func(l string) string { return digits.ReplaceAllString(strings.TrimSpace(l), "#") }
	for i, lines := range split {
		seen := map[string]bool{}
		for _, l := range edgeLines(lines) {
			if k := key(l); k != "" && !seen[k] {
				seen[k] = true
				edge[k] = append(edge[k], seenAt{i, numbersIn(l)})
			}
		}
	}
	isRunning := map[string]bool{}
	for k, occ := range edge {
		n := len(occ)
		if len(split) < 3 || n*2 < len(split) || n < 3 {
			continue
		}
		steady := true
		for j := range occ[0].nums {
			same, withPage := true, true
			for _, o := range occ[1:] {
				d := o.nums[j] - occ[0].nums[j]
				same = same && d == 0
				withPage = withPage && d == int64(o.page-occ[0].page)
			}
			steady = steady && (same || withPage)
		}
		isRunning[k] = steady
	}
	running := func(l string) bool { return isRunning[key(l)] }
	var b strings.Builder
	for i, lines := range split {
		if i > 0 {
			b.WriteString("\n\n")
		}
		edges := map[int]bool{}
		for j := range lines {
			if j < 3 || j >= len(lines)-3 {
				edges[j] = true
			}
		}
		for j, l := range lines {
			if edges[j] && (pageNumber.MatchString(l) || running(l)) {
				continue
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return joinBrokenWords(b.String())
}

// numbersIn are the numbers written in l, in order.
func numbersIn(l string) []int64 {
	var nums []int64
	for _, d := range digits.FindAllString(l, -1) {
		n, err := strconv.ParseInt(d, 10, 64)
		if err != nil {
			n = -1 // too long to be a page number
		}
		nums = append(nums, n)
	}
	return nums
}

// joinBrokenWords joins words broken at a line end: "provi-\nsion" becomes
// "provision" (a hyphen, soft hyphen or PDFium's \x02 between lower-case
// letters). A scan, not a regexp: this runs over every PDF's whole text.
func joinBrokenWords(s string) string {
	lower := func(c byte) bool { return 'a' <= c && c <= 'z' }
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '\n' || i+1 >= len(s) || !lower(s[i+1]) {
			continue
		}
		var mark int // bytes of the hyphen before the line end
		switch {
		case i >= 1 && (s[i-1] == '-' || s[i-1] == '\x02'):
			mark = 1
		case i >= 2 && s[i-2:i] == "\u00ad":
			mark = 2
		default:
			continue
		}
		if i-mark-1 < 0 || !lower(s[i-mark-1]) {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last : i-mark])
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// edgeLines are the first and last three non-empty lines of a page.
func edgeLines(lines []string) []string {
	var nonEmpty []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			nonEmpty = append(nonEmpty, l)
		}
	}
	if len(nonEmpty) <= 6 {
		return nonEmpty
	}
	return append(append([]string{}, nonEmpty[:3]...), nonEmpty[len(nonEmpty)-3:]...)
}
