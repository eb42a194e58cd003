package grading

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/sendscope/sendscope/analysis/localoffer"
)

// Golden files keep what the extractor reads from each labelled document: its
// type and every fact with its value, places, offsets and evidence, one fact a
// line. A test compares them with what the extractor reads now, so any change
// to what it reads, right or wrong, shows as a diff to review (and the labels
// say which way it went).

// goldenFact is one fact as a golden file keeps it.
type goldenFact struct {
	Field      string   `json:"field"`
	Value      string   `json:"value,omitempty"`
	Num        *float64 `json:"num,omitempty"`
	Places     *float64 `json:"places,omitempty"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Confidence float64  `json:"confidence"`
	Evidence   string   `json:"evidence"`
}

// GoldenFacts writes what the extractor reads from a labelled document as its
// golden file holds it.
func GoldenFacts(d Doc) []byte {
	a := Analyse(d)
	facts := make([]goldenFact, 0, len(a.Facts))
	for _, f := range a.Facts {
		g := goldenFact{Field: f.Field, Value: f.Value, Start: f.Start, End: f.End, Confidence: f.Confidence, Evidence: f.Evidence}
		if f.Field == "provision.specialist" {
			g.Places = f.ValueNum
		} else {
			g.Num = f.ValueNum
		}
		facts = append(facts, g)
	}
	// In text order, so that a fact found by another rule does not move the rest.
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Value < b.Value
	})
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"id\": %s,\n  \"doc_type\": %s,\n  \"stated_year\": %s,\n", js(d.ID), js(DocType(a)), js(a.StatedYear))
	if a.Err != nil {
		fmt.Fprintf(&b, "  \"error\": %s,\n", js(a.Err.Error()))
	}
	b.WriteString("  \"facts\": [")
	for i, f := range facts {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    " + js(f))
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes()
}

// GoldenLocalOffer writes what the Local Offer reader reads from a labelled
// page as its golden file holds it: the kind, the title, the service record,
// the ages and needs the grader reads, and each statutory item's quote.
func GoldenLocalOffer(d LODoc) []byte {
	got := localoffer.ReadLocalOfferText(d.Text, d.URL)
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n  \"id\": %s,\n  \"kind\": %s,\n  \"title\": %s,\n", js(d.ID), js(kindOf[got.Kind]), js(got.Title))
	if s := got.Service; s != nil {
		fmt.Fprintf(&b, "  \"service\": %s,\n", js(map[string]any{"name": s.Name, "age_min": s.AgeMin, "age_max": s.AgeMax,
			"needs": s.NeedTypes, "cost": s.Cost, "eligibility": s.Eligibility}))
	}
	// What GradeLocalOffer grades: whom the page as a whole is for.
	fmt.Fprintf(&b, "  \"graded\": %s,\n", js(map[string]any{"age_min": got.AgeMin, "age_max": got.AgeMax, "needs": got.NeedTypes}))
	b.WriteString("  \"items\": [")
	for i, it := range got.Items {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    " + js(map[string]string{"id": it.ID, "quote": it.Quote}))
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes()
}

// js is v as one line of JSON, with <, > and & left as they are.
func js(v any) string {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		panic(err) // only our own plain values are written
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// Diff lists the lines that differ between two texts, "-" for the old and "+"
// for the new, each with its line number in its text; at most limit lines.
func Diff(old, new string, limit int) string {
	a, b := strings.Split(old, "\n"), strings.Split(new, "\n")
	// Longest common subsequence of lines; golden files are small.
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, fmt.Sprintf("%4d - %s", i+1, a[i]))
			i++
		default:
			out = append(out, fmt.Sprintf("%4d + %s", j+1, b[j]))
			j++
		}
	}
	if len(out) > limit {
		out = append(out[:limit], fmt.Sprintf("... and %d more lines", len(out)-limit))
	}
	return strings.Join(out, "\n")
}
