package grading

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/sendscope/sendscope/analysis"
)

// BenchmarkAnalyseLabelled reads every text of our own labelled documents (and
// of the shared corpus, or the folder SENDSCOPE_BENCH_CORPUS names) as grading
// does: type and facts.
//
//	go test ./grading -run '^$' -bench AnalyseLabelled -benchtime 5x
func BenchmarkAnalyseLabelled(b *testing.B) {
	for _, dir := range []string{filepath.Join("testdata", "own"), filepath.Join("..", "..", "shared", "corpus", "reports"), os.Getenv("SENDSCOPE_BENCH_CORPUS")} {
		if _, err := os.Stat(dir); dir == "" || err != nil {
			continue
		}
		docs, err := Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(dir), func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, d := range docs {
					if len(d.File) == 0 {
						analysis.AnalyseText(d.Text, d.URL)
						n++
					}
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
