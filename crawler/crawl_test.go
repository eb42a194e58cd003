package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sendscope/sendscope/simarea"
)

// testSite is a school website on loopback that records what it was asked for.
type testSite struct {
	*httptest.Server
	mux      *http.ServeMux
	mu       sync.Mutex
	paths    []string
	inflight int
	maxIn    int
	delay    time.Duration
}

func newTestSite(t testing.TB) *testSite {
	s := &testSite{mux: http.NewServeMux()}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.RequestURI())
		s.inflight++
		s.maxIn = max(s.maxIn, s.inflight)
		s.mu.Unlock()
		time.Sleep(s.delay)
		s.mux.ServeHTTP(w, r)
		s.mu.Lock()
		s.inflight--
		s.mu.Unlock()
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *testSite) page(path, body string) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a> <a href=\"/news/\">News</a></nav><main>%s</main></body></html>", body)
	})
}

func (s *testSite) file(path, contentType string, body []byte) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	})
}

func (s *testSite) requested() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

func testConfig() Config {
	return Config{AllowPrivate: true, Delay: 0, Timeout: 5 * time.Second, MaxPages: 25, Concurrency: 2}
}

var report = simarea.Doc{Title: "SEN Information Report 2025-26", Blocks: []simarea.Block{
	simarea.P("Our SENCO is Mrs Jane Pemberton."),
}}

func TestFindsReportTwoLinksDeep(t *testing.T) {
	cases := []struct {
		format, path, contentType string
		body                      []byte
	}{
		{"html", "/key-information/sen-information-report/", "text/html", nil},
		{"pdf", "/wp-content/uploads/2025/09/SEN-Information-Report.pdf", "application/pdf", report.PDF()},
		{"docx", "/key-information/files/sen-information-report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", report.DOCX()},
		{"pdf via download handler", "/download.php?file=128", "application/octet-stream", report.PDF()},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			s := newTestSite(t)
			s.page("/", `<p>Welcome</p><a href="/key-information/">Key Information</a> <a href="/calendar/">Calendar</a>`)
			s.page("/key-information/", `<ul><li><a href="/key-information/admissions/">Admissions</a></li><li><a href="`+c.path+`">SEN Information Report</a></li></ul>`)
			s.page("/key-information/admissions/", "<p>Admissions</p>")
			if c.body == nil {
				s.page(c.path, "<h1>SEN Information Report</h1><p>Our SENCO is Mrs Jane Pemberton.</p>")
			} else {
				u, _ := url.Parse(c.path)
				s.file(u.Path, c.contentType, c.body)
			}
			res := New(testConfig()).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
			if res.Status != "crawled" {
				t.Fatalf("status %s (%s)", res.Status, res.Reason)
			}
			var got *Page
			for i, p := range res.Pages {
				if strings.HasSuffix(p.FinalURL, c.path) {
					got = &res.Pages[i]
				}
			}
			if got == nil {
				t.Fatalf("report at %s not fetched; requested %v", c.path, s.requested())
			}
			if got.Depth != 2 || got.LinkText != "SEN Information Report" || got.SHA256 == "" {
				t.Errorf("page %+v", got)
			}
			if c.body != nil && string(got.Body) != string(c.body) {
				t.Error("document bytes differ from those served")
			}
			for _, p := range s.requested() {
				if strings.HasPrefix(p, "/calendar") {
					t.Errorf("followed a calendar link: %v", s.requested())
				}
			}
		})
	}
}

func TestRobotsDisallowedNeverRequested(t *testing.T) {
	s := newTestSite(t)
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /send/\n")
	})
	s.page("/", `<a href="/send/">SEND</a> <a href="/send/report.pdf">SEN Information Report</a> <a href="/sen-information/">SEN information</a>`)
	s.mux.HandleFunc("/sen-information/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/send/information-report/", http.StatusMovedPermanently)
	})
	s.page("/send/", "secret")
	res := New(testConfig()).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	for _, p := range s.requested() {
		if strings.HasPrefix(p, "/send/") {
			t.Errorf("requested %s, which robots.txt disallows (all: %v)", p, s.requested())
		}
	}
	skipped := 0
	for _, f := range res.Fetches {
		if f.Skipped == "robots" {
			skipped++
		}
	}
	if skipped < 2 {
		t.Errorf("robots skips not logged: %+v", res.Fetches)
	}
}

