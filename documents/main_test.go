package documents

import (
	"os"
	"testing"
)

// TestMain: the tests read PDFs in helpers, which are this test binary re-run.
func TestMain(m *testing.M) {
	ServePDFHelper()
	os.Exit(m.Run())
}
