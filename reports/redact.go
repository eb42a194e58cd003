// Package reports turns query results into what users take away: the research
// export (CSV files and a data dictionary) and Excel workbooks. Text that came
// from the web is always written as text, never as a formula, and personal data
// is pseudonymised unless the user asks to keep it.
package reports

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Redactor replaces personal data (names, e-mail addresses, phone numbers) with
// stable pseudonyms: the same person gets the same pseudonym in every table,
// year and export made from one store, because the pseudonym is a keyed hash of
// the normalised person with the store's own secret key.
//
// Names are found by a token scan, not by exact strings: every word of a text
// is looked up among the known surnames, and from a hit the scan reads back
// over given names, initials and a title, whatever the spacing (line breaks,
// non-breaking spaces) and case. So "Mrs Julie Strogen", "Mrs J. Strogen",
// "J.A. Strogen", "MRS STROGEN" and "Mr⏎Okafor" are all found. A Redactor is
// safe for concurrent use (DuckDB calls it from several threads).
type Redactor struct {
	key      []byte
	byLast   map[string][]*surname // last surname word (lower case) -> surnames, most words first
	minLast  int                   // byte lengths of the shortest and longest last words,
	maxLast  int                   // so most words are dismissed without a lookup
	fixedVal map[string]string     // e-mail address or phone as stored -> pseudonym
}

// person is one known person: the known name values that refer to the same
// human, merged by surname and compatible given name or initial.
type person struct {
	token   string
	first   string // full first name, lower case; "" when known only by initial or title
	initial rune   // first initial, lower case; 0 when none is known
	givens  map[string]bool
	gender  byte // 'f', 'm', 0 unknown, 'x' known both ways (no filtering)
}

// surname is a known surname (one or more words) and the people who bear it.
type surname struct {
	parts  []string // lower-case words: ["smith", "jones"] for Smith-Jones
	seps   []byte   // what joins parts[i] and parts[i+1]: '-', '\'' or ' '
	key    string   // "smith-jones"
	bare   bool     // may be replaced standing alone, with no title or given name
	people []*person
	givens map[string]bool // every known full given name of its bearers
}

var (
	anyEmail = regexp.MustCompile(`\b[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b`)
	anyPhone = regexp.MustCompile(`(?:\+44\s?\(0\)\s?|\+44\s?|\b0)\d{2,4}\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}\b`)
)

// titleGender is every title the scan reads back over, with the sex it implies
// ('f', 'm', or 0 for neither).
var titleGender = map[string]byte{
	"mr": 'm', "master": 'm', "sir": 'm', "lord": 'm',
	"mrs": 'f', "miss": 'f', "ms": 'f', "madam": 'f', "dame": 'f', "lady": 'f',
	"mx": 0, "dr": 0, "prof": 0, "professor": 0, "rev": 0, "revd": 0, "reverend": 0,
}

// notSurnames are words a name value may end with that are a role, not a name
// ("Mrs Hart SENCO"): taking them for a surname would erase the role everywhere.
var notSurnames = wordSet(`senco sendco senco's coordinator co ordinator lead leader governor inclusion manager
	head headteacher teacher deputy assistant team send sen director officer school`)

// NewRedactor makes a redactor for the personal values known to the store
// (value -> field, as queries.Store.PersonalValues gives them).
func NewRedactor(key string, personal map[string]string) *Redactor {
	r := &Redactor{key: []byte(key), byLast: map[string][]*surname{}, fixedVal: map[string]string{}}
	var names []parsedName
	for value, field := range personal {
		switch field {
		case "senco.name", "governor.name":
			if n, ok := parseName(value); ok {
				names = append(names, n)
			}
		case "senco.email":
			r.fixedVal[value] = r.pseudonym("email", strings.ToLower(value))
		case "senco.phone":
			r.fixedVal[value] = r.pseudonym("phone", digits(value))
		}
	}
	r.cluster(names)
	return r
}

// parsedName is a name value split into title, given names and surname.
type parsedName struct {
	gender byte
	givens []string // lower case; an initial is one letter
	parts  []string // surname words, lower case
	seps   []byte
}

