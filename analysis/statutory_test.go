package analysis

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A statutory item is covered by what a report says about it, never by a
// heading, menu item or contents line that only names it.
func TestStatutoryItemsByContent(t *testing.T) {
	cases := []struct {
		file    string
		covered []string // S1.09 complaints, S1.12 transition, S1.13 the Local Offer
		absent  []string
	}{
		{"headings_only.html", nil, []string{"S1.09", "S1.12", "S1.13"}},
		{"with_content.html", []string{"S1.09", "S1.12", "S1.13"}, nil},
		{"contents.txt", nil, []string{"S1.09", "S1.12", "S1.13"}},
		{"wrapped.txt", []string{"S1.09", "S1.13"}, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", "statutory", c.file))
			if err != nil {
				t.Fatal(err)
			}
			var d Document
			if strings.HasSuffix(c.file, ".html") {
				d = Analyse(body, "text/html", "https://brookfield.example/send", "SEN Information Report")
			} else {
				d = AnalyseText(string(body), "https://brookfield.example/send.pdf")
			}
			got := map[string]Fact{}
			for _, f := range d.Facts {
				if f.Field == "statutory.item" {
					checkEvidence(t, d.Text.Body, f)
					got[f.Value] = f
				}
			}
			for _, id := range c.covered {
				if _, ok := got[id]; !ok {
					t.Errorf("%s not covered; text:\n%s", id, d.Text.Body)
				}
			}
			for _, id := range c.absent {
				if f, ok := got[id]; ok {
					t.Errorf("%s covered by a bare heading: %q", id, f.Evidence)
				}
			}
		})
	}
}

func TestInContentLines(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Complaints", false},
		{"Complaints\n\nOur school opened in 1974.", false},
		{"Complaints\n\nIf you are unhappy with our support, please speak to the class teacher first.", true},
		{"- Complaints\n- The Local Offer\n- Contact us", false},
		{"Please read our complaints policy if you are unhappy.", true},
		{"We have a complaints policy.", true},
		{"How do we handle complaints?\nHow do we plan transition?", false},
		{"How do we handle complaints?\nSpeak to the class teacher first, then to the head teacher if needed.", true},
		{"Complaints ............ 12", false},
		{"if you are unhappy with the support your child has, read the school's\ncomplaints policy", true},
		{"Complaints | see policy |", false},
		{"Complaints policy: https://brookfield.example/complaints.pdf", true},
	}
	for _, c := range cases {
		loc := firstInContent(c.text, statutoryPattern(t, "S1.09"))
		if got := loc != nil; got != c.want {
			t.Errorf("%q: covered %v, want %v", c.text, got, c.want)
		}
	}
}

func statutoryPattern(t *testing.T, id string) *regexp.Regexp {
	t.Helper()
	for _, term := range Default().statutoryItems {
		if term.Value == id {
			return term.Pattern
		}
	}
	t.Fatalf("no statutory item %s", id)
	return nil
}
