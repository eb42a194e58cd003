package classify

import (
	"os"
	"regexp"
	"testing"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// tableReader reads with the compiled-in doctype table alone, read from its
// file: the cues without the rest of the extractor (package analysis imports
// this one, so its tests cannot import analysis).
type tableReader struct{ rules *textstage.Table }

func (r tableReader) Rules() *textstage.Table { return r.rules }
func (r tableReader) FindInWindows(re *regexp.Regexp, text, _ string, n int) [][]int {
	return re.FindAllStringSubmatchIndex(text, n)
}
func (r tableReader) Role() *regexp.Regexp      { return regexp.MustCompile(`(?i)\bSENCO\b`) }
func (r tableReader) NeedCount(text string) int { return 0 }

func tablesOnly(t *testing.T) Reader {
	f, err := os.Open("../rules/doctype.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rules, err := textstage.ParseRules(f, "rules/doctype.tsv", textstage.Builtin(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return tableReader{rules}
}

// TestTypeEvidence: the cues each kind of document gives, counted once each.
func TestTypeEvidence(t *testing.T) {
	x := tablesOnly(t)
	e := evidenceOf(x, "This policy sets out our duties.\nNext review: May 2026\nRoles and responsibilities\nNext review: May 2027")
	if len(e.policy()) != 3 || len(e.report()) != 0 || !e.policySubstance() {
		t.Errorf("a policy's cues: %v", e)
	}
	e = evidenceOf(x, "This year we have introduced a nurture group. How does the school know if my child needs help? 23 pupils receive SEN support.")
	if len(e.report()) < 3 || e.policySubstance() {
		t.Errorf("a report's cues: %v", e)
	}
	// One cue said twice is one piece of evidence; a school of its own is another.
	e = evidenceOf(x, "The trust is a family of four schools. All four schools share a SENCO network.")
	if e.aboutSeveralSchools() {
		t.Errorf("one cue, twice: %v", e)
	}
	e = evidenceOf(x, "The trust is a family of four schools. Each school has its own SENCO.")
	if !e.aboutSeveralSchools() || e.several()["own"] == "" {
		t.Errorf("several schools: %v", e)
	}
	e = evidenceOf(x, "Our federation of two schools shares one SENCO.")
	if e.aboutSeveralSchools() {
		t.Errorf("a federation of two is not several: %v", e)
	}
	e = evidenceOf(x, "The SEN information report is published separately on the school website.")
	if !e.elsewhere() {
		t.Errorf("the report elsewhere: %v", e)
	}
}
