package documents

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"time"
)

// The parent's side of PDF reading (pdfserve.go has the helper's side and the
// protocol).

// pdfHelper is one helper process.
type pdfHelper struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *tailBuffer
	fresh  bool // its hello is not read yet
}

// pdfHelpers is the process's pool of helpers: as many as PDFHelpersMemory
// holds at pdfHelperBound each, at least one and at most one per CPU.
type pdfHelpers struct {
	slots chan struct{}
	mu    sync.Mutex
	idle  []*pdfHelper
}

// PDFHelpersMemory is the resident memory that all PDF helpers together may
// hold. A helper can hold up to pdfHelperBound, 320 MiB (a PDF bomb fills its
// WebAssembly memory: 215 MiB measured), so this is two helpers; one per CPU
// would be over 3 GB on a 4-CPU machine that meets bombs. With the crawl's own
// heap limit (pipeline.CrawlHeapLimit) a crawl and its helpers stay under
// 1 GiB (TestHostileCrawlMemoryBounded).
const PDFHelpersMemory = 640 << 20

// helperCount is how many helpers budget bytes hold at pdfHelperBound each,
// at least one (PDFs must be read) and at most one per CPU (more cannot run).
func helperCount(budget int64, cpus int) int {
	return max(1, min(cpus, int(budget/pdfHelperBound)))
}

var helpers = &pdfHelpers{slots: make(chan struct{}, helperCount(PDFHelpersMemory, runtime.NumCPU()))}

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
		if reply.Err != "" || len(reply.PageErrs) > 0 {
			// A WebAssembly trap or an over-limit error: PDFium's memory never
			// shrinks and its state is unknown, so the helper is replaced.
			h.stop()
		} else {
			p.give(h)
		}
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

// errNotHelper: the program started as a helper did not become one.
var errNotHelper = errors.New("the program started to read PDFs did not become a PDF helper: its main (or TestMain) must call analysis.ServePDFHelper first")

func startPDFHelper() (*pdfHelper, error) {
	if os.Getenv(pdfHelperEnv) == "1" {
		// This process is a helper that did not serve: a helper of its own
		// would do the same, and so on without end.
		return nil, errNotHelper
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), pdfHelperEnv+"=1")
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
	return &pdfHelper{cmd: cmd, stdin: stdin, stdout: bufio.NewReader(stdout), stderr: tail, fresh: true}, nil
}

func (h *pdfHelper) exchange(body []byte, req pdfRequest) (pdfPages, error) {
	var reply pdfPages
	if h.fresh {
		hello, err := readFrame(h.stdout, len(pdfHelperHello))
		if err != nil || string(hello) != pdfHelperHello {
			return reply, errNotHelper
		}
		h.fresh = false
	}
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

// tailBuffer keeps the last max bytes written: a helper's last words on
// stderr; and the Go runtime's "fatal error:" line (out of memory, say), which
// the goroutine dump after it would push out.
type tailBuffer struct {
	mu    sync.Mutex
	max   int
	b     []byte
	fatal string
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if t.fatal == "" {
		if _, after, ok := bytes.Cut(t.b, []byte("fatal error: ")); ok {
			if line, _, ok := bytes.Cut(after, []byte("\n")); ok {
				t.fatal = "fatal error: " + string(line)
			}
		}
	}
	if len(t.b) > t.max {
		t.b = t.b[len(t.b)-t.max:]
	}
	return len(p), nil
}

func (t *tailBuffer) suffix() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.fatal != "" {
		return " (" + t.fatal + ")"
	}
	if len(t.b) == 0 {
		return ""
	}
	return " (" + string(t.b) + ")"
}
