package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/warc"
)

// TestKill9MidCrawlAndResume kills a real crawl process with SIGKILL part-way,
// runs the same command again, and checks the store is as if nothing happened:
// every school done once, no capture twice, the same facts as an uninterrupted
// crawl, every capture readable from its WARC record.
//
// The uninterrupted crawl compared with is the shared one (crawledArea): the
// same simulated area, crawled by the same command.
func TestKill9MidCrawlAndResume(t *testing.T) {
	t.Parallel()
	area, clean := crawledArea(t)
	if crawled.code != exitPartial {
		t.Fatalf("clean crawl: exit %d\n%s", crawled.code, crawled.stderr)
	}
	dir := t.TempDir()
	killed, reg := filepath.Join(dir, "killed.duckdb"), filepath.Join(dir, "register.csv")
	if err := area.WriteRegister(reg); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := sendscope(t, context.Background(), "--db", killed, "register", "import", reg); code != 0 {
		t.Fatalf("register import: exit %d\n%s", code, stderr)
	}
	crawlArgs := []string{"crawl", "--year", "2025/26", "--allow-private", "--delay", "0", "--concurrency", "4"}

	// Slowed down, so that the kill lands mid-crawl.
	child := exec.Command(os.Args[0], append([]string{"--db", killed}, append(crawlArgs, "--delay", "30ms", "--concurrency", "2")...)...)
	// Batches of four schools: the kill lands between writes, with schools held
	// in memory and lost, however fast the machine crawls.
	child.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1", "SENDSCOPE_TEST_BATCH_SIZE=4")
	stderr, _ := child.StderrPipe()
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	done := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "[") {
			done++
		}
		if done == 8 {
			child.Process.Kill() // SIGKILL: no cleanup of any kind
			break
		}
	}
	child.Wait()
	if done < 8 {
		t.Fatalf("the crawl ended before it could be killed (%d schools)", done)
	}
	if n := countRows(t, killed, "run_sites"); n >= 30 {
		t.Fatalf("%d schools done before the kill; the kill came too late to test anything", n)
	}

	code, _, errText := sendscope(t, context.Background(), append([]string{"--db", killed}, crawlArgs...)...)
	if code != exitPartial || !strings.Contains(errText, "resuming run 1") {
		t.Fatalf("rerun: exit %d\n%s", code, errText)
	}

	if n := countRows(t, killed, "(SELECT urn FROM run_sites GROUP BY urn HAVING count(*) = 1)"); n != 30 {
		t.Errorf("%d schools done exactly once, want 30", n)
	}
	if n := countRows(t, killed, "(SELECT run_id, url FROM captures GROUP BY ALL HAVING count(*) > 1)"); n != 0 {
		t.Errorf("%d URLs captured twice", n)
	}
	if a, b := countRows(t, killed, "documents"), countRows(t, clean, "documents"); a != b {
		t.Errorf("%d documents after kill and resume, %d in a clean crawl", a, b)
	}
	if a, b := factList(t, killed), factList(t, clean); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("facts differ from a clean crawl: %d vs %d", len(a), len(b))
	}

	// Every capture's bytes are in its WARC record, and match its digest.
	s, err := queries.OpenReadOnly(context.Background(), killed)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.DB().Query(`SELECT warc_file, warc_offset, size, body IS NULL FROM captures`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var file string
		var off, size int64
		var noBody bool
		rows.Scan(&file, &off, &size, &noBody)
		rec, err := warc.ReadRecord(filepath.Join(dir, file), off)
		if err != nil {
			t.Errorf("%s@%d: %v", file, off, err)
			continue
		}
		_, _, body, err := rec.Response()
		if err != nil || int64(len(body)) != size || !noBody {
			t.Errorf("%s@%d: %d bytes (want %d), body in db %v, %v", file, off, len(body), size, !noBody, err)
		}
		n++
	}
	if n == 0 {
		t.Error("no captures")
	}
}

// factList is every fact of a store as sorted "urn field value evidence" lines.
func factList(t *testing.T, db string) []string {
	t.Helper()
	s, err := queries.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.DB().Query(`SELECT d.urn || ' ' || f.field || ' ' || coalesce(f.value, '') || ' ' || f.evidence FROM facts f JOIN documents d USING (doc_id)`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var l string
		rows.Scan(&l)
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
