package analysis

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// TestRuleTables runs every example of the lexicon and the rule tables: each
// wording must match the texts it lists with "+" and none of those with "-".
// A new wording is a line and its examples; this test is what holds it.
func TestRuleTables(t *testing.T) {
	x := Default()
	entries, rules := 0, 0
	entries = len(x.lex.Entries())
	for _, err := range x.lex.Check() {
		t.Error(err)
	}
	for _, r := range x.rules.All() {
		rules++
		for _, err := range r.Check() {
			t.Error(err)
		}
		// A rule without an example it must match says nothing of what it is for.
		must := false
		for _, ex := range r.Examples {
			must = must || ex.Match
		}
		if !must {
			t.Errorf("%s: rule %s %s has no example it must match (+<TAB>text)", r.Where, r.Field, r.Value)
		}
	}
	if entries < 20 || rules < 20 {
		t.Errorf("only %d lexicon entries and %d rules were checked", entries, rules)
	}
}

// The wordings of a negated seat on the senior team, each read as false (they
// read true before the stages: the negative rule knew fewer wordings than the
// positive one).
func TestOnSLTNegations(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Our SENCO is Mrs Ann Varley. Mrs Varley is not on the senior team.", "false"},
		{"Our SENCO is Mrs Ann Varley. She is not part of the leadership team.", "false"},
		{"Our SENCO is Mrs Ann Varley. She is not a member of the college leadership team.", "false"},
		{"Our SENCO is Mrs Ann Varley. She is no longer part of the senior leadership team.", "false"},
		{"Our SENCO is Mrs Ann Varley. She isn't on the SLT.", "false"},
		{"Our SENCO is Mrs Ann Varley. She is on the senior team.", "true"},
		{"Our SENCO is Mrs Ann Varley. She does not teach, but is a member of the SLT.", "true"},
		{"Our SENCO is Mrs Ann Varley. The governors must ensure she is part of the SLT.", ""},
	}
	for _, c := range cases {
		got := ""
		for _, f := range Facts(c.text) {
			if f.Field == "senco.on_slt" {
				got = f.Value
				checkEvidence(t, c.text, f)
			}
		}
		if got != c.want {
			t.Errorf("%q: on_slt %q, want %q", c.text, got, c.want)
		}
	}
}

// Extractors with different wordings read side by side in goroutines as each
// reads alone (run with -race: no state is shared but what never changes).
func TestExtractorsAcrossGoroutines(t *testing.T) {
	base := Default()
	local, _, err := base.Extend(strings.NewReader("senco.role\tANCo\tAdditional\\s+Needs\\s+Co-?ordinator\nneed.type\tASD\t\\bneurodivergen\n"), "la.tsv")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Our Additional Needs Co-ordinator is Mrs Ada Finn. She works two days a week and is not on the SLT.",
		"Our SENCO, Mr Ola Dee, holds the NASENCO. We support neurodivergent pupils and pupils with autism.",
		simarea.SchoolSENPage,
	}
	read := func(x *Extractor, text string) string {
		var b strings.Builder
		for _, f := range x.Facts(text) {
			fmt.Fprintf(&b, "%s=%s;", f.Field, f.Value)
		}
		return b.String()
	}
	want := map[*Extractor][]string{}
	for _, x := range []*Extractor{base, local} {
		for _, text := range texts {
			want[x] = append(want[x], read(x, text))
		}
	}
	if reflect.DeepEqual(want[base], want[local]) {
		t.Fatal("the local wordings changed nothing: the test would prove nothing")
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			x := base
			if g%2 == 1 {
				x = local
			}
			for round := 0; round < 5; round++ {
				for i, text := range texts {
					if got := read(x, text); got != want[x][i] {
						errs <- fmt.Sprintf("goroutine %d, text %d: %s, want %s", g, i, got, want[x][i])
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestLocalOfferItemWordingsListed: every wording of the field localoffer.item
// is for an item of the list (package localoffer checks the other way round).
func TestLocalOfferItemWordingsListed(t *testing.T) {
	for _, r := range Default().rules.Rules("localoffer.item") {
		if !localOfferItem(r.Value) {
			t.Errorf("%s: %s is no item of vocab/local_offer_items.tsv", r.Where, r.Value)
		}
	}
}