func TestRobotsUnavailableMeansStayAway(t *testing.T) {
	s := newTestSite(t)
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	s.page("/", `<a href="/send/">SEND</a>`)
	res := New(testConfig()).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	if got := s.requested(); len(got) != 1 || got[0] != "/robots.txt" {
		t.Errorf("requested %v; a 5xx robots.txt means nothing else", got)
	}
	// The server is failing, not forbidding: the site is unreachable, not blocked.
	if res.Status != "failed" || res.Reason != "http_503" {
		t.Errorf("status %s reason %s", res.Status, res.Reason)
	}
}

func TestPrivateAddressRefused(t *testing.T) {
	s := newTestSite(t)
	s.page("/", "<p>hello</p>")
	cfg := testConfig()
	cfg.AllowPrivate = false
	res := New(cfg).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	if res.Status != "failed" || res.Reason != "private_address" {
		t.Errorf("status %s reason %s; fetches %+v", res.Status, res.Reason, res.Fetches)
	}
	if got := s.requested(); len(got) != 0 {
		t.Errorf("a loopback site was contacted: %v", got)
	}
}

func TestBudgetIsKept(t *testing.T) {
	s := newTestSite(t)
	var links strings.Builder
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&links, `<a href="/send/page-%d/">SEND page %d</a> `, i, i)
	}
	s.page("/", links.String())
	for i := 0; i < 20; i++ {
		s.page(fmt.Sprintf("/send/page-%d/", i), "<p>page</p>")
	}
	cfg := testConfig()
	cfg.MaxPages = 4
	res := New(cfg).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	pages := 0
	for _, p := range s.requested() {
		if p != "/robots.txt" {
			pages++
		}
	}
	// The links left over are one line of the log, which counts them.
	var limit []Fetch
	for _, f := range res.Fetches {
		if f.Skipped == "limit" {
			limit = append(limit, f)
		}
	}
	if pages != 4 || len(limit) != 1 || !strings.Contains(limit[0].Error, "16 more links") {
		t.Errorf("%d pages requested (want 4); over the limit: %+v (want one line counting 17 links)", pages, limit)
	}
}

// TestHostilePageBounded: a page of 100,000 links and a site of pages larger
// than its byte budget are crawled within bounds: a few log lines, the best
// links only, and no more bytes kept than the budget.
func TestHostilePageBounded(t *testing.T) {
	s := newTestSite(t)
	var links strings.Builder
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&links, `<a href="/send/p%d">SEND %d</a>`, i, i)
	}
	s.page("/", links.String())
	big := bytes.Repeat([]byte("<p>SEND words</p>"), 1<<16) // 1.1 MB a page
	s.mux.HandleFunc("/send/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(big)
	})
	cfg := testConfig()
	cfg.MaxPages, cfg.MaxSiteBytes = 25, 8<<20
	res := New(cfg).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	if len(res.Fetches) > 10 {
		t.Errorf("%d lines in the crawl log, want a few", len(res.Fetches))
	}
	kept := 0
	for _, p := range res.Pages {
		kept += len(p.Body)
	}
	if kept > cfg.MaxSiteBytes {
		t.Errorf("%d bytes kept, over the site's budget of %d", kept, cfg.MaxSiteBytes)
	}
	last := res.Fetches[len(res.Fetches)-1]
	if last.Skipped != "limit" || !strings.Contains(last.Error, "bytes kept") {
		t.Errorf("last line %+v, want the byte budget's", last)
	}
}

func TestOneRequestAtATimePerHost(t *testing.T) {
	s := newTestSite(t)
	s.delay = 15 * time.Millisecond
	var sites []Site
	for _, name := range []string{"a", "b", "c", "d"} {
		s.page("/"+name+"/", `<a href="/`+name+`/send/">SEND</a>`)
		s.page("/"+name+"/send/", "<p>Our SENCO</p>")
		sites = append(sites, Site{ID: len(sites) + 1, Home: s.URL + "/" + name + "/"})
	}
	cfg := testConfig()
	cfg.Concurrency = 4
	var mu sync.Mutex
	done := 0
	New(cfg).Crawl(context.Background(), sites, func(Result) { mu.Lock(); done++; mu.Unlock() })
	if done != 4 {
		t.Errorf("%d sites reported, want 4", done)
	}
	if s.maxIn != 1 {
		t.Errorf("%d requests at once to one host, want 1", s.maxIn)
	}
}

