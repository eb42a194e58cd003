package textstage

import "regexp"

// The shapes of an e-mail address and a UK phone number, shared by the
// school reader (a SENCO's contacts) and the Local Offer reader (a service's).
// They are reached through functions so no package can replace them.
var (
	emailRe = regexp.MustCompile(`\b[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b`)
	// UK numbers: 01234 567890, 0161 123 4567, 020 7946 0000, +44 (0)1234 567890.
	// A code in brackets is kept with them: (01234) 567890. A six-figure code
	// (016977, 015394) has a local number of four or five figures, however
	// grouped: 016977 41203, 016977 41 203.
	phoneRe = regexp.MustCompile(`(?:\+44\s?\(0\)\s?|\+44\s?|\(0|\b0)\d{2,4}\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}\b|(?:\(0|\b0)1\d{4}\)?[\s\-]?\d{2,3}[\s\-]?\d{2,3}\b`)
)

// Email is the pattern of an e-mail address.
func Email() *regexp.Regexp { return emailRe }

// Phone is the pattern of a UK phone number.
func Phone() *regexp.Regexp { return phoneRe }

// wordStop: a full stop after a word, not after an initial ("Mrs A. Nwosu").
var wordStop = regexp.MustCompile(`[a-z0-9]{2}\.(?:\s|$)`)

// WordStop is the pattern of a full stop after a word, not after an initial
// ("Mrs A. Nwosu"): a line with one is prose, not a heading or a name.
func WordStop() *regexp.Regexp { return wordStop }
