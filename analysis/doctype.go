package analysis

import (
	"sort"
	"strconv"
	"strings"
)

// typeEvidence is what a reader would go by to tell a policy from a report,
// and one school's document from a page about several: the cues of each kind
// the document gives (rules/doctype.tsv, by the cue's name, each counted once)
// and how many of the questions of the SEND Regulations 2014 Schedule 1 it
// answers in substance.
type typeEvidence struct {
	policy, report, several, college map[string]string // cue -> the words that gave it
	elsewhere                        string            // words saying the report is another document
	items                            int               // Schedule 1 items covered by content
}

// typeWindow is how much of a document its type is read from: a policy's
// duties and a report's answers lie well past its opening.
const typeWindow = 30000

// typeEvidence reads a document's cues.
func (x *Extractor) typeEvidence(body string) typeEvidence {
	text := head(body, typeWindow)
	lower := strings.ToLower(text)
	e := typeEvidence{policy: map[string]string{}, report: map[string]string{}, several: map[string]string{}, college: map[string]string{}}
	for field, into := range map[string]map[string]string{"doctype.policy": e.policy, "doctype.report": e.report,
		"doctype.several_schools": e.several, "doctype.college": e.college} {
		for _, r := range x.rules.Rules(field) {
			if _, ok := into[r.Value]; ok {
				continue
			}
			re := r.Regexp()
			if g, ok := x.gates[re]; ok && !g.mayMatch(text, lower) {
				continue
			}
			if m := re.FindString(text); m != "" {
				into[r.Value] = m
			}
		}
	}
	for _, r := range x.rules.Rules("doctype.report_elsewhere") {
		if m := r.Regexp().FindString(text); m != "" {
			e.elsewhere = m
			break
		}
	}
	for _, f := range statutoryFacts(text, x.statutoryItems, 0) {
		if strings.HasPrefix(f.Value, "S1.") {
			e.items++
		}
	}
	return e
}

// aboutSeveralSchools says whether the document is about several schools, each
// on its own: one says each school has its own SENCO or report, or two
// different cues say there are several.
func (e typeEvidence) aboutSeveralSchools() bool {
	return e.several["own"] != "" || len(e.several) >= 2
}

// aCollege says whether the document is a further-education college's page:
// two different cues (its learning support, its kind, its courses).
func (e typeEvidence) aCollege() bool { return len(e.college) >= 2 }

// policySubstance says whether the document reads as a policy: it calls itself
// one, or gives two different kinds of a policy's furniture (review, approval,
// roles, duties, legislation, aims).
func (e typeEvidence) policySubstance() bool {
	return e.policy["self"] != "" || len(e.policy) >= 2
}

// String lists the cues, for tests and messages.
func (e typeEvidence) String() string {
	keys := func(m map[string]string) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return strings.Join(ks, ",")
	}
	s := "policy[" + keys(e.policy) + "] report[" + keys(e.report) + "] several[" + keys(e.several) + "] college[" + keys(e.college) + "]"
	if e.elsewhere != "" {
		s += " elsewhere"
	}
	return s + " items=" + strconv.Itoa(e.items)
}
