package analysis

import (
	"strings"
	"testing"
)

// TestEvidenceSentenceAcrossWrappedLines: evidence is the whole sentence a PDF
// or a narrow column wrapped over several lines, and no more: a heading, the
// next list item or the next "Label: value" line is not part of it (lines
// written by us, in the shapes converted reports take).
func TestEvidenceSentenceAcrossWrappedLines(t *testing.T) {
	cases := []struct {
		name, text, at, want string
	}{
		{"a short line ending on 'the'", "Trust. Mrs Lane leads SEND across the three\nschools and is based at Hill\nBridge on Mondays and Fridays. She holds the\nNational Award for SEN Co-ordination and in 2024 she\ncompleted the NPQ for SENCOs.\n",
			"National Award", "She holds the\nNational Award for SEN Co-ordination and in 2024 she\ncompleted the NPQ for SENCOs."},
		{"carried on in lower case", "Our SENCO can be reached through\nthe school office on 01632 960111.\n",
			"01632", "Our SENCO can be reached through\nthe school office on 01632 960111."},
		{"a heading ending on 'for' stays a heading", "The needs we provide for\nWe are a mainstream infant school.\n",
			"needs we", "The needs we provide for"},
		{"the next bullet is another item", "• Social, Emotional and Mental Health needs (SEMH)\n• Speech, Language and Communication Needs (SLCN)\n",
			"Emotional", "• Social, Emotional and Mental Health needs (SEMH)"},
		{"a label line after a long one", "Qualifications: BEd (Hons), National Award for SEN Coordination\nTime for the role: 2 days per week\n",
			"2 days", "Time for the role: 2 days per week"},
		{"an address on the next line is not carried on", "Acting SENCo: Mr P. Nowak (until Easter 2026)\nsenco@hill.example.sch.uk\n",
			"Nowak", "Acting SENCo: Mr P. Nowak (until Easter 2026)"},
		{"a wrapped item, then the next item", "• Cognition and Learning, including moderate learning difficulties and specific\nlearning difficulties such as dyslexia\n• Sensory and/or physical needs\n",
			"dyslexia", "• Cognition and Learning, including moderate learning difficulties and specific\nlearning difficulties such as dyslexia"},
	}
	for _, c := range cases {
		at := strings.Index(c.text, c.at)
		if at < 0 {
			t.Fatalf("%s: %q not in the text", c.name, c.at)
		}
		if got, _, _ := span(c.text, at, at+len(c.at)); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
