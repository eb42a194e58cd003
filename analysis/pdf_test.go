package analysis

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sendscope/sendscope/simarea"
)

func TestJoinBrokenWords(t *testing.T) {
	cases := []struct{ in, want string }{
		{"speech and language thera-\npy", "speech and language therapy"},
		{"provi\u00ad\nsion", "provision"},
		{"provi\x02\nsion", "provision"},
		{"pre-\nschool and after-\nschool", "preschool and afterschool"},
		{"Years 7-\n11", "Years 7-\n11"},                   // a range, not a word
		{"SEMH -\nautism", "SEMH -\nautism"},               // a dash between words
		{"ASD-\nSEMH", "ASD-\nSEMH"},                       // capitals: a compound kept
		{"ends with a hyphen-\n", "ends with a hyphen-\n"}, // nothing after
		{"-\nx", "-\nx"},
		{"", ""},
	}
	for _, c := range cases {
		if got := joinBrokenWords(c.in); got != c.want {
			t.Errorf("joinBrokenWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPDFHelperKilledOnTimeout gives a helper less time than a long PDF needs:
// the helper process is killed, the caller is told, and the next PDF is read by
// a fresh helper.
func TestPDFHelperKilledOnTimeout(t *testing.T) {
	small := reportDoc.PDF()
	if _, err := helpers.read(small, time.Minute); err != nil {
		t.Fatal(err) // starts a helper, so the timeout below falls on the reading
	}
	var blocks []simarea.Block
	for i := 0; i < 400; i++ {
		blocks = append(blocks, simarea.P(strings.Repeat("Pupils with autism have access to the resource base and its staff. ", 12)))
	}
	long := simarea.Doc{Title: "long", Blocks: blocks}.PDF()

	start := time.Now()
	_, err := helpers.read(long, 5*time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "took over") {
		t.Fatalf("a %d-byte PDF read within 5ms, or another error: %v", len(long), err)
	}
	if d := time.Since(start); d > time.Minute { // the 5ms deadline held, however loaded the machine
		t.Errorf("timing out took %s", d)
	}
	txt, err := helpers.read(small, time.Minute)
	if err != nil || !strings.Contains(txt.Body, "Pemberton") {
		t.Fatalf("after a timeout: %v\n%s", err, txt.Body)
	}
}

// TestPDFHelperDiedWhileIdle: a helper that died between two PDFs is replaced
// without the second PDF failing.
func TestPDFHelperDiedWhileIdle(t *testing.T) {
	pdf := reportDoc.PDF()
	if _, err := helpers.read(pdf, time.Minute); err != nil {
		t.Fatal(err)
	}
	helpers.mu.Lock()
	for _, h := range helpers.idle {
		h.cmd.Process.Kill()
		h.cmd.Wait()
	}
	n := len(helpers.idle)
	helpers.mu.Unlock()
	if n == 0 {
		t.Fatal("no idle helper after a read")
	}
	txt, err := helpers.read(pdf, time.Minute)
	if err != nil || !strings.Contains(txt.Body, "Pemberton") {
		t.Fatalf("after the helper died: %v", err)
	}
}

// TestPDFHelpersInParallel: more PDFs at once than there are helpers all come
// back, each with its own text.
func TestPDFHelpersInParallel(t *testing.T) {
	type out struct {
		i   int
		txt Text
		err error
	}
	const n = 12
	res := make(chan out, n)
	for i := 0; i < n; i++ {
		go func(i int) {
			doc := simarea.Doc{Title: "t", Blocks: []simarea.Block{simarea.P(strings.Repeat("word ", 50) + "marker" + strings.Repeat("x", i+1))}}
			txt, err := helpers.read(doc.PDF(), time.Minute)
			res <- out{i, txt, err}
		}(i)
	}
	for k := 0; k < n; k++ {
		o := <-res
		if o.err != nil {
			t.Errorf("pdf %d: %v", o.i, o.err)
			continue
		}
		if want := "marker" + strings.Repeat("x", o.i+1); !strings.Contains(o.txt.Body, want+" ") && !strings.HasSuffix(strings.TrimSpace(o.txt.Body), want) {
			t.Errorf("pdf %d came back with another's text: %q", o.i, o.txt.Body)
		}
	}
}

// TestPDFSharedAmongHelpers: a long PDF read in parts by idle helpers gives the
// same text as one reader going through it whole (running headers and page
// numbers are removed over the whole document either way).
func TestPDFSharedAmongHelpers(t *testing.T) {
	if cap(helpers.slots) < 2 {
		t.Skip("one CPU: PDFs are never shared out")
	}
	var blocks []simarea.Block
	for i := 0; i < 60; i++ {
		blocks = append(blocks, simarea.H(fmt.Sprintf("Section %d", i)), simarea.P(strings.Repeat(fmt.Sprintf("Paragraph %d explains how we support pupils with autism. ", i), 8)))
	}
	pdf := simarea.Doc{Title: "Shared report", Blocks: blocks}.PDF()
	whole, err := pdfDocText([]pdfPages{readPagesInProcess(pdf, pdfRequest{From: 0, To: -1})})
	if err != nil {
		t.Fatal(err)
	}
	if n := readPagesInProcess(pdf, pdfRequest{}).PageCount; n < 6 {
		t.Fatalf("test PDF has %d pages; want several", n)
	}
	shared, err := helpers.read(pdf, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if shared.Body != whole.Body || shared.Title != whole.Title {
		t.Errorf("shared reading differs:\n%q\nwhole:\n%q", shared.Body, whole.Body)
	}
	for _, want := range []string{"Section 0", "Paragraph 59 explains"} {
		if !strings.Contains(shared.Body, want) {
			t.Errorf("missing %q", want)
		}
	}
}

// pdfBomb is a small PDF whose one content stream inflates to n bytes of zeros.
func pdfBomb(t testing.TB, n int) []byte {
	t.Helper()
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	zeros := make([]byte, 1<<20)
	for i := 0; i < n>>20; i++ {
		w.Write(zeros)
	}
	w.Close()
	var b bytes.Buffer
	var offs []int
	obj := func(s string) { offs = append(offs, b.Len()); b.WriteString(s) }
	b.WriteString("%PDF-1.4\n")
	obj("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	obj("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n")
	obj("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n")
	offs = append(offs, b.Len())
	fmt.Fprintf(&b, "4 0 obj << /Length %d /Filter /FlateDecode >> stream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream endobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// TestPDFBombBounded reads a PDF whose content inflates to 1 GiB: it is
// reported, no helper keeps its memory (each is replaced), the next PDF is read,
// and the helpers' peak resident memory stays under the stated bound.
func TestPDFBombBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates a GiB")
	}
	bomb := pdfBomb(t, 1<<30)
	t.Logf("bomb: %d bytes", len(bomb))
	txt, err := helpers.read(bomb, 2*time.Minute)
	t.Logf("bomb read: %d words, err %v", len(strings.Fields(txt.Body)), err)
	helpers.mu.Lock()
	idle := len(helpers.idle)
	for _, h := range helpers.idle {
		h.stop()
	}
	helpers.idle = nil
	helpers.mu.Unlock()
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru)
	peak := ru.Maxrss << 10 // KiB on Linux
	t.Logf("largest helper's peak resident memory: %d MiB (idle helpers after the bomb: %d)", peak>>20, idle)
	if peak > 1<<30 {
		t.Errorf("a helper reached %d MiB, over the 1 GiB bound", peak>>20)
	}
	small, err := helpers.read(reportDoc.PDF(), time.Minute)
	if err != nil || !strings.Contains(small.Body, "Pemberton") {
		t.Fatalf("after the bomb: %v", err)
	}
}
