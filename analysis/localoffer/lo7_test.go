package localoffer

import (
	"fmt"
	"testing"
)

// A host after "at" is not the name; an "at" of the name's own stays.
func TestHostCut(t *testing.T) {
	for in, want := range map[string]string{
		"Step Up Internships at Kingsmead College":     "Step Up Internships",
		"Stay and Play at Brook Children's Centre":     "Stay and Play",
		"Project SEARCH at Eastfield General Hospital": "Project SEARCH",
		"Autism at Kingwood":                           "Autism at Kingwood",
		"Support at Home":                              "Support at Home",
		"Hearing Support Team":                         "Hearing Support Team",
	} {
		if got := hostCut(in); got != want {
			t.Errorf("hostCut(%q) = %q, want %q", in, got, want)
		}
	}
}

// A diagnosis named in a concession ("if ... already has a diagnosis of
// autism we will still see them") is not whom the service is for; one named
// as whom it is for stays.
func TestNeedConcession(t *testing.T) {
	x := Default()
	for text, want := range map[string]string{
		"We support young people with low mood. If a young person already has a diagnosis of autism we will still see them for their mental health.": "[SEMH]",
		"Even if your child has been diagnosed with ADHD, they can still join the club.":                                                             "[]",
		"We support children with a diagnosis of autism and their families.":                                                                         "[ASD]",
	} {
		if got := fmt.Sprint(x.needCodes(text)); got != want {
			t.Errorf("needCodes(%q) = %s, want %s", text, got, want)
		}
	}
}
