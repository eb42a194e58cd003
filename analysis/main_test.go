package analysis

import (
	"os"
	"testing"

	"github.com/sendscope/sendscope/documents"
)

// TestMain: the tests read PDFs in helpers, which are this test binary re-run.
func TestMain(m *testing.M) {
	documents.ServePDFHelper()
	os.Exit(m.Run())
}
