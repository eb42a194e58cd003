package documents

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
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

// TestPDFBombBounded reads PDFs whose content inflates to 1 GiB, more at once
// than there are helpers: each is reported, no helper keeps its memory (each
// is replaced), the next PDF is read, and every helper's peak resident memory
// stays under pdfHelperBound.
func TestPDFBombBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates GiBs")
	}
	n := cap(helpers.slots) + 1
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bomb := simarea.PDFBomb(1<<30, fmt.Sprintf("bomb %d", i))
			txt, err := helpers.read(bomb, 2*time.Minute)
			if err == nil || txt.Body != "" {
				t.Errorf("bomb %d read without an error: %d bytes of text", i, len(txt.Body))
			}
		}()
	}
	wg.Wait()
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
	t.Logf("%d bombs, %d helpers at most: the largest helper's peak resident memory %d MiB (bound %d MiB; idle helpers after the bombs: %d)",
		n, cap(helpers.slots), peak>>20, pdfHelperBound>>20, idle)
	if runtime.GOOS == "linux" && peak > pdfHelperBound {
		t.Errorf("a helper reached %d MiB, over the %d MiB bound", peak>>20, pdfHelperBound>>20)
	}
	small, err := helpers.read(reportDoc.PDF(), time.Minute)
	if err != nil || !strings.Contains(small.Body, "Pemberton") {
		t.Fatalf("after the bomb: %v", err)
	}
}

// TestHelperCount: the pool is sized by the memory budget, never past one
// helper per CPU, never empty.
func TestHelperCount(t *testing.T) {
	cases := []struct {
		budget int64
		cpus   int
		want   int
	}{
		{PDFHelpersMemory, 1, 1},
		{PDFHelpersMemory, 2, 2},
		{PDFHelpersMemory, 64, int(PDFHelpersMemory / pdfHelperBound)},
		{pdfHelperBound - 1, 8, 1}, // less than one helper's worth: one all the same
		{10 * pdfHelperBound, 8, 8},
		{10*pdfHelperBound - 1, 16, 9},
	}
	for _, c := range cases {
		if got := helperCount(c.budget, c.cpus); got != c.want {
			t.Errorf("helperCount(%d MiB, %d CPUs) = %d, want %d", c.budget>>20, c.cpus, got, c.want)
		}
	}
	if n := PDFHelpersMemory / pdfHelperBound; n < 2 {
		t.Errorf("the budget holds %d helper(s): a long PDF is never shared out", n)
	}
}

// TestHelperThatDidNotServe: a process started as a helper that reads a PDF
// itself (its main never called ServePDFHelper) is refused a helper of its
// own, instead of starting copies of itself without end.
func TestHelperThatDidNotServe(t *testing.T) {
	t.Setenv(pdfHelperEnv, "1")
	_, err := startPDFHelper()
	if err != errNotHelper {
		t.Fatalf("got %v, want %v", err, errNotHelper)
	}
}
