// Package crawler finds and fetches schools' SEN information reports politely:
// best-first from the home page along the links most likely to lead to the
// report, within a small budget per site, obeying robots.txt, one request at a
// time per host, never into private networks unless allowed.
package crawler

import (
	"container/heap"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/gocolly/colly/v2"
)

// Config sets how the crawler behaves. Zero values take the defaults below.
type Config struct {
	UserAgent     string        // names sendscope and a contact URL
	Concurrency   int           // requests in flight at once across all hosts (default 4); sitesPerSlot times as many sites are in progress
	PerHost       int           // requests at once per host (default 1)
	Delay         time.Duration // pause between requests to one host (0: none; the command defaults to 1s)
	Timeout       time.Duration // whole request, including the body (default 30s)
	MaxPages      int           // requests per site, robots.txt excluded (default 25)
	MaxDepth      int           // links from the home page (default 3)
	MaxBodyBytes  int           // larger bodies are cut and marked truncated (default 50 MiB)
	MaxSiteBytes  int           // bytes kept per site in all; a body is cut to what is left, then the site stops (default 32 MiB)
	MaxCrawlDelay time.Duration // cap on a site's Crawl-delay (default 10s)
	MaxRetryWait  time.Duration // longest Retry-After honoured before giving up on a URL (default 60s)
	AllowPrivate  bool          // allow loopback and private addresses (tests, the demo)
	Proxy         string        // proxy URL for every request; "" reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY
	CAFile        string        // PEM certificates trusted besides the system's (a gateway that inspects TLS)
}

// DefaultUserAgent names the tool and where to read about it.
const DefaultUserAgent = "sendscope/0.1 (+https://github.com/sendscope/sendscope; SEN information report survey)"

func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 4
	}
	if c.PerHost <= 0 {
		c.PerHost = 1
	}
	if c.Delay < 0 {
		c.Delay = 0
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.MaxPages <= 0 {
		c.MaxPages = 25
	}
	if c.MaxDepth <= 0 {
		c.MaxDepth = 3
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 50 << 20
	}
	if c.MaxSiteBytes <= 0 {
		c.MaxSiteBytes = 32 << 20
	}
	if c.MaxCrawlDelay <= 0 {
		c.MaxCrawlDelay = 10 * time.Second
	}
	if c.MaxRetryWait <= 0 {
		c.MaxRetryWait = 60 * time.Second
	}
	return c
}

// Site is one school (or one Local Offer) to crawl.
type Site struct {
	ID   int    // the URN (or, for a Local Offer, the LA code as a number)
	Name string // for progress messages
	Home string // the register's website, normalised
	// Score rates links; nil means ScoreLink, the search for SEN documents.
	Score func(text string, u *url.URL, depth int) float64
	// MaxPages and MaxDepth override the crawler's for this site when set.
	MaxPages, MaxDepth int
	// Known holds what an earlier crawl of the same year kept, by canonical URL:
	// such URLs are asked for conditionally, and a 304 reuses the kept bytes.
	Known map[string]Known
}

// Known is what an earlier crawl kept of a URL.
type Known struct {
	ETag, LastModified string
	ContentType        string
	Body               func() ([]byte, error) // the kept bytes, read again on 304
	Ref                any                    // the caller's reference to the earlier capture
}

// Fetch is one line of the crawl log: a request made, or a URL deliberately not
// requested (Skipped says why).
type Fetch struct {
	URL         string
	Kind        string // page, document, robots
	Status      int
	Error       string
	ContentType string
	Bytes       int64
	Duration    time.Duration
	FetchedAt   time.Time
	Skipped     string // robots, off_site, limit, depth
	Depth       int
	Score       float64
	LinkURL     string // the link as found, before a viewer rewrite
	LinkedFrom  string // the page that linked it
	Platform    string // the file platform or viewer, when known
	OffSite     bool   // fetched off the school's site (a document or the report, one or two hops)
	// Response is the answer as received, kept for the archive: set for
	// robots.txt, whose rules decided what else was fetched.
	Response *Page
}

