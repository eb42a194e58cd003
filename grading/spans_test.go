package grading

import (
	"strings"
	"testing"

	"github.com/sendscope/sendscope/analysis"
)

// TestBadSpan: evidence is checked against the text at its offsets, the value
// it must hold, and the words the labels quote.
func TestBadSpan(t *testing.T) {
	body := []rune("Our SENCO is Mrs Ada Quill.\nThe Rowan Room is a resource base for up to 10 pupils with autism.\nWe have 312 pupils.")
	at := func(s string) (int, int) {
		i := strings.Index(string(body), s)
		return len([]rune(string(body)[:i])), len([]rune(string(body)[:i])) + len([]rune(s))
	}
	fact := func(field, value, ev string, n float64) analysis.Fact {
		s, e := at(ev)
		f := analysis.Fact{Field: field, Value: value, Evidence: ev, Start: s, End: e}
		if n != 0 {
			f.ValueNum = &n
		}
		return f
	}
	name := fact("senco.name", "Mrs Ada Quill", "Our SENCO is Mrs Ada Quill.", 0)
	shifted := name
	shifted.Start++
	base := fact("provision.specialist", "resource_base:ASD", "The Rowan Room is a resource base for up to 10 pupils with autism.", 10)
	for _, c := range []struct {
		name  string
		f     analysis.Fact
		field string
		quote string
		want  string // "" when the evidence is right
	}{
		{"a name in its sentence", name, "senco.name", "", ""},
		{"offsets off by one", shifted, "senco.name", "", "is not the text at"},
		{"a name not in its evidence", fact("senco.name", "Mrs Ida Moor", "Our SENCO is Mrs Ada Quill.", 0), "senco.name", "", "does not hold"},
		{"a count in its evidence", fact("stats.number_on_roll", "", "We have 312 pupils.", 312), "stats.number_on_roll", "", ""},
		{"a count not in it", fact("stats.number_on_roll", "", "We have 312 pupils.", 321), "stats.number_on_roll", "", "does not hold"},
		{"overlapping the labelled words", base, "provision.specialist", "a resource base for up to 10 pupils with autism", ""},
		{"elsewhere than the labelled words", base, "provision.specialist", "our SENCO is Mrs Ada Quill", "does not overlap"},
	} {
		got := badSpan(body, c.f, c.field, c.quote)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
