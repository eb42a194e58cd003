package documents

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFs are read in helper processes: the program re-runs itself with
// pdfHelperEnv set, and the helper reads PDFs sent over its stdin until stdin
// closes. Why a process and not a goroutine: PDFium in WebAssembly can only be
// stopped mid-call if wazero checks a flag at every loop and call
// (WithCloseOnContextDone), and that made reading 3.5 times slower (39 ms
// against 11 ms for a 5-page LibreOffice PDF). A process can be killed at any
// point, so a PDF that makes PDFium loop, or grow without end, costs one helper
// and is reported, and the crawl goes on. The helpers also keep PDFium's memory
// out of the main process.
//
// Protocol: messages are a 4-byte big-endian length, then that many bytes. A
// request is two messages, a JSON pdfRequest and the PDF; the reply is one, a
// JSON pdfPages. A long PDF is shared out among the helpers that are idle, a
// range of pages each, so that one document is not slower than poppler's
// pdftotext on an otherwise idle machine.

// pdfHelperEnv marks a process started to read PDFs.
const pdfHelperEnv = "SENDSCOPE_PDF_WORKER"

// A helper's memory is bounded three ways. PDFium's WebAssembly memory is at
// most pdfHelperMemoryPages of 64 KiB (128 MiB: a 45-page report takes 2 MiB; the
// PDF itself is not copied in, PDFium reads it from the Go side as it needs);
// a PDF that needs more traps and is reported unreadable. It is one mapping
// reserved up front and opened as it grows (wasmMemoryAllocator), so growing
// copies nothing. The Go side (the PDF, at most pdfMaxBytes, its text and the
// reply) has a soft limit, pdfHelperHeapLimit (the collector works harder
// near it), and on Linux a hard one: once PDFium is ready, the address space
// may grow by pdfHelperGoGrowth more and no further (past it allocation fails
// and the helper dies, which the parent reports and survives). The parent
// replaces a helper after any error, so none keeps a bomb's memory.
//
// So a helper holds at most about pdfHelperBound: its runtime and compiled
// PDFium (60 MiB measured), the WebAssembly memory and the Go side's growth.
// TestPDFBombBounded measures it.
const (
	pdfHelperMemoryPages = 2048
	pdfHelperHeapLimit   = 128 << 20
	pdfHelperGoGrowth    = 128 << 20
	pdfHelperBaseline    = 64 << 20
	pdfHelperBound       = pdfHelperBaseline + pdfHelperMemoryPages<<16 + pdfHelperGoGrowth
)

// pdfRequest asks for pages [From, To) of the PDF that follows it; To < 0 is
// to the end, and From == To asks only for the title and page count.
type pdfRequest struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// pdfHelperHello is the first message of every helper: a program that was
// started as a helper but never became one (its main did not call
// ServePDFHelper) is told apart from a helper at once.
const pdfHelperHello = "sendscope PDF helper 1"

// ServePDFHelper turns this process into a PDF helper if it was started as
// one (sendscope re-runs its own executable to read PDFs apart), and then
// never returns: it serves PDFs until its parent closes stdin, and exits.
// Otherwise it returns at once. Every program that reads PDFs through this
// package, the sendscope command and each test binary that does (in TestMain),
// must call it first thing in main: a helper is an ordinary start of the
// same program, and only this call makes it a helper.
func ServePDFHelper() {
	if os.Getenv(pdfHelperEnv) != "1" {
		return
	}
	debug.SetMemoryLimit(pdfHelperHeapLimit)
	err := servePDFs(os.Stdin, os.Stdout, func() {
		// PDFium is ready, its WebAssembly memory reserved: from here on
		// only the Go side grows.
		limitAddressSpaceGrowth(pdfHelperGoGrowth)
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "sendscope PDF helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// servePDFs starts PDFium, says hello, calls ready, and answers PDF requests
// from r on w until r ends.
func servePDFs(r io.Reader, w io.Writer, ready func()) error {
	in := bufio.NewReader(r)
	out := bufio.NewWriter(w)
	// A PDFium that cannot start is told in the reply to each request.
	startPDFium()
	ready()
	if err := writeFrame(out, []byte(pdfHelperHello)); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	for {
		head, err := readFrame(in, 1<<10)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		var req pdfRequest
		if err := json.Unmarshal(head, &req); err != nil {
			return fmt.Errorf("bad request %q: %w", head, err)
		}
		body, err := readFrame(in, pdfMaxBytes)
		if err != nil {
			return err
		}
		msg, err := json.Marshal(readPagesInProcess(body, req))
		if err != nil {
			return err
		}
		if err := writeFrame(out, msg); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	}
}

func readFrame(r io.Reader, limit int) ([]byte, error) {
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return nil, err
	}
	size := int(binary.BigEndian.Uint32(n[:]))
	if size > limit {
		return nil, fmt.Errorf("message of %d bytes is over the %d limit", size, limit)
	}
	buf := make([]byte, size)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("message cut short: %w", err)
	}
	return buf, nil
}

func writeFrame(w io.Writer, msg []byte) error {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(msg)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err := w.Write(msg)
	return err
}

// In the helper: one PDFium instance, no interruption checks (the parent kills
// the whole process instead).
var (
	pdfiumOnce sync.Once
	pdfiumInst pdfium.Pdfium
	pdfiumErr  error
)

// startPDFium starts this process's PDFium once.
func startPDFium() error {
	pdfiumOnce.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfHelperMemoryPages)
		// wazero's cache key does not include the interruption checks, so this
		// cache must never be shared with a runtime compiled with them.
		if dir, err := os.UserCacheDir(); err == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "sendscope", "pdfium-wasm")); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
			// Before 2026-11-23 the module, compiled with the checks, was cached
			// here; nothing reads it now.
			os.RemoveAll(filepath.Join(dir, "sendscope", "wazero"))
		}
		var pool pdfium.Pool
		pool, pdfiumErr = webassembly.Init(webassembly.Config{
			Context: experimental.WithMemoryAllocator(context.Background(), wasmMemoryAllocator()),
			MinIdle: 1, MaxIdle: 1, MaxTotal: 1,
			RuntimeConfig: rc,
			// No file system: documents are passed as bytes, never by path.
			FSConfig:     wazero.NewFSConfig(),
			Stdout:       io.Discard,
			Stderr:       io.Discard,
			ReuseWorkers: true,
		})
		if pdfiumErr == nil {
			pdfiumInst, pdfiumErr = pool.GetInstance(time.Minute)
		}
	})
	return pdfiumErr
}

func readPagesInProcess(body []byte, req pdfRequest) (r pdfPages) {
	if startPDFium() != nil {
		return pdfPages{Err: fmt.Sprintf("starting PDFium: %v", pdfiumErr)}
	}
	defer func() {
		if p := recover(); p != nil {
			r = pdfPages{Err: fmt.Sprintf("PDF reader failed: %v", p)}
		}
	}()
	return readPages(pdfiumInst, body, req.From, req.To)
}
