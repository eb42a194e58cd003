package register

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode"
)

// The columns and labels of the DfE's SEN statistics, mapped by meaning. The
// mapping is data (dfe_sen_labels.csv) so a new spelling is one line there.
//
//go:embed dfe_sen_labels.csv
var senLabelsCSV string

type labelRule struct {
	kind, match, text, meaning string
}

var senRules = mustLoadLabels(senLabelsCSV)

func mustLoadLabels(text string) map[string][]labelRule {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comment = '#'
	cr.FieldsPerRecord = 4
	recs, err := cr.ReadAll()
	if err != nil {
		panic(fmt.Sprintf("dfe_sen_labels.csv: %v", err)) // embedded at build time
	}
	out := map[string][]labelRule{}
	for _, r := range recs[1:] {
		t := r[2]
		if r[0] != "mark" {
			n := normLabel(t)
			// A prefix or suffix keeps its word boundary ("prov " is not "provision").
			if r[1] == "prefix" && strings.HasSuffix(t, " ") {
				n += " "
			}
			if r[1] == "suffix" && strings.HasPrefix(t, " ") {
				n = " " + n
			}
			t = n
		}
		out[r[0]] = append(out[r[0]], labelRule{kind: r[0], match: r[1], text: t, meaning: r[3]})
	}
	return out
}

// normLabel is a label or column name as the rules compare it: lower case, each
// run of punctuation and spaces one space ("EHC_Primary_need_asd" reads
// "ehc primary need asd", "Social, Emotional and Mental Health" reads
// "social emotional and mental health").
func normLabel(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		if r == '&' {
			if b.Len() > 0 {
				b.WriteString(" and")
			}
		}
		space = true
	}
	return b.String()
}

// lookupLabel finds the meaning of a label of one kind, and for a prefix rule
// the rest of the label after the prefix. ok is false when no rule fits.
func lookupLabel(kind, label string) (meaning, rest string, ok bool) {
	n := normLabel(label)
	if kind == "mark" {
		n = strings.ToLower(strings.TrimSpace(label))
	}
	for _, r := range senRules[kind] {
		switch r.match {
		case "exact":
			if n == r.text {
				return r.meaning, "", true
			}
		case "prefix":
			if strings.HasPrefix(n, r.text) {
				return r.meaning, n[len(r.text):], true
			}
		case "suffix":
			if strings.HasSuffix(n, r.text) {
				return r.meaning, "", true
			}
		case "contains":
			if strings.Contains(n, r.text) {
				return r.meaning, "", true
			}
		}
	}
	return "", "", false
}

// NeedCode maps a DfE primary-need label ("Autistic Spectrum Disorder",
// "Social, emotional and mental health") to its census code (ASD, SEMH, ...);
// "" when it names no need (an aggregate, Missing) or is not recognised.
func NeedCode(label string) string {
	m, _, ok := lookupLabel("need", label)
	if !ok || m == "all" || m == "none" {
		return ""
	}
	return m
}
