package pipeline

import (
	"strings"
	"testing"
	"time"
)

func TestLinesProgress(t *testing.T) {
	var b strings.Builder
	l := &Lines{W: &b, Every: time.Nanosecond}
	l.Start(3, 1)
	l.SiteStarted(2)
	l.SiteStarted(3)
	l.SiteDone(SiteEvent{URN: 2, Status: "found", Requests: 9, Documents: 3, Facts: 7})
	l.SiteDone(SiteEvent{URN: 3, Status: "failed", Reason: "dns"})
	out := b.String()
	for _, want := range []string{
		"[2/3] 2 found: 9 requests, 3 documents, 7 facts\n",
		"[3/3] 3 failed (dns): 0 requests",
		"-- 3 of 3 schools done, 0 in flight, 1 with SEN documents, 1 failed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("progress lacks %q:\n%s", want, out)
		}
	}
}
