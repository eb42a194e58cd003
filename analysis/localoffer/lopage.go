package localoffer

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
// a dateline, a registration line ("Charity number 1122334"), or a label whose value is a date, a figure or money ("Closing
// date: 12 January 2026", "Published: 18 November 2025", "Salary: £32,654").
func factLine(l string) bool {
	l = strings.TrimSpace(l)
	if dateline.MatchString(l) || orgIdentity.MatchString(l) {
		return true
	}
	if lineKind(l) != textstage.LabelValue {
		return false
	}
	_, v, _ := strings.Cut(l, ":")
	return factValue.MatchString(v)
}

// titleCandidate is a line that may head the page: not the site's furniture,
// not a list item or a stated fact, short, and one sentence at most with no
// phone number ("Need help using this site? Call 0300 123 0000" is the site's).
func titleCandidate(l string) bool {
	if textFurniture(l) || len(l) > 150 || factLine(l) || phoneRe.MatchString(l) {
		return false
	}
	if lineKind(l) == textstage.ListItem {
		return false
	}
	return len(textstage.Read(l, textstage.Builtin()).Sentences) <= 1
}

// pageBody is the page from its own heading on: what stands above the heading
// (the site's banner, menus, help lines, its trail) is the site's, not the
// page's. The whole text when the heading is not found.
func pageBody(text, title string) string {
	if title == "" {
		return text
	}
	for _, i := range textstage.Occurrences(text, title, -1) {
		// The heading on a line of its own, not a trail's last step.
		if lineStart, lineEnd := textstage.LineBounds(text, i); strings.TrimSpace(text[lineStart:lineEnd]) == title {
			return text[lineStart:]
		}
	}
	return text
}

var (
	// A section that speaks of the evidence a process asks for: what support
	// has already been tried, what to send.
	evidenceCue = regexp.MustCompile(`(?i)\bevidence\b|\balready (?:been )?(?:put in place|tried|in place|given|had)\b|\b(?:support|help|strategies) (?:tried|already)\b|\bwhat (?:support|help) (?:has|have) (?:already )?been\b|\breports? from\b`)
	// An example, marked as one.
	listItem   = regexp.MustCompile(`^\s*(?:[-•*·–]|\d{1,2}[.)])\s`)
	exampleCue = regexp.MustCompile(`(?i)\bfor (?:example|instance)\b|\be\.g\.|\bsuch as\b`)
)

// evidenceExamples takes out of a guidance page the examples given in a
// section about the evidence its process asks for ("We will want to see what
// support has already been put in place. For example, a child with autism might
// already have a visual timetable ..."): the needs in them illustrate what to
// send, not whom the page is for. Sections run from one heading block of the
// text stage to the next.
func evidenceExamples(text string) string {
	text = strings.ReplaceAll(text, "\n", "\n\n") // a browser's copy: every line is a block
	d := textstage.Read(text, textstage.Builtin())
	var cut []textstage.Span
	from := 0
	flush := func(to int) {
		var sents []textstage.Sentence
		evidence := false
		for _, s := range d.Sentences {
			if s.Block >= from && s.Block < to {
				sents = append(sents, s)
				evidence = evidence || evidenceCue.MatchString(text[s.Start:s.End])
			}
		}
		if !evidence {
			return
		}
		for _, s := range sents {
			if exampleCue.MatchString(text[s.Start:s.End]) {
				cut = append(cut, s.Span)
			}
		}
	}
	for i, b := range d.Blocks {
		// A short list item ("- your own views") is one of the section's
		// items, not a heading that starts another section.
		if b.Kind == textstage.Heading && !listItem.MatchString(text[b.Start:b.End]) {
			flush(i)
			from = i
		}
	}
	flush(len(d.Blocks))
	if len(cut) == 0 {
		return text
	}
	out := []byte(text)
	for _, c := range cut {
		for i := c.Start; i < c.End; i++ {
			if out[i] != '\n' {
				out[i] = ' '
			}
		}
	}
	return string(out)
}

// storyLead is what a page that is not part of the offer (a news story, an
// event, a consultation) says of whom it is about: its heading and its lead,
// the first paragraph under the heading. Ages further on are of a part of the
// story (a zone at a fair, a stall, a quote) or of the Local Offer at large.
func storyLead(text, title string) string {
	if title == "" {
		return text
	}
	lines := strings.Split(text, "\n")
	at := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == title {
			at = i
			break
		}
	}
	if at < 0 {
		return text
	}
	for _, l := range lines[at+1:] {
		l = strings.TrimSpace(l)
		if paragraphLine(l) && !factLine(l) && !textFurniture(l) && lineKind(l) != textstage.LabelValue {
			return title + "\n" + l
		}
	}
	return title
}

