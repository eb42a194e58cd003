package analysis

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/sendscope/sendscope/analysis/textstage"
	"github.com/sendscope/sendscope/documents"
)

// Document is everything analysis reads from one capture.
type Document struct {
	documents.Text
	DocType           string
	DocTypeConfidence float64
	StatedYear        string // "2024/25"
	WordCount         int
	Readability       *float64 // Flesch reading ease
	Facts             []Fact
	Fingerprint       Fingerprint // for comparing its words with another document's
	Err               error       // why no text could be read; the rest is then empty
}

// Analyse reads a captured response: its text, document type and facts.
// linkText is the text of the link that led to it, a strong hint for PDFs.
func (x *Extractor) Analyse(body []byte, contentType, pageURL, linkText string) Document {
	t, err := documents.Read(body, contentType, pageURL)
	if err != nil && t.Body == "" {
		return Document{Text: t, Err: err, DocType: "other"}
	}
	d := x.analyseText(t, pageURL, linkText, false)
	d.Err = err
	return d
}

// AnalyseFile reads a document file (HTML, PDF, Word...) and reads facts from
// it whatever its type, as grading needs.
func (x *Extractor) AnalyseFile(body []byte, pageURL string) Document {
	t, err := documents.Read(body, "", pageURL)
	if err != nil && t.Body == "" {
		return Document{Text: t, Err: err, DocType: "other"}
	}
	d := x.analyseText(t, pageURL, "", true)
	d.Err = err
	return d
}

// AnalyseText analyses a document already in text form (the grading corpus
// keeps documents as text).
func (x *Extractor) AnalyseText(text, pageURL string) Document {
	t := documents.Text{Format: "text", Body: documents.Normalise(text)}
	// The first line of a document is its title, as a page's heading is.
	if first, _, ok := strings.Cut(t.Body, "\n"); ok && len(first) < 150 {
		t.Title = first
	}
	return x.analyseText(t, pageURL, "", true)
}

// analyseText classifies a text and reads its facts: from every document when
// all is set (grading reads what any text says), else only from SEN documents
// (a crawl's home and news pages would only add noise).
func (x *Extractor) analyseText(t documents.Text, pageURL, linkText string, all bool) Document {
	d := Document{Text: t}
	// The SENCO's names are read once per document, for its type and its facts.
	names := x.namesOnce(t.Body)
	// The body is searched through one page: its literals and lower case are
	// found once for every rule.
	pg := newPage(t.Body)
	d.DocType, d.DocTypeConfidence = x.classify(t, pageURL, linkText, names, pg)
	d.StatedYear = statedYear(t.Title + "\n" + linkText + "\n" + textstage.Head(t.Body, 3000))
	d.WordCount, d.Readability = readability(t.Body)
	if d.WordCount == 0 {
		// No readable words (a body of zeros, an image-only file): whatever its
		// link or URL says, it is no report anyone can read.
		d.DocType, d.DocTypeConfidence = "other", 1
	}
	d.Fingerprint = FingerprintOf(t.Body)
	if all || d.DocType != "other" {
		d.Facts = x.factsOn(t.Body, d.DocType, names, pg)
		if w := yearWritten(t.Body, d.StatedYear); w != "" {
			loc := strings.Index(t.Body, w)
			d.Facts = append(d.Facts, factAt(t.Body, loc, loc+len(w), "report.stated_year", d.StatedYear, nil, 0.7))
		}
	}
	return d
}

const maxFactText = 1 << 20

// Facts reads every fact this extractor knows from a school document's text.
func (x *Extractor) Facts(text string) []Fact { return x.factsFor(text, "", x.namesOnce(text)) }

// factsFor reads the facts of a document of the given type: on an LA page about
// a school, proposed provision is what the page records.
func (x *Extractor) factsFor(text, docType string, sencoNames func() []Fact) []Fact {
	return x.factsOn(text, docType, sencoNames, nil)
}

// factsOn is factsFor with the page of text when the caller has one (nil:
// none), so what its type was read from is not read again.
func (x *Extractor) factsOn(text, docType string, sencoNames func() []Fact, pg *page) []Fact {
	// Facts are read from the first megabyte of text: far more than any report,
	// and a bound on the work a hostile page can cause.
	text = factText(text)
	if pg == nil || pg.text != text {
		pg = newPage(text)
	}
	var out []Fact
	names := sencoNames()
	out = append(out, names...)
	// LA guidance about SENCOs in general gives its own team's contacts, not a
	// SENCO's, unless it names one.
	if docType != "la_guidance" || len(names) > 0 {
		out = append(out, x.sencoContacts(text, names)...)
	}
	st := x.newSENCOStage(text, names)
	st.pg = pg
	out = append(out, st.qualifications()...)
	out = append(out, st.sencoTime()...)
	out = append(out, st.onSLT()...)
	out = append(out, governors(text, names)...)
	// LA guidance speaks of provision in general ("resourced provisions are..."),
	// at no one school.
	if docType != "la_guidance" {
		out = append(out, x.provisionsOn(pg, docType == "la_school_sen_page")...)
	}
	out = append(out, pg.vocabFacts("provision.intervention", x.interventions, 0.8, (*page).firstOf)...)
	out = append(out, x.pupilStatsOn(pg, docType)...)
	out = append(out, x.statutory(pg, out)...)
	areas, types := x.needs(pg)
	out = append(out, areas...)
	out = append(out, types...)
	return out
}

