// Package analysis reads a document: what kind it is (with package classify)
// and the facts in it (the SENCO, the needs provided for, specialist
// provision, statutory items), each with the exact words it came from. It
// reads the text package documents makes; everything here is a pure function
// of its input: no network, no database. The rule tables and vocabularies here
// serve the classifier and the Local Offer reader (package analysis/localoffer)
// too.
package analysis