// secondParagraph is the story's heading and the paragraph after its lead.
func secondParagraph(text, title string) string {
	lead := storyLead(text, title)
	_, first, ok := strings.Cut(lead, "\n")
	if !ok {
		return title
	}
	at := strings.Index(text, first)
	if at < 0 {
		return title
	}
	for _, l := range strings.Split(text[at+len(first):], "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if paragraphLine(l) && !factLine(l) && !textFurniture(l) && lineKind(l) != textstage.LabelValue {
			return title + "\n" + l
		}
		return title // a heading or a list: the lead's section has ended
	}
	return title
}

// toolStep is a step of a toolbar rather than of a trail: an action on the
// page ("Print", "Email a friend", "Download as PDF").
var toolStep = regexp.MustCompile(`(?i)^\s*(?:print|share|email|e-mail|download|save|favourites?|bookmark|add to|report|feedback|listen|translate|text size|contrast|rss|follow)\b`)

// trailLine is a breadcrumb trail: places from the home page to this one, not
// a toolbar of the same shape ("Favourite | Email a friend | Download as PDF").
func trailLine(l string) bool {
	if !breadcrumb.MatchString(l) {
		return false
	}
	for _, step := range trailStep.Split(l, -1) {
		if toolStep.MatchString(step) {
			return false
		}
	}
	return true
}

// openingLine is a paragraph that can open a page's text: running text that is
// not the site's furniture nor a line to call or write to ("Questions? Text us
// on 07700 900 123 ..." is the site's help line; a page opens by saying what
// it is about, its contacts come later).
func openingLine(l string) bool {
	return paragraphLine(l) && !textFurniture(l) && !phoneRe.MatchString(l) && !emailRe.MatchString(l)
}

// savedList is a site's count of what a visitor has kept: "Shortlist (0)",
// "My saved services (2)" (not a facet's count, "Family Services (11)").
var savedList = regexp.MustCompile(`(?i)^[\w'’ ]{0,20}\b(?:shortlist|saved|my list|favourites|basket|bookmarks)\b[\w'’ ]{0,20}\(\d{1,3}\)$`)

// navLine is a line of the site's navigation, by its shape: a menu of short
// items (not a toolbar of actions on the page), a search box, a saved list.
func navLine(l string) bool {
	l = strings.TrimSpace(l)
	if navBar(l) {
		for _, it := range wideGap.Split(l, -1) {
			if toolStep.MatchString(it) {
				return false
			}
		}
		return true
	}
	if searchBox(l) || savedList.MatchString(l) || chromeLine.MatchString(l) {
		return true
	}
	// A menu of links apart by bars or arrows: a trail, or the site's sections
	// ("Support | Activities | Education | Health | Contact").
	steps := trailStep.Split(l, -1)
	if len(steps) < 3 || strings.Contains(steps[0], ":") && !homeFirst.MatchString(l) {
		return false // a filter or a sort order ("Age range: 0-4 | 5-10 | 11-16")
	}
	for _, st := range steps {
		if len(strings.Fields(st)) > 4 || toolStep.MatchString(st) {
			return false
		}
	}
	return true
}

// strapLines marks the site's strap lines among a page's lines: a paragraph
// at the top of the site's banner (nothing above it since the last
// navigation line but furniture and one line, the site's name) with the
// site's navigation (a menu from the home page, a search box, a saved list)
// within the four lines below it.
// A page's own first paragraph comes after its heading, below the site's
// menus.
func strapLines(lines []string) []bool {
	strap := make([]bool, len(lines))
	own := 0
	for i, l := range lines {
		if openingLine(l) && own <= 1 {
			// The site's own navigation, not a page's tabs ("Overview   Costs
			// ..."): a menu from the home page, a search box, a saved list.
			for _, next := range lines[i+1 : min(len(lines), i+5)] {
				if navLine(next) && (homeFirst.MatchString(next) || searchBox(next) || savedList.MatchString(next) || chromeLine.MatchString(next)) {
					strap[i] = true
					break
				}
				if paragraphLine(next) {
					break
				}
			}
		}
		switch {
		case navLine(l):
			own = 0
		case strap[i] || textFurniture(l):
		case titleCandidate(l) || openingLine(l):
			own++
		}
	}
	return strap
}