// Page is a response worth keeping: a page or document of the site.
type Page struct {
	URL         string // as requested
	FinalURL    string // after redirects
	Status      int
	ContentType string
	Header      http.Header // response headers
	RequestHdr  http.Header // request headers sent
	Body        []byte
	Truncated   bool
	SHA256      string
	LinkText    string
	Depth       int
	Score       float64
	FetchedAt   time.Time
	NotModified bool   // the server answered 304: Body is the earlier capture's
	Known       *Known // the earlier capture, when NotModified
	LinkURL     string // the link as found, before a viewer rewrite
	LinkedFrom  string // the page that linked it
	Platform    string // the file platform or viewer, when known
	OffSite     bool   // fetched off the school's site
}

// Result is what crawling one site produced.
type Result struct {
	Site    Site
	Status  string // crawled, not_found (no website), failed
	Reason  string // why not crawled: no_website, bad_website, robots, dns, timeout, tls, http_503, refused, reset, too_many_redirects, private_address
	Fetches []Fetch
	Pages   []Page
}

// Crawler crawls sites with one shared, polite HTTP transport.
type Crawler struct {
	// Started, when set, is called as each site's crawl begins (for progress).
	Started func(Site)

	cfg       Config
	transport *politeTransport
	robots    *robotsCache
}

// New makes a crawler.
func New(cfg Config) *Crawler {
	cfg = cfg.withDefaults()
	base := newBaseTransport(cfg)
	return &Crawler{
		cfg:       cfg,
		transport: newPoliteTransport(base, cfg.PerHost, cfg.Delay, cfg.Concurrency),
		robots:    newRobotsCache(),
	}
}

// Sites in progress: sitesPerSlot per request slot are working (not waiting
// for a busy host); a site that waits for a host's turn (a file platform shared
// by many schools, with its Crawl-delay) steps aside and another starts, up to
// maxSitesPerSlot per slot in all, which bounds what is held in memory.
const (
	sitesPerSlot    = 2
	maxSitesPerSlot = 8
)

// scheduler admits sites: one starts when fewer than `working` sites are
// working and fewer than `most` are in progress.
type scheduler struct {
	mu                sync.Mutex
	cond              *sync.Cond
	working, inFlight int
	maxWorking, most  int
}

func newScheduler(maxWorking, most int) *scheduler {
	s := &scheduler{maxWorking: maxWorking, most: most}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *scheduler) admit(ctx context.Context) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ctx.Err() == nil && (s.working >= s.maxWorking || s.inFlight >= s.most) {
		s.cond.Wait()
	}
	if ctx.Err() != nil {
		return false
	}
	s.working++
	s.inFlight++
	return true
}

func (s *scheduler) change(working, inFlight int) {
	s.mu.Lock()
	s.working += working
	s.inFlight += inFlight
	s.mu.Unlock()
	s.cond.Broadcast()
}

// park and unpark are called by the transport around a wait for a host's turn.
func (s *scheduler) park()   { s.change(-1, 0) }
func (s *scheduler) unpark() { s.change(1, 0) }

type parkerKey struct{}

// parker is what the transport tells that a site waits for a host.
type parker interface {
	park()
	unpark()
}

// Crawl visits every site, cfg.Concurrency requests at once, and hands each site's
// result to done as soon as the site is finished (done may be called from several
// goroutines at once). It returns when all sites are done or ctx is cancelled;
// sites not started by then are not reported.
func (c *Crawler) Crawl(ctx context.Context, sites []Site, done func(Result)) {
	sched := newScheduler(c.cfg.Concurrency*sitesPerSlot, c.cfg.Concurrency*maxSitesPerSlot)
	stop := context.AfterFunc(ctx, func() { sched.change(0, 0) }) // wake admit on cancel
	defer stop()
	siteCtx := context.WithValue(ctx, parkerKey{}, parker(sched))
	var wg sync.WaitGroup
	for _, s := range sites {
		if !sched.admit(ctx) {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer sched.change(-1, -1)
			if c.Started != nil {
				c.Started(s)
			}
			r := c.CrawlSite(siteCtx, s)
			if ctx.Err() != nil {
				return // an interrupted site is not reported: it will be crawled again
			}
			done(r)
		}()
	}
	wg.Wait()
}

// link is a frontier entry.
type link struct {
	url      *url.URL // as requested (no fragment; a viewer's file): checked against robots.txt as is
	key      string   // the canonical URL: one request per key
	found    string   // the link as found on the page, before a viewer rewrite
	from     string   // the page that linked it
	platform string   // the file platform or viewer, when known
	document bool     // a file by its URL or platform
	embedded bool     // an iframe, embed or object source
	hops     int      // links followed off the school's site to reach it (at most 2)
	text     string
	depth    int
	score    float64
	order    int // discovery order breaks ties, so the crawl is repeatable
	retries  int // times retried after 429/503
}

