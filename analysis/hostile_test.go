package analysis

import (
	"bytes"
	"testing"
	"time"
)

// TestLargestPageAnalysed: the most text a reader keeps (a 50 MB page is cut)
// goes through classifying and every fact rule without a hang. The readers'
// own bounds are tested in package documents.
func TestLargestPageAnalysed(t *testing.T) {
	huge := append([]byte("<html><body>"), bytes.Repeat([]byte("<div><p>SENCO autism "), 50<<20/21)...)
	start := time.Now()
	d := Analyse(huge, "text/html", "http://x.example/f", "")
	if el := time.Since(start); el > 5*time.Minute {
		t.Errorf("took %s", el) // a guard against hangs, not a speed target: a loaded CI machine took 37 s
	}
	if d.Body == "" {
		t.Errorf("no text kept: %v", d.Err)
	}
	t.Logf("%d bytes of text, %d facts, %v", len(d.Body), len(d.Facts), d.Err)
}
