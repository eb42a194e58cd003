package analysis

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// PDFs are read in helper processes: the program re-runs itself with
// pdfWorkerEnv set, and the helper reads PDFs sent over its stdin until stdin
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

// pdfWorkerEnv marks a process started to read PDFs.
const pdfWorkerEnv = "SENDSCOPE_PDF_WORKER"

// pdfWorkerMemoryPages bounds a helper's WebAssembly memory (64 KiB pages):
// 1 GiB, room for the largest PDF accepted (pdfMaxBytes) several times over.
const pdfWorkerMemoryPages = 16384

// pdfRequest asks for pages [From, To) of the PDF that follows it; To < 0 is
// to the end, and From == To asks only for the title and page count.
type pdfRequest struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// init turns this process into a PDF helper when it was started as one. It is
// in init, before main or the test runner, so that every program linking this
// package (the CLI and each package's tests) can serve as its own helper.
func init() {
	if os.Getenv(pdfWorkerEnv) != "1" {
		return
	}
	err := servePDFs(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "sendscope PDF helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// servePDFs answers PDF requests from r on w until r ends.
func servePDFs(r io.Reader, w io.Writer) error {
	in := bufio.NewReader(r)
	out := bufio.NewWriter(w)
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

func readPagesInProcess(body []byte, req pdfRequest) (r pdfPages) {
	pdfiumOnce.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfWorkerMemoryPages)
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
	if pdfiumErr != nil {
		return pdfPages{Err: fmt.Sprintf("starting PDFium: %v", pdfiumErr)}
	}
	defer func() {
		if p := recover(); p != nil {
			r = pdfPages{Err: fmt.Sprintf("PDF reader failed: %v", p)}
		}
	}()
	return readPages(pdfiumInst, body, req.From, req.To)
}

// In the parent: a pool of helpers, at most one per CPU.

type pdfHelper struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *tailBuffer
}

type pdfHelpers struct {
	slots chan struct{}
	mu    sync.Mutex
	idle  []*pdfHelper
}

var helpers = &pdfHelpers{slots: make(chan struct{}, runtime.NumCPU())}

// read reads a PDF's text in helpers, waiting at most timeout in all.
func (p *pdfHelpers) read(body []byte, timeout time.Duration) (Text, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	t, err := p.readWithin(ctx, body)
	if errors.Is(err, errPDFTimeout) {
		err = fmt.Errorf("PDF took over %s to read; gave up", timeout)
	}
	if errors.Is(err, errHelpersBusy) {
		err = fmt.Errorf("every PDF reader stayed busy for %s", timeout)
	}
	return t, err
}

// errHelpersBusy: no helper came free before the deadline.
var errHelpersBusy = errors.New("every PDF reader stayed busy")

func (p *pdfHelpers) readWithin(ctx context.Context, body []byte) (Text, error) {
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return Text{}, errHelpersBusy
	}
	defer func() { <-p.slots }()
	extra := p.idleSlots()
	defer func() {
		for i := 0; i < extra; i++ {
			<-p.slots
		}
	}()
	if extra == 0 || len(body) < pdfShareBytes {
		whole, err := p.ask(ctx, body, pdfRequest{From: 0, To: -1})
		if err != nil {
			return Text{}, err
		}
		return pdfDocText([]pdfPages{whole})
	}
	head, err := p.ask(ctx, body, pdfRequest{})
	if err != nil {
		return Text{}, err
	}
	if head.Err != "" {
		return pdfDocText([]pdfPages{head})
	}
	// At least minPagesEach pages a helper: below that, a second helper costs
	// more (opening the document again) than it saves.
	const minPagesEach = 2
	n := head.PageCount
	k := max(1, min(extra+1, n/minPagesEach))
	parts := make([]pdfPages, k)
	errs := make([]error, k)
	var wg sync.WaitGroup
	for i := range k {
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i], errs[i] = p.ask(ctx, body, pdfRequest{From: i * n / k, To: (i + 1) * n / k})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return Text{}, err
		}
	}
	parts[0].Title, parts[0].PageCount = head.Title, n
	return pdfDocText(parts)
}

