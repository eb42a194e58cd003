package analysis

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
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
	var b strings.Builder
	var pageErrs []error
	for i := 0; i < n; i++ {
		pt, err := inst.GetPageText(&requests.GetPageText{Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: i}}})
		if err != nil {
			pageErrs = append(pageErrs, fmt.Errorf("page %d: %w", i+1, err))
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(pt.Text)
	}
	t.Body = b.String()
	if b.Len() == 0 && len(pageErrs) > 0 {
		return t, errors.Join(pageErrs...)
	}
	if strings.TrimSpace(t.Body) == "" && n > 0 {
		return t, errors.New("the PDF has no text layer (a scan?); OCR is not done")
	}
	return t, nil
}
