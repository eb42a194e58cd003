package crawler

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sendscope/sendscope/simarea"
)

// BenchmarkSharedFileHosts: 2,000 schools behind a proxy, every request
// answered after 50 ms, 40% of the reports on five shared file hosts. Each host
// (school or platform) gets one request at a time and a pause of --delay
// between requests; the shared hosts are the bottleneck: 160 reports each at
// one per delay. Reports throughput against the two limits (slots / latency,
// and the shared hosts' queues), median requests per school and reach. Run:
//
//	go test ./crawler -run '^$' -bench SharedFileHosts -benchtime 1x
func BenchmarkSharedFileHosts(b *testing.B) {
	const schools, slots = 2000, 64
	latency, delay := 50*time.Millisecond, 100*time.Millisecond
	p, err := simarea.StartProxy()
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	platforms := []string{"files.schudio.com", "primarysite-prod-sorted.s3.amazonaws.com", "static1.squarespace.com", "docs.wixstatic.com", "drive.google.com"}
	pdf := report.PDF()
	slow := func(h http.HandlerFunc) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(latency)
			if r.URL.Path == "/robots.txt" {
				http.NotFound(w, r)
				return
			}
			h(w, r)
		})
	}
	var tmu sync.Mutex
	times := map[string][]time.Time{}
	for _, h := range platforms {
		p.Handle(h, slow(func(w http.ResponseWriter, r *http.Request) {
			tmu.Lock()
			times[h] = append(times[h], time.Now())
			tmu.Unlock()
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(pdf)
		}))
	}
	var sites []Site
	want := map[int]string{}
	for i := 0; i < schools; i++ {
		host := fmt.Sprintf("www.school%04d.kent.sch.uk", i)
		reportURL := "http://" + host + "/send/sen-information-report.pdf"
		if i%5 < 2 { // 40% on a shared host
			plat := platforms[(i/5)%len(platforms)]
			reportURL = fmt.Sprintf("http://%s/school%04d/files/sen-information-report.pdf", plat, i)
			if plat == "drive.google.com" {
				reportURL = fmt.Sprintf("http://drive.google.com/uc?export=download&id=1Abc%04dXyZ0123", i)
			}
		}
		want[i+1] = reportURL
		p.Handle(host, slow(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/":
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprint(w, `<html><body><a href="/send/">SEND</a> <a href="/news/">News</a> <a href="/about-us/">About us</a></body></html>`)
			case "/send/":
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprintf(w, `<html><body><a href="%s">SEN Information Report</a></body></html>`, reportURL)
			case "/send/sen-information-report.pdf":
				w.Header().Set("Content-Type", "application/pdf")
				w.Write(pdf)
			default:
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprint(w, `<html><body><p>Nothing here.</p></body></html>`)
			}
		}))
		sites = append(sites, Site{ID: i + 1, Name: fmt.Sprintf("School %04d", i), Home: "http://" + host + "/"})
	}
	for n := 0; n < b.N; n++ {
		cfg := Config{Proxy: p.URL, Concurrency: slots, Delay: delay, Timeout: time.Minute}
		var mu sync.Mutex
		found, requests := 0, 0
		var perSchool []int
		start := time.Now()
		New(cfg).Crawl(context.Background(), sites, func(r Result) {
			mu.Lock()
			defer mu.Unlock()
			k := 0
			for _, f := range r.Fetches {
				if f.Skipped == "" {
					k++
				}
			}
			requests += k
			perSchool = append(perSchool, k)
			for _, pg := range r.Pages {
				if strings.EqualFold(pg.URL, want[r.Site.ID]) && len(pg.Body) == len(pdf) {
					found++
					break
				}
			}
		})
		elapsed := time.Since(start)
		sort.Ints(perSchool)
		slotLimit := float64(slots) / latency.Seconds()
		perShared := float64(schools) * 0.4 / float64(len(platforms))
		sharedFloor := time.Duration((perShared + 1) * float64(max(delay, latency)))
		rate := float64(requests) / elapsed.Seconds()
		maxIn := 0
		for _, h := range append(platforms, "www.school0000.kent.sch.uk") {
			maxIn = max(maxIn, p.MaxInFlight(h))
		}
		for _, h := range platforms {
			ts := times[h]
			if len(ts) > 1 {
				fmt.Printf("  %s: %d requests from %s to %s after the start, mean gap %s\n", h, len(ts), ts[0].Sub(start).Round(time.Millisecond),
					ts[len(ts)-1].Sub(start).Round(time.Millisecond), (ts[len(ts)-1].Sub(ts[0]) / time.Duration(len(ts)-1)).Round(time.Millisecond))
			}
		}
		b.ReportMetric(rate, "req/s")
		b.ReportMetric(elapsed.Seconds(), "s")
		b.ReportMetric(100*float64(found)/schools, "%reach")
		fmt.Printf("%d schools, %d requests in %s: %.0f req/s (slots/latency limit %.0f req/s); shared hosts' floor %s (%.0f reports each at one per %s), so %.0f%% of the politeness limit; median %d requests per school; reports found %d/%d; most requests at once to one host %d\n",
			schools, requests, elapsed.Round(time.Millisecond), rate, slotLimit, sharedFloor.Round(time.Millisecond), perShared, max(delay, latency),
			100*sharedFloor.Seconds()/elapsed.Seconds(), perSchool[len(perSchool)/2], found, schools, maxIn)
	}
}