// parseName reads "Mrs Julie A. Strogen", "Mr O'Brien", "Dr van der Berg".
func parseName(value string) (parsedName, bool) {
	var n parsedName
	toks := tokenize(value)
	if len(toks) == 0 {
		return n, false
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.ToLower(value[t.start:t.end])
	}
	i := 0
	if g, ok := titleGender[words[0]]; ok && len(words) > 1 {
		n.gender = g
		i = 1
	}
	// The surname is the last word, with the words joined to it by a hyphen or
	// apostrophe, and lower-case particles before it (van, de, ...).
	last := len(words) - 1
	for last > i && notSurnames[words[last]] { // "Mrs K. McKinley (SENCO)"
		last--
	}
	if _, title := titleGender[words[last]]; title || notSurnames[words[last]] || utf8.RuneCountInString(words[last]) < 2 {
		return n, false
	}
	first := last
	for first > i {
		gap := value[toks[first-1].end:toks[first].start]
		if k := joinKind(gap); k == '-' || k == '\'' {
			first--
			continue
		}
		if particles[words[first-1]] && first-1 > i && isLower(value[toks[first-1].start:toks[first-1].end]) {
			first--
			continue
		}
		break
	}
	n.parts = words[first : last+1]
	for j := first; j < last; j++ {
		k := joinKind(value[toks[j].end:toks[j+1].start])
		if k == 0 {
			k = ' '
		}
		n.seps = append(n.seps, k)
	}
	n.givens = words[i:first]
	return n, true
}

var particles = wordSet(`van von der den de del della di da du la le ter ten bin al el st`)

// cluster groups the known names into people: per surname, each full first name
// is a person; an initial joins the one person whose first name it begins (of
// a compatible title), else stands as a person of its own; a title alone joins
// the one compatible person, if there is one.
func (r *Redactor) cluster(names []parsedName) {
	bySurname := map[string]*surname{}
	// Full first names first, then initials, then titles alone; each in a fixed
	// order, so the same store always gives the same people.
	rank := func(n parsedName) int {
		switch {
		case len(n.givens) > 0 && utf8.RuneCountInString(n.givens[0]) > 1:
			return 0
		case len(n.givens) > 0:
			return 1
		}
		return 2
	}
	sort.SliceStable(names, func(a, b int) bool {
		ra, rb := rank(names[a]), rank(names[b])
		if ra != rb {
			return ra < rb
		}
		return strings.Join(names[a].givens, " ")+"|"+strings.Join(names[a].parts, " ")+string(names[a].gender) <
			strings.Join(names[b].givens, " ")+"|"+strings.Join(names[b].parts, " ")+string(names[b].gender)
	})
	for _, n := range names {
		key := surnameKey(n.parts, n.seps)
		sn := bySurname[key]
		if sn == nil {
			sn = &surname{parts: n.parts, seps: n.seps, key: key, givens: map[string]bool{}}
			sn.bare = len(key) >= 3 && !commonWords[key]
			bySurname[key] = sn
			last := n.parts[len(n.parts)-1]
			r.byLast[last] = append(r.byLast[last], sn)
			if r.minLast == 0 || len(last) < r.minLast {
				r.minLast = len(last)
			}
			r.maxLast = max(r.maxLast, len(last))
		}
		var p *person
		switch rank(n) {
		case 0:
			first := n.givens[0]
			for _, q := range sn.people {
				if q.first == first {
					p = q
				}
			}
			if p == nil {
				p = &person{first: first, token: r.pseudonym("person", first+" "+key)}
				p.initial, _ = utf8.DecodeRuneInString(first)
				sn.people = append(sn.people, p)
			}
		case 1:
			ini, _ := utf8.DecodeRuneInString(n.givens[0])
			if c := sn.candidates(n.gender, "", ini); len(c) == 1 {
				p = c[0]
			} else {
				for _, q := range sn.people {
					if q.first == "" && q.initial == ini {
						p = q
					}
				}
				if p == nil {
					p = &person{initial: ini, token: r.pseudonym("person", string(ini)+" "+key)}
					sn.people = append(sn.people, p)
				}
			}
		default:
			if c := sn.candidates(n.gender, "", 0); len(c) == 1 {
				p = c[0]
			} else if len(sn.people) == 0 {
				p = &person{token: r.pseudonym("person", key)}
				sn.people = append(sn.people, p)
			} else {
				// "Mrs Hart" beside two Mrs Harts: no one's; it reads as the
				// generic token a text's "Mrs Hart" gets, below.
				continue
			}
		}
		if p.givens == nil {
			p.givens = map[string]bool{}
		}
		for _, g := range n.givens {
			if utf8.RuneCountInString(g) > 1 {
				p.givens[g] = true
				sn.givens[g] = true
			}
		}
		switch {
		case n.gender == 0 || p.gender == n.gender || p.gender == 'x':
		case p.gender == 0:
			p.gender = n.gender
		default:
			p.gender = 'x'
		}
	}
	for _, list := range r.byLast {
		sort.SliceStable(list, func(a, b int) bool { return len(list[a].parts) > len(list[b].parts) })
	}
}

