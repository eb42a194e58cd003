package analysis

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/analysis/classify"
)

// The pupil numbers of a document, in our own words: tables as Word, PDFs and
// web pages flatten them, counts in words, shares that point back, and the
// figures that are not the school's counts (a bound, a ratio, a year, a share's
// whole part, the nation's, a trust's on a school's own report).
func TestPupilStats(t *testing.T) {
	type want map[string]string
	cases := []struct {
		text, docType string
		want          want
	}{
		{"Our register at a glance\nChildren on roll | 412\nChildren on the SEND register | 58 (14.1%)\nChildren with an EHC plan | 9\n", "sen_information_report",
			want{"stats.number_on_roll": "412", "stats.sen_count": "58", "stats.sen_percent": "14.1", "stats.ehcp_count": "9"}},
		{"Number on roll\n655\nTotal on SEN register\n71 (10.8%)\n", "", want{"stats.number_on_roll": "655", "stats.sen_count": "71", "stats.sen_percent": "10.8"}},
		{"Pupils on roll .............. 230\nHolding an EHCP .............. 4\n", "", want{"stats.number_on_roll": "230", "stats.ehcp_count": "4"}},
		// SEN support apart from EHC plans: a count of pupils with SEN only when
		// nothing else is counted.
		{"SEN support | 33\n", "", want{"stats.sen_count": "33"}},
		{"SEN support | 33\nEHC plans | 5\n", "", want{"stats.ehcp_count": "5"}},
		{"Twelve pupils have an Education, Health and Care Plan this year.", "", want{"stats.ehcp_count": "12"}},
		{"Twenty-three children hold an EHCP.", "", want{"stats.ehcp_count": "23"}},
		{"Of the 97 children here, 14 of them (14%) have been identified with SEND.", "", want{"stats.sen_count": "14", "stats.sen_percent": "14"}},
		{"This autumn 30 of our 250 pupils are on our SEND register. That is roughly 12%.", "",
			want{"stats.sen_count": "30", "stats.number_on_roll": "250", "stats.sen_percent": "12"}},
		// Not counts: a bound, a ratio, a share, a year, a range of year groups.
		{"Fewer than five children have an EHC plan, so we do not give the number.", "", want{}},
		{"About one in eight pupils (12%) are identified as having SEND.", "", want{"stats.sen_percent": "12"}},
		{"Pupils with SEND: 16.2%", "", want{"stats.sen_percent": "16.2"}},
		{"Children on the SEN register 2025\n", "", want{}},
		// Another body's figure.
		{"Nationally, 4 pupils in every hundred have an EHC plan; here 2 pupils have an EHC plan.", "", want{"stats.ehcp_count": "2"}},
		{"Across the trust, 640 pupils are on the SEN register.", "sen_information_report", want{}},
		{"Across the trust, 640 pupils are on the SEN register.", "other", want{"stats.sen_count": "640"}},
		// A provision's pupils, not the school's, unless the school's count
		// includes them.
		{"The resource base has 10 children with EHC plans.", "", want{}},
		{"We have 17 children with EHC plans, including those who attend our resource base.", "", want{"stats.ehcp_count": "17"}},
		// One set of guards for every wording (rules/stats.tsv, all tiers):
		// the whole before a count makes it the count; some pupils are not the
		// roll however their words end; a share is as given; a share's row
		// under a count's is no share of that count.
		{"Three children at the school have an Education, Health and Care Plan.", "", want{}},
		{"Every one of our 140 pupils has an Education, Health and Care Plan.", "", want{"stats.ehcp_count": "140"}},
		{"This term 150 students at SEN Support and 20 with an EHCP, a total of 170 students.", "", want{"stats.sen_count": "170", "stats.ehcp_count": "20"}},
		{"Just over 18% of our pupils are on the SEN register.", "", want{"stats.sen_percent": "18"}},
		{"Pupils on the SEN register\t44\n% of pupils with SEN\t15.2%\n", "", want{"stats.sen_count": "44", "stats.sen_percent": "15.2"}},
		{"All 96 pupils on roll have an EHC plan.", "", want{"stats.number_on_roll": "96"}},
		{"Nationally, 13.6 per cent of pupils receive SEN support.", "", want{}},
		{"SEN support: 40 (12%)\nOur SENCO meets every Year 2 child with SEND before they join us.", "", want{"stats.sen_count": "40", "stats.sen_percent": "12"}},
	}
	x := Default()
	for _, c := range cases {
		got := want{}
		for _, f := range x.pupilStats(c.text, c.docType) {
			got[f.Field] = strconv.FormatFloat(*f.ValueNum, 'f', -1, 64)
			checkEvidence(t, c.text, f)
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
			continue
		}
		for k, v := range c.want {
			if got[k] != v {
				t.Errorf("%q: %v, want %v", c.text, got, c.want)
				break
			}
		}
	}
}

// TestExtendStatsAndTypes: an LA's wordings for pupil numbers and for
// document-type cues are table lines, as the SENCO's are.
func TestExtendStatsAndTypes(t *testing.T) {
	vocab := "stats.ehcp_count\t$1\t\\bplans\\s+in\\s+force\\s*:\\s*({amount})\n+\tPlans in force: 7\n" +
		"doctype.several_schools\town\t\\bcluster\\s+of\\s+(?:{several})\\s+schools\\b\n+\ta cluster of six schools\n"
	y, n, err := Default().Extend(strings.NewReader(vocab), "ours.tsv")
	if err != nil || n != 2 {
		t.Fatalf("extend: %d lines, %v", n, err)
	}
	found := false
	for _, f := range y.pupilStats("Plans in force: 7", "") {
		found = found || f.Field == "stats.ehcp_count" && *f.ValueNum == 7
	}
	if !found {
		t.Errorf("the added stats wording was not read")
	}
	if !strings.Contains(classify.Evidence(classifyReader{y}, "We are a cluster of six schools."), "several_schools[own]") {
		t.Errorf("the added type cue was not read")
	}
	if strings.Contains(classify.Evidence(classifyReader{Default()}, "We are a cluster of six schools."), "several_schools[own]") {
		t.Errorf("the default extractor changed")
	}
}
