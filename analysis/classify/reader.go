// Package classify decides what kind of document a school's or a council's
// page is (a school's SEN information report, its SEN policy, both, an
// accessibility plan, an LA's page about one school, LA guidance, other), with
// a confidence, from its title, address, link text and opening text. It reads
// with the tables and patterns of the extractor it serves (a Reader: package
// analysis gives its own), so an LA's added doctype.* lines reach it; its
// sources count in the extractor's version (analysis/version.go), which is
// why it sits under analysis.
package classify

import (
	"regexp"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// Reader is what the classifier asks of the extractor it serves.
type Reader interface {
	// Rules are the rule tables in force; the classifier reads the fields
	// doctype.* (rules/doctype.tsv and any added lines).
	Rules() *textstage.Table
	// FindInWindows finds up to n matches of one of those rules' patterns in
	// text (lower is text in lower case), as the extractor scans.
	FindInWindows(re *regexp.Regexp, text, lower string, n int) [][]int
	// Role matches the SENCO's role titles (with any added senco.role).
	Role() *regexp.Regexp
	// NeedCount is how many need areas and need types the text names.
	NeedCount(text string) int
}

// lexRegexp compiles one of the package's fixed wordings written with the
// compiled-in lexicon's fragments ({sen}: the SEN terms, spelt in one place).
func lexRegexp(pattern string) *regexp.Regexp { return textstage.BuiltinRegexp(pattern) }

// wordStop: a full stop after a word, not after an initial.
var wordStop = textstage.WordStop()
