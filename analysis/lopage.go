package analysis

import (
	"regexp"
	"strings"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// A Local Offer page copied from a browser keeps one block a line: its
// headings, "label: value" facts, list items and paragraphs. The text stage
// decides what each line is (textstage.Blocks), so that which heading is the
// page's, and which block speaks for the service, follows from the shape of
// the page rather than from a platform's own labels.

// lineKind is what the text stage reads a line of a page as, alone.
func lineKind(l string) textstage.BlockKind {
	if b := textstage.Blocks(strings.TrimSpace(l)); len(b) > 0 {
		return b[0].Kind
	}
	return textstage.Paragraph
}

var (
	// A dateline: a story's or notice's date, alone or after its verb:
	// "Posted on 4 November 2026 in Meeting notes", "12 January 2026",
	// "Updated Monday 3 March 2025".
	dateline = regexp.MustCompile(`(?i)^(?:(?:posted|published|updated|last updated|added|date|dated|issued)(?: on)?:?\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+\d{4}\b`)
	// A fact's value: a date, a figure, money, a reference ("12 January 2026",
	// "£32,654", "SC2025-118", "37 hours").
	factValue = regexp.MustCompile(`(?i)^\s*(?:£|\$|€|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|[A-Z]{1,4}[-/]?\d)`)
)

// factLine is a line that states one fact of the page rather than heading it:
// a dateline, or a label whose value is a date, a figure or money ("Closing
// date: 12 January 2026", "Published: 18 November 2025", "Salary: £32,654").
func factLine(l string) bool {
	l = strings.TrimSpace(l)
	if dateline.MatchString(l) {
		return true
	}
	if lineKind(l) != textstage.LabelValue {
		return false
	}
	_, v, _ := strings.Cut(l, ":")
	return factValue.MatchString(v)
}

// titleCandidate is a line that may head the page: not the site's furniture,
// not a list item or a stated fact, and short.
func titleCandidate(l string) bool {
	if textFurniture(l) || len(l) > 150 || factLine(l) {
		return false
	}
	return lineKind(l) != textstage.ListItem
}
