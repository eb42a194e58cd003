package classify

import (
	"sort"
	"strings"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// typeEvidence is what a reader would go by to tell a policy from a report,
// and one school's document from a page about several: the cues of each kind
// the document gives (rules/doctype.tsv, by the cue's name, each counted once).
// Each kind is read when first asked for, so a page that is plainly one kind
// is not searched for every other.
type typeEvidence struct {
	x           Reader
	text, lower string
	kinds       map[string]map[string]string // field -> cue -> the words that gave it
}

// typeWindow is how much of a document its type is read from: a policy's
// duties and a report's answers lie past its opening, but not far past.
const typeWindow = 15000

// evidenceOf gives the cues of a document's text, read on demand.
func evidenceOf(x Reader, body string) *typeEvidence {
	text := textstage.Head(body, typeWindow)
	return &typeEvidence{x: x, text: text, lower: strings.ToLower(text), kinds: map[string]map[string]string{}}
}

// cues are the cues of one kind (a field of rules/doctype.tsv) the text gives.
func (e *typeEvidence) cues(field string) map[string]string {
	if got, ok := e.kinds[field]; ok {
		return got
	}
	into := map[string]string{}
	for _, r := range e.x.Rules().Rules(field) {
		if _, ok := into[r.Value]; ok {
			continue
		}
		if ms := e.x.FindInWindows(r.Regexp(), e.text, e.lower, 1); len(ms) > 0 {
			into[r.Value] = e.text[ms[0][0]:ms[0][1]]
		}
	}
	e.kinds[field] = into
	return into
}

// policy, report and several are the cues of a policy, of a report and of a
// page about several schools; elsewhere says the report is another document.
func (e *typeEvidence) policy() map[string]string  { return e.cues("doctype.policy") }
func (e *typeEvidence) report() map[string]string  { return e.cues("doctype.report") }
func (e *typeEvidence) several() map[string]string { return e.cues("doctype.several_schools") }
func (e *typeEvidence) elsewhere() bool            { return len(e.cues("doctype.report_elsewhere")) > 0 }

// aboutSeveralSchools says whether the document is about several schools, each
// on its own: one says each school has its own SENCO or report, or two
// different cues say there are several.
func (e *typeEvidence) aboutSeveralSchools() bool {
	s := e.several()
	return s["own"] != "" || len(s) >= 2
}

// oneOfThem says whether the document is one school's of a group, by its own
// account ("Ashby Primary is one of seven schools in the Vale Trust") and
// naming at most one SENCO: what it says of the group's schools is context.
func (e *typeEvidence) oneOfThem(sencoNames int) bool {
	return len(e.cues("doctype.one_school")) > 0 && sencoNames <= 1
}

// aCollege says whether the document is a further-education college's page:
// two different cues (its learning support, its kind, its courses).
func (e *typeEvidence) aCollege() bool { return len(e.cues("doctype.college")) >= 2 }

// policySubstance says whether the document reads as a policy: it calls itself
// one, or gives two different kinds of a policy's furniture (review, approval,
// roles, duties, legislation, aims).
func (e *typeEvidence) policySubstance() bool {
	p := e.policy()
	return p["self"] != "" || len(p) >= 2
}

// callsItselfReport says whether the document calls itself the report.
func (e *typeEvidence) callsItselfReport() bool { return e.report()["self"] != "" }

// String lists every kind's cues, for tests and messages.
func (e *typeEvidence) String() string {
	var fields []string
	for _, r := range e.x.Rules().All() {
		if strings.HasPrefix(r.Field, "doctype.") {
			fields = append(fields, r.Field)
		}
	}
	sort.Strings(fields)
	var out []string
	for i, f := range fields {
		if i > 0 && fields[i-1] == f {
			continue
		}
		var ks []string
		for k := range e.cues(f) {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		out = append(out, strings.TrimPrefix(f, "doctype.")+"["+strings.Join(ks, ",")+"]")
	}
	return strings.Join(out, " ")
}

// Evidence lists the cues of every kind a text gives with x's tables
// ("policy[review,self] report[] several_schools[own] ..."), for tests and
// messages.
func Evidence(x Reader, text string) string { return evidenceOf(x, text).String() }