func TestOffSiteRedirectNotFollowed(t *testing.T) {
	other := newTestSite(t)
	other.page("/report/", "<p>elsewhere</p>")
	s := newTestSite(t)
	s.page("/", `<a href="/send/">SEND</a>`)
	s.mux.HandleFunc("/send/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/report/", http.StatusFound)
	})
	res := New(testConfig()).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	for _, p := range other.requested() {
		if p != "/robots.txt" {
			t.Errorf("followed a redirect off the school's site to %s", p)
		}
	}
	found := false
	for _, f := range res.Fetches {
		if strings.HasSuffix(f.URL, "/send/") && strings.Contains(f.Error, "off_site") {
			found = true
		}
	}
	if !found {
		t.Errorf("the refused redirect is not in the log: %+v", res.Fetches)
	}
}

func TestScoreLink(t *testing.T) {
	u := func(s string) *url.URL { x, _ := url.Parse(s); return x }
	cases := []struct {
		text, url string
		above     float64
		below     float64
	}{
		{"SEN Information Report", "http://x/key-information/sen-information-report/", 15, 1e9},
		{"SEND", "http://x/send/", 5, 1e9},
		{"Special Educational Needs", "http://x/parents/special-educational-needs/", 8, 1e9},
		{"Local Offer", "http://x/local-offer/", 5, 1e9},
		{"Key Information", "http://x/key-information/", 3, 1e9},
		{"Send us a message", "http://x/contact/", -1e9, 0.01},
		{"News", "http://x/news/", -1e9, 0},
		{"Term dates", "http://x/term-dates/", -1e9, 0},
	}
	for _, c := range cases {
		got := ScoreLink(c.text, u(c.url), 1)
		if got <= c.above || got >= c.below {
			t.Errorf("%q %s: score %.1f, want between %.1f and %.1f", c.text, c.url, got, c.above, c.below)
		}
	}
	if ScoreLink("SEN Information Report", u("http://x/report.pdf"), 1) <= ScoreLink("SEN Information Report", u("http://x/report/"), 1) {
		t.Error("a relevant file should rank above the same words on a page")
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	s := newTestSite(t)
	s.page("/", `<a href="/send/">SEND</a> <a href="/sen-policy/">SEN Policy</a>`)
	var mu sync.Mutex
	tries := map[string]int{}
	s.mux.HandleFunc("/send/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tries["send"]++
		n := tries["send"]
		mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "<html><body><p>Our SENCO</p></body></html>")
	})
	s.mux.HandleFunc("/sen-policy/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		tries["policy"]++
		mu.Unlock()
		http.Error(w, "down", http.StatusServiceUnavailable) // no Retry-After: down, not busy
	})
	res := New(testConfig()).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	if tries["send"] != 2 || tries["policy"] != 1 {
		t.Errorf("tries %v: want /send/ retried once after 429, /sen-policy/ not retried after a bare 503", tries)
	}
	got := false
	for _, p := range res.Pages {
		if strings.HasSuffix(p.FinalURL, "/send/") {
			got = true
		}
	}
	if !got {
		t.Error("the page was not fetched after waiting")
	}
}

func TestRetryWait(t *testing.T) {
	cases := []struct {
		status int
		ra     string
		want   time.Duration
		ok     bool
	}{
		{429, "3", 3 * time.Second, true},
		{429, "", 10 * time.Second, true},
		{503, "2", 2 * time.Second, true},
		{503, "", 0, false},
		{503, "7200", 0, false},
		{404, "1", 0, false},
		{429, "soon", 0, false},
	}
	for _, c := range cases {
		h := http.Header{}
		if c.ra != "" {
			h.Set("Retry-After", c.ra)
		}
		got, ok := retryWait(c.status, h, time.Minute)
		if got != c.want || ok != c.ok {
			t.Errorf("%d %q: got %v %v, want %v %v", c.status, c.ra, got, ok, c.want, c.ok)
		}
	}
}

// TestGzipBombIsNotInflated serves a 1 GiB run of zeros gzipped to 1 MiB as a
// "report": the crawler keeps what was sent, never the inflated gigabyte.
func TestGzipBombIsNotInflated(t *testing.T) {
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for i := 0; i < 1024; i++ {
		zw.Write(zeros)
	}
	zw.Close()
	s := newTestSite(t)
	s.page("/", `<a href="/download/?file=report.xml.gz">SEN Information Report</a>`)
	s.mux.HandleFunc("/download/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(bomb.Bytes())
	})
	res := New(testConfig()).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	for _, p := range res.Pages {
		if len(p.Body) > 4<<20 {
			t.Errorf("%s: %d bytes kept; the bomb was inflated", p.URL, len(p.Body))
		}
	}
	if len(res.Pages) < 2 {
		t.Errorf("the file was not fetched at all: %+v", res.Fetches)
	}
}
