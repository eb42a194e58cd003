package simarea

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
)

// Hostile is a set of hostile school websites on loopback (issue 12), each on
// its own port, to show that what sites send cannot make a crawl hold
// unbounded memory: two sites of 50 MB pages each linking the next, a 50 MB
// page of 900,000 links, 50 MiB of zeros behind gzip, and sites whose SEN
// report is a 1.3 MB PDF whose one content stream inflates to 1 GiB. The
// servers share their bodies, so they cost the serving process about 250 MiB
// once, whatever is asked of them.
type Hostile struct {
	Sites   []HostileSite
	servers []*http.Server
}

// HostileSite is one hostile website: what it does and its home page.
type HostileSite struct {
	Kind string // big-pages, many-links, gzip-zeros or pdf-bomb
	Home string
}

// StartHostile serves the four hostile sites and pdfBombs more, each with a PDF
// bomb of its own (no two alike, so none is skipped as already read).
func StartHostile(pdfBombs int) (*Hostile, error) {
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

	bigPages := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		n := strings.Count(r.URL.Path, "p")
		fmt.Fprintf(w, `<html><body><a href="/send/%sp">SEND information report %d</a>`, strings.Repeat("p", n), n)
		w.Write(big)
	}
	reportAt := func(path string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, `<html><head><title>Oak Lane School</title></head><body><h1>Oak Lane School</h1><a href="%s">SEN Information Report</a></body></html>`, path)
		}
	}
	const report = "/send/sen-information-report.pdf"
	sites := []struct {
		kind string
		h    http.Handler
	}{
		{"big-pages", http.HandlerFunc(bigPages)},
		{"big-pages", http.HandlerFunc(bigPages)},
		{"many-links", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write(links.Bytes())
		})},
		{"gzip-zeros", func() http.Handler {
			mux := http.NewServeMux()
			mux.HandleFunc("/", reportAt(report))
			mux.HandleFunc(report, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/pdf")
				w.Header().Set("Content-Encoding", "gzip")
				w.Write(gz.Bytes())
			})
			return mux
		}()},
	}
	for i := range pdfBombs {
		bomb := PDFBomb(1<<30, fmt.Sprintf("bomb %d", i))
		mux := http.NewServeMux()
		mux.HandleFunc("/", reportAt(report))
		mux.HandleFunc(report, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			w.Write(bomb)
		})
		sites = append(sites, struct {
			kind string
			h    http.Handler
		}{"pdf-bomb", mux})
	}
	h := &Hostile{}
	for _, s := range sites {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			h.Close()
			return nil, err
		}
		srv := &http.Server{Handler: s.h}
		go srv.Serve(ln)
		h.servers = append(h.servers, srv)
		h.Sites = append(h.Sites, HostileSite{Kind: s.kind, Home: "http://" + ln.Addr().String() + "/"})
	}
	return h, nil
}

// Close stops the servers.
func (h *Hostile) Close() {
	for _, s := range h.servers {
		s.Close()
	}
}

// deflated are zlib streams of MiBs of zeros, made once each (a GiB takes seconds).
var deflated = struct {
	sync.Mutex
	of map[int]*bytes.Buffer
}{of: map[int]*bytes.Buffer{}}

func deflatedZeros(mib int) *bytes.Buffer {
	deflated.Lock()
	defer deflated.Unlock()
	if z, ok := deflated.of[mib]; ok {
		return z
	}
	z := &bytes.Buffer{}
	w, _ := zlib.NewWriterLevel(z, zlib.BestSpeed)
	zeros := make([]byte, 1<<20)
	for range mib {
		w.Write(zeros)
	}
	w.Close()
	deflated.of[mib] = z
	return z
}

// PDFBomb is a small PDF of one page whose one content stream inflates to
// inflated bytes of zeros (rounded down to whole MiB); tag, in a comment, makes
// bombs differ.
func PDFBomb(inflated int, tag string) []byte {
	z := deflatedZeros(inflated >> 20)
	var b bytes.Buffer
	var offs []int
	obj := func(s string) { offs = append(offs, b.Len()); b.WriteString(s) }
	fmt.Fprintf(&b, "%%PDF-1.4\n%% %s\n", tag)
	obj("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	obj("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n")
	obj("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n")
	offs = append(offs, b.Len())
	fmt.Fprintf(&b, "4 0 obj << /Length %d /Filter /FlateDecode >> stream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream endobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}
