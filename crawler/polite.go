package crawler

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// politeTransport schedules every request of the crawl, whichever school it is
// for: at most perHost at once to one host (a file platform serving 2,000
// schools included), a pause between the starts of two requests to a host (the
// larger of our delay and its Crawl-delay), and at most `slots` requests in
// flight in all. A request waits for its host's turn before it takes a slot, so
// a busy host never idles a slot that another host could use: with more
// schools in progress than slots, there is always other work ready.
type politeTransport struct {
	base    http.RoundTripper
	perHost int
	delay   time.Duration
	slots   chan struct{} // requests in flight across all hosts

	mu    sync.Mutex
	hosts map[string]*hostGate
}

type hostGate struct {
	slots      chan struct{}
	mu         sync.Mutex
	next       time.Time // the earliest start of the next request
	lastStart  time.Time
	crawlDelay time.Duration
}

func newPoliteTransport(base http.RoundTripper, perHost int, delay time.Duration, slots int) *politeTransport {
	return &politeTransport{base: base, perHost: perHost, delay: delay, slots: make(chan struct{}, max(slots, 1)), hosts: map[string]*hostGate{}}
}

func (t *politeTransport) gate(host string) *hostGate {
	t.mu.Lock()
	defer t.mu.Unlock()
	g, ok := t.hosts[host]
	if !ok {
		g = &hostGate{slots: make(chan struct{}, t.perHost)}
		t.hosts[host] = g
	}
	return g
}

// ready says whether a request to the host could start now.
func (t *politeTransport) ready(g *hostGate) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.slots) < cap(g.slots) && !time.Now().Before(g.next)
}

// setCrawlDelay records a host's robots.txt Crawl-delay. It counts from the
// request before (robots.txt itself), so the first request after robots.txt
// already keeps it.
func (t *politeTransport) setCrawlDelay(host string, d time.Duration) {
	g := t.gate(host)
	g.mu.Lock()
	g.crawlDelay = d
	if !g.lastStart.IsZero() {
		if next := g.lastStart.Add(max(d, t.delay)); next.After(g.next) {
			g.next = next
		}
	}
	g.mu.Unlock()
}

// holdOff makes the host's next request wait at least d (a Retry-After).
func (t *politeTransport) holdOff(host string, d time.Duration) {
	g := t.gate(host)
	g.mu.Lock()
	if next := time.Now().Add(d); next.After(g.next) {
		g.next = next
	}
	g.mu.Unlock()
}

// RoundTrip waits for the host's turn, then for a slot, then sends the
// request. The host's turn and the slot are held until the body is closed:
// one request at a time means one download at a time.
func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	g := t.gate(req.URL.Host)
	// While it waits for the host, the site steps aside so another can work.
	back := func() {}
	if pk, ok := ctx.Value(parkerKey{}).(parker); ok && !t.ready(g) {
		pk.park()
		var once sync.Once
		back = func() { once.Do(pk.unpark) }
		defer back()
	}
	select {
	case g.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release := func() { <-g.slots }
	for {
		g.mu.Lock()
		wait := time.Until(g.next)
		g.mu.Unlock()
		if wait <= 0 {
			break
		}
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			release()
			return nil, ctx.Err()
		}
	}
	back() // the host's turn has come: the site works again
	select {
	case t.slots <- struct{}{}:
	case <-ctx.Done():
		release()
		return nil, ctx.Err()
	}
	release = func() { <-t.slots; <-g.slots }
	g.mu.Lock()
	now := time.Now()
	g.lastStart = now
	g.next = now.Add(max(t.delay, g.crawlDelay))
	g.mu.Unlock()
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		release()
		return nil, err
	}
	neverInflate(resp)
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

// releasingBody gives the host's turn and the slot back when the body is closed.
type releasingBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}

// neverInflate stops colly from gunzipping a body itself: it does so after its
// size limit and without one of its own, so a small .gz file could inflate to
// gigabytes in memory. Bodies the HTTP client did not decode are kept as sent.
func neverInflate(resp *http.Response) {
	if resp.Uncompressed {
		return
	}
	ce := strings.ToLower(resp.Header.Get("Content-Encoding"))
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	if strings.Contains(ce, "gzip") || strings.Contains(ct, "gzip") || strings.HasSuffix(strings.ToLower(resp.Request.URL.Path), ".gz") {
		resp.Uncompressed = true
	}
}
