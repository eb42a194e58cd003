package pipeline

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// SiteEvent is one school finished.
type SiteEvent struct {
	URN       int
	LACode    string
	Status    string // found, not_found, failed
	Reason    string
	Outcome   string // found, not_found, unreachable, blocked_by_robots, no_website, needs_javascript
	Requests  int
	Documents int
	Facts     int
}

// Progress hears about a crawl as it goes; implementations must be safe for use
// from several goroutines.
type Progress interface {
	Start(total, alreadyDone int)
	SiteStarted(urn int)
	SiteDone(e SiteEvent)
	Printf(format string, args ...any) // a message line
	Finish()
}

// Lines is progress as plain lines, for logs and pipes: a line per school
// finished, and every Every a status line (done, in flight, found, failed, rate).
type Lines struct {
	W     io.Writer
	Every time.Duration // 0: 30 seconds

	mu                                   sync.Mutex
	total, done, inFlight, found, failed int
	start, last                          time.Time
}

// Start begins the count.
func (l *Lines) Start(total, alreadyDone int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.total, l.done, l.start, l.last = total, alreadyDone, time.Now(), time.Now()
	if l.Every == 0 {
		l.Every = 30 * time.Second
	}
}

// SiteStarted counts a school in flight.
func (l *Lines) SiteStarted(int) {
	l.mu.Lock()
	l.inFlight++
	l.mu.Unlock()
}

// SiteDone prints the school's line, and a status line when one is due.
func (l *Lines) SiteDone(e SiteEvent) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.done++
	l.inFlight = max(l.inFlight-1, 0)
	switch e.Status {
	case "found":
		l.found++
	case "failed":
		l.failed++
	}
	line := fmt.Sprintf("[%d/%d] %d %s", l.done, l.total, e.URN, e.Status)
	if e.Reason != "" {
		line += " (" + e.Reason + ")"
	}
	fmt.Fprintf(l.W, "%s: %d requests, %d documents, %d facts\n", line, e.Requests, e.Documents, e.Facts)
	if time.Since(l.last) >= l.Every {
		l.last = time.Now()
		fmt.Fprintln(l.W, l.status())
	}
}

func (l *Lines) status() string {
	rate := float64(l.done) / time.Since(l.start).Minutes()
	return fmt.Sprintf("-- %d of %d schools done, %d in flight, %d with SEN documents, %d failed, %.0f schools/min",
		l.done, l.total, l.inFlight, l.found, l.failed, rate)
}

// Printf prints a message line.
func (l *Lines) Printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.W, format+"\n", args...)
}

// Finish prints nothing more: the caller prints the summary.
func (l *Lines) Finish() {}
