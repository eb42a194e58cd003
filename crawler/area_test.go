package crawler

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sendscope/sendscope/simarea"
)

// areaStats measures a crawl of a simulated area against what the area knows:
// where each school's report really is.
type areaStats struct {
	withReport, found  int
	requestsToReport   []int // per found school: requests made up to and including the report
	requestsPerSchool  []int
	robotsViolations   int
	maxInFlightPerHost int
	requests           int
	elapsed            time.Duration
}

func crawlArea(tb testing.TB, opt simarea.Options, cfg Config) areaStats {
	tb.Helper()
	area, err := simarea.StartWith(opt)
	if err != nil {
		tb.Fatal(err)
	}
	defer area.Close()
	var sites []Site
	for _, p := range area.Profiles {
		sites = append(sites, Site{ID: p.URN, Name: p.Name, Home: area.URL(p.URN)})
	}
	var mu sync.Mutex
	results := map[int]Result{}
	start := time.Now()
	New(cfg).Crawl(context.Background(), sites, func(r Result) {
		mu.Lock()
		results[r.Site.ID] = r
		mu.Unlock()
	})
	st := areaStats{elapsed: time.Since(start)}
	for _, p := range area.Profiles {
		r := results[p.URN]
		n := 0
		for _, f := range r.Fetches {
			if f.Skipped == "" && f.Kind != "robots" {
				n++
			}
		}
		st.requests += n
		st.requestsPerSchool = append(st.requestsPerSchool, n)
		st.maxInFlightPerHost = max(st.maxInFlightPerHost, area.MaxInFlight(p.URN))
		if p.Layout == simarea.LayoutRobots {
			for _, path := range area.Requested(p.URN) {
				if strings.HasPrefix(path, "/send/") {
					st.robotsViolations++
				}
			}
		}
		report := area.ReportPath(p.URN)
		if report == "" || p.Layout == simarea.LayoutRobots {
			continue
		}
		st.withReport++
		i := 0
		for _, f := range r.Fetches {
			if f.Skipped != "" || f.Kind == "robots" {
				continue
			}
			i++
			if u, err := url.Parse(f.URL); err == nil && u.Path == report && f.Status == 200 {
				st.found++
				st.requestsToReport = append(st.requestsToReport, i)
				break
			}
		}
	}
	return st
}

func median(xs []int) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]int(nil), xs...)
	sort.Ints(s)
	if len(s)%2 == 1 {
		return float64(s[len(s)/2])
	}
	return float64(s[len(s)/2-1]+s[len(s)/2]) / 2
}

// TestFindsReportsAcrossLayouts holds discovery to its bar on 120 simulated
// schools of every layout: the report found for at least 95% of the schools
// that have one, within a median of 12 requests, nothing fetched that robots.txt
// forbids, and never two requests at once to one site.
func TestFindsReportsAcrossLayouts(t *testing.T) {
	cfg := Config{AllowPrivate: true, Concurrency: 8, Timeout: 10 * time.Second}
	cfg.Delay = 0
	st := crawlArea(t, simarea.Options{Schools: 120}, cfg)
	share := float64(st.found) / float64(st.withReport)
	t.Logf("found %d of %d reports (%.1f%%), median %.1f requests to the report, median %.1f requests per school",
		st.found, st.withReport, share*100, median(st.requestsToReport), median(st.requestsPerSchool))
	if share < 0.95 {
		t.Errorf("reports found for %.1f%% of schools that have one, want >= 95%%", share*100)
	}
	if m := median(st.requestsToReport); m > 12 {
		t.Errorf("median %.1f requests to find the report, want <= 12", m)
	}
	if st.robotsViolations != 0 {
		t.Errorf("%d requests to robots-disallowed URLs", st.robotsViolations)
	}
	if st.maxInFlightPerHost > 1 {
		t.Errorf("%d requests at once to one host", st.maxInFlightPerHost)
	}
}

// BenchmarkCrawlArea crawls 2,000 simulated sites, each answering after 50 ms, and
// reports throughput against its limit (concurrency / latency) and the requests
// it took to find each report. Run:
//
//	go test ./crawler -run '^$' -bench CrawlArea -benchtime 1x
func BenchmarkCrawlArea(b *testing.B) {
	const sites, concurrency = 2000, 64
	latency := 50 * time.Millisecond
	for i := 0; i < b.N; i++ {
		cfg := Config{AllowPrivate: true, Concurrency: concurrency, Timeout: 10 * time.Second}
		st := crawlArea(b, simarea.Options{Schools: sites, Latency: latency}, cfg)
		rate := float64(st.requests) / st.elapsed.Seconds()
		limit := float64(concurrency) / latency.Seconds()
		b.ReportMetric(rate, "req/s")
		b.ReportMetric(100*rate/limit, "%limit")
		b.ReportMetric(median(st.requestsToReport), "median-req-to-report")
		b.ReportMetric(median(st.requestsPerSchool), "median-req/school")
		b.ReportMetric(100*float64(st.found)/float64(st.withReport), "%found")
		b.ReportMetric(st.elapsed.Seconds(), "s")
		fmt.Printf("sites %d, requests %d in %s: %.0f req/s of a %.0f req/s limit (%.0f%%); reports found %d/%d; median %.1f requests to the report, %.1f per school\n",
			sites, st.requests, st.elapsed.Round(time.Millisecond), rate, limit, 100*rate/limit, st.found, st.withReport,
			median(st.requestsToReport), median(st.requestsPerSchool))
	}
}