type frontier []*link

func (f frontier) Len() int { return len(f) }
func (f frontier) Less(i, j int) bool {
	if f[i].score != f[j].score {
		return f[i].score > f[j].score
	}
	return f[i].order < f[j].order
}
func (f frontier) Swap(i, j int) { f[i], f[j] = f[j], f[i] }
func (f *frontier) Push(x any)   { *f = append(*f, x.(*link)) }
func (f *frontier) Pop() any {
	old := *f
	x := old[len(old)-1]
	*f = old[:len(old)-1]
	return x
}

// Bounds on what one page can make the crawler hold: links are read from the
// first maxLinkHTML bytes of a page, the best maxLinksPerPage of them join the
// frontier, and at most maxRobotsRows links barred by robots.txt are logged.
const (
	maxLinkHTML     = 4 << 20
	maxLinksPerPage = 200
	maxRobotsRows   = 20
)

// minOffSiteScore is the score a page link off the school's site needs to be
// followed: words of the report itself ("SEN information report"), not of the
// furniture ("Policies") that every trust and council site has.
const minOffSiteScore = 9.0

// minDocumentScore is the score a file link needs before we download it: files
// are large, and only those named like SEN documents are worth the bytes.
const minDocumentScore = 5.0

// CrawlSite crawls one site best-first and returns everything it fetched.
func (c *Crawler) CrawlSite(ctx context.Context, s Site) Result {
	res := Result{Site: s}
	if s.Home == "" {
		res.Status, res.Reason = "not_found", "no_website"
		return res
	}
	home, err := url.Parse(s.Home)
	if err != nil || home.Host == "" {
		res.Status, res.Reason = "failed", "bad_website"
		return res
	}
	var mu sync.Mutex // guards res from colly callbacks
	logFetch := func(f Fetch) {
		mu.Lock()
		res.Fetches = append(res.Fetches, f)
		mu.Unlock()
	}
	site := newSiteScope(home)
	nameWords := distinctiveWords(s.Name)
	score, maxPages, maxDepth := s.Score, s.MaxPages, s.MaxDepth
	if score == nil {
		score = ScoreLink
	}
	if maxPages <= 0 {
		maxPages = c.cfg.MaxPages
	}
	if maxDepth <= 0 {
		maxDepth = c.cfg.MaxDepth
	}
	client := &http.Client{Transport: c.transport, Timeout: c.cfg.Timeout, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return http.ErrUseLastResponse
		}
		return nil
	}}

	// Every setting is ours: colly's defaults ignore robots.txt, have no limits and
	// cut bodies silently. robots.txt is handled above colly (see robots.go).
	col := colly.NewCollector(
		colly.UserAgent(c.cfg.UserAgent),
		colly.MaxBodySize(c.cfg.MaxBodyBytes),
		colly.AllowURLRevisit(), // the frontier de-duplicates, with canonical URLs
		colly.IgnoreRobotsTxt(),
		colly.StdlibContext(ctx),
	)
	col.WithTransport(c.transport)
	col.SetRequestTimeout(c.cfg.Timeout)
	var (
		redirectBlocked string
		cur             *link // the link being fetched
	)
	col.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("too many redirects")
		}
		// The home page may move anywhere (a school that changed domain), and so
		// may a document or a link already off the site (a file platform's
		// download moving to its storage host); the site's pages may only move
		// within the site.
		if cur.depth == 0 {
			site.add(req.URL)
		} else if !site.contains(req.URL) && !cur.document && cur.hops == 0 {
			redirectBlocked = "off_site"
			return http.ErrUseLastResponse
		}
		if r := c.robots.rules(ctx, client, c.cfg.UserAgent, req.URL, logFetch); !r.allowed(req.URL) {
			redirectBlocked = "robots"
			return http.ErrUseLastResponse
		}
		return nil
	})

	var (
		curPage   *Page
		curErr    error
		curStatus int
		curCT     string
		curBytes  int64
		curHdr    http.Header
		links     []*link
	)
	col.OnResponse(func(r *colly.Response) {
		curStatus = r.StatusCode
		curCT = r.Headers.Get("Content-Type")
		curBytes = int64(len(r.Body))
		sum := sha256.Sum256(r.Body)
		curPage = &Page{
			URL: cur.url.String(), FinalURL: r.Request.URL.String(), Status: r.StatusCode, ContentType: curCT,
			Header: r.Headers.Clone(), RequestHdr: r.Request.Headers.Clone(),
			Body: r.Body, Truncated: len(r.Body) >= col.MaxBodySize, SHA256: hex.EncodeToString(sum[:]),
			LinkText: cur.text, Depth: cur.depth, Score: cur.score, FetchedAt: time.Now().UTC(),
			LinkURL: cur.found, LinkedFrom: cur.from, Platform: cur.platform, OffSite: cur.hops > 0,
		}
		if isHTML(curCT, r.Body) {
			links = pageLinks(r.Body[:min(len(r.Body), maxLinkHTML)], r.Request.URL)
		}
	})
	col.OnError(func(r *colly.Response, err error) {
		curErr = err
		if r != nil {
			curStatus = r.StatusCode
			if r.Headers != nil {
				curHdr = *r.Headers
				curCT = r.Headers.Get("Content-Type")
			}
		}
	})

	// Known URLs are matched by their canonical form, however they were stored.
	knownByKey := map[string]Known{}
	for k, v := range s.Known {
		if u, err := url.Parse(k); err == nil {
			knownByKey[Canonical(u).String()] = v
		}
	}
	q := &frontier{}
	seen := map[string]bool{}
	order := 0
	push := func(l *link) {
		l.key = Canonical(l.url).String()
		if seen[l.key] {
			return
		}
		seen[l.key] = true
		l.order = order
		order++
		heap.Push(q, l)
	}
	push(&link{url: Canonical(home), text: "home page", score: 1000})

	requests, kept := 0, 0
	robotsSkipped := 0
	lastFailure := ""
	for q.Len() > 0 && ctx.Err() == nil {
		l := heap.Pop(q).(*link)
		fetch := Fetch{URL: l.url.String(), Depth: l.depth, Score: l.score, FetchedAt: time.Now().UTC(), Kind: "page",
			LinkURL: l.found, LinkedFrom: l.from, Platform: l.platform, OffSite: l.hops > 0}
		if l.document {
			fetch.Kind = "document"
		}
		if requests >= maxPages || kept >= c.cfg.MaxSiteBytes {
			// One line for all that is left, not one per link: a page of a
			// million links must not become a million rows.
			fetch.Skipped = "limit"
			fetch.Error = fmt.Sprintf("the site's budget of %d requests was spent; this and %d more links not requested", maxPages, q.Len())
			if kept >= c.cfg.MaxSiteBytes {
				fetch.Error = fmt.Sprintf("the site's budget of %d bytes kept was spent; this and %d more links not requested", c.cfg.MaxSiteBytes, q.Len())
			}
			logFetch(fetch)
			break
		}
		rules := c.robots.rules(ctx, client, c.cfg.UserAgent, l.url, logFetch)
		if !rules.allowed(l.url) {
			fetch.Skipped = "robots"
			if rules.disallowed {
				fetch.Error = rules.reason
			}
			robotsSkipped++
			if robotsSkipped == maxRobotsRows {
				fetch.Error = "robots.txt disallows this and later links, which are not listed one by one"
			}
			if robotsSkipped <= maxRobotsRows || l.depth == 0 {
				logFetch(fetch)
			}
			if l.depth == 0 {
				res.Status, res.Reason = "failed", "robots"
				switch {
				case rules.err != nil:
					res.Reason = failureReason(rules.err, 0) // the site itself is unreachable
				case rules.status >= 500:
					res.Reason = failureReason(nil, rules.status) // the server is failing, not forbidding
				}
				return res
			}
			continue
		}
		c.transport.setCrawlDelay(l.url.Host, rules.crawlDelay(c.cfg.MaxCrawlDelay))

		cur, curPage, curErr, curStatus, curCT, curBytes, curHdr, links, redirectBlocked = l, nil, nil, 0, "", 0, nil, nil, ""
		start := time.Now()
		var conditional http.Header
		known, isKnown := knownByKey[l.key]
		if isKnown {
			conditional = http.Header{}
			if known.ETag != "" {
				conditional.Set("If-None-Match", known.ETag)
			}
			if known.LastModified != "" {
				conditional.Set("If-Modified-Since", known.LastModified)
			}
		}
		col.MaxBodySize = min(c.cfg.MaxBodyBytes, c.cfg.MaxSiteBytes-kept) // what the site may still keep
		_ = col.Request(http.MethodGet, l.url.String(), nil, nil, conditional)
		requests++
		fetch.Duration = time.Since(start)
		fetch.Status, fetch.ContentType, fetch.Bytes = curStatus, curCT, curBytes
		if curStatus == http.StatusNotModified && isKnown && known.Body != nil {
			// Unchanged since the earlier crawl: carry on with the kept bytes.
			if body, err := known.Body(); err == nil {
				curErr = nil
				curPage = &Page{URL: l.url.String(), FinalURL: l.url.String(), Status: http.StatusOK, ContentType: known.ContentType,
					Header: curHdr, Body: body, LinkText: l.text, Depth: l.depth, Score: l.score, FetchedAt: time.Now().UTC(),
					NotModified: true, Known: &known, LinkURL: l.found, LinkedFrom: l.from, Platform: l.platform, OffSite: l.hops > 0}
				sum := sha256.Sum256(body)
				curPage.SHA256 = hex.EncodeToString(sum[:])
				if isHTML(known.ContentType, body) {
					links = pageLinks(body[:min(len(body), maxLinkHTML)], l.url)
				}
			}
		}
		if curErr != nil {
			fetch.Error = curErr.Error()
			if redirectBlocked != "" {
				fetch.Error = "redirect not followed: " + redirectBlocked
			}
			lastFailure = failureReason(curErr, curStatus)
		}
		if curPage != nil && curPage.Truncated {
			fetch.Error = fmt.Sprintf("body cut at %d bytes", col.MaxBodySize)
		}
		logFetch(fetch)
		// "Too many requests" or "unavailable, try later": wait as asked, then try again.
		if wait, ok := retryWait(curStatus, curHdr, c.cfg.MaxRetryWait); ok && l.retries < 2 {
			c.transport.holdOff(l.url.Host, wait)
			l.retries++
			seen[l.key] = false
			push(l)
			continue
		}
		if l.depth == 0 && curPage == nil {
			res.Status, res.Reason = "failed", lastFailure
			return res
		}
		if curPage == nil {
			continue
		}
		finalURL, err := url.Parse(curPage.FinalURL)
		if err != nil {
			finalURL = l.url
		}
		if l.depth == 0 {
			site.add(finalURL) // links on the moved home page belong to the site too
		}
		mu.Lock()
		res.Pages = append(res.Pages, *curPage)
		mu.Unlock()
		kept += len(curPage.Body)
		// A page off the school's site (a trust's or LA's) is read only for the
		// school's documents, one hop further (even past the depth limit: it is
		// the hop the report needs); beyond that nothing is followed.
		hops := l.hops
		if hops == 0 && !site.contains(finalURL) {
			hops = 1
		}
		if hops >= 2 || (hops == 0 && l.depth >= maxDepth) {
			continue
		}
		var candidates []*link
		for _, nl := range links {
			nl.found, nl.from = nl.url.String(), curPage.FinalURL
			nl.url, nl.platform = rewriteViewer(nl.url)
			if p := platformOf(nl.url); p != "" && nl.platform == "" {
				nl.platform = p
			}
			nl.document = DocumentLink(nl.url) || nl.platform != ""
			if nl.found == nl.url.String() {
				nl.found = ""
			}
			if Trap(nl.url) != "" {
				continue // calendars and endless URLs: never worth a request
			}
			if nl.embedded && strings.TrimSpace(nl.text) == "" {
				nl.text = l.text // an embedded file is shown by the page that led here
			}
			nl.depth = l.depth + 1
			nl.score = score(nl.text, nl.url, nl.depth)
			if nl.score <= 0 || (nl.document && nl.score < minDocumentScore) {
				continue
			}
			nl.hops = hops
			if hops > 0 || !site.contains(nl.url) {
				// Off the site: only a document or what scores as the report, and
				// from a page off the site only what names the school.
				if !nl.document && nl.score < minOffSiteScore {
					continue // off-site links are not followed, nor logged: there are many
				}
				if hops > 0 && !namesSchool(nameWords, nl.text+" "+nl.url.String()) {
					continue
				}
				nl.hops = hops + 1
			}
			candidates = append(candidates, nl)
		}
		// The best of a page's links: no site needs more, and a page of a
		// million links must not fill the memory.
		sort.SliceStable(candidates, func(i, j int) bool { return candidates[i].score > candidates[j].score })
		for _, nl := range candidates[:min(len(candidates), maxLinksPerPage)] {
			push(nl)
		}
	}
	if ctx.Err() != nil {
		res.Status, res.Reason = "failed", "interrupted"
	} else {
		res.Status = "crawled"
	}
	return res
}

