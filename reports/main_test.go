package reports

import (
	"os"
	"testing"

	"github.com/sendscope/sendscope/analysis"
)

// TestMain: the tests read PDFs in helpers, which are this test binary re-run.
func TestMain(m *testing.M) {
	analysis.ServePDFHelper()
	os.Exit(m.Run())
}
