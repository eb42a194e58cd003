package documents

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestPDFHelperAddressSpaceBinds: a helper's address-space limit is set close
// above what it has mapped once PDFium is ready, not at a round number far
// beyond it, so a PDF that makes the Go side grow past pdfHelperGoGrowth ends
// the helper.
func TestPDFHelperAddressSpaceBinds(t *testing.T) {
	if _, err := helpers.read(reportDoc.PDF(), time.Minute); err != nil {
		t.Fatal(err)
	}
	helpers.mu.Lock()
	defer helpers.mu.Unlock()
	if len(helpers.idle) == 0 {
		t.Fatal("no idle helper after a read")
	}
	for _, h := range helpers.idle {
		pid := h.cmd.Process.Pid
		limits, err := os.ReadFile(fmt.Sprintf("/proc/%d/limits", pid))
		if err != nil {
			t.Fatal(err)
		}
		var limit uint64
		for _, line := range strings.Split(string(limits), "\n") {
			if f := strings.Fields(strings.TrimPrefix(line, "Max address space")); len(f) > 0 && strings.HasPrefix(line, "Max address space") {
				limit, err = strconv.ParseUint(f[0], 10, 64)
				if err != nil {
					t.Fatalf("helper %d: address space %q: not limited", pid, f[0])
				}
			}
		}
		status, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		var size uint64
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmSize:"); ok {
				kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
				size = kb << 10
			}
		}
		t.Logf("helper %d: mapped %d MiB, limit %d MiB", pid, size>>20, limit>>20)
		if size == 0 || limit < size || limit-size > pdfHelperGoGrowth {
			t.Errorf("helper %d: limit %d MiB with %d MiB mapped; want at most %d MiB more", pid, limit>>20, size>>20, pdfHelperGoGrowth>>20)
		}
	}
}
