package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeLongFile writes a school file in the 2024/25 long format, its real header
// and rows of our own making, of about rows rows: per school the three totals,
// pupils without SEN, 13 needs under EHC plans, SEN support and both, and for
// every fifth school a unit-type breakdown; now and then a suppressed value.
// It returns the schools written.
func writeLongFile(tb testing.TB, path string, rows int) (schools int) {
	tb.Helper()
	header, err := os.ReadFile(dfeFixture("sen-school-2024-25-long.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	head, _, _ := strings.Cut(string(header), "\r\n")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(head + "\r\n")
	needs := []string{"Autistic spectrum disorder", "Social, emotional and mental health", "Speech, language and communications needs",
		"Moderate learning difficulty", "Specific learning difficulty", "Severe learning difficulty", "Profound and multiple learning difficulty",
		"Hearing impairment", "Visual impairment", "Multi-sensory impairment", "Physical disability", "Other difficulty or disability",
		"SEN support but no specialist assessment of type of need"}
	const A, EHC, SUP = "All pupils", "Education, health and care plan", "SEN support / SEN without an EHC plan"
	n := 0
	for urn := 200000; n < rows; urn++ {
		schools++
		prefix := fmt.Sprintf("202425,Academic year,School,E92000001,England,South East,E12000008,886,E10000016,Kent,%d,%d,School %d,886%d,z,Mixed,State-funded primary,Academy converter,No,No,No,Does not apply,Not applicable,E07000105,Ashford,E14001063,Ashford,E05009531,Aylesford,(England/Wales) Urban city and town,TN1 1AA,E01024001,No,No,No,No,No,No,No,No,No,No,Yes,No,",
			urn, urn%10000, urn, urn%10000)
		row := func(unit, prov, need string, count int) {
			v := fmt.Sprint(count)
			if (urn+count)%97 == 0 {
				v = "x"
			}
			fmt.Fprintf(w, "%s%s,%q,%q,%s\r\n", prefix, unit, prov, need, v)
			n++
		}
		row(A, A, A, 420)
		row(A, EHC, A, 12)
		row(A, SUP, A, 60)
		row(A, "No identified SEN", A, 348)
		for i, nd := range needs {
			row(A, EHC, nd, 1+i%3)
			row(A, SUP, nd, 2+i%5)
			row(A, A, nd, 3+i%3+i%5)
		}
		if urn%5 == 0 {
			row("Resourced provision", A, A, 10)
			row("Resourced provision", EHC, needs[0], 6)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return schools
}

// BenchmarkNeedsImportMillionRows imports a long school file of a million rows
// in a separate sendscope process and reports its time and peak memory (RSS):
//
//	go test ./cmd/sendscope -run '^$' -bench NeedsImportMillionRows -benchtime 1x
func BenchmarkNeedsImportMillionRows(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "sen_school_level_underlying_data.csv")
	schools := writeLongFile(b, path, 1_000_000)
	st, _ := os.Stat(path)
	for i := 0; i < b.N; i++ {
		db := filepath.Join(dir, fmt.Sprintf("b%d.duckdb", i))
		// Into an empty store, then the same file again (its rows replaced).
		for _, pass := range []string{"first", "again"} {
			cmd := exec.CommandContext(context.Background(), os.Args[0], "--db", db, "needs", "import", path)
			cmd.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1")
			start := time.Now()
			out, err := cmd.CombinedOutput()
			took := time.Since(start)
			if err != nil {
				b.Fatalf("%v\n%s", err, out)
			}
			peak := float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024 // KiB on Linux
			b.ReportMetric(took.Seconds(), "s/import-"+pass)
			b.ReportMetric(peak, "peak-MiB-"+pass)
			b.Logf("%s: %d schools, %.0f MB file: %s, peak RSS %.0f MiB\n%s", pass, schools, float64(st.Size())/1e6, took.Round(time.Millisecond), peak, out)
			if n := countRows(b, db, "sen_need"); n != schools*26 {
				b.Errorf("%d need rows, want %d schools x 26", n, schools*26)
			}
			if peak > 300 {
				b.Errorf("peak RSS %.0f MiB, over the 300 MB bound", peak)
			}
		}
	}
}
