package analysis

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"regexp/syntax"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sendscope/sendscope/analysis/textstage"
	"github.com/sendscope/sendscope/documents"
)

// The rule tables: per-field wordings with their examples (rules/*.tsv).
//
//go:embed rules/*.tsv
var ruleFiles embed.FS

// Extractor is a configured reader of documents: the lexicon, the rule tables
// and the vocabularies in force, and the version they make. It is never changed
// once built, so one Extractor serves any number of goroutines; Extend gives a
// new one with an LA's wordings added.
type Extractor struct {
	lex   *textstage.Lexicon
	rules *textstage.Table

	// The vocabularies: the rules of the fields need.area, need.type,
	// provision.intervention and statutory.item (rules/need_areas.tsv, ...),
	// each with its pre-check, in the order written.
	needAreas, needTypes, interventions, statutoryItems Vocabulary

	role      *regexp.Regexp // the SENCO's role titles, as words of their own
	sencoSelf *regexp.Regexp // words for the SENCO in a sentence: the role, "she", "he"
	dayWord   *regexp.Regexp // a weekday or its abbreviation
	partOfDay *regexp.Regexp

	// gates hold, for each rule's pattern, the literals every match contains:
	// a text with none of them is not scanned.
	gates map[*regexp.Regexp]Term

	countWords []string // the lexicon's counts in words, in lower case
	// figureLed holds, for each rule whose every match opens with a figure or
	// a count in words, the rule anchored: tried only where a figure starts.
	figureLed map[*regexp.Regexp]*regexp.Regexp

	added   []string // the lines added with Extend, for the version
	version string
}

var defaultExtractor = sync.OnceValue(func() *Extractor {
	lex := textstage.Builtin()
	x := &Extractor{lex: lex}
	files, _ := fs.Glob(ruleFiles, "rules/*.tsv")
	for _, name := range files {
		f, err := ruleFiles.Open(name)
		if err != nil {
			panic(err)
		}
		t, err := textstage.ParseRules(f, name, lex, x.rules)
		f.Close()
		if err != nil {
			panic(err) // compiled in; TestRuleTables says which line
		}
		x.rules = t
	}
	x.compile()
	x.version = versionOf(compiledRules(), nil)
	return x
})

// lexRegexp compiles one of the package's fixed wordings written with the
// compiled-in lexicon's fragments ({sen}: the SEN terms, spelt in one place).
func lexRegexp(pattern string) *regexp.Regexp { return textstage.BuiltinRegexp(pattern) }

// Default is the extractor with the rules compiled in.
func Default() *Extractor { return defaultExtractor() }

// compile builds the patterns made from the lexicon.
func (x *Extractor) compile() {
	x.role = roleRegexp(x.lex.Fragment("senco_role"))
	x.sencoSelf = regexp.MustCompile(`(?i)\b(?:` + x.lex.Fragment("senco_role") + `)\b|\b(?:she|he|they|her|him|them)\b`)
	x.dayWord = regexp.MustCompile(`(?i)\b(?:` + x.lex.Fragment("weekday") + `)s?\b`)
	x.partOfDay = x.lex.Regexp("part_of_day")
	x.countWords = nil
	for _, e := range x.lex.Entries() {
		if e.Name == "count_word" {
			x.countWords = append(x.countWords, strings.ToLower(e.Pattern))
		}
	}
	x.gates = map[*regexp.Regexp]Term{}
	x.figureLed = map[*regexp.Regexp]*regexp.Regexp{}
	for _, r := range x.rules.All() {
		if opensWithFigure(r.Pattern) {
			x.figureLed[r.Regexp()] = regexp.MustCompile(`^(?:` + r.Regexp().String() + `)`)
		}
		t := Term{Value: r.Value, Pattern: r.Regexp(), find: newFinder(r.Regexp())}
		if tree, err := syntax.Parse(r.Regexp().String(), syntax.Perl); err == nil {
			t.must = ruleLiterals(tree.Simplify())
		}
		x.gates[r.Regexp()] = t
	}
	x.needAreas, x.needTypes = x.Vocabulary("need.area"), x.Vocabulary("need.type")
	x.interventions, x.statutoryItems = x.Vocabulary("provision.intervention"), x.Vocabulary("statutory.item")
}

// Vocabulary is the wordings of one field's rule table, in the order written,
// each with its pre-check: how package localoffer reads the fields
// localoffer.need and localoffer.item with this extractor's tables.
func (x *Extractor) Vocabulary(field string) Vocabulary {
	var v Vocabulary
	for _, r := range x.rules.Rules(field) {
		v = append(v, x.gates[r.Regexp()])
	}
	return v
}

// Version names the rules in force: the release, and a short hash of the rule
// sources, the lexicon, the rule tables, the vocabulary files and any wordings
// added with Extend. It is stored with every document and fact, so a
// difference between two readings can be told to come from the extractor.
func (x *Extractor) Version() string { return x.version }

