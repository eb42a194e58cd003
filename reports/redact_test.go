package reports

import (
	"regexp"
	"strings"
	"testing"
)

// knownPeople are the names a store might hold as senco.name and governor.name
// facts: one person written two ways (Strogen), two people sharing a surname
// (Hart), a surname that is an English word (Hope), and surnames of several words.
var knownPeople = map[string]string{
	"Mrs Julie Strogen":        "senco.name",
	"Mrs J Strogen":            "senco.name",
	"Mr Daniel Okafor":         "governor.name",
	"Mr A Hart":                "senco.name",
	"Mrs Beatrice Hart":        "senco.name",
	"Ms Grace Hope":            "senco.name",
	"Dr Siobhan O'Brien":       "governor.name",
	"Mrs Anna Smith-Jones":     "senco.name",
	"Mr Pieter van der Berg":   "senco.name",
	"Mrs K. McKinley (SENCO)":  "senco.name",
	"Mr":                       "governor.name",
	"senco@ash.example.sch.uk": "senco.email",
	"01632 960500":             "senco.phone",
}

var tokenRe = regexp.MustCompile(`person-[0-9a-f]{10}`)

func TestRedactorEveryNameForm(t *testing.T) {
	r := NewRedactor("k", knownPeople)
	tok := func(name string) string { return r.Text(name) }
	julie, okafor, aHart, bHart, hope := tok("Mrs Julie Strogen"), tok("Mr Daniel Okafor"), tok("Mr A Hart"), tok("Mrs Beatrice Hart"), tok("Ms Grace Hope")
	for _, p := range []string{julie, okafor, aHart, bHart, hope} {
		if !tokenRe.MatchString(p) || strings.Contains(p, " ") {
			t.Fatalf("a known name did not become one token: %q", p)
		}
	}
	if aHart == bHart {
		t.Fatal("Mr A Hart and Mrs Beatrice Hart share a token")
	}
	ambiguous := "" // a generic token: any, but no Hart's
	cases := []struct {
		name, in string
		want     string // the token the mention must get ("" : any token, checked not to leak)
		leak     []string
	}{
		{"full name", "Our SENCO is Mrs Julie Strogen.", julie, nil},
		{"no title", "Julie Strogen leads SEN.", julie, nil},
		{"title and surname", "Contact Mrs Strogen.", julie, nil},
		{"initial", "J Strogen", julie, nil},
		{"initial with dot", "J. Strogen", julie, nil},
		{"title, initial and dot", "Mrs J. Strogen", julie, nil},
		{"two initials glued", "J.A. Strogen", julie, nil},
		{"two initials spaced", "J. A. Strogen", julie, nil},
		{"initial, no space", "Mrs J.Strogen", julie, nil},
		{"title with dot", "Mrs. Strogen", julie, nil},
		{"capitals", "MRS STROGEN", julie, nil},
		{"capitals full", "MRS JULIE STROGEN", julie, nil},
		{"lower case with title", "mrs strogen", julie, nil},
		{"line break", "Mrs\nStrogen", julie, nil},
		{"line break before given", "Mrs\r\nJulie\n Strogen", julie, nil},
		{"non-breaking space", "Mrs\u00a0J\u00a0Strogen", julie, nil},
		{"run of spaces", "Mrs    Julie \t  Strogen", julie, nil},
		{"bare surname capitalised", "Strogen said so.", julie, nil},
		{"bare surname possessive", "Strogen's office", julie, nil},
		{"pdf line break, other person", "please contact Mr\nOkafor", okafor, nil},
		{"first name and surname", "Daniel Okafor", okafor, nil},
		{"initial for the other Hart", "Mr A. Hart", aHart, nil},
		{"title picks the only Mrs Hart", "Mrs Hart", bHart, nil},
		{"title picks the only Mr Hart", "Mr Hart", aHart, nil},
		{"initial B picks Beatrice", "B Hart", bHart, nil},
		{"full first name Hart", "Beatrice Hart", bHart, nil},
		{"ambiguous: Dr Hart", "Dr Hart", ambiguous, nil},
		{"ambiguous: initial of neither", "Mrs C Hart", ambiguous, nil},
		{"word surname with title", "Ms Hope", hope, nil},
		{"word surname with initial", "G. Hope", hope, nil},
		{"apostrophe surname", "Dr O'Brien", tok("Dr Siobhan O'Brien"), []string{"Brien"}},
		{"curly apostrophe", "Dr O’Brien", tok("Dr Siobhan O'Brien"), []string{"Brien"}},
		{"hyphenated surname", "Mrs Smith-Jones", tok("Mrs Anna Smith-Jones"), []string{"Jones", "Smith"}},
		{"particles", "Mr van der Berg", tok("Mr Pieter van der Berg"), []string{"Berg"}},
		{"particles, capitals", "MR VAN DER BERG", tok("Mr Pieter van der Berg"), []string{"BERG"}},
		{"a role after the name in the value", "Mrs McKinley", tok("Mrs K. McKinley"), []string{"McKinley"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := r.Text(c.in)
			found := tokenRe.FindAllString(got, -1)
			if len(found) != 1 {
				t.Fatalf("%q -> %q: want one token", c.in, got)
			}
			if c.want != "" && found[0] != c.want {
				t.Errorf("%q -> %q: want %s", c.in, got, c.want)
			}
			if c.want == "" && (found[0] == aHart || found[0] == bHart) {
				t.Errorf("%q -> %q: an ambiguous mention got one Hart's token", c.in, got)
			}
			for _, w := range append(c.leak, "Strogen", "STROGEN", "strogen", "Okafor", "Hart", "Hope") {
				if strings.Contains(got, w) {
					t.Errorf("%q -> %q: %q survives", c.in, got, w)
				}
			}
			if strings.Contains(c.in, "Julie") || strings.Contains(c.in, "JULIE") {
				if strings.Contains(strings.ToLower(got), "julie") {
					t.Errorf("%q -> %q: the first name survives", c.in, got)
				}
			}
		})
	}
}