// pdfShareBytes: smaller PDFs are a page or two, and asking for their page
// count first would cost more than sharing them out saves.
const pdfShareBytes = 16 << 10

// errPDFTimeout is the error of a helper asked past read's deadline.
var errPDFTimeout = errors.New("PDF took too long to read; gave up")

// idleSlots takes the slots of as many more helpers as are free right now.
func (p *pdfHelpers) idleSlots() int {
	n := 0
	for {
		select {
		case p.slots <- struct{}{}:
			n++
		default:
			return n
		}
	}
}

// ask sends one request to a helper, killing the helper if it fails or the
// context ends. A helper kept idle may have died meanwhile (its parent thread
// ended, say): a failure on a reused helper is tried once more on a fresh one.
func (p *pdfHelpers) ask(ctx context.Context, body []byte, req pdfRequest) (pdfPages, error) {
	for attempt := 0; ; attempt++ {
		h, fresh, err := p.take()
		if err != nil {
			return pdfPages{}, fmt.Errorf("starting the PDF reader: %w", err)
		}
		reply, err := h.exchangeWithin(ctx, body, req)
		switch {
		case err != nil && ctx.Err() != nil:
			return pdfPages{}, errPDFTimeout
		case err != nil && !fresh && attempt == 0:
			continue
		case err != nil:
			return pdfPages{}, fmt.Errorf("the PDF reader stopped on this file: %w%s", err, h.stderr.suffix())
		}
		p.give(h)
		return reply, nil
	}
}

// exchangeWithin is exchange, killing the helper if ctx ends first or the
// exchange fails: either way the helper is in an unknown state.
func (h *pdfHelper) exchangeWithin(ctx context.Context, body []byte, req pdfRequest) (pdfPages, error) {
	type result struct {
		reply pdfPages
		err   error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.reply, r.err = h.exchange(body, req)
		done <- r
	}()
	select {
	case r := <-done:
		if r.err != nil {
			h.stop()
		}
		return r.reply, r.err
	case <-ctx.Done():
		h.stop()
		<-done
		return pdfPages{}, ctx.Err()
	}
}

// take returns an idle helper, or starts one (fresh).
func (p *pdfHelpers) take() (h *pdfHelper, fresh bool, err error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		h = p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return h, false, nil
	}
	p.mu.Unlock()
	h, err = startPDFHelper()
	return h, true, err
}

func (p *pdfHelpers) give(h *pdfHelper) {
	p.mu.Lock()
	p.idle = append(p.idle, h)
	p.mu.Unlock()
}

func startPDFHelper() (*pdfHelper, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), pdfWorkerEnv+"=1")
	cmd.SysProcAttr = helperProcAttr()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	tail := &tailBuffer{max: 2048}
	cmd.Stderr = tail
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &pdfHelper{cmd: cmd, stdin: stdin, stdout: bufio.NewReader(stdout), stderr: tail}, nil
}

func (h *pdfHelper) exchange(body []byte, req pdfRequest) (pdfPages, error) {
	var reply pdfPages
	head, err := json.Marshal(req)
	if err != nil {
		return reply, err
	}
	if err := writeFrame(h.stdin, head); err != nil {
		return reply, err
	}
	if err := writeFrame(h.stdin, body); err != nil {
		return reply, err
	}
	// The text of the largest PDF accepted, JSON-escaped, fits with room to spare.
	msg, err := readFrame(h.stdout, 4*pdfMaxBytes)
	if err != nil {
		return reply, err
	}
	err = json.Unmarshal(msg, &reply)
	return reply, err
}

// stop kills the helper and reaps it.
func (h *pdfHelper) stop() {
	h.cmd.Process.Kill()
	h.stdin.Close()
	h.cmd.Wait()
}

// tailBuffer keeps the last max bytes written: a helper's last words on stderr.
type tailBuffer struct {
	mu  sync.Mutex
	max int
	b   []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) suffix() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.b) == 0 {
		return ""
	}
	return " (" + string(t.b) + ")"
}
