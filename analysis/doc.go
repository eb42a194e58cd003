// Package analysis decides what kind of document a text is and reads facts out
// of it (the SENCO, the needs provided for, specialist provision, statutory
// items, Local Offer services), each with the exact words it came from. It reads
// the text package documents makes; everything here is a pure function of its
// input: no network, no database.
package analysis
