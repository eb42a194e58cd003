package localoffer

import (
	"regexp"
	"sync"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/analysis/textstage"
)

// Extractor reads Local Offer pages and ORUK feeds with the rule tables of an
// analysis.Extractor (the need words and the wordings of the required items
// are rule tables, so an LA's added lines reach them). It is never changed
// once built, so one serves any number of goroutines.
type Extractor struct {
	base *analysis.Extractor
	// needTypes are the rules of need.type; localOfferNeeds the words Local
	// Offer records use for needs beyond them (rules/local_offer_needs.tsv,
	// field localoffer.need).
	needTypes, localOfferNeeds analysis.Vocabulary
	// localOfferItems are the wordings of each thing a Local Offer must
	// publish, by item id (rules/local_offer_items.tsv, field localoffer.item).
	localOfferItems map[string][]*regexp.Regexp
}

// New is the Local Offer reader with x's rule tables. Build it once per
// extractor: it compiles nothing, but gathers the tables' wordings.
func New(x *analysis.Extractor) *Extractor {
	y := &Extractor{base: x, needTypes: x.Vocabulary("need.type"), localOfferNeeds: x.Vocabulary("localoffer.need"),
		localOfferItems: map[string][]*regexp.Regexp{}}
	for _, t := range x.Vocabulary("localoffer.item") {
		y.localOfferItems[t.Value] = append(y.localOfferItems[t.Value], t.Pattern)
	}
	return y
}

// Analysis is the extractor whose rule tables this one reads with.
func (x *Extractor) Analysis() *analysis.Extractor { return x.base }

// Version is the version of the rules in force: the analysis extractor's,
// which covers this package's sources too.
func (x *Extractor) Version() string { return x.base.Version() }

var defaultExtractor = sync.OnceValue(func() *Extractor { return New(analysis.Default()) })

// Default is the Local Offer reader with the rules compiled in.
func Default() *Extractor { return defaultExtractor() }

// An e-mail address and a UK phone number: the shapes the school reader uses.
var (
	emailRe = textstage.Email()
	phoneRe = textstage.Phone()
)