// retryWait says how long to wait before asking again after a 429 or 503, from
// its Retry-After header (seconds or an HTTP date). A 503 without Retry-After is
// a site that is down, not one asking us to slow down: no retry.
func retryWait(status int, h http.Header, limit time.Duration) (time.Duration, bool) {
	if status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable {
		return 0, false
	}
	ra := ""
	if h != nil {
		ra = strings.TrimSpace(h.Get("Retry-After"))
	}
	var wait time.Duration
	switch {
	case ra == "" && status == http.StatusTooManyRequests:
		wait = 10 * time.Second
	case ra == "":
		return 0, false
	default:
		if secs, err := strconv.Atoi(ra); err == nil {
			wait = time.Duration(secs) * time.Second
		} else if t, err := http.ParseTime(ra); err == nil {
			wait = time.Until(t)
		} else {
			return 0, false
		}
	}
	if wait > limit {
		return 0, false // longer than we will wait: give up on this URL
	}
	return max(wait, 0), true
}

// failureReason names why a request failed in the words the crawl log uses.
func failureReason(err error, status int) string {
	var dnsErr *net.DNSError
	switch {
	case status >= 400:
		return fmt.Sprintf("http_%d", status)
	case errors.Is(err, ErrPrivateAddress) || strings.Contains(err.Error(), ErrPrivateAddress.Error()):
		return "private_address"
	case errors.As(err, &dnsErr) || strings.Contains(err.Error(), "no such host"):
		return "dns"
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout") || strings.Contains(err.Error(), "timeout"):
		return "timeout"
	case strings.Contains(err.Error(), "certificate") || strings.Contains(err.Error(), "tls"):
		return "tls"
	case strings.Contains(err.Error(), "connection refused"):
		return "refused"
	case strings.Contains(err.Error(), "redirects"):
		return "too_many_redirects"
	case strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "EOF"):
		return "reset"
	}
	return "error"
}