// candidates are the bearers of the surname a mention may mean: of a compatible
// title, and with that first name (or given name), or that initial.
func (sn *surname) candidates(gender byte, first string, initial rune) []*person {
	var out []*person
	for _, p := range sn.people {
		if gender != 0 && p.gender != 0 && p.gender != 'x' && p.gender != gender {
			continue
		}
		switch {
		case first != "":
			if p.first != first {
				continue
			}
		case initial != 0:
			if p.initial != initial {
				continue
			}
		}
		out = append(out, p)
	}
	if first != "" && len(out) == 0 {
		// A middle name: "Anne Strogen" for Julie Anne Strogen.
		for _, p := range sn.people {
			if p.givens[first] && (gender == 0 || p.gender == 0 || p.gender == 'x' || p.gender == gender) {
				out = append(out, p)
			}
		}
	}
	return out
}

// tokenFor is the pseudonym of a mention: the one person it can mean, or else a
// token of its own that is no known person's (never one's token for another).
func (r *Redactor) tokenFor(sn *surname, gender byte, first string, initial rune) string {
	if c := sn.candidates(gender, first, initial); len(c) == 1 {
		return c[0].token
	}
	switch {
	case first != "":
		return r.pseudonym("person", first+" "+sn.key)
	case initial != 0:
		return r.pseudonym("person", string(initial)+" "+sn.key)
	}
	g := "?"
	if gender != 0 {
		g = string(gender)
	}
	return r.pseudonym("person", "surname:"+g+":"+sn.key)
}

// Text pseudonymises every known name and every e-mail address and phone number
// in s. Addresses go first, so that a name inside an address does not change the
// address's pseudonym.
func (r *Redactor) Text(s string) string {
	if s == "" {
		return s
	}
	if p, ok := r.fixedVal[s]; ok {
		return p
	}
	if strings.IndexByte(s, '@') >= 0 {
		s = anyEmail.ReplaceAllStringFunc(s, func(m string) string { return r.pseudonym("email", strings.ToLower(m)) })
	}
	if hasDigitRun(s) {
		s = anyPhone.ReplaceAllStringFunc(s, func(m string) string {
			if d := digits(m); len(d) >= 10 {
				return r.pseudonym("phone", d)
			}
			return m
		})
	}
	return r.names(s)
}

