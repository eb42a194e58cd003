package queries

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// BenchmarkBatchWriteNational times what a crawl's writer does on a national
// store between readers: open the file, store a batch of schools in one
// transaction, let go of the file; and what a reader pays to open it then, with
// the WAL those batches leave. Both with and without a checkpoint each time the
// file is let go. Run:
//
//	go test ./queries -run '^$' -bench BatchWriteNational -benchtime 1x
func BenchmarkBatchWriteNational(b *testing.B) {
	ctx := context.Background()
	base := filepath.Join(b.TempDir(), "national.duckdb")
	s, err := Open(ctx, base)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.db.Exec(nationalStore); err != nil {
		b.Fatal(err)
	}
	// The national store sets its ids itself: move the sequences past them.
	if _, err := s.db.Exec(`SELECT nextval('crawl_run_ids') FROM range(5); SELECT nextval('capture_ids') FROM range(500000)`); err != nil {
		b.Fatal(err)
	}
	s.Close()
	st, _ := os.Stat(base)
	fmt.Printf("national store: %d MiB\n", st.Size()>>20)
	const batches, perBatch = 24, 25
	for _, mode := range []struct {
		checkpoint bool
		threshold  string
	}{{true, "16MiB"}, {false, "16MiB"}, {false, "1MiB"}} {
		b.Run(fmt.Sprintf("checkpoint=%v,threshold=%s", mode.checkpoint, mode.threshold), func(b *testing.B) {
			defer func(c bool, t string) { checkpointOnRelease, walThreshold = c, t }(checkpointOnRelease, walThreshold)
			checkpointOnRelease, walThreshold = mode.checkpoint, mode.threshold
			path := filepath.Join(b.TempDir(), "n.duckdb")
			copyFile(b, base, path)
			bs, err := OpenWith(ctx, path, OpenOptions{Batches: true})
			if err != nil {
				b.Fatal(err)
			}
			defer bs.Close()
			var run Run
			if err := bs.Hold(ctx, func() (err error) { run, err = bs.StartRun(ctx, "2026/27", "bench", "{}"); return }); err != nil {
				b.Fatal(err)
			}
			var writes, reads, opens, inTx, closes []time.Duration
			urn := 100000
			for i := 0; i < batches; i++ {
				t0 := time.Now()
				var t1, t2 time.Time
				err := bs.Write(ctx, func(tx *Store) error {
					t1 = time.Now()
					defer func() { t2 = time.Now() }()
					for k := 0; k < perBatch; k++ {
						if err := tx.SaveSite(ctx, benchSite(run.ID, urn)); err != nil {
							return err
						}
						urn++
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				writes = append(writes, time.Since(t0))
				opens, inTx, closes = append(opens, t1.Sub(t0)), append(inTx, t2.Sub(t1)), append(closes, time.Since(t2))
				// A reader between batches: open, one small query, close.
				t0 = time.Now()
				r, err := OpenReadOnly(ctx, path)
				if err != nil {
					b.Fatal(err)
				}
				var n int
				if err := r.db.QueryRow(`SELECT count(*) FROM run_sites WHERE run_id = ?`, run.ID).Scan(&n); err != nil || n != urn-100000 {
					b.Fatalf("reader sees %d schools of the run, want %d (%v)", n, urn-100000, err)
				}
				r.Close()
				reads = append(reads, time.Since(t0))
			}
			wal := int64(0)
			if st, err := os.Stat(path + ".wal"); err == nil {
				wal = st.Size()
			}
			fmt.Printf("checkpoint on release %v, checkpoint_threshold %s: batch of %d schools open+write+close median %s, max %s; reader open+query+close median %s, max %s; WAL at the end %d KiB\n",
				mode.checkpoint, mode.threshold, perBatch, median(writes), maxOf(writes), median(reads), maxOf(reads), wal>>10)
			fmt.Printf("  of which: open median %s, statements median %s, commit+close median %s (max %s)\n", median(opens), median(inTx), median(closes), maxOf(closes))
			b.ReportMetric(median(writes).Seconds(), "s/batch")
			b.ReportMetric(median(reads).Seconds(), "s/read-open")
		})
	}
}

// benchSite is a school as a crawl stores it: a dozen fetches, three captures in
// WARC files, one report of some 600 words with thirty facts.
func benchSite(runID int64, urn int) SiteResult {
	now := time.Now()
	r := SiteResult{RunID: runID, URN: urn, Status: "found", Pages: 3}
	for i := 0; i < 12; i++ {
		r.Fetches = append(r.Fetches, Fetch{URL: fmt.Sprintf("http://s%d.example/p%d", urn, i), Status: 200, ContentType: "text/html",
			Bytes: 20000, Duration: 80 * time.Millisecond, FetchedAt: now, Depth: i % 3, LinkScore: 1})
	}
	text := strings.Repeat(fmt.Sprintf("school %d welcomes pupils with special educational needs and the senco works with parents. ", urn), 40)
	for i := 0; i < 3; i++ {
		c := Capture{URL: fmt.Sprintf("http://s%d.example/p%d", urn, i), FinalURL: fmt.Sprintf("http://s%d.example/p%d", urn, i), Status: 200,
			ContentType: "text/html", SHA256: fmt.Sprintf("%064d", urn*10+i), Body: make([]byte, 20000), WARCFile: "warc/x.warc.gz",
			WARCOffset: int64(i) * 20000, WARCLength: 20000, FetchedAt: now}
		if i == 2 {
			d := &Document{Format: "html", DocType: "sen_information_report", DocTypeConfidence: 0.9, Title: "SEN report", WordCount: 600,
				Text: text, ExtractorVersion: "bench"}
			for k := 0; k < 30; k++ {
				d.Facts = append(d.Facts, Fact{Field: "need.type", Value: fmt.Sprintf("v%d", k), Evidence: text[k*10 : k*10+40], Start: k * 10, End: k*10 + 40, Confidence: 0.8})
			}
			c.Document = d
		}
		r.Captures = append(r.Captures, c)
	}
	return r
}

func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2].Round(time.Millisecond)
}

func maxOf(ds []time.Duration) time.Duration {
	m := time.Duration(0)
	for _, d := range ds {
		m = max(m, d)
	}
	return m.Round(time.Millisecond)
}
