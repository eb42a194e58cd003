package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/sendscope/sendscope/pipeline"
)

// newProgress draws live bars when w is a terminal wide enough for them, and
// plain lines otherwise: mpb draws nothing into a pipe, a log file or a
// terminal that reports no size (some CI consoles and serial lines).
func newProgress(w io.Writer) pipeline.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width >= minBarWidth {
			return &barProgress{w: w}
		}
	}
	return &pipeline.Lines{W: w}
}

// minBarWidth is the narrowest terminal the bar and its counts fit on.
const minBarWidth = 40

// barProgress is the terminal display: schools done of all, in flight, with SEN
// documents found, failed, and the rate.
type barProgress struct {
	w   io.Writer
	p   *mpb.Progress
	bar *mpb.Bar

	mu                      sync.Mutex
	inFlight, found, failed int
}

func (b *barProgress) Start(total, alreadyDone int) {
	b.p = mpb.New(mpb.WithOutput(b.w), mpb.WithRefreshRate(200*time.Millisecond))
	b.bar = b.p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("schools "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(
			decor.Any(func(decor.Statistics) string {
				b.mu.Lock()
				defer b.mu.Unlock()
				return fmt.Sprintf(" %d in flight, %d found, %d failed ", b.inFlight, b.found, b.failed)
			}),
			decor.AverageSpeed(0, "%.1f/s "),
			decor.AverageETA(decor.ET_STYLE_GO),
		))
	b.bar.SetCurrent(int64(alreadyDone))
}

func (b *barProgress) SiteStarted(int) {
	b.mu.Lock()
	b.inFlight++
	b.mu.Unlock()
}

func (b *barProgress) SiteDone(e pipeline.SiteEvent) {
	b.mu.Lock()
	b.inFlight = max(b.inFlight-1, 0)
	switch e.Status {
	case "found":
		b.found++
	case "failed":
		b.failed++
	}
	b.mu.Unlock()
	b.bar.Increment()
}

func (b *barProgress) Printf(format string, args ...any) {
	if b.p == nil {
		fmt.Fprintf(b.w, format+"\n", args...)
		return
	}
	// Printed above the bars.
	fmt.Fprintf(b.p, format+"\n", args...)
}

func (b *barProgress) Finish() {
	if b.p == nil {
		return
	}
	b.bar.SetTotal(-1, true)
	b.p.Wait()
}
