package documents

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// pdfSizes are the PDFs BenchmarkPDFText and BenchmarkPdftotext read: a typical
// SEN report and a long one.
var pdfSizes = []struct {
	name   string
	copies int
}{{"report", 8}, {"long", 80}}

// BenchmarkPDFText and BenchmarkPdftotext read the same LibreOffice-made PDFs
// (our own simple PDFs when LibreOffice is absent): PDFium in WebAssembly in a
// helper process against poppler's pdftotext as a command, as a crawler would
// run it.
func BenchmarkPDFText(b *testing.B) {
	for _, size := range pdfSizes {
		for _, shared := range []bool{false, true} {
			name := size.name + "/one-helper"
			if shared {
				name = size.name + "/idle-helpers-share"
			}
			b.Run(name, func(b *testing.B) {
				pdf := benchPDF(b, size.copies)
				Read(pdf, "application/pdf", "")
				if !shared {
					// Hold every other helper's slot: the CPU time of one
					// reader, as on a machine busy with other documents.
					for range cap(helpers.slots) - 1 {
						helpers.slots <- struct{}{}
					}
					defer func() {
						for range cap(helpers.slots) - 1 {
							<-helpers.slots
						}
					}()
				}
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, err := Read(pdf, "application/pdf", ""); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			})
		}
	}
}

func BenchmarkPdftotext(b *testing.B) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		b.Skip("pdftotext not installed")
	}
	for _, size := range pdfSizes {
		b.Run(size.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "r.pdf")
			os.WriteFile(path, benchPDF(b, size.copies), 0o644)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if out, err := exec.Command(bin, "-layout", path, "-").Output(); err != nil || len(out) == 0 {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

var benchPDFCache = map[int][]byte{}

// benchPDF is a school's report repeated copies times, as a PDF made by LibreOffice from the Word
// file, or by simarea when LibreOffice is absent.
func benchPDF(b testing.TB, copies int) []byte {
	if pdf, ok := benchPDFCache[copies]; ok {
		return pdf
	}
	doc := simarea.Profiles()[0].Report().Repeated(copies)
	pdf := doc.PDF()
	if soffice, err := exec.LookPath("soffice"); err == nil {
		dir := b.TempDir()
		src := filepath.Join(dir, "r.docx")
		os.WriteFile(src, doc.DOCX(), 0o644)
		if exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "p"), "--convert-to", "pdf", "--outdir", dir, src).Run() == nil {
			if made, err := os.ReadFile(filepath.Join(dir, "r.pdf")); err == nil {
				pdf = made
			}
		}
	}
	benchPDFCache[copies] = pdf
	pages := strings.Count(string(pdf), "/Type /Page\n") + strings.Count(string(pdf), "/Type/Page/")
	b.Logf("benchmark PDF: %d bytes, about %d pages", len(pdf), pages)
	return pdf
}