func isHTML(contentType string, body []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "html") {
		return true
	}
	if ct != "" && !strings.Contains(ct, "octet-stream") && !strings.HasPrefix(ct, "text/plain") {
		return false
	}
	h := strings.ToLower(string(body[:min(len(body), 1024)]))
	return strings.Contains(h, "<html") || strings.Contains(h, "<!doctype html")
}

// pageLinks lists the links of a page: anchors, and embedded documents (iframes,
// embeds and objects that show a PDF in the page).
func pageLinks(body []byte, base *url.URL) []*link {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		return nil
	}
	if b, ok := doc.Find("base[href]").Attr("href"); ok {
		if bu, err := base.Parse(b); err == nil {
			base = bu
		}
	}
	var out []*link
	embedded := false
	add := func(ref, text string) {
		ref = strings.TrimSpace(ref)
		if ref == "" || strings.HasPrefix(ref, "#") {
			return
		}
		u, err := base.Parse(ref)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return
		}
		u.Fragment = ""
		out = append(out, &link{url: u, text: text, embedded: embedded})
	}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		text := strings.TrimSpace(s.Text())
		if t, ok := s.Attr("title"); ok && text == "" {
			text = t
		}
		if t, ok := s.Attr("aria-label"); ok && text == "" {
			text = t
		}
		add(href, text)
	})
	// Embedded files are links too; a viewer's URL is turned into its file's
	// when the link is followed (platforms.go).
	embedded = true
	doc.Find("iframe[src], embed[src]").Each(func(_ int, s *goquery.Selection) {
		src, _ := s.Attr("src")
		title, _ := s.Attr("title")
		add(src, title)
	})
	doc.Find("object[data]").Each(func(_ int, s *goquery.Selection) {
		data, _ := s.Attr("data")
		add(data, strings.TrimSpace(s.Text()))
	})
	return out
}

func portSuffix(u *url.URL) string {
	if p := u.Port(); p != "" {
		return ":" + p
	}
	return ""
}
