package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sendscope/sendscope/simarea"
)

// treeMemoryBound is what a crawl at --concurrency 4 and its PDF helpers
// together may hold resident, whatever sites send (README, "crawl").
const treeMemoryBound = 1 << 30

// TestHostileCrawlMemoryBounded crawls the hostile sites of issue 12 (two
// sites of 50 MB pages, a 50 MB page of 900,000 links, 50 MiB of zeros behind
// gzip, and four schools whose report is a PDF bomb inflating to 1 GiB) with a
// real `sendscope crawl --concurrency 4` in a child process, and samples the
// resident memory of that process and every process under it (its PDF
// helpers) from /proc. The figure asserted is conservative: at each sample,
// the sum of each process's own peak so far (VmHWM), so a spike between
// samples is not missed.
func TestHostileCrawlMemoryBounded(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("the process tree's memory is read from /proc, which only Linux has")
	}
	if testing.Short() {
		t.Skip("serves 250 MiB of hostile pages and inflates GiBs")
	}
	const bombs = 4
	h, err := simarea.StartHostile(bombs)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	dir := t.TempDir()
	db, reg := filepath.Join(dir, "hostile.duckdb"), filepath.Join(dir, "register.csv")
	var csv strings.Builder
	csv.WriteString("URN,LA (code),LA (name),EstablishmentName,EstablishmentStatus (name),SchoolWebsite\n")
	for i, s := range h.Sites {
		fmt.Fprintf(&csv, "%d,998,Testshire,Hostile %s School %d,Open,%s\n", 990500+i, s.Kind, i, s.Home)
	}
	if err := os.WriteFile(reg, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := sendscope(t, t.Context(), "--db", db, "register", "import", reg); code != 0 {
		t.Fatalf("register import: exit %d\n%s", code, stderr)
	}

	child := exec.Command(os.Args[0], "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0", "--concurrency", "4")
	child.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1")
	var stderr bytes.Buffer
	child.Stderr = &stderr
	start := time.Now()
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- child.Wait() }()
	var peak treeSample
	var runErr error
sampling:
	for {
		s := sampleTree(child.Process.Pid)
		peak.rss = max(peak.rss, s.rss)
		peak.hwm = max(peak.hwm, s.hwm)
		peak.crawl = max(peak.crawl, s.crawl)
		peak.helper = max(peak.helper, s.helper)
		peak.helpers = max(peak.helpers, s.helpers)
		select {
		case runErr = <-done:
			break sampling
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Logf("crawled %d hostile sites (%d PDF bombs) in %s: process tree peak %d MiB resident (sum of each process's own peak; %d MiB in the largest sample); crawl process %d MiB, largest PDF helper %d MiB, %d helpers at once at most",
		len(h.Sites), bombs, time.Since(start).Round(time.Millisecond), peak.hwm>>20, peak.rss>>20, peak.crawl>>20, peak.helper>>20, peak.helpers)
	code := child.ProcessState.ExitCode()
	if runErr != nil && code != exitPartial {
		t.Fatalf("crawl: %v (exit %d)\n%s", runErr, code, stderr.String())
	}
	if peak.hwm > treeMemoryBound {
		t.Errorf("the crawl and its helpers peaked at %d MiB, over the %d MiB bound", peak.hwm>>20, treeMemoryBound>>20)
	}
	if peak.helpers == 0 {
		t.Errorf("no PDF helper was ever seen: the bombs were not read\n%s", stderr.String())
	}
	// Each bomb is a report found and reported unreadable; the crawl went on.
	if n := countRows(t, db, "documents WHERE format = 'pdf' AND extract_error IS NOT NULL"); n < bombs {
		t.Errorf("%d unreadable PDFs stored, want the %d bombs at least\n%s", n, bombs, stderr.String())
	}
}

// treeSample is the resident memory of a process and its descendants at one
// moment, in bytes.
type treeSample struct {
	rss     uint64 // the sum of their resident memory now
	hwm     uint64 // the sum of each one's own peak so far
	crawl   uint64 // the root's own peak
	helper  uint64 // the largest descendant's own peak
	helpers int    // how many descendants
}

// sampleTree reads /proc for root and every process under it.
func sampleTree(root int) treeSample {
	parent := map[int]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces and parentheses.
		if i := bytes.LastIndexByte(stat, ')'); i > 0 {
			if f := strings.Fields(string(stat[i+1:])); len(f) > 1 {
				parent[pid], _ = strconv.Atoi(f[1])
			}
		}
	}
	inTree := func(pid int) bool {
		for ; pid > 1; pid = parent[pid] {
			if pid == root {
				return true
			}
		}
		return false
	}
	var s treeSample
	rootCmd := cmdline(root)
	for pid := range parent {
		if !inTree(pid) {
			continue
		}
		if pid != root && bytes.Equal(cmdline(pid), rootCmd) {
			// Forked and not yet exec'd: it shares the crawl's memory (Go
			// forks with CLONE_VM), which /proc would count twice.
			continue
		}
		rss, hwm := procMemory(pid)
		s.rss += rss
		s.hwm += hwm
		if pid == root {
			s.crawl = hwm
		} else {
			s.helpers++
			s.helper = max(s.helper, hwm)
		}
	}
	return s
}

func cmdline(pid int) []byte {
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	return b
}

// procMemory is a process's resident memory now and its peak (VmRSS, VmHWM).
func procMemory(pid int) (rss, hwm uint64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	kb := func(v string) uint64 {
		n, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
		return n << 10
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			rss = kb(v)
		}
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			hwm = kb(v)
		}
	}
	return rss, hwm
}