func TestRedactorLeavesOrdinaryWords(t *testing.T) {
	r := NewRedactor("k", knownPeople)
	for _, s := range []string{
		"We hope every child makes progress.",
		"Hope is what we offer.",              // a common-word surname alone stays
		"Best practice in a Hart-shaped room", // not a known bare-replaceable surname
		"A strogenic compound",                // part of a word is no name
		"Mrs Jones runs the nurture group.",   // not the Smith-Jones surname
		"Berg is a word in German.",           // particles missing: not the surname
		"Contact the SENCO on 01632 960000 or office@x.example.sch.uk.",
		"Mr and Mrs Jones met the SENCO.", // neither a title alone nor a role is a surname
	} {
		got := r.Text(s)
		if strings.Contains(got, "person-") {
			t.Errorf("%q -> %q: no known person is named", s, got)
		}
	}
}

func TestRedactorIsStableAndThorough(t *testing.T) {
	personal := map[string]string{"Mrs Amelia Hart": "senco.name", "senco@ash.example.sch.uk": "senco.email", "01632 960500": "senco.phone"}
	r := NewRedactor("key-1", personal)
	text := "Our SENCO is Mrs Amelia Hart. Contact Mrs Hart at senco@ash.example.sch.uk or 01632 960500; Amelia Hart is in on Mondays. The office: 01632 960999, office@ash.example.sch.uk."
	got := r.Text(text)
	for _, leak := range []string{"Hart", "senco@", "960500", "960999", "office@"} {
		if strings.Contains(got, leak) {
			t.Errorf("%q survives: %s", leak, got)
		}
	}
	p := r.Text("Mrs Amelia Hart")
	if strings.Count(got, p) != 3 {
		t.Errorf("the three mentions of one person should share pseudonym %s: %s", p, got)
	}
	if again := NewRedactor("key-1", personal).Text("Mrs Amelia Hart"); again != p {
		t.Errorf("not stable: %s then %s", p, again)
	}
	if other := NewRedactor("key-2", personal).Text("Mrs Amelia Hart"); other == p {
		t.Error("a different store key gave the same pseudonym")
	}
	// A name inside an address: the address keeps its own pseudonym.
	mail := NewRedactor("key-1", map[string]string{"Mrs Amelia Hart": "senco.name", "amelia.hart@ash.example.sch.uk": "senco.email"})
	if a, b := mail.Text("amelia.hart@ash.example.sch.uk"), mail.Text("write to amelia.hart@ash.example.sch.uk today"); !strings.Contains(b, a) {
		t.Errorf("the address's pseudonym changed inside text: %s vs %s", a, b)
	}
}

