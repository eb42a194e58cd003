// Package analysis decides what kind of document a text is and reads facts out
// of it (the SENCO, the needs provided for, specialist provision, statutory
// items), each with the exact words it came from. It reads the text package
// documents makes; everything here is a pure function of its input: no
// network, no database. The rule tables and vocabularies here serve the Local
// Offer reader too (package analysis/localoffer).
package analysis
