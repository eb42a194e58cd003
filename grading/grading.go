// Package grading scores the extractor against documents labelled by hand: a
// folder of NNN.json (the gold labels, as ../shared/corpus/LABELS.md describes
// them), each with its document: NNN.txt (first line "URL: ...", a blank line,
// then the text) or the file as published, NNN.html, .pdf, .docx or .odt (its
// address then comes from the labels' "url"). It prints precision, recall and
// F1 per field, and document-type accuracy.
package grading

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sendscope/sendscope/analysis"
)

// Gold is one document's labels.
type Gold struct {
	ID                 string   `json:"id"`
	URL                string   `json:"url"`
	DocType            string   `json:"doc_type"`
	SENCONames         []string `json:"senco_names"`
	SENCOEmail         *string  `json:"senco_email"`
	SENCOPhone         *string  `json:"senco_phone"`
	SENCOQualification []string `json:"senco_qualification"`
	SENCOTime          struct {
		Text  *string  `json:"text"`
		Days  *float64 `json:"days_per_week"`
		Hours *float64 `json:"hours_per_week"`
		FTE   *float64 `json:"fte"`
	} `json:"senco_time"`
	SENCOOnSLT          *bool    `json:"senco_on_slt"`
	SENGovernorNames    []string `json:"sen_governor_names"`
	AreasOfNeed         []string `json:"areas_of_need"`
	NeedTypes           []string `json:"need_types"`
	SpecialistProvision []struct {
		Kind   string   `json:"kind"`
		Need   *string  `json:"need"`
		Places *float64 `json:"places"`
		Text   *string  `json:"text"`
	} `json:"specialist_provision"`
	Stats struct {
		SENPercent   *float64 `json:"sen_percent"`
		SENCount     *float64 `json:"sen_count"`
		EHCPCount    *float64 `json:"ehcp_count"`
		NumberOnRoll *float64 `json:"number_on_roll"`
	} `json:"stats"`
	StatedYear *string `json:"stated_year"`
}

// Doc is a labelled document: its text, or the file as published.
type Doc struct {
	ID   string
	URL  string
	Text string
	File []byte // when not empty, read as a published file rather than Text
	Gold Gold
}

// fileKinds are the published-file extensions a corpus may hold instead of .txt.
var fileKinds = []string{".html", ".htm", ".pdf", ".docx", ".odt"}

// Load reads every NNN.json with its document from dir.
func Load(dir string) ([]Doc, error) {
	txts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	files, err := publishedFiles(dir)
	if err != nil {
		return nil, err
	}
	if len(txts)+len(files) == 0 {
		return nil, fmt.Errorf("%s: no documents (the folder should hold NNN.json labels, each with NNN.txt, .html, .pdf, .docx or .odt)", dir)
	}
	sort.Strings(txts)
	docs := files
	for _, t := range txts {
		raw, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		first, rest, _ := strings.Cut(string(raw), "\n")
		if !strings.HasPrefix(first, "URL:") {
			return nil, fmt.Errorf("%s: line 1: expected \"URL: <address>\"", t)
		}
		jpath := strings.TrimSuffix(t, ".txt") + ".json"
		jraw, err := os.ReadFile(jpath)
		if err != nil {
			return nil, fmt.Errorf("%s: no labels: %w", t, err)
		}
		var g Gold
		if err := json.Unmarshal(jraw, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", jpath, err)
		}
		docs = append(docs, Doc{ID: strings.TrimSuffix(filepath.Base(t), ".txt"), URL: strings.TrimSpace(strings.TrimPrefix(first, "URL:")),
			Text: strings.TrimPrefix(rest, "\n"), Gold: g})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}

// publishedFiles loads the documents kept as published files, with their labels.
func publishedFiles(dir string) ([]Doc, error) {
	var docs []Doc
	for _, ext := range fileKinds {
		paths, err := filepath.Glob(filepath.Join(dir, "*"+ext))
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			body, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			jpath := strings.TrimSuffix(p, ext) + ".json"
			jraw, err := os.ReadFile(jpath)
			if err != nil {
				return nil, fmt.Errorf("%s: no labels: %w", p, err)
			}
			var g Gold
			if err := json.Unmarshal(jraw, &g); err != nil {
				return nil, fmt.Errorf("%s: %w", jpath, err)
			}
			if g.URL == "" {
				return nil, fmt.Errorf("%s: \"url\" is empty; a published file's address comes from its labels", jpath)
			}
			docs = append(docs, Doc{ID: strings.TrimSuffix(filepath.Base(p), ext), URL: g.URL, File: body, Gold: g})
		}
	}
	return docs, nil
}

