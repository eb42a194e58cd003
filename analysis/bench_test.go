package analysis

import (
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// mixedSet is every simulated school's report as an HTML page, a PDF and a Word file.
func mixedSet() [][]byte {
	var docs [][]byte
	for _, p := range simarea.GenerateProfiles(30) {
		r := p.Report()
		docs = append(docs, []byte("<html><head><title>"+r.Title+"</title></head><body><nav>Home</nav><main>"+r.HTMLBody()+"</main></body></html>"),
			r.PDF(), r.DOCX())
	}
	return docs
}

// BenchmarkAnalyseMixed reads text, type and facts from a mixed set of HTML, PDF
// and Word documents, one after another (one core). Run:
//
//	go test ./analysis -run '^$' -bench AnalyseMixed
func BenchmarkAnalyseMixed(b *testing.B) {
	docs := mixedSet()
	Analyse(docs[1], "", "http://x/r.pdf", "") // start the PDF reader outside the timing
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Analyse(d, "", "http://x/send/report", "SEN Information Report")
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}
