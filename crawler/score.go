package crawler

import (
	"net/url"
	"path"
	"regexp"
	"strings"
)

// Link scoring: the SEN information report hides behind a small set of words —
// in the link text, the URL, or both. Positive weights pull a link forward,
// negative ones push the furniture of school sites (news, calendars, galleries)
// away. A score above zero is worth a request.

type signal struct {
	re     *regexp.Regexp
	weight float64
}

var linkSignals = []signal{
	{regexp.MustCompile(`(?i)information\s*report|info(?:rmation)?[-_]report`), 12},
	{regexp.MustCompile(`(?i)\bsend?\b[\s-]*(?:information|info|report)|\bsend?[-_](?:information|info|report)`), 10},
	// "SEND" the area, not "send" the verb: upper case in link text.

	{regexp.MustCompile(`(?i)special\s+educational\s+needs|special[-_]educational[-_]needs`), 9},
	{regexp.MustCompile(`\bSEND?\b|\bSen\b|[/_-]send?(?:[/_.-]|$)`), 7},
	{regexp.MustCompile(`(?i)local[\s_-]*offer`), 7},
	{regexp.MustCompile(`(?i)\binclusion|inclusion`), 6},
	{regexp.MustCompile(`(?i)\bsend?co\b|send?co`), 5},
	{regexp.MustCompile(`(?i)accessibility\s*plan|accessibility[-_]plan`), 5},
	{regexp.MustCompile(`(?i)key\s*information|key[-_]info|statutory\s*information|statutory[-_]info`), 5},
	{regexp.MustCompile(`(?i)\bpolicies\b|policies|\bpolicy\b`), 4},
	{regexp.MustCompile(`(?i)\bparents?\b|parents?[-_]`), 2},
	{regexp.MustCompile(`(?i)\babout\s+(?:us|the\s+school)\b|about[-_]us`), 1},
	{regexp.MustCompile(`(?i)\bdisabilit`), 3},
	{regexp.MustCompile(`(?i)news|calendar|events?\b|term[-_\s]*dates|lunch|menu|uniform|gallery|photos?|vacanc|login|log-in|sign[-_\s]?in|facebook|twitter|instagram|youtube|curriculum[-_\s]*map|newsletter|blog|clubs?\b|holiday`), -6},
}

// documentExt says whether a URL names a downloadable document.
var documentExt = map[string]string{".pdf": "pdf", ".doc": "doc", ".docx": "docx", ".odt": "odt", ".rtf": "rtf"}

// downloadHandler matches links that serve a file without naming its type.
var downloadHandler = regexp.MustCompile(`(?i)[?&](?:download|file|attachment|dl)=|/attachment/|/download/|/downloads?/file|/force_download|/storage/|/wp-content/uploads/`)

// DocumentLink says whether u looks like a link to a file rather than a page.
func DocumentLink(u *url.URL) bool {
	if _, ok := documentExt[strings.ToLower(path.Ext(u.Path))]; ok {
		return true
	}
	return downloadHandler.MatchString(u.Path + "?" + u.RawQuery)
}

// ScoreLink rates a link by its words and its URL; depth is how far from the home
// page the link was found (each level costs a little, so that near candidates
// come first).
func ScoreLink(text string, u *url.URL, depth int) float64 {
	text = strings.Join(strings.Fields(text), " ")
	target := strings.ToLower(u.Path + " " + u.RawQuery)
	score := 0.0
	for _, s := range linkSignals {
		inText := s.re.MatchString(text)
		inURL := s.re.MatchString(target)
		switch {
		case inText && inURL:
			score += s.weight * 1.3
		case inText:
			score += s.weight
		case inURL:
			score += s.weight * 0.7
		}
	}
	if score > 0 && DocumentLink(u) {
		score += 2 // a relevant file is usually the report itself
	}
	return score - float64(depth)*0.5
}
