package analysis

import (
	"regexp"

	"github.com/sendscope/sendscope/analysis/classify"
	"github.com/sendscope/sendscope/analysis/textstage"
	"github.com/sendscope/sendscope/documents"
)

// classifyReader gives the document classifier (package classify) what it
// reads with: this extractor's tables, scan and patterns.
type classifyReader struct{ x *Extractor }

func (r classifyReader) Rules() *textstage.Table { return r.x.rules }

func (r classifyReader) FindInWindows(re *regexp.Regexp, text, lower string, n int) [][]int {
	return r.x.findInWindows(re, text, lower, n)
}

func (r classifyReader) Role() *regexp.Regexp { return r.x.role }

func (r classifyReader) NeedCount(text string) int {
	return len(vocabFacts(text, "need.area", r.x.needAreas, 0)) + len(vocabFacts(text, "need.type", r.x.needTypes, 0))
}

// classify decides what kind of document this is with this extractor, the
// SENCO's names read when first asked for.
func (x *Extractor) classify(t documents.Text, pageURL, linkText string, sencoNames func() []Fact) (string, float64) {
	return classify.Classify(classifyReader{x}, t, pageURL, linkText, func() int { return len(sencoNames()) })
}
