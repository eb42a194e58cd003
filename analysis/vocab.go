package analysis

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"regexp"
	"strings"
)

//go:embed vocab/*.tsv
var vocabFiles embed.FS

// Term is one wording of a vocabulary value.
type Term struct {
	Value   string
	Pattern *regexp.Regexp
}

// Vocabulary maps wordings to values, e.g. "autistic spectrum" to ASD.
type Vocabulary []Term

// ParseVocabulary reads "value<TAB>pattern" lines; # starts a comment. Patterns are
// case-insensitive unless they start with (?-i). name is used in error messages.
func ParseVocabulary(r io.Reader, name string) (Vocabulary, error) {
	var v Vocabulary
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" || strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		value, pattern, ok := strings.Cut(s, "\t")
		if !ok || strings.TrimSpace(value) == "" || strings.TrimSpace(pattern) == "" {
			return nil, fmt.Errorf("%s:%d: expected value<TAB>pattern", name, line)
		}
		re, err := regexp.Compile("(?i)" + pattern)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: bad pattern: %v", name, line, err)
		}
		v = append(v, Term{Value: strings.TrimSpace(value), Pattern: re})
	}
	return v, sc.Err()
}

func mustVocab(file string) Vocabulary {
	f, err := vocabFiles.Open("vocab/" + file)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	v, err := ParseVocabulary(f, file)
	if err != nil {
		panic(err)
	}
	return v
}

var (
	needAreas = mustVocab("need_areas.tsv")
	needTypes = mustVocab("need_types.tsv")
)

// vocabFacts emits one fact per value the text names, quoting its first mention.
func vocabFacts(text, field string, v Vocabulary, conf float64) []Fact {
	first := map[string][2]int{}
	var order []string
	for _, t := range v {
		loc := t.Pattern.FindStringIndex(text)
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
		out = append(out, factAt(text, loc[0], loc[1], field, val, nil, conf))
	}
	return out
}