// TestRedactorSharedSurnames: two people of one surname never get each other's
// token, whichever of their names the store met first.
func TestRedactorSharedSurnames(t *testing.T) {
	cases := []struct {
		name   string
		people []string
		same   [][2]string // mentions that must share a token
		differ [][2]string // mentions that must not
	}{
		{"initial joins the one full name", []string{"Mrs Julie Strogen", "Mrs J Strogen"},
			[][2]string{{"Mrs J Strogen", "Julie Strogen"}, {"Mrs Strogen", "Julie Strogen"}}, nil},
		{"initial of two full names stays apart", []string{"Mrs Julie Strogen", "Mrs Jane Strogen", "Mrs J Strogen"},
			nil, [][2]string{{"J Strogen", "Julie Strogen"}, {"J Strogen", "Jane Strogen"}, {"Mrs Strogen", "Jane Strogen"}, {"Mrs Strogen", "Julie Strogen"}}},
		{"different initials", []string{"Mr A Hart", "Mrs B Hart"},
			[][2]string{{"Mr Hart", "A Hart"}, {"Mrs Hart", "B. Hart"}}, [][2]string{{"A Hart", "B Hart"}, {"Dr Hart", "A Hart"}, {"Dr Hart", "B Hart"}}},
		{"bare surname of two people", []string{"Mr A Okafor", "Mrs B Okafor"},
			nil, [][2]string{{"Okafor", "A Okafor"}, {"Okafor", "B Okafor"}, {"Mrs Okafor", "Mr Okafor"}}},
		{"title of the other sex", []string{"Mrs Julie Strogen"},
			nil, [][2]string{{"Mr J Strogen", "Julie Strogen"}, {"Mr Strogen", "Julie Strogen"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			known := map[string]string{}
			for _, p := range c.people {
				known[p] = "senco.name"
			}
			r := NewRedactor("k", known)
			for _, p := range c.same {
				if a, b := r.Text(p[0]), r.Text(p[1]); a != b || !tokenRe.MatchString(a) {
					t.Errorf("%q -> %s and %q -> %s: want one token", p[0], a, p[1], b)
				}
			}
			for _, p := range c.differ {
				if a, b := r.Text(p[0]), r.Text(p[1]); a == b || !tokenRe.MatchString(a) || !tokenRe.MatchString(b) {
					t.Errorf("%q -> %s and %q -> %s: want two different tokens", p[0], a, p[1], b)
				}
			}
		})
	}
}

// benchPeople is a national store's worth of names: 40,000 values (two for each
// of 20,000 schools), made-up surnames from syllables, in every written form.
func benchPeople() map[string]string {
	syl := []string{"ka", "lo", "mer", "dan", "ros", "tiv", "bel", "ok", "ston", "war", "fen", "ith", "gal", "pru", "zed", "hol"}
	firsts := []string{"Julie", "Daniel", "Amara", "Tom", "Priya", "Grace", "Omar", "Helen"}
	titles := []string{"Mrs", "Mr", "Ms", "Dr", "Miss"}
	out := map[string]string{}
	for i := 0; len(out) < 40000; i++ {
		s := syl[i%16] + syl[(i/16)%16] + syl[(i/256)%16]
		s = strings.ToUpper(s[:1]) + s[1:]
		f := firsts[i%len(firsts)]
		switch i % 3 {
		case 0:
			out[titles[i%len(titles)]+" "+f+" "+s] = "senco.name"
		case 1:
			out[titles[i%len(titles)]+" "+f[:1]+". "+s] = "senco.name"
		default:
			out[f+" "+s+"-"+syl[i%7]+"ley"] = "governor.name"
		}
	}
	return out
}

// BenchmarkRedactorText pseudonymises fact evidence (a sentence, a name in one
// of four) and a document's text (20 KB, a few names), against 40,000 known
// names:
//
//	go test ./reports -run '^$' -bench RedactorText
func BenchmarkRedactorText(b *testing.B) {
	r := NewRedactor("k", benchPeople())
	evidence := []string{
		"Our SENCO is Mrs Julie Kaloka, who works three days a week and holds the NASENCO award.",
		"Pupils with autism are supported in the resource base by trained staff and therapists.",
		"Please contact the SENCO, Mr\nD. Lokaka, on 01632 960500 or senco@ash.example.sch.uk.",
		"We use ELSA, Lego therapy and precision teaching; progress is reviewed termly with parents.",
	}
	var doc strings.Builder
	for doc.Len() < 20000 {
		doc.WriteString("The school identifies needs early and plans support with families. ")
		if doc.Len()%5000 < 80 {
			doc.WriteString("MRS KALOKA and Governor Julie Merkaka meet each term. ")
		}
	}
	b.Run("evidence", func(b *testing.B) {
		n := 0
		for _, e := range evidence {
			n += len(e)
		}
		b.SetBytes(int64(n))
		for i := 0; i < b.N; i++ {
			for _, e := range evidence {
				r.Text(e)
			}
		}
	})
	b.Run("document", func(b *testing.B) {
		text := doc.String()
		b.SetBytes(int64(len(text)))
		for i := 0; i < b.N; i++ {
			r.Text(text)
		}
	})
}
