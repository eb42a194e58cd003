package localoffer

import "testing"

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
