package crawler

import (
	"net/http"
	"strings"
	"sync"
	"time"
)

// politeTransport spaces requests to each host: at most perHost at once, and a
// pause (the larger of our delay and the site's Crawl-delay) between the start of
// one request and the next. Schools on a shared platform host share its limit.
type politeTransport struct {
	base    http.RoundTripper
	perHost int
	delay   time.Duration

	mu    sync.Mutex
	hosts map[string]*hostGate
}

type hostGate struct {
	slots      chan struct{}
	mu         sync.Mutex
	next       time.Time
	crawlDelay time.Duration
}

func newPoliteTransport(base http.RoundTripper, perHost int, delay time.Duration) *politeTransport {
	return &politeTransport{base: base, perHost: perHost, delay: delay, hosts: map[string]*hostGate{}}
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

// setCrawlDelay records a host's robots.txt Crawl-delay.
func (t *politeTransport) setCrawlDelay(host string, d time.Duration) {
	g := t.gate(host)
	g.mu.Lock()
	g.crawlDelay = d
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

// RoundTrip waits for the host's turn, then sends the request.
func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	g := t.gate(req.URL.Host)
	select {
	case g.slots <- struct{}{}:
	case <-req.Context().Done():
		return nil, req.Context().Err()
	}
	defer func() { <-g.slots }()
	g.mu.Lock()
	wait := time.Until(g.next)
	gap := max(t.delay, g.crawlDelay)
	start := time.Now().Add(max(wait, 0))
	g.next = start.Add(gap)
	g.mu.Unlock()
	if wait > 0 {
		timer := time.NewTimer(wait)
		select {
		case <-timer.C:
		case <-req.Context().Done():
			timer.Stop()
			return nil, req.Context().Err()
		}
	}
	resp, err := t.base.RoundTrip(req)
	if err == nil {
		neverInflate(resp)
	}
	return resp, err
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
