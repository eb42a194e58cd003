package analysis

import (
	"strconv"
	"strings"
)

// The list of what a Local Offer must publish lives here, beside the rule
// table of its wordings (rules/local_offer_items.tsv), because Extend checks
// an added localoffer.item line against it; package localoffer reads pages
// with it.

// LocalOfferItem is one thing a Local Offer must publish, with the law or
// guidance that requires it (vocab/local_offer_items.tsv). The words that show
// a page covers it are the rule table's (rules/local_offer_items.tsv, field
// localoffer.item).
type LocalOfferItem struct {
	ID, Label, Source string
}

var localOfferItems = mustItems("local_offer_items.tsv")

// mustItems reads the list of items: id<TAB>label<TAB>source lines.
func mustItems(file string) []LocalOfferItem {
	b, err := vocabFiles.ReadFile("vocab/" + file)
	if err != nil {
		panic(err)
	}
	var out []LocalOfferItem
	seen := map[string]bool{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || seen[f[0]] {
			panic(file + ":" + strconv.Itoa(i+1) + ": expected id<TAB>label<TAB>source, each id once")
		}
		seen[f[0]] = true
		out = append(out, LocalOfferItem{ID: f[0], Label: f[1], Source: f[2]})
	}
	return out
}

// localOfferItem says whether id is an item of the list.
func localOfferItem(id string) bool {
	for _, it := range localOfferItems {
		if it.ID == id {
			return true
		}
	}
	return false
}

// LocalOfferItemList is the list of what a Local Offer must publish, in order.
func LocalOfferItemList() []LocalOfferItem { return append([]LocalOfferItem(nil), localOfferItems...) }
