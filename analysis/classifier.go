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

// pagedReader is a classifyReader with the page of the document classified.
type pagedReader struct {
	classifyReader
	pg *page
}

func (r classifyReader) Rules() *textstage.Table { return r.x.rules }

func (r classifyReader) FindInWindows(re *regexp.Regexp, text, lower string, n int) [][]int {
	return r.x.findInWindows(re, text, lower, n)
}

func (r classifyReader) Role() *regexp.Regexp { return r.x.role }

// FindAll searches through a finder (scan.go), one per pattern, made when
// the pattern is first asked for.
func (r classifyReader) FindAll(re *regexp.Regexp, text string, lo, hi, n int) [][]int {
	return pagedReader{r, nil}.FindAll(re, text, lo, hi, n)
}

// FindAll searches the document's page when text is its body.
func (r pagedReader) FindAll(re *regexp.Regexp, text string, lo, hi, n int) [][]int {
	pg := r.pg
	if pg == nil || pg.text != text {
		pg = newPage(text)
	}
	return pg.allIn(finderOf(re), lo, hi, n, false)
}

func (r classifyReader) NeedCount(text string) int { return pagedReader{r, nil}.NeedCount(text) }

// NeedCount reads the need areas and types through the document's page, so
// its facts do not read them again.
func (r pagedReader) NeedCount(text string) int {
	pg := r.pg
	if pg == nil || pg.text != text {
		pg = newPage(text)
	}
	areas, types := r.x.needs(pg)
	return len(areas) + len(types)
}

// classify decides what kind of document this is with this extractor, the
// SENCO's names read when first asked for; pg is the page of t.Body when the
// caller has one (nil: none).
func (x *Extractor) classify(t documents.Text, pageURL, linkText string, sencoNames func() []Fact, pg *page) (string, float64) {
	return classify.Classify(pagedReader{classifyReader{x}, pg}, t, pageURL, linkText, func() int { return len(sencoNames()) })
}
