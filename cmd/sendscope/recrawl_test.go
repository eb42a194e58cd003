package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/pipeline"
	"github.com/sendscope/sendscope/warc"
)

// TestRecrawlWithinAYearAsksConditionally crawls a year twice: the second run
// sends the validators the first kept, gets 304 for what did not change, and
// still holds every document and fact, pointing at the bytes archived the first
// time.
func TestRecrawlWithinAYearAsksConditionally(t *testing.T) {
	t.Parallel()
	// The first run is the shared crawl, in a copy of its store; the second is
	// the same year crawled again.
	_, crawledDB := crawledArea(t)
	if crawled.code != exitPartial {
		t.Fatalf("crawl 1: exit %d\n%s", crawled.code, crawled.stderr)
	}
	db, ctx := copyStore(t, crawledDB), context.Background()
	warcDir := pipeline.WARCDir(db)
	code, _, summary := sendscope(t, ctx, "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0")
	if code != exitPartial {
		t.Fatalf("crawl 2: exit %d\n%s", code, summary)
	}
	perRun := func(q string) [2]int {
		s := openStore(t, db)
		var out [2]int
		for i := range out {
			s.QueryRow(q, i+1).Scan(&out[i])
		}
		return out
	}
	if n := perRun(`SELECT count(*) FROM fetches WHERE run_id = ? AND status = 304`); n[0] != 0 || n[1] < 100 {
		t.Errorf("304 answers per run: %v; the second run should get them for every unchanged page", n)
	}
	d := perRun(`SELECT count(*) FROM documents WHERE run_id = ?`)
	if d[0] != d[1] || d[0] == 0 {
		t.Errorf("documents per run %v", d)
	}
	// The second run's summary gives the year's count too, as status and export do.
	if want := fmt.Sprintf("2025/26 now holds %d documents from all its runs", d[0]+d[1]); !strings.Contains(summary, want) {
		t.Errorf("the second crawl's summary does not say %q:\n%s", want, summary)
	}
	if f := perRun(`SELECT count(*) FROM facts JOIN documents USING (doc_id) WHERE run_id = ?`); f[0] != f[1] || f[0] == 0 {
		t.Errorf("facts per run %v", f)
	}
	s := openStore(t, db)
	var shared int
	s.QueryRow(`SELECT count(*) FROM captures a JOIN captures b ON a.warc_file = b.warc_file AND a.warc_offset = b.warc_offset
		WHERE a.run_id = 1 AND b.run_id = 2`).Scan(&shared)
	if shared < 100 {
		t.Errorf("%d second-run captures point at first-run records", shared)
	}
	revisits := countRecords(filepath.Join(warcDir, "run2-*.warc.gz"), func(r warc.Record) bool {
		return r.Type == "revisit" && strings.Contains(r.Headers["Warc-Profile"], "server-not-modified")
	})
	if revisits < 100 {
		t.Errorf("%d revisit records in the second run's archive", revisits)
	}

	// Every robots.txt answer of the first run is archived: it shows what the
	// crawler was allowed to fetch.
	var robotsFetched int
	s.QueryRow(`SELECT count(*) FROM fetches WHERE run_id = 1 AND url LIKE '%/robots.txt' AND status IS NOT NULL AND skipped IS NULL`).Scan(&robotsFetched)
	robotsArchived := countRecords(filepath.Join(warcDir, "run1-*.warc.gz"), func(r warc.Record) bool {
		return r.Type == "response" && strings.HasSuffix(r.Headers["Warc-Target-Uri"], "/robots.txt")
	})
	if robotsFetched == 0 || robotsArchived != robotsFetched {
		t.Errorf("%d robots.txt responses archived for %d fetched", robotsArchived, robotsFetched)
	}
}

// countRecords counts the records of the WARC files matching pattern that keep says to.
func countRecords(pattern string, keep func(warc.Record) bool) int {
	files, _ := filepath.Glob(pattern)
	n := 0
	for _, f := range files {
		warc.Scan(f, func(_ int64, r warc.Record) error {
			if keep(r) {
				n++
			}
			return nil
		})
	}
	return n
}
