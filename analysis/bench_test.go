package analysis

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// longReport is a report of several pages, as schools write them.
func longReport() simarea.Doc {
	d := simarea.Profiles()[0].Report()
	var blocks []simarea.Block
	for i := 0; i < 8; i++ {
		blocks = append(blocks, d.Blocks...)
	}
	d.Blocks = blocks
	return d
}

// BenchmarkPDFText and BenchmarkPdftotext read the same LibreOffice-made PDF
// (our own simple PDF when LibreOffice is absent): PDFium in WebAssembly
// in-process against poppler's pdftotext as a command, as a crawler would run it.
func BenchmarkPDFText(b *testing.B) {
	pdf := benchPDF(b)
	ExtractText(pdf, "application/pdf", "")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ExtractText(pdf, "application/pdf", ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkPdftotext(b *testing.B) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		b.Skip("pdftotext not installed")
	}
	path := filepath.Join(b.TempDir(), "r.pdf")
	os.WriteFile(path, benchPDF(b), 0o644)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out, err := exec.Command(bin, "-layout", path, "-").Output(); err != nil || len(out) == 0 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

var benchPDFCache []byte

func benchPDF(b *testing.B) []byte {
	if benchPDFCache != nil {
		return benchPDFCache
	}
	doc := longReport()
	benchPDFCache = doc.PDF()
	if soffice, err := exec.LookPath("soffice"); err == nil {
		dir := b.TempDir()
		src := filepath.Join(dir, "r.docx")
		os.WriteFile(src, doc.DOCX(), 0o644)
		if exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "p"), "--convert-to", "pdf", "--outdir", dir, src).Run() == nil {
			if pdf, err := os.ReadFile(filepath.Join(dir, "r.pdf")); err == nil {
				benchPDFCache = pdf
			}
		}
	}
	pages := strings.Count(string(benchPDFCache), "/Type /Page\n") + strings.Count(string(benchPDFCache), "/Type/Page/")
	b.Logf("benchmark PDF: %d bytes, about %d pages", len(benchPDFCache), pages)
	return benchPDFCache
}
