package analysis

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDF text comes from PDFium compiled to WebAssembly (go-pdfium, no cgo): it kept
// two-column layouts apart where poppler interleaved them, and survived corrupt
// files that crashed the pure-Go readers. One pool serves the whole process; the
// compiled module is cached on disk so later starts take a tenth of a second.

// PDFLimits bound the work on one PDF.
var (
	pdfTimeout  = 60 * time.Second
	pdfMaxPages = 500
	pdfMaxBytes = 100 << 20
)

var (
	pdfOnce sync.Once
	pdfPool pdfium.Pool
	pdfErr  error
)

func pdfiumPool() (pdfium.Pool, error) {
	pdfOnce.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithCloseOnContextDone(true)
		if dir, err := os.UserCacheDir(); err == nil {
			cacheDir := filepath.Join(dir, "sendscope", "wazero")
			if cache, err := wazero.NewCompilationCacheWithDir(cacheDir); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
		workers := runtime.NumCPU()
		pdfPool, pdfErr = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       workers,
			MaxTotal:      workers,
			RuntimeConfig: rc,
			// No file system: documents are passed as bytes, never by path.
			FSConfig: wazero.NewFSConfig(),
			Stdout:   io.Discard,
			Stderr:   io.Discard,
			// Re-use instances: instantiating the module costs more than reading a PDF.
			ReuseWorkers: true,
		})
	})
	return pdfPool, pdfErr
}

func pdfText(body []byte) (Text, error) {
	if len(body) > pdfMaxBytes {
		return Text{}, fmt.Errorf("PDF of %d MB is over the %d MB limit", len(body)>>20, pdfMaxBytes>>20)
	}
	pool, err := pdfiumPool()
	if err != nil {
		return Text{}, fmt.Errorf("starting the PDF reader: %w", err)
	}
	inst, err := pool.GetInstance(pdfTimeout)
	if err != nil {
		return Text{}, fmt.Errorf("PDF reader busy: %w", err)
	}
	type result struct {
		t   Text
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("PDF reader failed: %v", p)
			}
			done <- r
		}()
		r.t, r.err = readPDF(inst, body)
	}()
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	select {
	case r := <-done:
		inst.Close()
		return r.t, r.err
	case <-ctx.Done():
		inst.Kill()
		return Text{}, fmt.Errorf("PDF took over %s to read; gave up", pdfTimeout)
	}
}

func readPDF(inst pdfium.Pdfium, body []byte) (Text, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &body})
	if err != nil {
		return Text{}, fmt.Errorf("not a readable PDF: %w", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	var t Text
	if m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc.Document, Tag: "Title"}); err == nil {
		t.Title = m.Value
	}
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return t, fmt.Errorf("PDF page count: %w", err)
	}
	n := pc.PageCount
	if n > pdfMaxPages {
		n = pdfMaxPages
	}
	var pages []string
	var pageErrs []error
	for i := 0; i < n; i++ {
		text, err := pageText(inst, doc.Document, i)
		if err != nil {
			pageErrs = append(pageErrs, fmt.Errorf("page %d: %w", i+1, err))
			continue
		}
		pages = append(pages, text)
	}
	t.Body = joinPages(pages)
	if t.Body == "" && len(pageErrs) > 0 {
		return t, errors.Join(pageErrs...)
	}
	if strings.TrimSpace(t.Body) == "" && n > 0 {
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
	// A word broken at a line end: "provi-\nsion" becomes "provision".
	brokenWord = regexp.MustCompile(`([a-z])[-\x{00AD}\x{0002}]\n([a-z])`)
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
	// recur on at least half the pages (and on three or more) are running text.
	edge := map[string]int{}
	key := func(l string) string { return digits.ReplaceAllString(strings.TrimSpace(l), "#") }
	for _, lines := range split {
		seen := map[string]bool{}
		for _, l := range edgeLines(lines) {
			if k := key(l); k != "" && !seen[k] {
				seen[k] = true
				edge[k]++
			}
		}
	}
	running := func(l string) bool {
		n := edge[key(l)]
		return len(split) >= 3 && n*2 >= len(split) && n >= 3
	}
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
	return brokenWord.ReplaceAllString(b.String(), "$1$2")
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
