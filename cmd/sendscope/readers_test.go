package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sendscope/sendscope/simarea"
)

// readerRun is one reading (or importing) command run beside the crawl.
type readerRun struct {
	args    []string
	code    int
	took    time.Duration
	during  bool // the crawl was still running when it ended
	out     string
	stderrs string
}

// runReal runs the real binary in a process of its own: DuckDB's lock is per
// process, so only a second process meets it.
func runReal(t *testing.T, args ...string) readerRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := readerRun{args: args, took: time.Since(start), out: out.String(), stderrs: errb.String()}
	if err != nil {
		r.code = -1
		if ee, ok := err.(*exec.ExitError); ok {
			r.code = ee.ExitCode()
		}
	}
	return r
}

// TestReadersDuringACrawl runs status, query run, export, report commissioning
// and the imports, each a process of its own, again and again while a crawl (a
// process of its own, slowed by latency so that it lasts several seconds) writes
// the store; each must succeed while the crawl runs. The crawl's store must then
// be that of the same crawl run with no reader: every school once, the same
// documents and facts.
func TestReadersDuringACrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("a crawl of several seconds")
	}
	t.Parallel()
	area, dir, dbs := startAreaWith(t, simarea.Options{Latency: 60 * time.Millisecond}, true, "read", "alone")
	read, alone := dbs[0], dbs[1]
	// A long request timeout: one school's site is held (below) while the readers run.
	crawlArgs := []string{"crawl", "--year", "2025/26", "--local-offer", "--allow-private", "--delay", "0", "--concurrency", "2", "--timeout", "3m"}

	aloneStart := time.Now()
	aloneRun := runReal(t, append([]string{"--db", alone}, crawlArgs...)...)
	aloneTook := time.Since(aloneStart)
	if aloneRun.code != exitPartial {
		t.Fatalf("crawl without readers: exit %d\n%s", aloneRun.code, aloneRun.stderrs)
	}

	// One school's site waits until every reader has run once during the crawl,
	// so the crawl cannot end first however slow the machine (it did, when the test
	// relied on the crawl's length alone).
	release := area.Hold()
	defer release()
	crawl := exec.Command(os.Args[0], append([]string{"--db", read}, crawlArgs...)...)
	crawl.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1")
	stderr, err := crawl.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	crawlStart := time.Now()
	if err := crawl.Start(); err != nil {
		t.Fatal(err)
	}
	// Readers start once the first batch is stored (a school's progress line):
	// before it, report commissioning rightly says no school is crawled.
	var crawlErr strings.Builder
	stored := make(chan struct{})
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		sc := bufio.NewScanner(stderr)
		first := true
		for sc.Scan() {
			crawlErr.WriteString(sc.Text() + "\n")
			if first && strings.HasPrefix(sc.Text(), "[") {
				first = false
				close(stored)
			}
		}
		if first {
			close(stored)
		}
	}()
	var crawling atomic.Bool
	crawling.Store(true)
	exited := make(chan error, 1)
	go func() { <-scanned; err := crawl.Wait(); crawling.Store(false); exited <- err }()
	<-stored

	readers := [][]string{
		{"status"},
		{"query", "run", "dataset", "--year", "2025/26", "--format", "csv"},
		{"export", "--year", "2025/26", "--format", "csv", "-o", "EXPORT"},
		{"report", "commissioning", "--la", "998", "--year", "2025/26", "-o", "BOOK"},
		{"register", "import", filepath.Join(dir, "register.csv")},
		{"authorities", "import", filepath.Join(dir, "authorities.csv")},
	}
	var runs []readerRun
	ranDuring := map[string]bool{}
	for i := 0; crawling.Load(); i++ {
		args := append([]string(nil), readers[i%len(readers)]...)
		for k, a := range args {
			switch a {
			case "EXPORT":
				args[k] = filepath.Join(dir, fmt.Sprintf("export-%d", i))
			case "BOOK":
				args[k] = filepath.Join(dir, fmt.Sprintf("book-%d.xlsx", i))
			}
		}
		r := runReal(t, append([]string{"--db", read}, args...)...)
		r.during = crawling.Load()
		runs = append(runs, r)
		if r.code == 0 && r.during {
			ranDuring[args[0]] = true
		}
		if len(ranDuring) == len(readers) || time.Since(crawlStart) > 2*time.Minute {
			release()
		}
	}
	<-exited
	crawlTook := time.Since(crawlStart)
	if code := crawl.ProcessState.ExitCode(); code != exitPartial {
		t.Fatalf("crawl with readers: exit %d\n%s", code, crawlErr.String())
	}

	succeeded := map[string]int{}
	var statusTimes []time.Duration
	for _, r := range runs {
		name := strings.Join(r.args[2:min(4, len(r.args))], " ")
		if r.code != 0 {
			t.Errorf("%s during the crawl: exit %d\n%s", name, r.code, r.stderrs)
			continue
		}
		if r.during {
			succeeded[r.args[2]]++
		}
		if r.args[2] == "status" {
			statusTimes = append(statusTimes, r.took)
		}
	}
	for _, want := range []string{"status", "query", "export", "report", "register", "authorities"} {
		if succeeded[want] == 0 {
			t.Errorf("no %s ran and succeeded while the crawl was running (%d commands in %s)", want, len(runs), crawlTook)
		}
	}
	sort.Slice(statusTimes, func(i, j int) bool { return statusTimes[i] < statusTimes[j] })
	var idle []time.Duration // status with nothing else running, for comparison
	for i := 0; i < 3; i++ {
		idle = append(idle, runReal(t, "--db", read, "status").took)
	}
	sort.Slice(idle, func(i, j int) bool { return idle[i] < idle[j] })
	if len(statusTimes) > 0 {
		t.Logf("crawl alone %s, with %d readers %s; status during the crawl took median %s, max %s (%s with nothing running)",
			aloneTook.Round(10*time.Millisecond), len(runs), crawlTook.Round(10*time.Millisecond),
			statusTimes[len(statusTimes)/2].Round(time.Millisecond), statusTimes[len(statusTimes)-1].Round(time.Millisecond),
			idle[1].Round(time.Millisecond))
	}

	// The same result as the crawl without readers.
	if n := countRows(t, read, "(SELECT urn FROM run_sites GROUP BY urn HAVING count(*) = 1)"); n != 30 {
		t.Errorf("%d schools done exactly once, want 30", n)
	}
	if n := countRows(t, read, "(SELECT run_id, url FROM captures GROUP BY ALL HAVING count(*) > 1)"); n != 0 {
		t.Errorf("%d URLs captured twice", n)
	}
	for _, table := range []string{"documents", "run_sites", "run_authorities", "services"} {
		if a, b := countRows(t, read, table), countRows(t, alone, table); a != b || a == 0 {
			t.Errorf("%s: %d rows with readers, %d without", table, a, b)
		}
	}
	if a, b := factList(t, read), factList(t, alone); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("facts differ from the crawl without readers: %d vs %d", len(a), len(b))
	}
	if a, b := outcomes(t, read), outcomes(t, alone); a != b {
		t.Errorf("school outcomes differ:\nwith readers:\n%s\nwithout:\n%s", a, b)
	}
}

// outcomes is each school's status and reason in a store's latest run, one per line.
func outcomes(t *testing.T, db string) string {
	t.Helper()
	rows, err := openStore(t, db).QueryContext(context.Background(),
		`SELECT urn || ' ' || status || ' ' || coalesce(reason, '') FROM run_sites ORDER BY urn`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var l string
		rows.Scan(&l)
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}