// Extend reads a file of "field<TAB>value<TAB>pattern[<TAB>confidence]" lines
// (# starts a comment), each optionally followed by examples it must match
// ("+<TAB>text") and must not match ("-<TAB>text"), and returns an extractor
// with them added; x is unchanged. It is the format of the compiled-in rule
// tables (rules/*.tsv), read by the same parser, and a line joins the table of
// its field after the compiled-in ones. The fields are those of the tables:
// need.area, need.type, provision.intervention, statutory.item (the
// vocabularies: a fact's confidence is the field's, not the line's);
// localoffer.need, localoffer.item (an item of vocab/local_offer_items.tsv);
// senco.on_slt, senco.qualification, senco.fte, senco.days_per_week,
// senco.hours_per_week; provision.kind, provision.need, provision.places,
// provision.refers_back, provision.title, provision.apposition,
// provision.need.weak; stats.number_on_roll, stats.sen_total,
// stats.sen_count, stats.sen_support, stats.ehcp_count, stats.sen_percent,
// stats.sen_percent_of_count (a new wording is the last of its field's tier 3);
// doctype.policy, doctype.report, doctype.report_elsewhere,
// doctype.several_schools, doctype.one_school, doctype.college; and senco.role (a local title for
// the SENCO, added to the lexicon's role titles; the value is a label).
// An example the wording gets wrong is an error naming its line.
func (x *Extractor) Extend(r io.Reader, name string) (*Extractor, int, error) {
	y := *x
	y.added = append([]string(nil), x.added...)
	tableFields := map[string]bool{}
	for _, rule := range x.rules.All() {
		tableFields[rule.Field] = true
	}
	var known []string
	for f := range tableFields {
		known = append(known, f)
	}
	known = append(known, "senco.role")
	sort.Strings(known)
	// The file is read as a rule table (examples belong to the line before
	// them), then each rule goes where its field says.
	body, err := io.ReadAll(bufio.NewReader(r))
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %v", name, err)
	}
	t, err := textstage.ParseRules(strings.NewReader(string(body)), name, x.lex, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("%v (fields: %s)", err, strings.Join(known, ", "))
	}
	added := 0
	lex, rules := x.lex, x.rules
	for _, rule := range t.All() {
		if errs := rule.Check(); len(errs) > 0 {
			return nil, added, errs[0]
		}
		line := rule.Field + "\t" + rule.Value + "\t" + rule.Pattern
		switch {
		case rule.Field == "senco.role":
			// A local title for the SENCO ("Additional Needs Co-ordinator"): it
			// joins the lexicon's role titles.
			if lex, err = lex.With("senco_role", rule.Pattern, rule.Where); err != nil {
				return nil, added, err
			}
		case rule.Field == "localoffer.item" && !localOfferItem(rule.Value):
			// The list of items is the law's (vocab/local_offer_items.tsv): a
			// wording shows a page covers one of them.
			var ids []string
			for _, it := range localOfferItems {
				ids = append(ids, it.ID)
			}
			return nil, added, fmt.Errorf("%s: localoffer.item %q is no item of the list: expected one of %s", rule.Where, rule.Value, strings.Join(ids, ", "))
		case tableFields[rule.Field]:
			line += "\t" + strconv.FormatFloat(rule.Confidence, 'f', -1, 64)
			if rules, err = textstage.ParseRules(strings.NewReader(line+"\n"), rule.Where, lex, rules); err != nil {
				return nil, added, err
			}
		default:
			return nil, added, fmt.Errorf("%s: unknown field %q: expected one of %s", rule.Where, rule.Field, strings.Join(known, ", "))
		}
		y.added = append(y.added, line)
		added++
	}
	y.lex, y.rules = lex, rules
	y.compile()
	y.version = versionOf(compiledRules(), y.added)
	return &y, added, nil
}

// factText is the part of a text facts are read from: the first megabyte, far
// more than any report, and a bound on the work a hostile page can cause.
func factText(text string) string {
	if len(text) > maxFactText {
		cut := maxFactText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	return text
}

// namesOnce reads the SENCO's names from a text when first asked, and only once.
func (x *Extractor) namesOnce(text string) func() []Fact {
	var names []Fact
	done := false
	return func() []Fact {
		if !done {
			names, done = x.sencoNames(factText(text)), true
		}
		return names
	}
}

// Analyse reads a captured response with the default extractor: see Extractor.Analyse.
func Analyse(body []byte, contentType, pageURL, linkText string) Document {
	return Default().Analyse(body, contentType, pageURL, linkText)
}

// AnalyseFile reads a document file with the default extractor: see Extractor.AnalyseFile.
func AnalyseFile(body []byte, pageURL string) Document { return Default().AnalyseFile(body, pageURL) }

// AnalyseText reads a text with the default extractor: see Extractor.AnalyseText.
func AnalyseText(text, pageURL string) Document { return Default().AnalyseText(text, pageURL) }

// Facts reads every fact the default extractor knows from a school document's text.
func Facts(text string) []Fact { return Default().Facts(text) }

// Classify decides what kind of document this is, with a confidence in [0,1],
// with the default extractor.
func Classify(t documents.Text, pageURL, linkText string) (string, float64) {
	return Default().Classify(t, pageURL, linkText)
}

// Classify decides what kind of document this is, with a confidence in [0,1].
func (x *Extractor) Classify(t documents.Text, pageURL, linkText string) (string, float64) {
	return x.classify(t, pageURL, linkText, x.namesOnce(t.Body), nil)
}
