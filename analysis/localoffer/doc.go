// Package localoffer reads a council's SEND Local Offer: what kind of page a
// page is (a service record, a listing, an information page, a school's own
// offer, anything else), the service a record describes (its name, ages, needs,
// cost, contacts, eligibility), the things a Local Offer must publish that a
// page covers, and the services of an Open Referral UK (ORUK 1.0/3.0) feed.
// It reads with an analysis.Extractor's rule tables and lexicon (the need
// words and each required item's wordings are rule tables, so an LA's --vocab
// lines reach it); like analysis, everything here is a pure function of its
// input. Its sources count in the extractor's version (analysis/version.go),
// which is why it sits under analysis.
package localoffer
