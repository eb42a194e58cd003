package crawler

import (
	"context"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/sendscope/sendscope/simarea"
)

// BenchmarkHostileSites crawls the hostile sites of issue 12 at --concurrency 4
// and reports the process's peak resident memory: two sites of 50 MB pages
// linking one to the next, a 50 MB page of 900,000 links, 50 MiB of zeros behind
// gzip (simarea.StartHostile). The servers share their bodies, so the peak less
// the figure before the crawl is the crawler's. Run alone:
//
//	go test ./crawler -run '^$' -bench HostileSites -benchtime 1x
func BenchmarkHostileSites(b *testing.B) {
	h, err := simarea.StartHostile(0)
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	var sites []Site
	for k, s := range h.Sites {
		sites = append(sites, Site{ID: k + 1, Home: s.Home})
	}
	runtime.GC()
	var before syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	for i := 0; i < b.N; i++ {
		cfg := Config{AllowPrivate: true, Concurrency: 4, Timeout: time.Minute, MaxDepth: 30}
		kept := 0
		start := time.Now()
		New(cfg).Crawl(context.Background(), sites, func(r Result) {
			for _, p := range r.Pages {
				kept += len(p.Body)
			}
		})
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		b.ReportMetric(float64(ru.Maxrss>>10), "peak-MiB")
		fmt.Printf("hostile sites crawled in %s: %d MiB kept in results; peak resident memory %d MiB (%d MiB before the crawl, the servers' bodies)\n",
			time.Since(start).Round(time.Millisecond), kept>>20, ru.Maxrss>>10, before.Maxrss>>10)
	}
}