// hasDigitRun says whether s has the three digits in a row that any phone
// number has, so the phone pattern runs only where it could match.
func hasDigitRun(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 3 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

type span struct{ start, end int }

// tokenize splits s into words: runs of letters, digits and combining marks.
// Everything else (space, punctuation, hyphens, apostrophes) lies between.
func tokenize(s string) []span {
	var out []span
	eachWord(s, func(start, end int) bool {
		out = append(out, span{start, end})
		return true
	})
	return out
}

// eachWord calls fn with each word's bounds in s, in order, until fn returns false.
func eachWord(s string, fn func(start, end int) bool) {
	start := -1
	for i, c := range s {
		if isWordRune(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !fn(start, i) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

func isWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
}

// isSpace counts the invisible characters PDF and HTML text puts between words
// as space too: non-breaking, zero-width and soft hyphen.
func isSpace(c rune) bool {
	return unicode.IsSpace(c) || c == '\u200b' || c == '\u00ad' || c == '\ufeff' || c == '\u2060'
}

// joinKind says what a gap between two words is: ' ' (space only), '.' (a dot
// with or without space), '-' (a hyphen), '\” (an apostrophe), or 0 (other).
func joinKind(gap string) byte {
	if gap == "" {
		return 0
	}
	switch gap {
	case "-", "‐", "‑":
		return '-'
	case "'", "’":
		return '\''
	}
	dot := false
	for i, c := range gap {
		switch {
		case c == '.' && i == 0:
			dot = true
		case isSpace(c):
		default:
			return 0
		}
	}
	if dot {
		return '.'
	}
	return ' '
}

// lowerBuf writes s in lower case into buf, for map lookups without allocation.
func lowerBuf(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(buf[:0], strings.ToLower(s)...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// names replaces every mention of a known person in s.
func (r *Redactor) names(s string) string {
	if len(r.byLast) == 0 {
		return s
	}
	var toks []span
	var buf [64]byte
	var out strings.Builder
	written := 0 // bytes of s already copied to out
	floor := 0   // first token not yet replaced: reading back stops there
	// A first pass finds any hit before the word list is built, so text naming
	// no one costs one scan and no allocation.
	hit := false
	eachWord(s, func(start, end int) bool {
		hit = r.isLast(buf[:], s[start:end])
		return !hit
	})
	if !hit {
		return s
	}
	toks = tokenize(s)
	word := func(k int) string { return s[toks[k].start:toks[k].end] }
	gap := func(k int) string { return s[toks[k].end:toks[k+1].start] } // between k and k+1
	for i := range toks {
		if i < floor || !r.isLast(buf[:], word(i)) {
			continue
		}
		lw := string(lowerBuf(buf[:0], word(i)))
		for _, sn := range r.byLast[lw] {
			// The surname's other words, read back from its last.
			f := i
			ok := true
			for p := len(sn.parts) - 2; p >= 0; p-- {
				if f-1 < floor || strings.ToLower(word(f-1)) != sn.parts[p] {
					ok = false
					break
				}
				k := joinKind(gap(f - 1))
				if want := sn.seps[p]; k != want && !(want == ' ' && k == ' ') {
					ok = false
					break
				}
				f--
			}
			if !ok {
				continue
			}
			upperSurname := isUpper(word(i))
			// Given names and initials, then a title.
			k := f - 1
			var first string
			var initial rune
			given := false
			for ; k >= floor; k-- {
				w, g := word(k), joinKind(gap(k))
				if isInitial(w, g, upperSurname) {
					initial, _ = utf8.DecodeRuneInString(strings.ToLower(w))
					first = ""
					given = true
					continue
				}
				if g == ' ' && sn.givens[strings.ToLower(w)] {
					first, initial = strings.ToLower(w), 0
					given = true
					continue
				}
				break
			}
			var gender byte
			titled := false
			if k >= floor {
				if g, ok := titleGender[strings.ToLower(word(k))]; ok {
					if j := joinKind(gap(k)); j == ' ' || j == '.' {
						gender, titled = g, true
						k--
					}
				}
			}
			if !given && !titled {
				// A surname alone: only one that is no common word, capitalised.
				c, _ := utf8.DecodeRuneInString(word(f))
				if !sn.bare || !unicode.IsUpper(c) {
					continue
				}
			}
			out.Grow(len(s))
			out.WriteString(s[written:toks[k+1].start])
			out.WriteString(r.tokenFor(sn, gender, first, initial))
			written = toks[i].end
			floor = i + 1
			break
		}
	}
	if written == 0 {
		return s
	}
	out.WriteString(s[written:])
	return out.String()
}

// isLast says whether w (any case) is the last word of a known surname.
func (r *Redactor) isLast(buf []byte, w string) bool {
	if len(w) < r.minLast || len(w) > r.maxLast*2 { // *2: upper-case letters may be longer
		return false
	}
	_, ok := r.byLast[string(lowerBuf(buf[:0], w))]
	return ok
}

// isInitial says whether w, followed by a gap of kind g, reads as an initial:
// one capital letter ("J", "J."), a lower-case letter with its dot ("j."), or
// two capitals run together before a surname not itself in capitals ("JA Strogen").
func isInitial(w string, g byte, upperSurname bool) bool {
	if g != ' ' && g != '.' {
		return false
	}
	n := utf8.RuneCountInString(w)
	c, _ := utf8.DecodeRuneInString(w)
	switch {
	case n == 1 && unicode.IsUpper(c):
		return true
	case n == 1 && unicode.IsLetter(c):
		return g == '.'
	case n == 2 && isUpper(w) && !upperSurname && g == ' ':
		return true
	}
	return false
}

func isUpper(w string) bool {
	for _, c := range w {
		if unicode.IsLetter(c) && !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

func isLower(w string) bool {
	for _, c := range w {
		if unicode.IsLetter(c) && !unicode.IsLower(c) {
			return false
		}
	}
	return true
}

func surnameKey(parts []string, seps []byte) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(seps[i-1])
		}
		b.WriteString(p)
	}
	return b.String()
}

func (r *Redactor) pseudonym(kind, normalised string) string {
	m := hmac.New(sha256.New, r.key)
	m.Write([]byte(kind + ":" + normalised))
	return kind + "-" + hex.EncodeToString(m.Sum(nil))[:10]
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}
