package analysis

import (
	"strings"
	"testing"

	"github.com/sendscope/sendscope/analysis/textstage"
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
		{"a numbered heading ending on 'for' is not the sentence after it", "2. Needs we make provision for\nWe welcome pupils with autism and with dyslexia.\n",
			"autism", "We welcome pupils with autism and with dyslexia."},
		{"an e-mail address after 'or at' is the sentence's", "Ms Akande can be reached through the\nschool office on 01632 960 222 or at\noffice@elmfield.example.sch.uk.\n",
			"01632", "Ms Akande can be reached through the\nschool office on 01632 960 222 or at\noffice@elmfield.example.sch.uk."},
		{"a row of contacts under a name is a line of its own", "Inclusion Lead: Mrs Hana Sato, National Award for SEN Co-ordination\nh.sato@elmfield.example.sch.uk | 01632 960 223\n",
			"01632", "h.sato@elmfield.example.sch.uk | 01632 960 223"},
		{"a hyphenated word", "Pupils with specific learn-\ning difficulties have a reading plan.\n",
			"reading plan", "Pupils with specific learn-\ning difficulties have a reading plan."},
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

// TestEvidenceTakesTheStagesLines: evidence joins the lines the text stage's
// blocks join, and no others (one rule decides both): the evidence for the
// first line of a block with no sentence end inside it is the block.
func TestEvidenceTakesTheStagesLines(t *testing.T) {
	text := "HOW WE SUPPORT PUPILS WITH SEND\n" +
		"Every class has a teaching assistant for part of each day, and the SENCO\n" +
		"meets each class teacher every half term\n" +
		"• Speech and language groups run by a trained assistant twice weekly\n" +
		"● Reading recovery\n" +
		"Contact: Mr Idris Vaughan, SENCO\n" +
		"i.vaughan@elmfield.example.sch.uk | 01632 960 224\n" +
		"Introduction ............ 1\n" +
		"Our offer ............... 2\n" +
		"Our SENCO is Mrs\n" +
		"Okonkwo-Reyes\n"
	for _, b := range textstage.Blocks(text) {
		block := text[b.Start:b.End]
		at := b.Start + strings.IndexFunc(block, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' })
		end := b.Start + strings.IndexByte(block+"\n", '\n')
		if got, _, _ := span(text, at, end); got != strings.TrimSpace(block) {
			t.Errorf("evidence %q, the stage's block %q", got, block)
		}
	}
}
