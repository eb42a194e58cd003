package crawler

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// TestDocumentsOffTheSchoolsHost crawls one school of each off-host layout
// through an intercepting proxy on loopback, as on a council's network: every
// report a polite crawler may fetch is fetched, with its provenance; nothing
// robots.txt forbids is requested on any host; no other host is crawled
// beyond the hop the layout needs.
func TestDocumentsOffTheSchoolsHost(t *testing.T) {
	p, err := simarea.StartProxy()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	area := simarea.NewOffHost(p, 1)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := p.WriteCA(ca); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.AllowPrivate, cfg.Proxy, cfg.CAFile, cfg.Concurrency = false, p.URL, ca, 4
	var sites []Site
	for i, s := range area.Schools {
		sites = append(sites, Site{ID: i + 1, Name: s.Name, Home: s.Home})
	}
	var mu sync.Mutex
	results := map[int]Result{}
	New(cfg).Crawl(context.Background(), sites, func(r Result) {
		mu.Lock()
		results[r.Site.ID] = r
		mu.Unlock()
	})
	for i, s := range area.Schools {
		t.Run(string(s.Layout), func(t *testing.T) {
			r := results[i+1]
			if r.Status != "crawled" {
				t.Fatalf("status %s (%s)", r.Status, r.Reason)
			}
			var got *Page
			for j, pg := range r.Pages {
				if pg.FinalURL == s.Report && bytes.Equal(pg.Body, s.Body) {
					got = &r.Pages[j]
				}
			}
			if s.Report == "" {
				for _, pg := range r.Pages {
					if strings.Contains(pg.FinalURL, "/private/") {
						t.Errorf("fetched %s, which the platform's robots.txt forbids", pg.FinalURL)
					}
				}
				return
			}
			if got == nil {
				var urls []string
				for _, f := range r.Fetches {
					urls = append(urls, f.URL+" "+f.Skipped+f.Error)
				}
				t.Fatalf("report %s not fetched; fetches:\n%s", s.Report, strings.Join(urls, "\n"))
			}
			if got.LinkedFrom == "" {
				t.Errorf("no linking page for %s", got.FinalURL)
			}
			switch s.Layout {
			case simarea.OffDrive:
				if got.Platform != "google_drive" || !strings.Contains(got.LinkURL, "/file/d/") || !strings.Contains(got.URL, "/uc?export=download") {
					t.Errorf("drive provenance: link %s, requested %s, platform %q", got.LinkURL, got.URL, got.Platform)
				}
			case simarea.OffWix:
				if got.Platform != "wix" || !strings.Contains(got.URL, "docs.wixstatic.com") {
					t.Errorf("wix provenance: requested %s, final %s, platform %q", got.URL, got.FinalURL, got.Platform)
				}
			case simarea.OffPDFJS:
				if got.Platform != "pdfjs" || !strings.Contains(got.LinkURL, "viewer.html?file=") {
					t.Errorf("pdf.js provenance: link %s, platform %q", got.LinkURL, got.Platform)
				}
			}
		})
	}
	// Robots on every host, and no crawling of other hosts beyond one page.
	for _, h := range p.Hosts() {
		var pages []string
		for _, path := range p.Requested(h) {
			if strings.Contains(path, "/private/") {
				t.Errorf("%s%s requested: robots.txt forbids it", h, path)
			}
			if path != "/robots.txt" && !strings.HasSuffix(h, ".sch.uk") {
				pages = append(pages, path)
			}
		}
		if h == "www.oaktree-learning-trust.org.uk" {
			for _, path := range pages {
				if !strings.HasPrefix(path, "/our-schools/sen-information-reports/") && !strings.Contains(path, "-SEN-Information-Report.pdf") {
					t.Errorf("crawled the trust's site beyond its list: %s", path)
				}
				if strings.Contains(path, "Ashby-Vale") || strings.Contains(path, "Brookfield") {
					t.Errorf("fetched another school's report from the trust: %s", path)
				}
			}
		}
		if n := p.MaxInFlight(h); n > 1 {
			t.Errorf("%d requests at once to %s", n, h)
		}
		if n := len(p.Requested(h)); n > 0 && p.Requested(h)[0] != "/robots.txt" {
			t.Errorf("%s: first request %s, not robots.txt", h, p.Requested(h)[0])
		}
	}
}
