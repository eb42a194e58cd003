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
		"We do not have a specialist unit\nor resource base.\nSENCO\nsenco@school.uk"
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
