package textstage

import (
	"strings"
	"testing"
)

func TestBlocks(t *testing.T) {
	text := "Meet our SENCO\n" +
		"SENCO: Mrs Ada Bee\n" +
		"- Works Monday and Tuesday\n" +
		"Name\tRole\n" +
		"This sentence was wrapped by the PDF's layout across two lines of\n" +
		"text, and goes on here.\n\n" +
		"A short line\nthat is not wrapped.\n\n" +
		"Our SENCO works on Mondays. She holds the\nNational Award for SEN Co-ordination.\n\n" +
		"We do not have a specialist unit\nor resource base.\nSENCO\nsenco@school.uk\n\n" +
		"HOW WE REVIEW PROGRESS\n" +
		"Targets are set with the family each term and are reviewed with the class teacher in the spring\n" +
		"● Reading recovery\n" +
		"(ii) Speech and language groups\n" +
		"Name | Role\n" +
		"Our SENCO is Mrs\nOkafor."
	var got []string
	for _, b := range Blocks(text) {
		s := b.Kind.String() + ":" + text[b.Start:b.End]
		if b.Kind == LabelValue {
			s += " [" + text[b.Label.Start:b.Label.End] + "]"
		}
		got = append(got, s)
	}
	want := []string{
		"heading:Meet our SENCO",
		"label_value:SENCO: Mrs Ada Bee [SENCO]",
		"list_item:- Works Monday and Tuesday",
		"table_row:Name\tRole",
		"paragraph:This sentence was wrapped by the PDF's layout across two lines of\ntext, and goes on here.",
		"heading:A short line",
		"paragraph:that is not wrapped.",
		// A short line cut after "the" goes on in the next.
		"paragraph:Our SENCO works on Mondays. She holds the\nNational Award for SEN Co-ordination.",
		// A narrow column's line goes on in the next when that starts in lower case.
		"paragraph:We do not have a specialist unit\nor resource base.",
		"heading:SENCO",
		"heading:senco@school.uk",
		"heading:HOW WE REVIEW PROGRESS",
		// A long line does not take the bullet, the item or the row after it.
		"paragraph:Targets are set with the family each term and are reviewed with the class teacher in the spring",
		"list_item:● Reading recovery",
		"list_item:(ii) Speech and language groups",
		"table_row:Name | Role",
		// A title goes on to its name.
		"paragraph:Our SENCO is Mrs\nOkafor.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSentencesAndClauses(t *testing.T) {
	cases := []struct {
		text      string
		sentences []string
		clauses   []string // of the first sentence
	}{
		{"Our SENCO is Mrs. K. Bell. She holds QTS.", []string{"Our SENCO is Mrs. K. Bell.", "She holds QTS."}, []string{"Our SENCO is Mrs. K. Bell."}},
		// A figure before a full stop ends the sentence; an initial does not.
		{"She taught in Year 6. She now leads SEND.", []string{"She taught in Year 6.", "She now leads SEND."}, nil},
		{"He is studying for the NPQ, and has QTS; he works 0.6 FTE", []string{"He is studying for the NPQ, and has QTS; he works 0.6 FTE"},
			[]string{"He is studying for the NPQ", ", and has QTS", "; he works 0.6 FTE"}},
		{"Is the SENCO in school? Yes! Every day.", []string{"Is the SENCO in school?", "Yes!", "Every day."}, nil},
	}
	for _, c := range cases {
		d := Read(c.text, Builtin())
		var got []string
		for _, s := range d.Sentences {
			got = append(got, c.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.sentences, "|") {
			t.Errorf("%q: sentences %q, want %q", c.text, got, c.sentences)
		}
		if c.clauses != nil {
			var cl []string
			for _, s := range d.Sentences[0].Clauses {
				cl = append(cl, c.text[s.Start:s.End])
			}
			if strings.Join(cl, "|") != strings.Join(c.clauses, "|") {
				t.Errorf("%q: clauses %q, want %q", c.text, cl, c.clauses)
			}
		}
		// Every offset points into the text, and SentenceAt finds each sentence.
		for i, s := range d.Sentences {
			if got := d.SentenceAt(s.Start); got != i {
				t.Errorf("%q: SentenceAt(%d) = %d, want %d", c.text, s.Start, got, i)
			}
		}
	}
}

func TestPolarity(t *testing.T) {
	slt := `\b(?:{member_of})\s+(?:the\s+|our\s+)?(?:(?:school|academy|college)(?:'?s)?\s+)?(?:{slt_team})`
	award := `NASENCO`
	cases := []struct {
		text, pattern string
		want          Polarity
	}{
		{"Mrs Varley is on the senior team.", slt, 0},
		{"Mrs Varley is not on the senior team.", slt, Negated},
		{"She is not part of the leadership team.", slt, Negated},
		{"He is not a member of the college leadership team.", slt, Negated},
		{"She is no longer part of the senior leadership team.", slt, Negated | Former},
		{"She isn't currently on the SLT.", slt, Negated},
		// A "not" in another clause, or far before, says nothing of the mention.
		{"She does not teach, but is a member of the SLT.", slt, 0},
		{"The SENCO must ensure that she is part of the SLT.", slt, Duty},
		{"She is working towards the NASENCO.", award, Planned},
		{"She is studying for the NPQ, and has the NASENCO.", award, 0},
		{"She was formerly the holder of a NASENCO.", award, Former},
	}
	for _, c := range cases {
		d := Read(c.text, Builtin())
		p, err := Builtin().Expand(c.pattern)
		if err != nil {
			t.Fatal(err)
		}
		ms := d.Find(mustCompile(t, p), nil, -1, nil)
		if len(ms) != 1 {
			t.Errorf("%q: %d mentions", c.text, len(ms))
			continue
		}
		if ms[0].Polarity != c.want {
			t.Errorf("%q: %s, want %s", c.text, ms[0].Polarity, c.want)
		}
	}
}

func TestOthers(t *testing.T) {
	who := &Subject{Person: mustCompile(t, `\b(?:Mrs|Ms|Mr)\s+[A-Z][a-z]+`), Self: mustCompile(t, `(?i)\bSENCO\b|\bshe\b`),
		Is: func(p string) bool { return p == "Mrs Bee" }}
	cases := []struct {
		text string
		want Polarity
	}{
		{"Mrs Bee works three days a week.", 0},
		{"Our therapist, Ms Dow, works three days a week.", Others},
		{"Ms Dow supports Mrs Bee, who works three days a week.", 0},
		{"Ms Dow supports the SENCO, who works three days a week.", 0},
	}
	for _, c := range cases {
		d := Read(c.text, Builtin())
		ms := d.Find(mustCompile(t, `three days a week`), nil, -1, who)
		if len(ms) != 1 || ms[0].Polarity != c.want {
			t.Errorf("%q: %v, want %s", c.text, ms, c.want)
		}
	}
}

func TestLexiconValues(t *testing.T) {
	l := Builtin()
	for w, want := range map[string]float64{"two and a half": 2.5, "Three": 3, "half a": 0.5, "2.5": 2.5, "twelve": 12, "twelfth": 0, "Nine": 9, "twenty-three": 23, "Thirty-one": 31, "1,142": 1142, "a dozen": 0} {
		if got := l.Number(w); got != want {
			t.Errorf("Number(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]string{"Monday": "0", "tues": "1", "Weds": "2", "THURS": "3", "fri": "4"} {
		if got, ok := l.Value("weekday", w); !ok || got != want {
			t.Errorf("weekday %q = %q, want %q", w, got, want)
		}
	}
	// A count of days is at most five: "twelve" is a count of pupils or places.
	if _, ok := l.Value("number_word", "twelve"); ok {
		t.Error("twelve read as a number of days")
	}
	if _, ok := l.Value("weekday", "Saturday"); ok {
		t.Error("Saturday read as a school day")
	}
}

func TestTablesSayWhereTheyAreWrong(t *testing.T) {
	cases := []struct{ table, want string }{
		{"senco.fte\t$1\t(0\\.\\d) FTE\n+\t0.6 FTE\n", ""},
		{"+\tan example first\n", "x.tsv:1: an example (+) before any rule"},
		{"senco.fte\t$1\n", "x.tsv:1: expected field<TAB>value<TAB>pattern"},
		{"senco.fte\t$1\t(unclosed\n", "x.tsv:1: bad pattern"},
		{"senco.fte\t$1\t{nope}\n", "x.tsv:1: unknown fragment {nope}"},
		{"senco.fte\t$3\t(0\\.\\d)\n", "x.tsv:1: value \"$3\""},
		{"senco.days_per_week\trange($1,$2)\t(mon)\n", "reads group 2; the pattern has 1"},
		{"senco.fte\t$1\tFTE\n", "reads group 1; the pattern has 0"},
		{"senco.fte\t1\tx\t1.5\n", "x.tsv:1: confidence"},
	}
	for _, c := range cases {
		_, err := ParseRules(strings.NewReader(c.table), "x.tsv", Builtin(), nil)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: %v", c.table, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: got %v, want %q", c.table, err, c.want)
		}
	}
	// An example the rule gets wrong is named by its line.
	tb, err := ParseRules(strings.NewReader("senco.fte\t$1\t(0\\.\\d) FTE\n+\t0.6 FTE\n-\tis 0.6 FTE\n"), "x.tsv", Builtin(), nil)
	if err != nil {
		t.Fatal(err)
	}
	errs := tb.All()[0].Check()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "x.tsv:3") {
		t.Errorf("errors %v, want one naming x.tsv:3", errs)
	}
}

// TestSoftWrapped: the one line-wrap rule, on pairs of lines in the shapes
// converted reports take (our own words). wrapped: the sentence, item or cell
// goes on in the next line; otherwise the break is real.
func TestSoftWrapped(t *testing.T) {
	cases := []struct {
		why, line, next string
		wrapped         bool
	}{
		// A PDF's running text, wrapped at the column's width.
		{"long line, sentence goes on", "Pupils who need more help than the class teacher can give are talked", "through with the SENCO and their parents.", true},
		{"long line, next starts a capital", "The school works closely with the educational psychology service and", "Fernbrook Speech and Language Therapy to plan support.", true},
		{"narrow column, lower case next", "We do not run a specialist unit", "or a resource base on this site.", true},
		{"lower case word alone", "support for visual impairment, hearing impairment and physical", "disabilities", true},
		{"lower case word and its stop", "the inclusion team of nine teaching", "assistants.", true},
		{"short line, lower case next", "Our values", "every child belongs here", false},
		{"heading over a lower-case item", "What we offer", "weekly drop-in sessions for parents", false},
		{"a comma, then lower case", "By phone,", "or by letter", true},
		{"sentence ended", "Every pupil has a one-page profile which their teachers read.", "Parents are asked to add to it each term.", false},
		{"question ended", "How will I know how my child is doing?", "You will meet the class teacher each term.", false},
		{"stop inside a closing quote", `Ms Idowu said: "Every child is known here."`, "(Governors' report, 2025)", false},
		// Words broken at the line's end.
		{"hyphenated word", "specific learn-", "ing difficulties such as dyscalculia", true},
		{"a dash, not a hyphen", "Autism Outreach -", "Fernbrook Council", false},
		{"hyphenated, capital next", "the Anglo-", "Saxon village", false},
		// Bullets of every glyph, and numbered and lettered items.
		{"bullet •", "Support is planned with the family and reviewed at least three times a year", "• Speech and language therapy", false},
		{"bullet ●", "Support is planned with the family and reviewed at least three times a year", "● Speech and language therapy", false},
		{"bullet ▪", "Support is planned with the family and reviewed at least three times a year", "▪ Speech and language therapy", false},
		{"bullet ◦", "Support is planned with the family and reviewed at least three times a year", "◦ Speech and language therapy", false},
		{"bullet -", "Support is planned with the family and reviewed at least three times a year", "- Speech and language therapy", false},
		{"bullet *", "Support is planned with the family and reviewed at least three times a year", "* Speech and language therapy", false},
		{"bullet –", "Support is planned with the family and reviewed at least three times a year", "– Speech and language therapy", false},
		{"bullet ➢", "Support is planned with the family and reviewed at least three times a year", "➢ Speech and language therapy", false},
		{"bullet ✓", "Support is planned with the family and reviewed at least three times a year", "✓ Speech and language therapy", false},
		{"bullet >", "Support is planned with the family and reviewed at least three times a year", "> Speech and language therapy", false},
		{"Word's o bullet", "Support is planned with the family and reviewed at least three times a year", "o Speech and language therapy", false},
		{"a bullet alone on its line", "The pupil has a statement of need from the local authority (EHC plan)", "•", false},
		{"one bullet to the next", "• Sensory needs, including children who are deaf or who have low vision", "• Physical needs", false},
		{"a bullet's wrapped line", "• Sensory needs, including children who are deaf or who have low", "vision", true},
		{"numbered 1.", "Our approach follows the graduated response set out in the Code of Practice", "1. Assess", false},
		{"numbered 2)", "Our approach follows the graduated response set out in the Code of Practice", "2) Plan", false},
		{"lettered a)", "Our approach follows the graduated response set out in the Code of Practice", "a) Do", false},
		{"lettered (b)", "Our approach follows the graduated response set out in the Code of Practice", "(b) Review", false},
		{"roman (i)", "Our approach follows the graduated response set out in the Code of Practice", "(i) the first review", false},
		{"roman iv.", "Our approach follows the graduated response set out in the Code of Practice", "iv. the fourth review", false},
		{"a numbered heading ending on 'for'", "3. The needs we make provision for", "Hollybrook is a mainstream primary school.", false},
		// "Label: value" lines, and a line ending in a colon.
		{"label line next", "Qualifications: QTS, National Award for SEN Co-ordination (2021)", "Days in school: Monday to Wednesday", false},
		{"a label alone next", "Mrs Ruth Adeyemi leads inclusion across the two sites of the federation", "Contact:", false},
		{"line ends in a colon", "Pupils may be offered:", "small group teaching in English and maths", false},
		{"a lower-case clause with a colon goes on", "We keep a register of the pupils who receive support, and of the", "kinds of help they receive: reading, number and social skills.", true},
		// Table rows, with bars or tabs, and a contents page's leaders.
		{"a row of bars", "Name | Role | Days", "Mrs A Osei | SENCO | Mon-Wed", false},
		{"a long row of bars", "Inclusion Lead | Mr T Brannigan | Mondays, Tuesdays and every other Friday", "by appointment", false},
		{"a row of tabs", "Mr Ola Bankole\tSENCO\tTuesday to Friday morning and Thursday all day", "Mrs Jo Lee\tTeaching assistant\tEvery day", false},
		{"a long line, then a row", "The staff who support pupils with SEND at Hollybrook this year are listed here", "Mrs A Osei | SENCO | Mon-Wed", false},
		{"leader row", "How we identify special educational needs ........................ 4", "How we involve parents and carers .............................. 5", false},
		{"a contents entry wrapped before its leader", "How we consult parents and pupils and involve them in planning their", "support ......................................... 6", true},
		{"leader row of a table", "Pupils on the SEN register ......................... 38", "Pupils with an EHC plan ........................... 7", false},
		// Headings in capitals.
		{"capitals heading next", "Every class has a teaching assistant for at least part of each day and week", "HOW WE ASSESS AND REVIEW PROGRESS", false},
		{"capitals heading as the line", "SPECIAL EDUCATIONAL NEEDS AND DISABILITIES INFORMATION REPORT FOR FAMILIES", "Published September 2025", false},
		{"a name in capitals after a title", "The member of staff responsible is Mrs", "O ADEBAYO", true},
		{"a name after a title with a stop", "Our SENCO this year is Mrs.", "Ndlovu, who joined us from Castleford.", true},
		// Words no sentence ends on, and words a heading may end on.
		{"cut after 'the'", "Our SENCO works on Tuesdays. She holds the", "National Award for SEN Co-ordination.", true},
		{"cut after 'and'", "Social, Emotional and", "Mental Health", true},
		{"cut after 'our'", "Please speak to our", "Inclusion Manager first.", true},
		{"a heading ending on 'for'", "The needs we provide for", "We are a mainstream infant school.", false},
		{"a heading ending on 'with'", "Who we work with", "Educational Psychology Service", false},
		{"a long heading ending on 'for'", "The areas of need we make provision for", "Hollybrook welcomes pupils with a wide range of needs.", false},
		{"prose ending on 'by'", "with a hearing support base commissioned by", "Fernbrook Council. There are twelve places.", true},
		{"prose with a comma ending on 'with'", "Each term, the SENCO meets with", "Ms Dobrowolska to review the register.", true},
		{"a sentence ended, then one ending on 'is'", "She joined in 2022. Her working day is", "Monday to Wednesday.", true},
		{"a question ending on 'is'", "Who our SENCO is", "Mrs Farah Quraishi", false},
		// An address block's short lines, a name over a role.
		{"address block", "Hollybrook Primary School", "Crane Lane", false},
		{"address block, comma", "Crane Lane,", "Fernbrook FB4 2QT", false},
		{"a name over a role", "Mr Dev Chaudhry", "Special Educational Needs Co-ordinator", false},
		{"a name over a lower-case note", "Mrs Helen Marsh", "via the school office", false},
		// Addresses wrapped, and an address after a line that needs it.
		{"e-mail address cut after a hyphen", "Please write to g.marsh@hollybrook-", "primary.example.sch.uk with any questions", true},
		{"e-mail address cut after its @", "or by e-mail to senco@", "hollybrook.example.sch.uk", true},
		{"web address cut after a slash", "The local offer is at https://www.fernbrook.example.gov.uk/", "send/local-offer.html", true},
		{"web address cut after a dot", "The local offer is at www.fernbrook.example.", "gov.uk/send", true},
		{"a whole address, then a sentence", "The local offer is at www.fernbrook.example.gov.uk.", "the team answers within a week", false},
		{"an e-mail after 'at'", "through the school office on 01632 960 555 or at", "office@hollybrook.example.sch.uk.", true},
		{"an e-mail on its own line", "Acting SENCO: Ms R Lindqvist (to July 2026)", "r.lindqvist@hollybrook.example.sch.uk", false},
		{"a web address on its own line", "Fernbrook Council's Local Offer for families", "www.fernbrook.example.gov.uk/localoffer", false},
		// Blank lines.
		{"next is blank", "The needs we provide for and how we meet them in every class", "", false},
		{"line is blank", "", "We are a mainstream school.", false},
	}
	for _, c := range cases {
		if got := SoftWrapped(c.line, c.next); got != c.wrapped {
			t.Errorf("%s: SoftWrapped(%q, %q) = %v, want %v", c.why, c.line, c.next, got, c.wrapped)
		}
		// Only the first line after the break is read.
		if got := SoftWrapped(c.line, c.next+"\n• and a bullet"); got != c.wrapped {
			t.Errorf("%s: with a line after: %v, want %v", c.why, got, c.wrapped)
		}
	}
}
