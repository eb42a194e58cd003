package crawler

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// robots.txt is read by us, not by colly: colly treats a 5xx as allow-all, follows
// redirects into disallowed paths and never reads Crawl-delay. We follow RFC 9309:
// 2xx is parsed (the first 500 KiB), 4xx means no rules, 5xx or no answer means
// stay away.

const maxRobotsBytes = 500 << 10

// robotsRules is what one host's robots.txt allows us.
type robotsRules struct {
	policy     *robotsPolicy // nil: everything allowed
	disallowed bool          // the whole host is off limits (5xx, unreachable)
	reason     string
	err        error // the request error when robots.txt could not be fetched at all
	status     int   // a server error's status, when robots.txt answered one
	fetched    time.Time
}

func (r *robotsRules) allowed(u *url.URL) bool {
	if r.disallowed {
		return false
	}
	if r.policy == nil {
		return true
	}
	// The path and query exactly as they will be sent.
	return r.policy.allowed(u.RequestURI())
}

// crawlDelay is the host's Crawl-delay, capped so that one site cannot stall a run.
func (r *robotsRules) crawlDelay(limit time.Duration) time.Duration {
	if r.policy == nil {
		return 0
	}
	return min(r.policy.crawlDelay, limit)
}

// robotsCache keeps each host's rules for the whole crawl (at most a day),
// shared by every school: a file platform's robots.txt is asked for once, by
// the first school that needs it, while the others wait for its answer.
type robotsCache struct {
	mu    sync.Mutex
	hosts map[string]*robotsEntry
	ttl   time.Duration
}

type robotsEntry struct {
	ready chan struct{} // closed when r is set
	r     *robotsRules
}

func newRobotsCache() *robotsCache {
	return &robotsCache{hosts: map[string]*robotsEntry{}, ttl: 24 * time.Hour}
}

// rules returns the rules for u's host, fetching robots.txt with client when they
// are not cached. onFetch records the request in the crawl log.
func (rc *robotsCache) rules(ctx context.Context, client *http.Client, userAgent string, u *url.URL, onFetch func(Fetch)) *robotsRules {
	key := u.Scheme + "://" + u.Host
	rc.mu.Lock()
	e, ok := rc.hosts[key]
	if ok {
		select {
		case <-e.ready:
			if time.Since(e.r.fetched) >= rc.ttl || (e.r.err != nil && ctx.Err() == nil && errors.Is(e.r.err, context.Canceled)) {
				ok = false // stale, or cut short by another school's interruption
			}
		default:
		}
	}
	if !ok {
		e = &robotsEntry{ready: make(chan struct{})}
		rc.hosts[key] = e
		rc.mu.Unlock()
		e.r = fetchRobots(ctx, client, userAgent, key+"/robots.txt", onFetch)
		close(e.ready)
		return e.r
	}
	rc.mu.Unlock()
	select {
	case <-e.ready:
		return e.r
	case <-ctx.Done():
		return &robotsRules{disallowed: true, reason: "interrupted", err: ctx.Err(), fetched: time.Now()}
	}
}

func fetchRobots(ctx context.Context, client *http.Client, userAgent, robotsURL string, onFetch func(Fetch)) *robotsRules {
	start := time.Now()
	f := Fetch{URL: robotsURL, FetchedAt: start.UTC(), Kind: "robots"}
	defer func() {
		f.Duration = time.Since(start)
		onFetch(f)
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, robotsURL, nil)
	if err != nil {
		f.Error = err.Error()
		return &robotsRules{disallowed: true, reason: "robots.txt unreadable", fetched: time.Now()}
	}
	req.Header.Set("User-Agent", userAgent)
	resp, err := client.Do(req)
	if err != nil {
		f.Error = err.Error()
		return &robotsRules{disallowed: true, reason: "robots.txt unreachable", err: err, fetched: time.Now()}
	}
	defer resp.Body.Close()
	f.Status = resp.StatusCode
	f.ContentType = resp.Header.Get("Content-Type")
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	f.Bytes = int64(len(body))
	f.Response = &Page{URL: robotsURL, FinalURL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: f.ContentType,
		Header: resp.Header.Clone(), RequestHdr: req.Header.Clone(), Body: body, FetchedAt: f.FetchedAt}
	switch {
	case resp.StatusCode >= 500:
		return &robotsRules{disallowed: true, reason: "robots.txt answered " + resp.Status, status: resp.StatusCode, fetched: time.Now()}
	case resp.StatusCode >= 400:
		return &robotsRules{fetched: time.Now()}
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		if err != nil {
			f.Error = err.Error()
			return &robotsRules{disallowed: true, reason: "robots.txt cut off", fetched: time.Now()}
		}
		// Every line that can be parsed is used; bad lines are skipped (robotstxt.go).
		return &robotsRules{policy: parseRobots(body).policy(productToken(userAgent)), fetched: time.Now()}
	}
	// 3xx after the client's redirects ran out, or 1xx: treat as unavailable.
	return &robotsRules{disallowed: true, reason: "robots.txt answered " + resp.Status, fetched: time.Now()}
}

// productToken is the name robots.txt groups address us by: the User-Agent's
// first word without its version ("sendscope/0.1 (+https://...)" -> "sendscope").
func productToken(ua string) string { return agentToken(ua) }