// Score counts one field's agreement.
type Score struct {
	TP, FP, FN int
}

func (s Score) precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s Score) recall() float64    { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall (NaN when nothing was expected
// or predicted).
func (s Score) F1() float64 {
	if s.TP+s.FP+s.FN == 0 {
		return math.NaN()
	}
	if s.TP == 0 {
		return 0
	}
	p, r := s.precision(), s.recall()
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Report is the grade of a corpus.
type Report struct {
	Docs       int
	Fields     map[string]*Score
	Spans      map[string]*SpanScore // of each field's right facts, how many have the right evidence
	DocTypeOK  int
	Misses     []string // "doc field: expected X, got Y" for the first differences
	DocTypeBad []string
}

// SpanScore counts, of the facts whose value was right, those whose evidence is
// right too: exactly the document's text at its offsets, holding the value when
// the value is words of the text (a name, an address, a number), and overlapping
// the labelled words when the labels quote them (a provision, the SENCO's time).
type SpanScore struct {
	OK, Of int
}

// Fields in the order they are printed. provision.need is the need each
// provision serves, whatever its kind; provision.places is kind:need:places for
// each provision whose places are given.
var fieldOrder = []string{"senco.name", "senco.email", "senco.phone", "senco.qualification", "senco.days_per_week",
	"senco.hours_per_week", "senco.fte", "senco.on_slt", "governor.name", "need.area", "need.type", "provision.specialist",
	"provision.need", "provision.places", "stats.sen_percent", "stats.sen_count", "stats.ehcp_count", "stats.number_on_roll",
	"report.stated_year"}

// FieldNames lists the graded fields in the order they are printed.
func FieldNames() []string { return append([]string(nil), fieldOrder...) }

// Analyse reads a labelled document as grading does: the published file as a
// crawl reads it, or the text.
func Analyse(d Doc) analysis.Document { return AnalyseWith(analysis.Default(), d) }

// AnalyseWith reads a labelled document with the given rules (the compiled-in
// ones extended by --vocab files, say).
func AnalyseWith(x *analysis.Extractor, d Doc) analysis.Document {
	if len(d.File) > 0 {
		return x.AnalyseFile(d.File, d.URL)
	}
	return x.AnalyseText(d.Text, d.URL)
}

// DocType is the document type as the labels name it: they have no
// accessibility_plan (sendscope's own type), so such a document is "other".
func DocType(a analysis.Document) string {
	if a.DocType == "accessibility_plan" {
		return "other"
	}
	return a.DocType
}

// Grade runs the extractor with the compiled-in rules on every document and
// scores it.
func Grade(docs []Doc) Report { return GradeWith(analysis.Default(), docs) }

// GradeWith runs the given extractor on every document and scores it, so a
// --vocab wording is graded before it is used in a crawl.
func GradeWith(x *analysis.Extractor, docs []Doc) Report {
	r := Report{Docs: len(docs), Fields: map[string]*Score{}, Spans: map[string]*SpanScore{}}
	for _, f := range fieldOrder {
		r.Fields[f] = &Score{}
		r.Spans[f] = &SpanScore{}
	}
	for _, d := range docs {
		a := AnalyseWith(x, d)
		if docType := DocType(a); docType == d.Gold.DocType {
			r.DocTypeOK++
		} else {
			r.DocTypeBad = append(r.DocTypeBad, fmt.Sprintf("%s: %s, labelled %s", d.ID, a.DocType, d.Gold.DocType))
		}
		got := predicted(a.Facts)
		want := expected(d.Gold)
		for _, f := range fieldOrder {
			s := r.Fields[f]
			g, w := got[f], want[f]
			for v := range g {
				if w[v] {
					s.TP++
				} else {
					s.FP++
					r.Misses = append(r.Misses, fmt.Sprintf("%s %s: extra %q", d.ID, f, v))
				}
			}
			for v := range w {
				if !g[v] {
					s.FN++
					r.Misses = append(r.Misses, fmt.Sprintf("%s %s: missed %q", d.ID, f, v))
				}
			}
		}
		r.gradeSpans(d, a, want)
	}
	sort.Strings(r.Misses)
	return r
}

// gradeSpans checks the evidence of every fact whose value is right.
func (r *Report) gradeSpans(d Doc, a analysis.Document, want valueSet) {
	body := []rune(a.Body)
	quotes := labelQuotes(d.Gold)
	for _, f := range a.Facts {
		vs := valueSet{}
		addFact(vs, f)
		for field, vals := range vs {
			for v := range vals {
				if !want[field][v] {
					continue
				}
				r.Spans[field].Of++
				if why := badSpan(body, f, field, quotes[field+"="+v]); why != "" {
					r.Misses = append(r.Misses, fmt.Sprintf("%s %s %q: evidence %s", d.ID, field, v, why))
				} else {
					r.Spans[field].OK++
				}
			}
		}
	}
}

// labelQuotes gives the words the labels quote for a field's value
// ("provision.specialist=resource_base:asd" -> "our autism resource base...").
func labelQuotes(g Gold) map[string]string {
	q := map[string]string{}
	for _, p := range g.SpecialistProvision {
		if p.Text == nil {
			continue
		}
		v := provisionValue(p.Kind, p.Need)
		q["provision.specialist="+v] = *p.Text
		_, need, _ := strings.Cut(v, ":")
		q["provision.need="+need] = *p.Text
		if p.Places != nil {
			q["provision.places="+v+":"+num(*p.Places)] = *p.Text
		}
	}
	if t := g.SENCOTime.Text; t != nil {
		for field, v := range map[string]*float64{"senco.days_per_week": g.SENCOTime.Days, "senco.hours_per_week": g.SENCOTime.Hours, "senco.fte": g.SENCOTime.FTE} {
			if v != nil {
				q[field+"="+num(*v)] = *t
			}
		}
	}
	return q
}

// badSpan says what is wrong with a fact's evidence, or "" when nothing is.
func badSpan(body []rune, f analysis.Fact, field, quote string) string {
	if f.Start < 0 || f.End > len(body) || f.Start >= f.End || string(body[f.Start:f.End]) != f.Evidence {
		return fmt.Sprintf("%q is not the text at [%d,%d)", clip(f.Evidence), f.Start, f.End)
	}
	ev := words(f.Evidence)
	if quote != "" {
		if !overlaps(ev, words(quote)) {
			return fmt.Sprintf("%q does not overlap the labelled %q", clip(f.Evidence), clip(quote))
		}
		return ""
	}
	var must string
	switch field {
	case "senco.name", "governor.name":
		must = words(f.Value)
	case "senco.email":
		// An address written against harvesters is quoted as written and
		// given as typed: the evidence is read as the address too.
		must, ev = words(f.Value), norm(field, f.Evidence)
	case "senco.phone":
		if !strings.Contains(digits(f.Evidence), digits(f.Value)) {
			return fmt.Sprintf("%q does not hold %q", clip(f.Evidence), f.Value)
		}
	case "stats.sen_percent", "stats.sen_count", "stats.ehcp_count", "stats.number_on_roll", "senco.hours_per_week":
		// A number written as a word ("eighteen hours") cannot be checked here.
		// Nor a share given as a ratio ("1 in 5 of our pupils": 20).
		if f.ValueNum != nil && strings.ContainsAny(f.Evidence, "0123456789") &&
			!(field == "stats.sen_percent" && aRatio.MatchString(f.Evidence) && !strings.ContainsAny(f.Evidence, "%")) {
			must = num(*f.ValueNum)
			ev = words(strings.ReplaceAll(f.Evidence, ",", ""))
		}
	}
	if must != "" && !strings.Contains(" "+ev+" ", " "+strings.ReplaceAll(must, ".", " ")+" ") {
		return fmt.Sprintf("%q does not hold %q", clip(f.Evidence), must)
	}
	return ""
}

// aRatio: a share written as a ratio, "1 in 5", "one in six".
var aRatio = regexp.MustCompile(`(?i)\b(?:one|1)\s+in\s+(?:\d{1,2}|[a-z]+)\b`)

// words is s in lower case, its words apart by one space, punctuation gone.
func words(s string) string { return norm("", s) }

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// overlaps says whether two texts (as words) share words: one holds the other,
// or they share a run of four words (of the shorter's words, when fewer).
func overlaps(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if strings.Contains(" "+a+" ", " "+b+" ") || strings.Contains(" "+b+" ", " "+a+" ") {
		return true
	}
	aw, bw := strings.Fields(a), strings.Fields(b)
	n := min(4, len(aw), len(bw))
	runs := map[string]bool{}
	for i := 0; i+n <= len(aw); i++ {
		runs[strings.Join(aw[i:i+n], " ")] = true
	}
	for i := 0; i+n <= len(bw); i++ {
		if runs[strings.Join(bw[i:i+n], " ")] {
			return true
		}
	}
	return false
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

type valueSet map[string]map[string]bool

func (vs valueSet) add(field, v string) {
	if v == "" {
		return
	}
	if vs[field] == nil {
		vs[field] = map[string]bool{}
	}
	vs[field][v] = true
}

var notAlnum = regexp.MustCompile(`[^a-z0-9]+`)

var (
	obfuscatedAt  = regexp.MustCompile(`\s*(?:\[at\]|\(at\)|\{at\}|\sat\s)\s*`)
	obfuscatedDot = regexp.MustCompile(`\s*(?:\[dot\]|\(dot\)|\{dot\}|\sdot\s)\s*`)
)

// norm makes two spellings of one value comparable: case, punctuation and
// spacing do not count ("Mrs K. McKinley" = "mrs k mckinley").
func norm(field, v string) string {
	switch field {
	case "senco.phone":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, strings.Replace(v, "+44", "0", 1))
	case "report.stated_year":
		return strings.Replace(v, "/", "-", 1)
	case "senco.email":
		// An address written to deter harvesters ("name [at] school.org.uk") is
		// the same address: labels keep it as written, the extractor gives it
		// as it would be typed.
		v = obfuscatedAt.ReplaceAllString(strings.ToLower(v), "@")
		v = obfuscatedDot.ReplaceAllString(v, ".")
	}
	return strings.TrimSpace(notAlnum.ReplaceAllString(strings.ToLower(v), " "))
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func predicted(facts []analysis.Fact) valueSet {
	vs := valueSet{}
	for _, f := range facts {
		addFact(vs, f)
	}
	return vs
}

// addFact adds the values a fact is graded by.
func addFact(vs valueSet, f analysis.Fact) {
	switch f.Field {
	case "senco.days_per_week", "senco.hours_per_week", "senco.fte", "stats.sen_percent", "stats.sen_count", "stats.ehcp_count", "stats.number_on_roll":
		if f.ValueNum != nil {
			vs.add(f.Field, num(*f.ValueNum))
		}
	case "provision.specialist":
		v := strings.ToLower(f.Value)
		vs.add(f.Field, v)
		if _, need, _ := strings.Cut(v, ":"); need != "" {
			vs.add("provision.need", need)
		}
		if f.ValueNum != nil {
			vs.add("provision.places", v+":"+num(*f.ValueNum))
		}
	default:
		vs.add(f.Field, norm(f.Field, f.Value))
	}
}

// provisionValue is a provision's graded value: "kind:need", lower case.
func provisionValue(kind string, need *string) string {
	n := ""
	if need != nil {
		n = *need
	}
	return strings.ToLower(kind + ":" + n)
}

func expected(g Gold) valueSet {
	vs := valueSet{}
	for _, n := range g.SENCONames {
		vs.add("senco.name", norm("senco.name", n))
	}
	if g.SENCOEmail != nil {
		vs.add("senco.email", norm("senco.email", *g.SENCOEmail))
	}
	if g.SENCOPhone != nil {
		vs.add("senco.phone", norm("senco.phone", *g.SENCOPhone))
	}
	for _, q := range g.SENCOQualification {
		vs.add("senco.qualification", norm("senco.qualification", q))
	}
	for field, v := range map[string]*float64{"senco.days_per_week": g.SENCOTime.Days, "senco.hours_per_week": g.SENCOTime.Hours,
		"senco.fte": g.SENCOTime.FTE, "stats.sen_percent": g.Stats.SENPercent, "stats.sen_count": g.Stats.SENCount,
		"stats.ehcp_count": g.Stats.EHCPCount, "stats.number_on_roll": g.Stats.NumberOnRoll} {
		if v != nil {
			vs.add(field, num(*v))
		}
	}
	if g.SENCOOnSLT != nil {
		vs.add("senco.on_slt", strconv.FormatBool(*g.SENCOOnSLT))
	}
	for _, n := range g.SENGovernorNames {
		vs.add("governor.name", norm("governor.name", n))
	}
	for _, a := range g.AreasOfNeed {
		vs.add("need.area", norm("need.area", a))
	}
	for _, t := range g.NeedTypes {
		vs.add("need.type", norm("need.type", t))
	}
	for _, p := range g.SpecialistProvision {
		v := provisionValue(p.Kind, p.Need)
		vs.add("provision.specialist", v)
		if p.Need != nil {
			vs.add("provision.need", strings.ToLower(*p.Need))
		}
		if p.Places != nil {
			vs.add("provision.places", v+":"+num(*p.Places))
		}
	}
	if g.StatedYear != nil {
		vs.add("report.stated_year", norm("report.stated_year", *g.StatedYear))
	}
	return vs
}

// Print writes the grade as a table, then the differences when verbose.
func (r Report) Print(w io.Writer, verbose bool) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "field\tTP\tFP\tFN\tprecision\trecall\tF1\tspans\t\n")
	for _, f := range fieldOrder {
		s, sp := r.Fields[f], r.Spans[f]
		spans := "-"
		if sp != nil && sp.Of > 0 {
			spans = fmt.Sprintf("%d/%d", sp.OK, sp.Of)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t\n", f, s.TP, s.FP, s.FN, pct(s.precision()), pct(s.recall()), pct(s.F1()), spans)
	}
	tw.Flush()
	fmt.Fprintf(w, "doc_type accuracy: %d/%d = %s\n", r.DocTypeOK, r.Docs, pct(ratio(r.DocTypeOK, r.Docs)))
	if verbose {
		for _, m := range r.DocTypeBad {
			fmt.Fprintln(w, "  doc_type", m)
		}
		for _, m := range r.Misses {
			fmt.Fprintln(w, "  ", m)
		}
	}
}

func pct(f float64) string {
	if math.IsNaN(f) {
		return "-"
	}
	return fmt.Sprintf("%.2f", f)
}
