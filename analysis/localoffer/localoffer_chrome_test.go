package localoffer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLocalOfferNewChrome reads every concept page and labelled batch page again inside the furniture
// of platforms the rules were not written for (a toolbar shaped like a trail,
// a help line with a phone number just above the heading, a side menu after
// the text) and wants the same reading: the page's heading, kind, name, ages
// and needs follow from the page's own blocks, not from its site's chrome.
func TestLocalOfferNewChrome(t *testing.T) {
	// Pages of batches graded at first sight after the last Local Offer round,
	// still read otherwise under some furniture (issue 13, open): listed so
	// the test holds every other page, and failing once one of them passes so
	// the list only shrinks. 848: an accessibility statement's empty title takes
	// a banner's site name; 850: a section banner line between the trail and the
	// heading is taken for the heading once a toolbar stands under the trail.
	// d02 (localoffer-lo8): a heading worded as a sentence ("Travel to school
	// and college for children and young people with SEND") loses to a help
	// line or a strap line put above it (the reading without them is right;
	// left by lo8 for want of time). 988 (localoffer-fresh16, graded once in
	// the fifth session): an information page's heading with a colon
	// ("Dyslexia: what to expect from your child's school") loses to a help
	// line, a text-us line or a banner's strap line put above it.
	// 1078, 1081 (localoffer-fresh21, graded once): the page's title (not its
	// service name) is a strap line or a help line put above the heading.
	// 1115 (localoffer-fresh23): a SENDIASS's "What we do" page is named by
	// its short form under a banner with a strap line (spelled out without).
	knownMisses := map[string]bool{"848.txt": true, "850.txt": true, "d02.txt": true, "988.txt": true, "1078.txt": true, "1081.txt": true, "1115.txt": true}
	missed := map[string]bool{}
	variants := []struct {
		name        string
		above, tail []string
	}{
		{"toolbar and help line", []string{"Favourite  |  Email a friend  |  Download as PDF", "Need help using this site? Call 0300 123 0000"},
			[]string{"", "Other pages in this area", "Getting help", "Money and benefits", "Where to find us"}},
		{"share bar and text line", []string{"Bookmark this page › Print › Share on Facebook", "Questions? Text us on 07700 900 123 and we will reply within a day."},
			[]string{"", "You may also like", "Direct payments", "Respite for carers", "How to complain"}},
	}
	// A site's banner at the very top: its name, a strap line that reads as a
	// sentence, a menu, a search box and a saved list (lo4: fresh batch 6's
	// 803 took such a banner for the record's heading).
	banners := [][]string{
		{"Brookvale Families Online", "Help, ideas and things to do for every family living in Brookvale, gathered in one place",
			"Home   Services   Events   Advice   About us", "Search this site   Submit", "My list (0)"},
		// Written after the first passed: a strap line giving the site's age
		// band, a menu of pipes that does not start at home, a search prompt.
		{"Oakhurst Connect", "Your guide to local support for children and young people with additional needs aged 0 to 25",
			"Support | Activities | Education | Health | Contact", "Type a word to search", "Sign in"},
	}
	files, err := filepath.Glob(filepath.Join("testdata", "localoffer", "concepts", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal("no concept pages", err)
	}
	// The labelled batches' pages too (text copied from real platforms' shapes).
	batches, _ := filepath.Glob(filepath.Join("..", "..", "grading", "testdata", "localoffer*", "*.txt"))
	files = append(files, batches...)
	read := func(url, text string) string {
		r := ReadLocalOfferText(text, url)
		name := ""
		if r.Service != nil {
			name = r.Service.Name
		}
		return r.Kind + " | " + r.Title + " | " + name + " | " + intText(r.AgeMin) + "-" + intText(r.AgeMax) + " | " + strings.Join(r.NeedTypes, ";")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, text, _ := strings.Cut(string(raw), "\n")
		url := strings.TrimSpace(strings.TrimPrefix(first, "URL:"))
		want := read(url, text)
		lines := strings.Split(text, "\n")
		// Just under the trail, else under the site's name: where platforms put
		// their tools.
		at := min(3, len(lines))
		for i, l := range lines {
			if trailLine(strings.TrimSpace(l)) {
				at = i + 1
				break
			}
		}
		for _, v := range variants {
			var b []string
			b = append(b, lines[:at]...)
			b = append(b, v.above...)
			b = append(b, lines[at:]...)
			b = append(b, v.tail...)
			if got := read(url, strings.Join(b, "\n")); got != want {
				if missed[filepath.Base(f)] = true; !knownMisses[filepath.Base(f)] {
					t.Errorf("%s in %s: %s; without it %s", filepath.Base(f), v.name, got, want)
				}
			}
		}
		// The banner above everything, the page's own furniture after it.
		for i, banner := range banners {
			if got := read(url, strings.Join(append(append([]string{}, banner...), lines...), "\n")); got != want {
				if missed[filepath.Base(f)] = true; !knownMisses[filepath.Base(f)] {
					t.Errorf("%s under banner %d with a strap line: %s; without it %s", filepath.Base(f), i+1, got, want)
				}
			}
		}
	}
	for f := range knownMisses {
		if !missed[f] {
			t.Errorf("%s now reads the same under every furniture: take it off knownMisses", f)
		}
	}
}
