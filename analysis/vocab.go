package analysis

import (
	"embed"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
)

// The code lists (vocab/*.tsv): the need areas' provision codes and the things
// a Local Offer must publish. The wordings are rule tables (rules/*.tsv).
//
//go:embed vocab/*.tsv
var vocabFiles embed.FS

// Term is one wording of a vocabulary value.
type Term struct {
	Value   string
	Pattern *regexp.Regexp
	// must holds pieces of text one of which every match contains (in lower
	// case when the pattern ignores case there), so a text with none of them is
	// not scanned; empty when the pattern has no such pieces.
	must []literal
	// find searches a document for the pattern only where it can match
	// (scan.go); nil for a Term built by hand, searched the old way.
	find *finder
}

// literal is a piece of text a pattern's match must contain.
type literal struct {
	text string
	fold bool // compare in lower case
}

// termOf is a compiled wording with the literal text its matches must hold.
func termOf(value string, re *regexp.Regexp) Term {
	t := Term{Value: value, Pattern: re, find: newFinder(re)}
	if tree, err := syntax.Parse(re.String(), syntax.Perl); err == nil {
		t.must = requiredLiterals(tree.Simplify())
	}
	return t
}

// requiredLiterals are the pieces one of which every match contains: one per
// branch of a top-level alternation, or the one piece of a sequence; nil when
// some branch has none.
func requiredLiterals(re *syntax.Regexp) []literal {
	if re.Op == syntax.OpCapture && len(re.Sub) == 1 {
		re = re.Sub[0]
	}
	branches := []*syntax.Regexp{re}
	if re.Op == syntax.OpAlternate {
		branches = re.Sub
	}
	var out []literal
	for _, b := range branches {
		s, fold := requiredLiteral(b)
		if len(s) < 2 {
			return nil
		}
		out = append(out, literal{s, fold})
	}
	return out
}

// requiredLiteral is the longest literal in a top-level sequence of the
// pattern: every match contains it.
func requiredLiteral(re *syntax.Regexp) (string, bool) {
	var subs []*syntax.Regexp
	switch re.Op {
	case syntax.OpLiteral:
		subs = []*syntax.Regexp{re}
	case syntax.OpConcat:
		subs = re.Sub
	case syntax.OpCapture:
		return requiredLiteral(re.Sub[0])
	default:
		return "", false
	}
	best, fold := "", false
	for _, s := range subs {
		if s.Op == syntax.OpCapture && len(s.Sub) == 1 {
			s = s.Sub[0]
		}
		if s.Op != syntax.OpLiteral || len(string(s.Rune)) <= len(best) {
			continue
		}
		best, fold = string(s.Rune), s.Flags&syntax.FoldCase != 0
	}
	if fold {
		best = strings.ToLower(best)
	}
	return best, fold
}

// mayMatch says, cheaply, whether t could match text (lower is text in lower case).
func (t Term) mayMatch(text, lower string) bool {
	if len(t.must) == 0 {
		return true
	}
	for _, l := range t.must {
		if l.fold && strings.Contains(lower, l.text) || !l.fold && strings.Contains(text, l.text) {
			return true
		}
	}
	return false
}

// Vocabulary maps wordings to values, e.g. "autistic spectrum" to ASD.
type Vocabulary []Term

// Facts emits one fact per value of v the text names, quoting its first
// mention, with the given field and confidence.
func (v Vocabulary) Facts(text, field string, conf float64) []Fact {
	return vocabFacts(text, field, v, conf)
}

// vocabFacts emits one fact per value the text names, quoting its first mention.
func vocabFacts(text, field string, v Vocabulary, conf float64) []Fact {
	return newPage(text).vocabFacts(field, v, conf, (*page).firstOf)
}

// firstOf is the first match of a wording in the page, or nil.
func (p *page) firstOf(t Term) []int {
	if t.find == nil {
		if !t.mayMatch(p.text, strings.ToLower(p.text)) {
			return nil
		}
		return t.Pattern.FindStringIndex(p.text)
	}
	return p.first(t.find)
}

// vocabFacts is vocabFacts with the mentions that count chosen by find
// (the first match of a wording that counts, or nil).
func (p *page) vocabFacts(field string, v Vocabulary, conf float64, find func(*page, Term) []int) []Fact {
	first := map[string][2]int{}
	var order []string
	for _, t := range v {
		loc := find(p, t)
		if loc == nil {
			continue
		}
		if prev, ok := first[t.Value]; !ok || loc[0] < prev[0] {
			if !ok {
				order = append(order, t.Value)
			}
			first[t.Value] = [2]int{loc[0], loc[1]}
		}
	}
	out := make([]Fact, 0, len(order))
	for _, val := range order {
		loc := first[val]
		out = append(out, factAt(p.text, loc[0], loc[1], field, val, nil, conf))
	}
	return out
}

// StatutoryItemIDs lists the statutory item ids the default extractor can find, in order.
func StatutoryItemIDs() []string { return Default().StatutoryItemIDs() }

// StatutoryItemIDs lists the statutory item ids the extractor can find, in order.
func (x *Extractor) StatutoryItemIDs() []string {
	var ids []string
	seen := map[string]bool{"S1.04": true}
	ids = append(ids, "S1.04") // found from the SENCO's name and contact, not from words
	for _, t := range x.statutoryItems {
		if !seen[t.Value] {
			seen[t.Value] = true
			ids = append(ids, t.Value)
		}
	}
	sort.Strings(ids)
	return ids
}
