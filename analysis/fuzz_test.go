package analysis

import (
	"testing"

	"github.com/sendscope/sendscope/documents"
)

// FuzzFacts: every fact quotes its evidence exactly, at its offsets.
func FuzzFacts(f *testing.F) {
	for _, s := range []string{
		"Our SENCO is Mrs Jane Pemberton. She works three days a week. Call 01632 960444.",
		"SENCO: EYFS-Mrs. Myhill\nKS 1-Mrs. Hill\nSEN Governor: Mrs. Bev Goodlad",
		"We host a resourced provision for autism (12 places). 14% of pupils have SEN.",
		"é SENCO é Mr É Éclair, é 0.6 FTE",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = documents.Normalise(text)
		for _, fact := range Facts(text) {
			checkEvidence(t, text, fact)
		}
	})
}
