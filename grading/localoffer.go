package grading

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/analysis/localoffer"
)

// LOGold is one Local Offer page's labels (../shared/corpus/local-offer/NNN.json).
type LOGold struct {
	ID          string   `json:"id"`
	URL         string   `json:"url"`
	PageKind    string   `json:"page_kind"` // service_record, listing, information, school_offer, other
	ServiceName *string  `json:"service_name"`
	AgeMin      *int     `json:"age_min"`
	AgeMax      *int     `json:"age_max"`
	NeedTypes   []string `json:"need_types"`
	Cost        *string  `json:"cost"`
}

// LODoc is a labelled Local Offer page: its address and text.
type LODoc struct {
	ID, URL, Text string
	Gold          LOGold
}

// LoadLocalOffer reads every NNN.json with its NNN.txt ("URL: <address>", a
// blank line, the text) from dir.
func LoadLocalOffer(dir string) ([]LODoc, error) {
	jsons, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	var docs []LODoc
	for _, j := range jsons {
		b, err := os.ReadFile(j)
		if err != nil {
			return nil, err
		}
		var g LOGold
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("%s: %v (expected the labels of a Local Offer page)", j, err)
		}
		if g.PageKind == "" {
			return nil, fmt.Errorf("%s: no page_kind (expected service_record, listing, information, school_offer or other)", j)
		}
		t := strings.TrimSuffix(j, ".json") + ".txt"
		raw, err := os.ReadFile(t)
		if err != nil {
			return nil, fmt.Errorf("%s: labels without their page: %v", j, err)
		}
		first, rest, _ := strings.Cut(string(raw), "\n")
		if !strings.HasPrefix(first, "URL:") {
			return nil, fmt.Errorf("%s: line 1: expected \"URL: <address>\"", t)
		}
		docs = append(docs, LODoc{ID: strings.TrimSuffix(filepath.Base(j), ".json"), URL: strings.TrimSpace(strings.TrimPrefix(first, "URL:")),
			Text: rest, Gold: g})
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no labelled pages (NNN.json with NNN.txt)", dir)
	}
	sort.Slice(docs, func(i, k int) bool { return docs[i].ID < docs[k].ID })
	return docs, nil
}

// kindOf maps the extractor's doc_type to the labels' page_kind.
var kindOf = map[string]string{
	localoffer.KindService: "service_record", localoffer.KindListing: "listing", localoffer.KindInfo: "information",
	localoffer.KindSchoolOffer: "school_offer", localoffer.KindOther: "other",
}

// LOReport is how the Local Offer reader did on a labelled corpus.
type LOReport struct {
	Pages         int
	KindRight     int
	Names, NamesN int // service name right, of the service records
	Ages, AgesN   int // age range right (both ends), of all pages
	Needs, NeedsN int // need types right (the same set), of all pages
	Confusion     map[[2]string]int
	Diffs         []string
}

// GradeLocalOffer reads every page as a crawl reads a Local Offer page, with
// the compiled-in rules, and compares with its labels.
func GradeLocalOffer(docs []LODoc) LOReport { return GradeLocalOfferWith(analysis.Default(), docs) }

// GradeLocalOfferWith is GradeLocalOffer with the given extractor (--vocab
// wordings added, say).
func GradeLocalOfferWith(x *analysis.Extractor, docs []LODoc) LOReport {
	r := LOReport{Confusion: map[[2]string]int{}}
	lx := localoffer.New(x)
	for _, d := range docs {
		got := lx.ReadLocalOfferText(d.Text, d.URL)
		kind := kindOf[got.Kind]
		r.Pages++
		r.Confusion[[2]string{d.Gold.PageKind, kind}]++
		if kind == d.Gold.PageKind {
			r.KindRight++
		} else {
			r.Diffs = append(r.Diffs, fmt.Sprintf("%s kind: got %s, want %s", d.ID, kind, d.Gold.PageKind))
		}
		svc := got.Service
		if d.Gold.PageKind == "service_record" && d.Gold.ServiceName != nil {
			r.NamesN++
			name := got.Title
			if svc != nil {
				name = svc.Name
			}
			if sameName(name, *d.Gold.ServiceName) {
				r.Names++
			} else {
				r.Diffs = append(r.Diffs, fmt.Sprintf("%s name: got %q, want %q", d.ID, name, *d.Gold.ServiceName))
			}
		}
		// Ages and needs are graded on every page: whom the page as a whole is
		// for, as the reader gives it (a listing's only when the section itself
		// is one band or need; docs/LABELS-local-offer.md).
		r.AgesN++
		if eqInt(got.AgeMin, d.Gold.AgeMin) && eqInt(got.AgeMax, d.Gold.AgeMax) {
			r.Ages++
		} else {
			r.Diffs = append(r.Diffs, fmt.Sprintf("%s ages: got %s-%s, want %s-%s", d.ID, intOr(got.AgeMin), intOr(got.AgeMax), intOr(d.Gold.AgeMin), intOr(d.Gold.AgeMax)))
		}
		r.NeedsN++
		want := append([]string(nil), d.Gold.NeedTypes...)
		sort.Strings(want)
		if strings.Join(got.NeedTypes, ";") == strings.Join(want, ";") {
			r.Needs++
		} else {
			r.Diffs = append(r.Diffs, fmt.Sprintf("%s needs: got %v, want %v", d.ID, got.NeedTypes, want))
		}
	}
	return r
}

// sameName compares service names by their words, case aside, and with a
// trailing bracketed short form ("... Support Service (SENDIASS)") optional on
// either side: labellers and pages disagree on keeping it, and a reader that
// gives the spelled-out name has named the service either way
// (docs/LABELS-local-offer.md).
func sameName(a, b string) bool {
	norm := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if m := trailingShortForm.FindStringIndex(s); m != nil && m[0] > 0 && capitals(s[m[0]:]) >= 2 {
			s = s[:m[0]]
		}
		return strings.ToLower(s)
	}
	return norm(a) == norm(b)
}

func capitals(s string) (n int) {
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

// trailingShortForm is a bracketed short form closing a name: one to three
// words, with at least two capitals ("(SENDIASS)", "(EPS)", "(SaLT)").
var trailingShortForm = regexp.MustCompile(`\s*\((?:[^()\s]+\s?){1,3}\)$`)

func eqInt(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func intOr(p *int) string {
	if p == nil {
		return "?"
	}
	return fmt.Sprint(*p)
}

// Print writes the scores, the confusion of page kinds, and with verbose every
// difference.
func (r LOReport) Print(w io.Writer, verbose bool) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "measure\tright\tof\taccuracy\n")
	for _, m := range []struct {
		name   string
		ok, of int
	}{{"page kind", r.KindRight, r.Pages}, {"service name (service records)", r.Names, r.NamesN},
		{"age range (all pages)", r.Ages, r.AgesN}, {"need types (all pages)", r.Needs, r.NeedsN}} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\n", m.name, m.ok, m.of, ratio(m.ok, m.of))
	}
	tw.Flush()
	var keys [][2]string
	for k := range r.Confusion {
		if k[0] != k[1] {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(w, "  labelled %s, read as %s: %d\n", k[0], k[1], r.Confusion[k])
	}
	if verbose {
		for _, d := range r.Diffs {
			fmt.Fprintln(w, d)
		}
	}
}