// needs are the need areas and types a page names, read once for its type
// and its facts.
func (x *Extractor) needs(pg *page) (areas, types []Fact) {
	if !pg.needsRead {
		pg.areas = pg.vocabFacts("need.area", x.needAreas, 0.9, (*page).firstOf)
		pg.types = pg.vocabFacts("need.type", x.needTypes, 0.8, (*page).firstOf)
		pg.needsRead = true
	}
	return pg.areas, pg.types
}

// statutory lists the statutory items (SEND Regulations 2014 Sch.1) the text
// covers by content (a heading or menu item alone does not count). The SENCO's contact details (S1.04) are covered by a name with an
// e-mail address or phone number.
func (x *Extractor) statutory(pg *page, facts []Fact) []Fact {
	out := statutoryFacts(pg, x.statutoryItems, 0.6)
	var name, contact *Fact
	for i, f := range facts {
		switch f.Field {
		case "senco.name":
			if name == nil {
				name = &facts[i]
			}
		case "senco.email", "senco.phone":
			if contact == nil {
				contact = &facts[i]
			}
		}
	}
	if name != nil && contact != nil {
		f := *name
		f.Field, f.Value, f.Confidence = "statutory.item", "S1.04", 0.8
		out = append(out, f)
	}
	return out
}

var yearRe = regexp.MustCompile(`\b(20\d\d)\s*(?:/|-|to|–)\s*(?:20)?(\d\d)\b`)

// statedYear finds the academic year a document says it covers ("2024-25",
// "2024/2025", "2024 to 2025") and writes it as "2024/25".
func statedYear(s string) string {
	for _, m := range yearRe.FindAllStringSubmatch(s, -1) {
		y1, _ := strconv.Atoi(m[1])
		y2, _ := strconv.Atoi(m[2])
		if (y1+1)%100 == y2 {
			return fmt.Sprintf("%d/%02d", y1, y2)
		}
	}
	// "September 2025 – July 2026"
	for _, m := range monthSpan.FindAllStringSubmatch(s, -1) {
		y1, _ := strconv.Atoi(m[1])
		y2, _ := strconv.Atoi(m[2])
		if y2 == y1+1 {
			return fmt.Sprintf("%d/%02d", y1, y2%100)
		}
	}
	return ""
}

// monthSpan: an academic year written as its months.
var monthSpan = regexp.MustCompile(`(?i)\b(?:September|Sept?)\.?\s+(20\d\d)\s*(?:-|–|—|to|until)\s*(?:July|August|Jul|Aug)\.?\s+(20\d\d)\b`)

// yearWritten returns the words in text that state year, for evidence.
func yearWritten(text, year string) string {
	for _, m := range yearRe.FindAllStringSubmatch(textstage.Head(text, 3000), -1) {
		y1, _ := strconv.Atoi(m[1])
		y2, _ := strconv.Atoi(m[2])
		if fmt.Sprintf("%d/%02d", y1, y2) == year {
			return m[0]
		}
	}
	for _, m := range monthSpan.FindAllString(textstage.Head(text, 3000), -1) {
		if statedYear(m) == year {
			return m
		}
	}
	return ""
}

// readability gives the word count and Flesch reading ease
// (206.835 - 1.015 words/sentence - 84.6 syllables/word).
func readability(text string) (int, *float64) {
	words, sentences, syllables := 0, 0, 0
	for _, line := range strings.Split(text, "\n") {
		lineWords := 0
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
			lineWords++
			syllables += countSyllables(w)
		}
		words += lineWords
		ends := strings.Count(line, ". ") + strings.Count(line, "? ") + strings.Count(line, "! ")
		if t := strings.TrimSpace(line); t != "" && strings.ContainsAny(t[len(t)-1:], ".?!") {
			ends++
		}
		if ends == 0 && lineWords > 0 {
			ends = 1 // a heading or list item is a sentence of its own
		}
		sentences += ends
	}
	if words < 30 || sentences == 0 {
		return words, nil
	}
	f := 206.835 - 1.015*float64(words)/float64(sentences) - 84.6*float64(syllables)/float64(words)
	f = float64(int(f*10+0.5)) / 10
	return words, &f
}

// countSyllables estimates syllables by vowel groups, less a silent final e.
func countSyllables(w string) int {
	w = strings.ToLower(w)
	n, prevVowel := 0, false
	for _, r := range w {
		v := strings.ContainsRune("aeiouy", r)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "le") && n > 1 {
		n--
	}
	if n == 0 {
		n = 1
	}
	return n
}
