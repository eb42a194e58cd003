package analysis

import (
	"regexp"
	"sort"
	"strings"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// What reports say about their SENCO beyond the name: qualifications, time for
// the role, a seat on the senior leadership team; and who the SEN governor is.

var (
	// A degree is the SENCO's when the sentence says they hold it, or it follows
	// their name ("SENCO: Mrs A Bee, BEd (hons)").
	holdsVerb = regexp.MustCompile(`(?i)\b(?:holds?|has|have|completed|attained|gained|achieved|awarded|qualified|graduated)\b`)
)

// coordinationAward: a postgraduate certificate that is the SENCO award.
var (
	certificate       = regexp.MustCompile(`(?i)certificate|\bcert\b`)
	coordinationAward = regexp.MustCompile(`(?i)co-?ordinat|NASENCO`)
)

// clauseAfter is up to n bytes of text after pos, stopping at a clause's end.
func clauseAfter(text string, pos, n int) string {
	s := text[pos:min(len(text), pos+n)]
	if i := strings.IndexAny(s, ".;,\n"); i >= 0 {
		s = s[:i]
	}
	return s
}

// trailingJoin: joining words a degree's subject cannot end with.
var trailingJoin = regexp.MustCompile(`(?:\s+(?:and|of|in|for|with))+\s*$`)

var pronoun = regexp.MustCompile(`(?i)\b(?:she|he|they)\b|\bI\b`)

// qualLabel: a "Qualifications:" row among the SENCO's details.
var qualLabel = regexp.MustCompile(`(?i)^\s*qualifications?\s*(?:held)?\s*[:\-–]`)

// aboutSENCO says whether a sentence (up to a qualification) speaks of the
// SENCO: by role, by name, or as "she"/"he" after a sentence that did.
func (x *Extractor) aboutSENCO(sentence string, names []Fact) bool {
	if x.role.MatchString(sentence) || pronoun.MatchString(sentence) || qualLabel.MatchString(sentence) {
		return true
	}
	for _, n := range names {
		if strings.Contains(sentence, n.Value) || strings.Contains(strings.ToLower(sentence), shortForm(n.Value)) {
			return true
		}
		// Named without a title ("Sarah Penhaligon"), then by first name ("Sarah holds ...").
		if f := strings.Fields(n.Value); len(f) >= 2 && !titleWord.MatchString(f[0]) && len(f[0]) > 2 && hasWord(sentence, f[0]) {
			return true
		}
	}
	return false
}

// hasWord says whether w stands in s as a word of its own.
func hasWord(s, w string) bool {
	for i := strings.Index(s, w); i >= 0; {
		end := i + len(w)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		next := strings.Index(s[i+1:], w)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '-'
}

var (
	dayRun   = regexp.MustCompile(`(?i)\b(mon|tue|wed|thu|fri)[a-z]*\.?\s*(?:to|-|–|—|until|through)\s*(mon|tue|wed|thu|fri)[a-z]*\b`)
	presence = regexp.MustCompile(`(?i)\b(?:works?|working|in\s+school|on\s+site|available|based|attends?|released|here|present|days?|time\s+for|timetabled|(?:is|are)\s+(?:at|in))\b`)
	// Time spent teaching is not time for the SENCO role.
	teachingTime = regexp.MustCompile(`(?i)\bteach(?:es|ing)?\b[^.;]{0,60}$`)
	forTheRole   = regexp.MustCompile(`(?i)^\s*(?:of|for|on|to)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:SEND?CO|SEN|role)\b`)
)

// mergeSpans sorts spans and joins those that overlap.
func mergeSpans(spans [][2]int) [][2]int {
	sorted := append([][2]int(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i][0] < sorted[j][0] })
	var out [][2]int
	for _, sp := range sorted {
		if n := len(out); n > 0 && sp[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], sp[1])
			continue
		}
		out = append(out, sp)
	}
	return out
}

var (
	bareFraction = regexp.MustCompile(`\b(0?\.\d{1,2})\b`)
	postWords    = regexp.MustCompile(`(?i)\b(?:FTE|full[-\s]time|post|contract(?:ed)?|role|employed|timetable|working\s+week)\b`)
	unitAfter    = regexp.MustCompile(`(?i)^\s*(?:days?|hours?|%|per\s+cent|mornings?|afternoons?|pupils|children|students|teaching)\b|^\s*%`)
)

// namesSomeone says whether s names one of the people (in full or by title and surname).
func namesSomeone(s string, names []Fact) bool {
	lower := strings.ToLower(s)
	for _, n := range names {
		if strings.Contains(s, n.Value) || strings.Contains(lower, shortForm(n.Value)) {
			return true
		}
	}
	return false
}

// The governor with SEN in their brief goes by many names too (the
// lexicon's governor_role, with examples).
var governorRole = roleRegexp(textstage.Builtin().Fragment("governor_role"))

var notTheGovernor = regexp.MustCompile(`(?i)\b(?:former|previous)\s*$`)

// governors reads the SEN governor's name.
func governors(text string, sencos []Fact) []Fact {
	facts := peopleInRole(text, governorRole, notTheGovernor, "governor.name")
	skip := map[string]bool{}
	for _, s := range sencos {
		skip[shortForm(s.Value)] = true
	}
	var out []Fact
	for _, f := range facts {
		if !skip[shortForm(f.Value)] {
			out = append(out, f)
		}
	}
	return out
}
