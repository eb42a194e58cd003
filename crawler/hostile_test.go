package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkHostileSites crawls the hostile sites of issue 12 at --concurrency 4
// and reports the process's peak resident memory: a site of 24 pages of 50 MB,
// a 50 MB page of 900,000 links, 50 MiB of zeros behind gzip. The servers share
// their bodies, so the peak is the crawler's. Run alone:
//
//	go test ./crawler -run '^$' -bench HostileSites -benchtime 1x
func BenchmarkHostileSites(b *testing.B) {
	big := bytes.Repeat([]byte("<p>SEND special educational needs information report words</p>\n"), (50<<20)/64)
	var links bytes.Buffer
	links.WriteString("<html><body>")
	for i := 0; links.Len() < 50<<20; i++ {
		fmt.Fprintf(&links, `<a href="/send/l%d">SEND %d</a>`, i, i)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(make([]byte, 50<<20))
	zw.Close()
	var sites []Site
	for k := 0; k < 4; k++ {
		s := newTestSite(b)
		switch k {
		case 0, 3: // pages of 50 MB, each linking the next
			s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				n := strings.Count(r.URL.Path, "p")
				fmt.Fprintf(w, `<html><body><a href="/send/%sp">SEND information report %d</a>`, strings.Repeat("p", n), n)
				w.Write(big)
			})
		case 1: // a page of 900,000 links
			s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Write(links.Bytes())
			})
		case 2: // zeros behind gzip
			s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte(`<html><body><a href="/send/sen-information-report.pdf">SEN Information Report</a></body></html>`))
			})
			s.mux.HandleFunc("/send/sen-information-report.pdf", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/pdf")
				w.Header().Set("Content-Encoding", "gzip")
				w.Write(gz.Bytes())
			})
		}
		sites = append(sites, Site{ID: k + 1, Home: s.URL + "/"})
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
