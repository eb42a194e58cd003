package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/documents"
)

// BenchmarkFactsOwnCorpus reads the facts of the 123 documents we wrote
// (grading/testdata/own, as text): the rules alone, no text extraction, so it
// is steadier than the mixed set on a shared machine.
func BenchmarkFactsOwnCorpus(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "grading", "testdata", "own", "*.txt"))
	var texts []string
	size := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, text, _ := strings.Cut(string(body), "\n\n") // after the "URL:" line
		texts = append(texts, documents.Normalise(text))
		size += len(text)
	}
	if len(texts) < 100 {
		b.Fatalf("only %d documents", len(texts))
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Facts(t)
		}
	}
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "docs/s")
}
