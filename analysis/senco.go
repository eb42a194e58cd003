package analysis

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/sendscope/sendscope/analysis/textstage"
)

// The SENCO goes by many titles (the lexicon's senco_role; an LA adds its own
// with --vocab senco.role). The role must stand as a word of its own, so an
// address such as senco@school.org is not a role mention.

// roleRegexp matches any of the titles as words of their own.
func roleRegexp(titles string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:` + titles + `)\b`)
}

// Someone who helps the SENCO, or holds the post at another school, is not the SENCO.
// The helper's title may have words between it and the role ("Assistant Trust
// SENDCo", "Deputy Primary SENCO").
var notTheSENCO = lexRegexp(`(?i)\b(?:assistant|deputy|trainee|associate|former|previous|acting\s+assistant)\s*(?:(?:trust|school|academy|federation|partnership|cluster|hub|area|county|primary|secondary|phase|site|EYFS|KS\d)\s+){0,2}(?:to\s+the\s+)?$|{school_elsewhere}`)

// notToTheRole: the role spoken of to say something is not for it ("should go
// to the office, not to the SENCo").
var notToTheRole = regexp.MustCompile(`(?i)\b(?:not|rather\s+than|instead\s+of)\s+(?:to|from|with|by|for)?\s*(?:the|our)?\s*$`)

// A person's name: with a title ("Mrs K. McKinley", "Mr Jones", "Dr A J Patel",
// "Mrs Lowri ap Dafydd", "Mrs Adaeze OKONKWO"), with initials ("K. T. Osei", "J K
// Mensah") or as given names and surname ("Helen Watson", "Rhodri ap Hywel"). The
// words are the lexicon's: name_word (any script's letters and marks, both
// apostrophes, hyphens, an Arabic article), name_caps (a PDF's surname in
// capitals), name_particle (ap, Ní, van der, de la, dos, binti ...) and
// name_initial. After the first word, up to two more, each perhaps led by a
// particle, with single spaces between (a column's wider gap ends the name).
// RE2's \b knows only ASCII letters, so initialName and untitledName do not
// start with it: persons checks that no letter comes just before. What is no
// one (roles, services, qualifications, places) is the lexicon's not_person,
// read by plausibleName word by word.
var (
	titledName   = lexRegexp(`\b(?:{title})\.?[ \t]+(?:(?:{title})\.?[ \t]+)?(?:{name_initial}[ \t]*){0,3}(?:{name_word}|{name_caps})` + laterNameWords + `{0,2}`)
	initialName  = lexRegexp(`(?-i:(?:\p{Lu}\.[ \t]*|\p{Lu}[ \t]+){1,3}(?:{name_particle}[ ])?(?:{name_word}))`)
	untitledName = lexRegexp(`(?-i:(?:{name_word})(?:[ \t]+\p{Lu}\.)?` + laterNameWords + `{1,2})`)
)

// mentionedPerson: a titled name as the stages look for someone mentioned
// before a fact (whose time, whose seat): a surname in capitals only straight
// after the title or initials, so a role in capitals after a name ("Mr R Chaudhry
// SENCo") is not read into it.
var mentionedPerson = lexRegexp(`\b(?:{title})\.?[ \t]+(?:(?:{title})\.?[ \t]+)?(?:{name_initial}[ \t]*){0,3}(?:{name_word}|{name_caps})(?:[ ](?:{name_particle}[ ])?(?:{name_word})){0,2}`)

// laterNameWords: one more word of a name after a single space, perhaps led by
// a particle ("ap Dafydd", "van der Merwe", "de la Cruz", "binti Rahman").
const laterNameWords = `(?:[ ](?:{name_particle}[ ])?(?:{name_word}|{name_caps}))`

// inWord says whether s[i] continues a word: a letter, digit or apostrophe
// just before it.
func inWord(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == '’')
}

// notPerson says whether a word is never part of a person's name: a word of the
// lexicon's not_person classes (qualifications, roles, teams and services,
// places and organisations, the words of a page around names).
func notPerson(w string) bool {
	if v, ok := notPersonSeen.Load(w); ok {
		return v.(bool)
	}
	v := notPersonWord.MatchString(w)
	// Pages reuse their words: remember the answers, up to a bound (a hostile
	// page's endless new words are read, not kept).
	if notPersonCount.Add(1) <= 100000 {
		notPersonSeen.Store(w, v)
	}
	return v
}

var (
	notPersonSeen  sync.Map // word -> bool
	notPersonCount atomic.Int64
)

var notPersonWord = regexp.MustCompile(`(?i)^(?:` + textstage.Builtin().Fragment("not_person") + `)$`)

// Words allowed between a role and the name that follows it
// ("SENCO: Mrs Smith", "The SENCO at our school is Mrs Smith", "SENDCo, Helen Watson").
var roleThenNameFiller = regexp.MustCompile(`(?i)^[\s:;,\-|=()'/?]*(?:(?:a|s|answer|role|shared|between|jointly|held|by|is|are|has|have|been|now|at|for|of|in|our|the|school|academy|school's|academy's|called|named|currently|contact|who|will|be|lead|and|disabilities|disability|co-?ordinator|this|year|person|responsible|name|namely|eyfs|ks\d?|key|stage|early|years|\d|primary|secondary|sendco|senco|head|resource|base|provision)\b[\s:;,\-|=()'/?]*){0,10}$`)

// Words allowed between a name and the role that follows it
// ("Mrs Smith (SENCO)", "Mrs Smith, SENCO", "Mrs Smith is our SENDCo",
// "Sam Lee (they/them) is our SENCO": pronouns in brackets), the role given by
// a relative clause or after an apposition saying the person's other post
// ("Mr A, who also holds the SENCO role", "Mrs B, who holds the post of SENCo",
// "Mr C, our Headteacher, will act as SENCO", "Mr D, currently Head of Year 7,
// will be acting SENDCo", "Miss E, a Year 5 teacher, took over as SENCo").
var nameThenRoleFiller = lexRegexp(`(?i)^[\s,(\-|:;]*(?:\((?:she|he|they|ze|xe)/(?:her|him|them|hers|his|theirs|hir|xem)\)[\s,]*)?(?:(?:is|our|the|school's|schools|academy's|who|acts|as|and|has|been|appointed|currently|a|trust|named|also|headteacher|head|teacher|deputy|assistant|principal|class|year|of|{sen}|inclusion|leader|lead|manager|current|link|nominated|designated|full|part|time|non|teaching|qualified|experienced|acting|interim|temporary|new|will|join|joins|joined|joining|us|here|i|i'm|am|holds|hold|holding|became|becomes|leads|leading|covers|cover|covering|school|takes|take|taking|took|taken|over|on|post|role|act|be|{holds_role}|executive|both|schools|sites|federation|federation's|trust's|\d{1,2})\b[\s,(\-|:;'/&]*){0,12}$`)

// sencoNames finds the people named in the SENCO role.
func (x *Extractor) sencoNames(text string) []Fact {
	if names := peopleInRole(text, x.role, notTheSENCO, "senco.name"); len(names) > 0 {
		return x.withoutCounterparts(names)
	}
	if names := x.signedHolder(text); len(names) > 0 {
		return names
	}
	return x.soleNameWithRole(text)
}

var (
	liaises   = lexRegexp(`(?i){cue.liaises}`)
	ourHolder = lexRegexp(`(?i)\bour\s+(?:{senco_role})\b`)
)

// withoutCounterparts drops a holder named in a sentence where the school's
// own SENCO (named elsewhere on the page, or "our SENCO") meets or liaises with
// them ("Miss Rook visits the infant school and talks with their SENCO, Mrs
// P. Lowe"; "Mrs Almeida meets Mr D. Hale, the SENCO at Kingsmoor Academy"):
// the one met holds the post elsewhere. A page naming one holder keeps her.
func (x *Extractor) withoutCounterparts(names []Fact) []Fact {
	if len(names) < 2 {
		return names
	}
	var out []Fact
	for i, f := range names {
		at := strings.Index(f.Evidence, f.Value)
		if at < 0 {
			at = strings.Index(f.Evidence, lastWord(f.Value))
		}
		if at <= 0 {
			out = append(out, f)
			continue
		}
		before := f.Evidence[:at]
		ours := -1
		if m := ourHolder.FindStringIndex(before); m != nil {
			ours = m[1]
		}
		for j, g := range names {
			if j != i {
				if k := strings.LastIndex(before, lastWord(g.Value)); k >= 0 && k > ours {
					ours = k
				}
			}
		}
		if ours >= 0 && liaises.MatchString(before[ours:]) {
			continue // the one our SENCO meets
		}
		out = append(out, f)
	}
	if len(out) == 0 {
		return names
	}
	return out
}

// lastWord is a name's surname (its last word).
func lastWord(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	return f[len(f)-1]
}

var (
	firstPersonPost = lexRegexp(`(?i){first_person_post}`)
	// signatureLead: what may stand before a signature on its line.
	signatureLead = regexp.MustCompile(`(?i)^[\s\-–—~]*(?:(?:signed|from|best\s+wishes|kind\s+regards|regards|thank\s+you|yours\s+sincerely)[\s,:\-–—]*)?$`)
	// signatureTail: what may follow it on its line (a comma and the posts).
	signatureTail = regexp.MustCompile(`^[\s.]*(?:[,(–—-][\s]*[\p{L}&/ ,\-]{1,60}\)?)?[\s.]*$`)
)

// signedHolder finds a holder who writes in the first person and signs below
// ("I am the school's SENDCo as well as the Headteacher, so ask for me. - Mrs
// A. Heron"): the last titled name in the role's paragraph that stands as a
// signature, after a dash or a closing, at a line's start or after the text.
func (x *Extractor) signedHolder(text string) []Fact {
	for _, m := range x.role.FindAllStringIndex(text, 50) {
		ls := strings.LastIndexByte(text[:m[0]], '\n') + 1
		if !firstPersonPost.MatchString(text[max(ls, m[0]-60):m[0]]) {
			continue
		}
		end := len(text)
		if i := strings.Index(text[m[1]:], "\n\n"); i >= 0 {
			end = m[1] + i
		}
		end = min(end, m[1]+600)
		var found []int
		for _, l := range titledName.FindAllStringIndex(text[m[1]:end], -1) {
			from, to := m[1]+l[0], m[1]+l[1]
			lineStart := strings.LastIndexByte(text[:from], '\n') + 1
			lead := text[lineStart:from]
			if k := strings.LastIndexAny(lead, "-–—"); k >= 0 && (k == 0 || lead[k-1] == ' ') {
				lead = lead[k:] // "... directly. - Mrs A. Heron"
			}
			lineEnd := strings.IndexByte(text[to:], '\n')
			if lineEnd < 0 {
				lineEnd = len(text) - to
			}
			if signatureLead.MatchString(lead) && signatureTail.MatchString(text[to:to+lineEnd]) && plausibleName(cleanName(text[from:to])) {
				found = []int{from, to}
			}
		}
		if found != nil {
			name := cleanName(text[found[0]:found[1]])
			return []Fact{factAt(text, found[0], found[1], "senco.name", name, nil, 0.7)}
		}
	}
	return nil
}

// predecessor: words before someone the SENCO took over from.
var predecessor = regexp.MustCompile(`(?i)\b(?:from|replacing|replaces|replaced|succeeding|succeeds|after)\s*$`)

// otherRoles: words naming someone other than the SENCO in a sentence.
var otherRoles = lexRegexp(`(?i)\b(?:head\s*teacher|head|principal|governors?|assistant|deputy|chair|clerk|teachers?|therapist|psychologist|officer|administrator|worker|mentor|lead\s+practitioner|(?:{sen}|trust|SEMH|autism|pastoral)\s+lead|trust|(?:business|office|finance|site|data|premises|attendance)\s+manager|bursar|receptionist|secretary)\b`)

// soleNameWithRole is the last resort when no wording ties a name to the role:
// a sentence naming the SENCO role and exactly one titled person, and no other
// role, names the SENCO ("Mrs A has led SEN here, as SENCO, since 2019").
func (x *Extractor) soleNameWithRole(text string) []Fact {
	for _, m := range x.role.FindAllStringIndex(text, 50) {
		if inAddress(text, m[0], m[1]) || notTheSENCO.MatchString(text[max(0, m[0]-30):m[0]]) || leftPost(text, m[1]) || gaveUpAs.MatchString(text[max(0, m[0]-30):m[0]]) ||
			notToTheRole.MatchString(text[max(0, m[0]-20):m[0]]) {
			continue
		}
		lo, hi := sentenceAround(text, m[0], m[1])
		// A text without sentence ends is one "sentence": look near the role only.
		lo, hi = max(lo, m[0]-300), min(hi, m[1]+300)
		sentence := text[lo:hi]
		if otherRoles.MatchString(sentence) || heldByAnother(text, lo, hi, x.role) {
			continue
		}
		locs := titledName.FindAllStringIndex(sentence, -1)
		var people [][]int
		seen := map[string]bool{}
		for _, l := range locs {
			n := cleanName(sentence[l[0]:l[1]])
			if predecessor.MatchString(sentence[max(0, l[0]-30):l[0]]) {
				continue // "taking over from Mrs B"
			}
			if plausibleName(n) && !seen[shortForm(n)] {
				seen[shortForm(n)] = true
				people = append(people, l)
			}
		}
		if len(people) == 1 {
			l := people[0]
			from, to := lo+l[0], lo+l[1]
			// "Mr Oduya" here, "Mr Henry Oduya" elsewhere: the full name.
			short := shortForm(cleanName(text[from:to]))
			for _, f := range titledName.FindAllStringIndex(text, 200) {
				if full := cleanName(text[f[0]:f[1]]); shortForm(full) == short && len(full) > len(cleanName(text[from:to])) {
					from, to = f[0], f[1]
					break
				}
			}
			return []Fact{factAt(text, from, to, "senco.name", cleanName(text[from:to]), nil, 0.5)}
		}
	}
	return nil
}

// heldByAnother says whether text[lo:hi] also names the role as someone
// else's ("our SENDCo talks with the secondary school's SENDCo, Ms A"): its one
// person may be that one.
func heldByAnother(text string, lo, hi int, role *regexp.Regexp) bool {
	for _, m := range role.FindAllStringIndex(text[lo:hi], -1) {
		if notTheSENCO.MatchString(text[max(0, lo+m[0]-30) : lo+m[0]]) {
			return true
		}
	}
	return false
}

// peopleInRole finds the people a text names in a role: after the role ("SENCO:
// Mrs A", "the SENCO is Mrs A", "SENCO" then "Mrs A" on the next line), or before
// it ("Mrs A (SENCO)", "Mrs A is our SENCO"), with lists of several.
func peopleInRole(text string, role, exclude *regexp.Regexp, field string) []Fact {
	var out []Fact
	seen := map[string]bool{}
	var blocks []textstage.Block // read when first needed
	add := func(from, to int, name string, conf float64) {
		// "Mrs Carys" at a line's end, "Penhaligon, Trust SENDCo" on the next: one name.
		if end, ok := wrappedSurname(text, to, name); ok {
			name, to = name+" "+text[to+1:end], end
		}
		name = cleanName(name)
		key := strings.ToLower(name)
		if name == "" || seen[key] || seen[shortForm(name)] {
			return
		}
		seen[key], seen[shortForm(name)] = true, true
		out = append(out, factAt(text, from, to, field, name, nil, conf))
	}
	// A page naming the role hundreds of times is not telling us who holds it.
	for _, m := range role.FindAllStringIndex(text, 300) {
		rs, re := m[0], m[1]
		if inAddress(text, rs, re) {
			continue // part of an e-mail address, web address or file name
		}
		before := text[max(0, rs-30):rs]
		if exclude.MatchString(before) || leftPost(text, re) || gaveUpAs.MatchString(before) || notToTheRole.MatchString(before) {
			continue
		}
		// A "Name – Role" row ("Mrs A Bee – SENDCo"): the name on the role's own
		// line, before it, not the next row's.
		ls := strings.LastIndexByte(text[:rs], '\n') + 1
		le := strings.IndexByte(text[re:], '\n')
		if le < 0 {
			le = len(text) - re
		}
		if loc, name := firstName(text[ls:rs]); loc != nil && strings.TrimSpace(text[ls:ls+loc[0]]) == "" &&
			rowSeparator.MatchString(text[ls+loc[1]:rs]) && strings.TrimSpace(text[re:re+le]) == "" {
			add(ls+loc[0], re, name, 0.85)
			continue
		}
		// A table whose header names the role ("School | SENDCo | Email"): the
		// person in that column of each row below holds it, one per school.
		if rows := columnPeople(text, ls, rs, re); rows != nil {
			for _, r := range rows {
				add(r[0], r[1], text[r[0]:r[1]], 0.8)
			}
			continue
		}
		// The same table copied one cell per line ("School" / "SENCO" /
		// "Email", then three lines a school).
		if rows := stackedColumnPeople(text, ls, re); rows != nil {
			for _, r := range rows {
				add(r[0], r[1], text[r[0]:r[1]], 0.8)
			}
			continue
		}
		// A heading or lead-in naming the role in the plural ("School SENCOs",
		// "Our academy SENCOs are:"), then a row per school: each row's one
		// person holds the role at that school.
		if rows := rosterPeople(text, role, ls, rs, re); rows != nil {
			for _, r := range rows {
				add(r[0], r[1], text[r[0]:r[1]], 0.8)
			}
			continue
		}
		if blocks == nil {
			blocks = textstage.Blocks(text)
		}
		line := text[ls : re+le]
		var people []person
		if len(line) <= 400 { // a row or a sentence's line, not a page with no line breaks
			// not one who gave the post up ("Following the retirement of Mrs A
			// in July, the SENCO role is held" / "by our Headteacher, Mr B")
			for _, p := range persons(line) {
				if !gaveUpAs.MatchString(line[max(0, p.loc[0]-40):p.loc[0]]) {
					people = append(people, p)
				}
			}
		}
		// Role, then name.
		after := text[re:min(len(text), re+90)]
		if i := strings.Index(after, "\n\n"); i >= 0 {
			after = after[:i]
		}
		// "SENDCo (on maternity leave): Ms A": a note in brackets is blanked out, keeping offsets.
		if m := leadingNote.FindStringIndex(after); m != nil {
			if loc, _ := firstName(after[m[0]:m[1]]); loc == nil { // "(Mrs A)" is the name itself
				after = after[:m[0]] + strings.Repeat(" ", m[1]-m[0]) + after[m[1]:]
			}
		}
		// "The SENCO at North Lea is Miss A": the place is blanked out, keeping offsets.
		if m := atPlaceLead.FindStringSubmatchIndex(after); m != nil {
			after = after[:m[0]] + strings.Repeat(" ", m[2]-m[0]) + after[m[2]:]
		}
		// "Our Trust SENDCo and Director of Inclusion, Mrs A": a post joined to
		// the role, capitalised and with no article ("and the Head of Inclusion,
		// Mrs A" is another person), is blanked out, keeping offsets.
		if m := joinedPost.FindStringIndex(after); m != nil && len(persons(after[m[0]:m[1]])) == 0 {
			after = strings.Repeat(" ", m[1]) + after[m[1]:]
		}
		// A name on a later line than the role is not the role's holder when the
		// role's own line names someone (the next row's person is theirs).
		// "School – SENDCo: A. K. – sendco@...": initials alone in the role's cell.
		if m := initialsAfterRole.FindStringSubmatchIndex(after); m != nil {
			add(rs, re+m[3], after[m[2]:m[3]], 0.75)
			continue
		}
		if loc, name := firstName(after); loc != nil && (roleThenNameFiller.MatchString(atSchool.ReplaceAllString(after[:loc[0]], " ")) || heldBy.MatchString(after[:loc[0]])) &&
			!(atPlace.MatchString(after[:loc[0]]) && !titledName.MatchString(name)) &&
			!(strings.Contains(after[:loc[0]], "\n") && len(people) > 0) {
			add(rs, re+loc[1], name, 0.9)
			// "SENCOs are Mrs A and Mr B", "SENCO: EYFS - Mrs A / KS1 - Mrs B"
			// The list may run past the window the first name was looked for in.
			list := text[re:min(len(text), re+400)]
			if i := strings.Index(list, "\n\n"); i >= 0 {
				list = list[:i]
			}
			end := loc[1]
			for end <= len(list) {
				rest := list[end:]
				j := moreNames.FindStringIndex(rest)
				if j == nil {
					break
				}
				loc2, name2 := firstName(rest[j[1]:])
				if loc2 == nil || loc2[0] != 0 {
					break
				}
				add(rs, re+end+j[1]+loc2[1], name2, 0.8)
				end += j[1] + loc2[1]
			}
			continue
		}
		// One line, one person: in a staff list's row or a line standing alone
		// ("Inclusion Lead (SENCo) / Year 6 teacher Mr B Cartwright", "Mrs J. Okoro
		// (SENDCo)") the row's one person holds the role, whatever the words between.
		// A row is a line, not a block: a list's columns, their gaps collapsed,
		// read like lines a PDF wrapped.
		if len(people) == 1 && isRow(line) {
			p := people[0]
			if !(p.untitled && p.loc[1] <= rs-ls && strings.TrimSpace(line[p.loc[1]:rs-ls]) == "") && // "Early Years SENCO"
				!(p.loc[1] <= rs-ls && otherPostBy(line, p.loc[0], p.loc[1])) { // "Director of SEND, Ms A, supervises SENCOs"
				add(min(ls+p.loc[0], rs), max(ls+p.loc[1], re), line[p.loc[0]:p.loc[1]], 0.85)
				continue
			}
		}
		// A contact block of "label: value" lines ("Contact Name: Mr D Ferreira" /
		// "Contact Position: SENCO"): the role as a value names no one; the name is
		// the value of a line beside it in the block.
		if len(people) == 0 {
			if from, to, name := labelledName(text, blocks, rs); name != "" {
				add(min(from, rs), max(to, re), name, 0.8)
				continue
			}
		}
		// A role standing as a label, with the name on the next line ("SENDCo"
		// then "Mrs Taylor"). The label may join another post to the role
		// ("Trust SENDCo and Director of Inclusion"), and the name may have the
		// letters of its awards after it ("Mrs A Bee NASENCo, NPQSENCO").
		if label := strings.TrimSpace(text[strings.LastIndexByte(text[:rs], '\n')+1 : re]); len(label) < 40 {
			rest := text[re:min(len(text), re+120)]
			// A heading opens its paragraph: a post joined to the role on a
			// line under a name ("Dr A" / "SENDCo and Designated Teacher") is
			// that name's post, not a heading over the next line's.
			opens := ls == 0 || strings.HasSuffix(text[:ls], "\n\n")
			if nl := strings.IndexByte(rest, '\n'); nl >= 0 && (strings.TrimSpace(rest[:nl]) == "" || opens && headingPost.MatchString(rest[:nl])) {
				next := strings.TrimLeft(rest[nl:], "\n ")
				off := re + len(rest) - len(next)
				if line, _, _ := strings.Cut(next, "\n"); line != "" {
					if loc, name := firstName(line); loc != nil && loc[0] == 0 && (strings.TrimSpace(line[loc[1]:]) == "" || lettersAfterName.MatchString(line[loc[1]:])) {
						add(rs, off+loc[1], name, 0.75)
						continue
					}
				}
			}
		}
		// A question asking who holds the role ("Who is the SENCo?", "Q: Who is
		// our SENDCo?"): the answer's first words, on the next line or
		// paragraph, name them ("Mrs A. She has led ...", "A: Mrs A, who ...").
		if whoQuestion.MatchString(strings.TrimSpace(text[ls : re+le])) {
			rest := text[re+le : min(len(text), re+le+300)]
			next := strings.TrimLeft(rest, "\n \t\r")
			off := re + le + len(rest) - len(next)
			if m := answerLead.FindStringIndex(next); m != nil {
				next, off = next[m[1]:], off+m[1]
			}
			line, _, _ := strings.Cut(next, "\n")
			if loc, name := firstName(line); loc != nil && loc[0] == 0 && !otherPostBy(line, loc[0], loc[1]) {
				add(off+loc[0], off+loc[1], name, 0.85)
				continue
			}
		}
		// A record of labels over values ("Contact Name" / "Ms A" / "Contact
		// Position" / "SENCo and ARP Lead"): the role's line is the position's
		// value, the name the value under the name's label above it.
		if from, to, ok := stackedName(text, ls); ok {
			add(from, to, text[from:to], 0.8)
			continue
		}
		// The role's next sentence saying who shares or holds it ("Our SENCO
		// post is a job share. Ms A and Mrs B share the role."): the people
		// before those words, named one after another.
		if ps := holdersNext(text, re); ps != nil {
			for _, p := range ps {
				add(p[0], p[1], text[p[0]:p[1]], 0.8)
			}
			continue
		}
		// Name, then role.
		win := text[max(0, rs-100):rs]
		if i := strings.LastIndex(win, "\n\n"); i >= 0 {
			win = win[i+2:]
		}
		off := rs - len(win)
		if loc, name := lastName(win); loc != nil {
			// "Mr Fraser" / "McAllister, currently Head of Year 7, will be
			// acting SENDCo": the surname a PDF wrapped is the name's, and the
			// words after it are the ones between name and role.
			wl := loc
			if end, ok := wrappedSurname(text, off+loc[1], name); ok && end <= rs {
				wl = []int{loc[0], end - off}
				name += " " + text[off+loc[1]+1:end]
			}
			// "following the departure of Mr D (SENCO 2019-2024)": the one
			// named gave the post up.
			if nameBeforeRole(win, wl) && !(strings.Contains(win[wl[1]:], "\n") && len(people) > 0) && !gaveUpAs.MatchString(text[max(0, off+loc[0]-40):off+loc[0]]) {
				add(off+loc[0], re, name, 0.85)
			}
		}
	}
	return wholeNames(text, out)
}

// initialsAfterRole: a person given by initials alone, as the whole value
// after the role ("SENDCo: A. K. – sendco@...", "SENCO: K.L."), up to a
// separator or the line's end.
var initialsAfterRole = regexp.MustCompile(`^[ \t]*[:–—-][ \t]*((?:\p{Lu}\.[ \t]?){2,3})[ \t]*(?:[–—|(,;-]|\n|$)`)

// initialsOnly: a person given by initials alone in a roster's row ("K.L.
// (SENCO)", "St Oswin's – J. R."): two or three capitals each with a stop,
// standing apart.
var initialsOnly = regexp.MustCompile(`(?:^|[ \t:–—|(-])((?:\p{Lu}\.[ \t]?){2,3})(?:[ \t,;)–—|-]|$)`)

// rosterLead: the role in the plural ("SENCOs", "SENDCos", "Co-ordinators",
// "Inclusion Leads"), not a role ending in "Needs".
var rosterLead = regexp.MustCompile(`(?i)(?:cos|co-?ordinators|leads|leaders|managers)$`)

// rosterPeople reads a roster of several schools' SENCOs: the role at rs, in
// the plural, on a short line that names no one and is a heading or a lead-in
// (no full stop at its end: "School SENCOs (as at September 2025)", "Our
// academy SENCOs are:"), then the lines below it up to a blank line. Each
// line naming one person with a title or an initial, or initials alone ("K.L.
// (SENCO)"), gives that person, unless the line says they assist, deputise or
// held the role before ("Assistant SENCO: Mr B"), or puts another post by the
// name ("contact the Headteacher, Mrs C"). nil when the role at rs leads no
// roster.
func rosterPeople(text string, role *regexp.Regexp, ls, rs, re int) [][2]int {
	le := strings.IndexByte(text[re:], '\n')
	if le < 0 {
		return nil
	}
	head := strings.TrimSpace(text[ls : re+le])
	// A lead-in ending in a colon introduces a list whoever holds the role, one
	// or several ("The SENCO role is held by two colleagues:", "Each of our
	// schools has its own SENCO:"); otherwise the role is in the plural.
	// A list of those who help the SENCO ("the SENCO is assisted by:") is not.
	leadIn := strings.HasSuffix(head, ":") && len(head) <= 120 && len(strings.Fields(head)) <= 14 && !helpersLead.MatchString(head)
	rosterPlural := rosterLead.MatchString(text[rs:re])
	if !leadIn && !rosterPlural {
		return nil
	}
	if (!leadIn && (len(head) > 80 || len(strings.Fields(head)) > 8)) || len(persons(head)) > 0 || wordStop.MatchString(head) || strings.HasSuffix(head, ".") {
		return nil
	}
	var out [][2]int
	bulleted := false
	at := re + le + 1
	// A lead-in's list may stand a blank line below it.
	if leadIn {
		for at < len(text) && (text[at] == '\n' || text[at] == ' ' || text[at] == '\t' || text[at] == '\r') {
			at++
		}
	}
	for k := 0; k < 30 && at < len(text); k++ {
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text) - at
		}
		row := text[at : at+end]
		// The roster ends at a blank line or at prose (a section's paragraph
		// under a heading such as "Academy SENDCos").
		if strings.TrimSpace(row) == "" || len(row) > 200 || sentenceStop.MatchString(row) {
			break
		}
		// A lead-in's list is of rows, not a paragraph's wrapped lines.
		if leadIn && !isRow(row) {
			break
		}
		bulleted = bulleted || listMarker.MatchString(row)
		// A row naming the role itself ("• Mrs A – SENCO (Lower School)") is
		// read by its own mention.
		if leadIn && role.MatchString(row) {
			at += end + 1
			continue
		}
		if !notTheHolder.MatchString(row) {
			var named [][2]int
			for _, p := range persons(row) {
				if !p.untitled {
					named = append(named, [2]int{p.loc[0], p.loc[1]})
				}
			}
			if len(named) == 0 {
				if m := initialsOnly.FindStringSubmatchIndex(row); m != nil {
					named = append(named, [2]int{m[2], m[3]})
				}
			}
			// Under a lead-in, a row giving another post ("Miss A – SEND
			// administrator") is that post's holder, not the role's.
			if len(named) == 1 && leadIn && otherPost.MatchString(role.ReplaceAllString(row, " ")) {
				named = nil
			}
			if len(named) == 1 {
				p := named[0]
				if !otherPostBy(row, p[0], p[1]) {
					out = append(out, [2]int{at + p[0], at + p[1]})
				}
			}
		}
		at += end + 1
	}
	// A label over one name ("Special Educational Needs Co-ordinator
	// (interim):" / "Ms A") is a label, read as such elsewhere: a lead-in's list
	// is bulleted or names more than one.
	if len(out) == 0 || leadIn && !rosterPlural && len(out) < 2 && !bulleted {
		return nil
	}
	return out
}

// holdersNext reads the sentence after the one holding the role that ends at
// re: when it opens with one or more people, joined by "and", "&" or commas,
// who share, hold or cover "the role", "the post" or "this job" ("Ms A and
// Mrs B share the role", "Mr C has taken on the post"), their spans.
func holdersNext(text string, re int) [][2]int {
	_, hi := sentenceAround(text, re, re)
	if hi-re > 200 || hi >= len(text) {
		return nil
	}
	lo, end := sentenceAround(text, min(len(text)-1, hi+1), min(len(text)-1, hi+1))
	if lo < hi {
		lo = hi
	}
	sentence := text[lo:min(end, lo+300)]
	m := holdsTheRole.FindStringIndex(sentence)
	if m == nil {
		return nil
	}
	subject := sentence[:m[0]]
	var out [][2]int
	rest := subject
	for _, p := range persons(subject) {
		out = append(out, [2]int{lo + p.loc[0], lo + p.loc[1]})
		rest = strings.Replace(rest, subject[p.loc[0]:p.loc[1]], "", 1)
	}
	if len(out) == 0 || !joiners.MatchString(rest) {
		return nil
	}
	return out
}

var (
	holdsTheRole = regexp.MustCompile(`(?i)\b(?:(?:jointly\s+|now\s+)?(?:share|job-?share|split|hold|holds|cover|covers|are\s+covering|is\s+covering|took\s+on|take\s+on|takes\s+on|have\s+taken\s+on|has\s+taken\s+on))\s+(?:the|this)\s+(?:role|post|job|position)\b`)
	joiners      = regexp.MustCompile(`(?i)^[\s,&]*(?:(?:and|both|currently|together)[\s,&]*)*$`)
)

// whoQuestion: a line asking who holds a post ("Who is the SENCo?", "Q: Who
// is our SENDCo?", "3. Who are the SENCOs?").
var whoQuestion = regexp.MustCompile(`(?i)^(?:q(?:uestion)?\s*\d*\s*[:.)]\s*|\d+[.)]\s*)?who(?:'s|’s|\s+is|\s+are|\s+will\s+be)\b[^?\n]{0,80}\?$`)

// answerLead: how an answer may open ("A:", "Answer -").
var answerLead = regexp.MustCompile(`(?i)^(?:a|answer)\s*[:.)–—-]\s*`)

// listMarker: a list item's bullet or number at a line's start.
var listMarker = regexp.MustCompile(`^\s*(?:[-*•·–—▪◦‣]|\d{1,2}[.)]|[a-z][.)])\s`)

// helpersLead: a lead-in to the people who help the role's holder.
var helpersLead = regexp.MustCompile(`(?i)\b(?:assisted|supported|helped|joined)\s+by\b|\b(?:works?|working)\s+(?:with|alongside)\b|\b(?:assistants?|deputies|deputy)\b`)

// otherPost: a post in a roster's row that is not the role (the role's own
// words blanked out first: "Inclusion Lead" is the role, "Thrive Lead" another).
var otherPost = lexRegexp(`(?i)\b(?:head\s*teacher|head\s+of|principal|governor|trustee|assistant|deputy|teacher|therapist|psychologist|officer|administrator|secretary|clerk|bursar|receptionist|worker|mentor|practitioner|manager|lead|leader|co-?ordinator|director|chair)s?\b`)

// sentenceStop: a sentence's end in a line (a word's full stop before a
// capital or the line's end; "ext. 208" is none).
var sentenceStop = regexp.MustCompile(`\p{L}{2}\.(?:\s+\p{Lu}|\s*$)`)

// otherPostBy says whether a row puts another post by the name at
// row[from:to] ("the Headteacher, Mrs C", "Mrs C (Headteacher)").
func otherPostBy(row string, from, to int) bool {
	before := row[max(0, from-30):from]
	if otherPostBefore.MatchString(before) {
		return true
	}
	return otherPostAfter.MatchString(row[to:])
}

var (
	otherPostBefore = lexRegexp(`(?i)\b(?:head\s*teacher|head\s+of\s+school|principal|deputy|assistant|bursar|business\s+manager|office\s+manager|receptionist|director(?:\s+of(?:\s+[\w&]+){1,3})?|chief\s+executive|CEO|trustee)\s*[,:–—-]?\s*$`)
	otherPostAfter  = lexRegexp(`(?i)^\s*[,(–—-]\s*(?:the\s+)?(?:head\s*teacher|head\s+of\s+school|principal|deputy|assistant|bursar|business\s+manager|office\s+manager|receptionist)\b`)
)

// stackedName: when the line at ls is the value under a position's label
// ("Contact Position", "Role", "Job title") and the two lines above it are a
// name's label and one person, the span of that person.
func stackedName(text string, ls int) (int, int, bool) {
	var lines [3][2]int // the three lines above ls, nearest first
	at := ls
	for i := 0; i < 3; i++ {
		if at <= 0 {
			return 0, 0, false
		}
		start := strings.LastIndexByte(text[:at-1], '\n') + 1
		lines[i] = [2]int{start, at - 1}
		at = start
	}
	label := func(i int) string { return strings.TrimSpace(text[lines[i][0]:lines[i][1]]) }
	if !positionLabel.MatchString(label(0)) || !nameLabel.MatchString(label(2)) {
		return 0, 0, false
	}
	line := text[lines[1][0]:lines[1][1]]
	ps := persons(line)
	if len(ps) != 1 || ps[0].untitled || strings.TrimSpace(line[:ps[0].loc[0]]+line[ps[0].loc[1]:]) != "" {
		return 0, 0, false
	}
	return lines[1][0] + ps[0].loc[0], lines[1][0] + ps[0].loc[1], true
}

var (
	positionLabel = regexp.MustCompile(`(?i)^(?:contact\s+)?(?:position|role|job\s+title|post)$`)
	nameLabel     = regexp.MustCompile(`(?i)^(?:contact\s+)?name$`)
)

// cellGap: what parts a table's cells on a line: a tab, a bar, or the run of
// spaces a PDF's columns leave.
var cellGap = regexp.MustCompile(`[ \t]*\t[ \t]*|[ \t]*\|[ \t]*| {2,}`)

// cells gives the spans of a line's cells (offsets from the line's start).
func cells(line string) [][2]int {
	var out [][2]int
	at := 0
	for _, g := range append(cellGap.FindAllStringIndex(line, -1), []int{len(line), len(line)}) {
		if c := strings.TrimSpace(line[at:g[0]]); c != "" {
			lead := len(line[at:g[0]]) - len(strings.TrimLeft(line[at:g[0]], " \t"))
			out = append(out, [2]int{at + lead, at + lead + len(c)})
		}
		at = g[1]
	}
	return out
}

// columnPeople reads a table whose header row names the role as a column: the
// role's cell is the whole cell, the line has other cells and names no one.
// Each row below, up to a blank line or a line of another shape, gives the
// person in the role's column (a note in brackets kept out: "Mr P. Oduya
// (acting)"); a row whose note says the person assists, deputises or held the
// role before gives no one. It returns the names' spans, nil when the role at
// rs is not a column's header.
func columnPeople(text string, ls, rs, re int) [][2]int {
	le := strings.IndexByte(text[re:], '\n')
	if le < 0 {
		le = len(text) - re
	}
	if re+le-ls > 400 {
		return nil // a row, not a page with no line breaks
	}
	header := text[ls : re+le]
	hc := cells(header)
	col := -1
	for i, c := range hc {
		if c[0] <= rs-ls && re-ls <= c[1] {
			col = i
		}
	}
	if len(hc) < 2 || col < 0 || len(persons(header)) > 0 {
		return nil
	}
	// A header is its table's first row: a line of as many cells above it
	// makes it a row among others (a glossary's "SENCO<TAB>Special
	// Educational Needs Co-ordinator" under "MSI<TAB>Multi-Sensory Impairment").
	if ls > 0 {
		above := text[strings.LastIndexByte(text[:ls-1], '\n')+1 : ls-1]
		if len(cells(above)) == len(hc) {
			return nil
		}
	}
	cell := header[hc[col][0]:hc[col][1]]
	if rest := strings.TrimSpace(cell[:rs-ls-hc[col][0]] + " " + cell[re-ls-hc[col][0]:]); rest != "" && !columnWord.MatchString(rest) {
		return nil
	}
	var out [][2]int
	at := re + le + 1
	for k := 0; k < 100 && at < len(text); k++ { // a table of a trust's schools, not a page of rows
		end := strings.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text) - at
		}
		row := text[at : at+end]
		if len(row) > 400 {
			break
		}
		rc := cells(row)
		if strings.TrimSpace(row) == "" || len(rc) != len(hc) {
			break
		}
		value := row[rc[col][0]:rc[col][1]]
		if ps := persons(value); len(ps) == 1 {
			note := strings.TrimSpace(value[:ps[0].loc[0]] + " " + value[ps[0].loc[1]:])
			if !notTheHolder.MatchString(note) && (note == "" || strings.HasPrefix(note, "(") || strings.HasPrefix(note, ",")) {
				out = append(out, [2]int{at + rc[col][0] + ps[0].loc[0], at + rc[col][0] + ps[0].loc[1]})
			}
		}
		at += end + 1
	}
	return out
}

// stackedColumnPeople reads a table copied one cell per line: a paragraph
// opening with k short header lines, the role's line (the role alone, or with
// a column word) among them, then rows of k lines each. The first person with
// a title or initials below the header, k lines after the role's line, fixes k; every row's line
// in the role's place gives its person (a note in brackets kept out, an
// assistant's or a former holder's row giving no one). nil when the role's
// line is no such header's cell.
func stackedColumnPeople(text string, ls, re int) [][2]int {
	if ls > 0 && !strings.HasSuffix(text[:ls], "\n") {
		return nil
	}
	ps := strings.LastIndex(text[:ls], "\n\n")
	ps = max(ps+2, 0)
	if ps > ls {
		ps = ls
	}
	pe := strings.Index(text[ls:], "\n\n")
	if pe < 0 {
		pe = len(text) - ls
	}
	pe += ls
	if pe-ps > 6000 {
		return nil
	}
	var lines [][2]int
	at := ps
	for at < pe {
		e := strings.IndexByte(text[at:pe], '\n')
		if e < 0 {
			e = pe - at
		}
		lines = append(lines, [2]int{at, at + e})
		at += e + 1
	}
	r := -1
	for i, l := range lines {
		if l[0] == ls {
			r = i
		}
	}
	if r < 0 || len(lines) > 200 {
		return nil
	}
	// The header: short lines naming no one, no address, no number.
	short := func(l [2]int) bool {
		c := text[l[0]:l[1]]
		return len(strings.Fields(c)) <= 4 && !strings.ContainsAny(c, "@0123456789.")
	}
	cellLike := func(l [2]int) bool { return short(l) && len(persons(text[l[0]:l[1]])) == 0 }
	// The header is the paragraph's first lines and holds the role's line, so
	// it is at most as long as the run of short lines opening the paragraph: a
	// bound found without reading names, which most paragraphs (a PDF's running
	// text) fail at once.
	h := 0
	for h < len(lines) && short(lines[h]) {
		h++
	}
	if r >= h {
		return nil
	}
	// A school's name reads like an untitled name ("Ash Vale"): only a title
	// or initials fix the rows' length.
	titled := func(l [2]int) []person {
		var out []person
		for _, q := range persons(text[l[0]:l[1]]) {
			if !q.untitled {
				out = append(out, q)
			}
		}
		return out
	}
	p := -1
	for i := r + 1; i < len(lines) && i <= r+h; i++ {
		if len(titled(lines[i])) > 0 {
			p = i
			break
		}
	}
	k := p - r
	if p < 0 || k < 2 || r >= k || (len(lines)-k)%k != 0 || (len(lines)-k)/k < 2 {
		return nil
	}
	for i := 0; i < k; i++ {
		if !cellLike(lines[i]) {
			return nil
		}
	}
	if rest := strings.TrimSpace(text[re:lines[r][1]]); rest != "" && !columnWord.MatchString(rest) {
		return nil
	}
	var out [][2]int
	for j := k + r; j < len(lines); j += k {
		value := text[lines[j][0]:lines[j][1]]
		if pp := titled(lines[j]); len(pp) == 1 {
			note := strings.TrimSpace(value[:pp[0].loc[0]] + " " + value[pp[0].loc[1]:])
			if !notTheHolder.MatchString(note) && (note == "" || strings.HasPrefix(note, "(")) {
				out = append(out, [2]int{lines[j][0] + pp[0].loc[0], lines[j][0] + pp[0].loc[1]})
			}
		}
	}
	return out
}

// columnWord: what a header cell may say beside the role ("SENCO name",
// "School SENDCo", "SENCo contact").
var columnWord = regexp.MustCompile(`(?i)^(?:(?:the|school|trust|academy|setting)(?:'s)?|names?|contacts?|\(s\)|s|[:/()])(?:\s*(?:(?:the|school|trust|academy|setting)(?:'s)?|names?|contacts?|\(s\)|s|[:/()]))*$`)

// notTheHolder: a note by a name saying the person does not hold the role now
// ("(assistant)", "(deputy)", "former", "until July").
var notTheHolder = regexp.MustCompile(`(?i)\b(?:assistant|deputy|trainee|former|formerly|previous|previously|retired|left|leaving|until)\b`)

// leftPost says whether the sentence going on from a role mention says its
// holder gave the post up ("Mr A, our SENCO since 2019, left the school in
// July", "our SENCO, Mrs B, has now retired"): the lexicon's cue.left, with at
// most the holder named before it, right after the role. "Our SENCO joined
// when Mr C left" names someone else first.
func leftPost(text string, re int) bool {
	rest := text[re:min(len(text), re+160)]
	if i := strings.Index(rest, "\n\n"); i >= 0 {
		rest = rest[:i]
	}
	if i := roleSentenceEnd.FindStringIndex(rest); i != nil {
		// Keep the two characters before the stop: a span's last year ("from
		// 2016 to July 2025.") is part of what the sentence says.
		rest = rest[:i[0]+2]
	}
	m := leftCue.FindStringIndex(rest)
	if m == nil {
		return false
	}
	ps := persons(rest[:m[0]])
	return len(ps) == 0 || (len(ps) == 1 && ps[0].loc[0] < 12)
}

// gaveUpAs: the lexicon's cue.former standing right before the role, at most
// a determiner between ("Mrs A retired as our SENDCo", "following the
// retirement of the SENCO"): the one named gave the post up. Anchored at the
// role so a cue further back ("previously a teacher, now our SENCO") is not read.
var gaveUpAs = regexp.MustCompile(`(?i)(?:` + textstage.Builtin().Fragment("cue.former") + `)\s*(?:(?:our|the|her|his|their|school's|a)\s+)?$`)

var (
	leftCue         = textstage.Builtin().Regexp("cue.left")
	roleSentenceEnd = regexp.MustCompile(`[a-z0-9)]{2}[.!?](?:\s|$)`)
)

// heldBy: the role "is held by" someone named by their post first ("The role
// of SENDCo is held by our Deputy Headteacher, Mrs H Brathwaite"), where it is
// held may stand between ("The SENCO role in our school is held by ...").
var heldBy = regexp.MustCompile(`(?i)^\s*(?:(?:role|post)\s+)?(?:(?:in|at|for|across)\s+(?:[\w'’-]+\s+){1,5}?)?(?:is|are)\s+(?:currently\s+|now\s+)?(?:held|led|filled|covered|carried\s+out)\s+by\s+(?:(?:our|the|a|an|school's|academy's)\s+)?(?:[A-Za-z'-]+\s+){0,4}?[A-Za-z'-]*\s*[,:-]?\s*$`)

// rowSeparator: what stands between a name and its role in a staff list.
var rowSeparator = regexp.MustCompile(`^\s*[-–—:|,]\s*$`)

// person is a name found in a stretch of text: where, and whether it carries
// a title ("Mrs A Bee") or an initial ("A. Bee") or neither ("Helen Watson").
type person struct {
	loc               []int
	untitled, initial bool
}

// persons lists the plausible names in s, earliest first. A titled name is cut
// back to its plausible words ("Mrs A. Nwosu Assistant Headteacher" names "Mrs
// A. Nwosu"); an untitled pair of capitalised words running on into another
// ("Tamar Valley Learning Trust") is part of a longer name, of a place or an
// organisation, not a person's.
func persons(s string) []person {
	var out []person
	taken := func(loc []int) bool {
		for _, p := range out {
			if loc[0] < p.loc[1] && p.loc[0] < loc[1] {
				return true
			}
		}
		return false
	}
	for k, re := range []*regexp.Regexp{titledName, initialName, untitledName} {
		for _, loc := range re.FindAllStringIndex(s, -1) {
			if k > 0 && inWord(s, loc[0]) {
				continue
			}
			if loc = trimName(s, loc); loc == nil || taken(loc) {
				continue
			}
			if k == 2 && runsOn.MatchString(s[loc[1]:]) {
				continue
			}
			out = append(out, person{loc: loc, initial: k == 1, untitled: k == 2})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].loc[0] < out[j].loc[0] })
	return out
}

// runsOn: another capitalised word straight after a name, on its line.
var runsOn = regexp.MustCompile(`^[ \t]+\p{Lu}\p{Ll}`)

// trimName cuts words off the end of s[loc] until it is a plausible name; nil
// when none is.
func trimName(s string, loc []int) []int {
	from, to := loc[0], loc[1]
	for {
		// A word cut short ("SENC" of "SENCo", read as capitals) is no name's end.
		if plausibleName(s[from:to]) && !cutShort(s, to) {
			return []int{from, to}
		}
		i := strings.LastIndexAny(s[from:to], " \t")
		if i <= 0 {
			return nil
		}
		to = from + i
	}
}

// cutShort says whether s[to] goes on with the word before it: a letter or a
// mark right after a name's last letter.
func cutShort(s string, to int) bool {
	if to >= len(s) || to == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[to:])
	p, _ := utf8.DecodeLastRuneInString(s[:to])
	return (unicode.IsLetter(r) || unicode.IsMark(r)) && (unicode.IsLetter(p) || unicode.IsMark(p))
}

// firstName finds the first plausible name in s.
func firstName(s string) ([]int, string) {
	ps := persons(s)
	if len(ps) == 0 {
		return nil, ""
	}
	return ps[0].loc, s[ps[0].loc[0]:ps[0].loc[1]]
}

// lastName finds the last plausible name in s, with a title or in full.
func lastName(s string) ([]int, string) {
	p, ok := lastPerson(s)
	if !ok {
		return nil, ""
	}
	return p.loc, s[p.loc[0]:p.loc[1]]
}

func lastPerson(s string) (person, bool) {
	var best person
	found := false
	for _, p := range persons(s) {
		if !p.initial && (!found || p.loc[1] > best.loc[1]) {
			best, found = p, true
		}
	}
	return best, found
}

// nameBeforeRole says whether the name at loc in win holds the role that ends
// win: only filler words between ("Mrs Smith, our SENCO"), before capitalised
// words that qualify the role ("Miss T Reid, Primary Phase SENCo", "Sarah
// Penhaligon, Head of Inclusion and College SENCo", "is our Interim SENDCo").
// An untitled name right against the role qualifies it ("Early Years SENCO").
func nameBeforeRole(win string, loc []int) bool {
	between := win[loc[1]:]
	if strings.TrimSpace(between) == "" && !titledName.MatchString(win[loc[0]:loc[1]]) && !initialName.MatchString(win[loc[0]:loc[1]]) {
		return false
	}
	if nameThenRoleFiller.MatchString(between) {
		return true
	}
	// "Mr A, Head of Learning Support and College SENCo": the name's posts in
	// capitals, the role the last of them, naming no one else.
	if postList.MatchString(between) && len(persons(between)) == 0 {
		return true
	}
	// "Mr A leads SEN at Bramley as its SENCO": leading the work, then the role.
	if leadsAs.MatchString(between) {
		return true
	}
	if m := roleQualifiers.FindStringIndex(between); m != nil && m[0] > 0 {
		return nameThenRoleFiller.MatchString(between[:m[0]])
	}
	return false
}

// leadsAs: the name leads the school's SEN work, where, then "as" the role
// ("leads SEN at Bramley as its ", "co-ordinates inclusion here as our ").
var leadsAs = lexRegexp(`(?i)^[ \t]+(?:leads|runs|co-?ordinates|manages|oversees)[ \t]+(?:{sen}|inclusion)(?:[ \t]+provision)?(?:[ \t]+(?:(?:at|in|for|across)[ \t]+(?:the[ \t]+)?(?:\p{Lu}[\p{L}'’-]*[ \t]+){1,4}|here[ \t]+))?as[ \t]+(?:its|the|our|their|the[ \t]+school'?s)[ \t]+(?:(?:acting|interim|new)[ \t]+)?$`)

// postList: a comma after a name, then posts in capitals joined by "and", "&",
// "of", "for" or commas, up to the role ("Head of Learning Support and College ").
var postList = regexp.MustCompile(`^[ \t]*[,(–—-][ \t]*(?:(?:\p{Lu}[\p{L}'’-]*|of|for|and|&)[ \t]*,?[ \t]+){1,10}$`)

// roleQualifiers: capitalised words just before a role ("Primary Phase ").
var roleQualifiers = regexp.MustCompile(`(?:\b\p{Lu}[\p{L}'’-]*[ \t]+){1,3}$`)

// isRow says whether a line is a row of a list or table, or a line standing
// alone, rather than (part of) a sentence.
func isRow(line string) bool {
	line = strings.TrimSpace(line)
	return len(line) <= 120 && !wordStop.MatchString(line) && !proseWord.MatchString(line)
}

// wordStop: a full stop after a word, not after an initial ("Mrs A. Nwosu");
// the classifier uses it too (textstage).
var wordStop = textstage.WordStop()

// proseWord: a line with one of these (in lower case: "Inclusion Lead" is a
// title) is a sentence, not a row of a list.
var proseWord = regexp.MustCompile(`\b(?:is|are|was|were|has|have|had|will|would|can|could|who|which|that|please|contact|leads?|works?|joins?|joined|supports?|supported|oversees?|speak|talk)\b`)

// blockAt is the index of the block holding pos, -1 when none.
func blockAt(blocks []textstage.Block, pos int) int {
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i].End >= pos })
	if i < len(blocks) && blocks[i].Start <= pos {
		return i
	}
	return -1
}

// labelledName: when the role at rs is the value of a "label: value" line
// ("Contact Position: SENCO"), the name that is the whole value of a line
// beside it in the same run of such lines ("Contact Name: Mr D Ferreira"), the
// nearest first, before it before after it. A line labelled with another role
// ("Headteacher: Mrs A") is that person's.
func labelledName(text string, blocks []textstage.Block, rs int) (from, to int, name string) {
	b := blockAt(blocks, rs)
	if b < 0 || blocks[b].Kind != textstage.LabelValue || rs < blocks[b].Label.End {
		return 0, 0, ""
	}
	joined := func(i int) bool { // blocks i and i+1 are adjacent lines of label: value
		return blocks[i].Kind == textstage.LabelValue && blocks[i+1].Kind == textstage.LabelValue &&
			strings.TrimSpace(text[blocks[i].End:blocks[i+1].Start]) == "" && strings.Count(text[blocks[i].End:blocks[i+1].Start], "\n") == 1
	}
	for _, d := range []int{-1, 1, -2, 2, -3, 3} {
		nb := b + d
		if nb < 0 || nb >= len(blocks) {
			continue
		}
		ok := true
		for i := min(b, nb); i < max(b, nb); i++ {
			ok = ok && joined(i)
		}
		if !ok {
			continue
		}
		blk := blocks[nb]
		if otherRoles.MatchString(text[blk.Label.Start:blk.Label.End]) {
			continue
		}
		colon := blk.Label.End + strings.IndexByte(text[blk.Label.End:blk.End], ':') + 1
		value := text[colon:blk.End]
		if len(value) > 200 {
			continue
		}
		ps := persons(value)
		if len(ps) != 1 {
			continue
		}
		l := ps[0].loc
		if strings.Trim(value[:l[0]]+value[l[1]:], " \t,.;") == "" {
			return colon + l[0], colon + l[1], value[l[0]:l[1]]
		}
	}
	return 0, 0, ""
}

// wrappedSurname: a title and one word at the end of a line of prose, and a
// surname starting the next ("... is Mrs Carys" / "Penhaligon, Trust SENDCo"),
// are one name a PDF wrapped. It gives the end of the surname.
func wrappedSurname(text string, to int, name string) (int, bool) {
	f := strings.Fields(name)
	if to >= len(text)-1 || text[to] != '\n' || len(f) != 2 || !titleWord.MatchString(f[0]) || !strings.HasSuffix(text[:to], f[1]) {
		return 0, false
	}
	ls := strings.LastIndexByte(text[:to], '\n') + 1
	// A line of only the title and given name, its sentence going on after
	// the surname on the next ("Miss Priya" / "Raghunathan, a Year 5 teacher,
	// took over"), is a name wrapped too; a row or a heading is not.
	alone := strings.TrimSpace(text[ls:to]) == strings.TrimSpace(name)
	if !alone && (to-ls < 35 || len(lowerWord.FindAllStringIndex(text[ls:to], 2)) < 2) {
		return 0, false // a row or a heading, not wrapped prose
	}
	m := wrappedWord.FindStringSubmatchIndex(text[to+1:])
	if m == nil || alone && !sentenceGoesOn.MatchString(text[to+1+m[3]:]) {
		return 0, false
	}
	w := text[to+1+m[2] : to+1+m[3]]
	if notPerson(w) || pronoun.MatchString(w) {
		return 0, false
	}
	return to + 1 + m[3], true
}

// sentenceGoesOn: after a wrapped surname, a sentence going on (", a Year 5
// teacher, ...", " is our SENCO").
var sentenceGoesOn = regexp.MustCompile(`^(?:,[ \t]+[\p{L}\d]|[ \t]+[a-z]+[ \t]+\S)`)

var (
	lowerWord   = regexp.MustCompile(`\b[a-z]+\b`)
	wrappedWord = regexp.MustCompile(`^((?:Mc|Mac|O['’])?\p{Lu}\p{Ll}[\p{L}'’\-]*)(?:[,.;:)]|[ \t]+[a-z(]|[ \t]*\n|[ \t]*$)`)
)

// wholeNames gives each name found only as title and surname ("Mrs Okoro") in
// full, when the text names one person so in full ("Mrs J. Okoro" in the
// heading above), with that mention as evidence.
func wholeNames(text string, facts []Fact) []Fact {
	for i, f := range facts {
		w := strings.Fields(f.Value)
		if len(w) < 2 || !titleWord.MatchString(w[0]) {
			continue
		}
		// "Mrs H. Ng-Bassett" is "Mrs Hilary Ng-Bassett" when the text has the
		// fuller form: initials only between the title and the surname, the
		// first name starting with the first initial.
		initial := ""
		if len(w) > 2 {
			if !allInitials(w[1 : len(w)-1]) {
				continue
			}
			initial = strings.TrimRight(w[1], ".")
		}
		short := shortForm(f.Value)
		var full []int
		n := 0
		seen := map[string]bool{}
		for _, m := range titledName.FindAllStringIndex(text, 200) {
			m = trimName(text, m)
			if m == nil {
				continue
			}
			v := cleanName(text[m[0]:m[1]])
			if vw := strings.Fields(v); initial != "" && (len(vw) < 3 || !strings.HasPrefix(vw[1], initial) || len(strings.TrimRight(vw[1], ".")) < 2) {
				continue
			}
			if shortForm(v) == short && len(strings.Fields(v)) > 2 && !seen[v] {
				seen[v] = true
				full, n = m, n+1
			}
		}
		if n == 1 {
			facts[i] = factAt(text, full[0], full[1], f.Field, cleanName(text[full[0]:full[1]]), nil, f.Confidence)
		}
	}
	return facts
}

// allInitials says whether every word is an initial ("H.", "P", "K.").
func allInitials(ws []string) bool {
	for _, x := range ws {
		if len([]rune(strings.TrimRight(x, "."))) != 1 {
			return false
		}
	}
	return len(ws) > 0
}

// leadingNote: a bracketed note right after a role, perhaps wrapped onto the
// next line ("Acting SENDCo (covering leave until" / "July): Mx A").
var leadingNote = regexp.MustCompile(`^\s*\([^()\n]{1,60}(?:\n[^()\n]{1,40})?\)`)

// atPlaceLead: "at North Lea", "for Tennyson Road" right after a role, before "is".
var atPlaceLead = regexp.MustCompile(`^\s*(?:role\s+)?(?:at|for|in)\s+(?:[A-Z][\w'’-]*\s+){1,4}((?:is|are)\b)`)

// headingPost: the rest of a heading joining another post to the role, with
// nothing after it ("SENDCo and Director of Inclusion", "SENCo & Deputy Head").
var headingPost = regexp.MustCompile(`^[ \t]+(?:and|&)[ \t]+\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*|of|for|and|&|\(\p{Lu}[\p{L}'’ -]*\))){0,5}[ \t]*:?[ \t]*$`)

// lettersAfterName: awards written as letters after a name, and nothing else
// (" NASENCo, NPQSENCO", ", BA (Hons), PGCE", " MEd"): each word with two
// capitals or more.
var lettersAfterName = regexp.MustCompile(`^(?:[ \t]*,?[ \t]+(?:\(Hons\)|\(?\p{Lu}[\p{L}]*\p{Lu}[\p{L}]*\)?))+[ \t]*$`)

// joinedPost: another post joined to the role, up to the comma before the name
// ("SENCO and Head of Inclusion, ").
var joinedPost = regexp.MustCompile(`^[ \t]+(?:and|&)[ \t]+\p{Lu}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’-]*|of|for|and|&)){0,5}[ \t]*,`)

// atPlace: "SENCO at Kirkby Vale", "SENDCo for Tamar Valley" names a place,
// not a person, when no title says otherwise.
var atPlace = regexp.MustCompile(`(?i)\b(?:at|for|across)\s*$`)

// atSchool is "at <the school's name>" between a role and a name
// ("The SENCO at Corfield Infant School is Mrs K. McKinley").
var atSchool = regexp.MustCompile(`\bat\s+(?:(?:[A-Z][\w'&.()-]*|of|the|and|on|upon|in)\s+){0,9}(?:School|Academy|College|Primary|Nursery)\b`)

// moreNames joins further names to a list: "and", "&", ",", ";", "/" or a new
// line, with an optional key-stage label ("KS 1-"), after what may say where the
// first works ("Mrs A (Infants) and Mr B (Juniors)").
var moreNames = regexp.MustCompile(`(?i)^\s*(?:\([^()\n]{1,40}\)\s*)?(?:and|&|,|;|/|\n)\s*(?:(?:eyfs|ks\s?\d|key\s+stage\s+\d|early\s+years|foundation)\s*[-:]?\s*)?`)

// inAddress says whether text[rs:re] sits inside an e-mail or web address or a
// file name rather than in a sentence.
func inAddress(text string, rs, re int) bool {
	lo := strings.LastIndexAny(text[:rs], " \t\n(<\"") + 1
	hi := strings.IndexAny(text[re:], " \t\n)>\"")
	if hi < 0 {
		hi = len(text)
	} else {
		hi += re
	}
	tok := strings.ToLower(text[lo:hi])
	return strings.Contains(tok, "@") || strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") ||
		strings.HasPrefix(tok, "/") || fileName.MatchString(tok)
}

var fileName = regexp.MustCompile(`\.(?:pdf|docx?|html?|aspx|php)\b`)

// Titles before a name, the clergy's and councillors' among them.
var titleWord = regexp.MustCompile(`^(?:` + lexTitle + `)\.?$`)

// lexTitle: the titles of the lexicon (case as written: "Mrs", not "MRS").
var lexTitle = `(?-i:` + textstage.Builtin().Fragment("title") + `)`

// plausibleName rejects phrases made of capitalised common words
// ("Special Educational", "Local Offer").
func plausibleName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	titled := titleWord.MatchString(words[0])
	real := 0
	for _, w := range words {
		w = strings.Trim(w, ".,")
		if titleWord.MatchString(w) || len(w) <= 1 {
			continue
		}
		if notPerson(w) {
			return false
		}
		// "Multi-Sensory Impairment": a hyphened word with a part that is no
		// one's ("Sensory") is no name either.
		for _, part := range strings.Split(w, "-") {
			if part != w && notPerson(part) {
				return false
			}
		}
		real++
	}
	// "K. T. Osei", "J K Mensah": initials, then the surname.
	initial := len(words) >= 2 && allInitials(words[:len(words)-1])
	if titled || initial {
		return real >= 1
	}
	return real >= 2
}

func cleanName(s string) string {
	s = strings.Trim(strings.Join(strings.Fields(s), " "), " ,-")
	// "Mr Rao's SENCO time": the name without the possessive.
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}

var (
	// An e-mail address and a UK phone number (textstage: the Local Offer
	// reader uses the same shapes).
	emailRe = textstage.Email()
	phoneRe = textstage.Phone()
)

// sencoContacts finds an e-mail address and phone number given for the SENCO:
// close to a mention of the SENCO (after it, or just before it as in "Contact
// the team on ... : Mrs X, SENCO"), or a mailbox named for the role or for the
// SENCO. A school office number elsewhere on the page is not the SENCO's.
func (x *Extractor) sencoContacts(text string, names []Fact) []Fact {
	var out []Fact
	// The SENCO who holds another post is also spoken of by it ("held by our
	// Headteacher, Dr A" ... "ask for the Headteacher"): that post counts as
	// the role here.
	if post := heldPost(names); post != "" {
		y := *x
		y.role = regexp.MustCompile(`(?:` + x.role.String() + `)|(?i:\b(?:the|our|your)\s+(?:school'?s\s+)?` + post + `\b)`)
		x = &y
	}
	// The mentions of the role its holder is spoken of by: not an assistant's
	// or a deputy's ("Deputy SENCO | Mr B | 01632 960700 ext 216"), not a
	// former holder's.
	var roles [][]int
	for _, r := range x.role.FindAllStringIndex(text, 300) {
		if !notTheSENCO.MatchString(text[max(0, r[0]-30):r[0]]) && !leftPost(text, r[1]) {
			roles = append(roles, r)
		}
	}
	// A page that never speaks of a SENCO gives no SENCO's contact, unless an
	// address is the role's own (senco@...); a SEND team's is not.
	noSENCO := len(roles) == 0 && len(names) == 0
	// distance from pos to the nearest SENCO mention (before it up to 600
	// characters, after it up to 250); -1 when none is that close.
	distance := func(pos int) int {
		best := -1
		for _, r := range roles {
			d := -1
			switch {
			case r[1] <= pos && pos-r[1] <= 600:
				d = pos - r[1]
			case r[0] >= pos && r[0]-pos <= 250:
				d = r[0] - pos
			}
			if d >= 0 && (best < 0 || d < best) {
				best = d
			}
		}
		return best
	}
	var surnames []string
	for _, n := range names {
		f := strings.Fields(strings.ToLower(strings.ReplaceAll(n.Value, ".", " ")))
		if len(f) > 0 && len(f[len(f)-1]) >= 3 {
			surnames = append(surnames, f[len(f)-1])
		}
	}
	// A SENCO may be spoken of by title and given name ("To contact Sr
	// Bernadette:", "Mrs Nur Aisyah joined us in 2019"): that form names them
	// too, and an address of the given name ("sr.bernadette@") is theirs.
	var givenNames []string
	for _, n := range names {
		f := strings.Fields(strings.ToLower(n.Value))
		if len(f) >= 3 && titleWord.MatchString(strings.Fields(n.Value)[0]) && len(strings.Trim(f[1], ".")) >= 4 {
			surnames = append(surnames, f[0]+" "+f[1])
			givenNames = append(givenNames, lettersOnly(f[1]))
		}
	}
	// The surnames as an address writes them: letters only ("O'Neill" is
	// d.oneill@, "Castellanos-Reid" rcastellanos-reid@).
	var mailNames []string
	for _, s := range surnames {
		if l := lettersOnly(s); len(l) >= 3 {
			mailNames = append(mailNames, l)
		}
	}
	// Failing that, an address or number the text offers for getting in touch
	// ("contact ... on", "phoning the school on") after it has spoken of the SENCO.
	firstRole := len(text)
	if len(roles) > 0 {
		firstRole = roles[0][0]
	}
	fallback := func(pos int) int {
		lo := max(sentenceStart(text, pos), pos-200)
		if pos > firstRole && contactVerb.MatchString(text[lo:pos]) {
			return 1000 + pos // after every near candidate, earliest first
		}
		return -1
	}
	// A page naming several schools' SENCOs and one over them all (a trust's,
	// a federation's) gives the latter's contacts: only those in the
	// paragraphs naming them count (a school's senco@ is that school's).
	trustParas := x.trustSENCOParagraphs(text, names)
	outsideTrust := func(pos int) bool {
		if trustParas == nil {
			return false
		}
		for _, p := range trustParas {
			if p[0] <= pos && pos < p[1] {
				return false
			}
		}
		return true
	}
	// A table of several schools' SENCOs copied one cell per line: each
	// row's contacts are its school's, not the page's SENCO's.
	var stacked [][2]int
	for _, r := range roles {
		ls := strings.LastIndexByte(text[:r[0]], '\n') + 1
		if rows := stackedColumnPeople(text, ls, r[1]); len(rows) >= 2 {
			end := strings.Index(text[ls:], "\n\n")
			if end < 0 {
				end = len(text) - ls
			}
			stacked = append(stacked, [2]int{ls, ls + end})
		}
	}
	inStacked := func(pos int) bool {
		for _, sp := range stacked {
			if sp[0] <= pos && pos < sp[1] {
				return true
			}
		}
		return false
	}
	bestEmail, bestD := -1, 1<<30
	var emailLoc []int
	var bestAddr string
	for _, mb := range mailboxes(text) {
		m, addr := mb.loc, mb.addr
		local, _, _ := strings.Cut(addr, "@")
		d := distance(m[0])
		// Whose the address is, best first: the role's own mailbox; one named
		// for the SENCO, on the SENCO's own line (a staff table's row) or
		// elsewhere; a SEND team's; then any other near a mention of the role.
		switch {
		case noSENCO && !sencoMailbox.MatchString(addr) && !(schoolSENLine(text, m[0]) && !councilMailbox(addr)):
			continue // no SENCO spoken of: only the role's mailbox, or the school's SEND team's given for SEND
		case outsideTrust(m[0]) && !(sendTeamMailbox.MatchString(addr) && groupWord.MatchString(lineAround(text, m[0], 200))):
			continue // a school's, not the trust's ("the federation SEND team" is the trust's)
		case councilMailbox(addr):
			continue // a council's (gov.uk) address is its own, not a school's SENCO's
		case x.anotherSENCORow(text, m[0], names) || inStacked(m[0]):
			continue // a trust's table: another school's SENCO's, not the page's
		case sencoMailbox.MatchString(addr):
			d = 0
		case containsAny(lettersOnly(local), mailNames) || givenNameMailbox(local, givenNames):
			d = 2
			if x.onSENCOLine(text, m[0], surnames) {
				d = 1
			}
		case x.forSomeoneElse(text, m[0], names) && !x.routeGiven(text, m[0]):
			continue // another person's, unless given as the way to her (her PA's, the office's)
		case otherRoleMailbox.MatchString(addr) && !x.inSENCOSentence(text, m[0], surnames):
			continue // the bursar's, admissions': another post's
		case generalMailbox.MatchString(addr) && x.officeNumber(text, m[0], surnames, true) && !x.routeGiven(text, m[0]):
			continue // the school's address, given for anyone ("Email: office@..."), not as the way to her
		case x.addressLine(text, m[0], surnames) && !schoolSENLine(text, m[0]) && !givenLine.MatchString(lineAround(text, m[0], 300)) && !x.routeGiven(text, m[0]):
			continue // a letterhead's or footer's address, nothing tying it to her: the school's, as its number
		case sendTeamMailbox.MatchString(addr) && x.anotherBody(text, m[0], addr):
			continue // the council's SEND team, not the school's
		case sendTeamMailbox.MatchString(addr):
			d = 3
		case d < 0:
			if d = fallback(m[0]); d < 0 {
				continue
			}
		default:
			d += 4
		}
		if d < bestD {
			bestEmail, bestD, emailLoc, bestAddr = m[0], d, m, addr
		}
	}
	if bestEmail >= 0 {
		addr := bestAddr
		conf := 0.75
		if bestD <= 5 { // a named mailbox, or one right by the role
			conf = 0.9
		}
		out = append(out, factAt(text, emailLoc[0], emailLoc[1], "senco.email", addr, nil, conf))
	}
	var phoneLoc []int
	bestD = 1 << 30
	for _, m := range phoneRe.FindAllStringIndex(text, 1000) {
		digits := 0
		for _, r := range text[m[0]:m[1]] {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits < 10 || digits > 13 {
			continue
		}
		if noSENCO && !schoolSENLine(text, m[0]) || outsideTrust(m[0]) || x.officeNumber(text, m[0], surnames, false) || x.forSomeoneElse(text, m[0], names) && !x.routeGiven(text, m[0]) ||
			x.anotherSENCORow(text, m[0], names) || inStacked(m[0]) || whenAway(text, m[0]) {
			continue
		}
		// A letterhead's or footer's number (on or just under the school's
		// address) with nothing on its line tying it to the SENCO is the
		// school's: a SENCO's sentence that points to it is read by numberAbove.
		if x.addressLine(text, m[0], surnames) && !schoolSENLine(text, m[0]) && !givenLine.MatchString(lineAround(text, m[0], 300)) {
			continue
		}
		if x.anotherSchoolsSENCO(text, m[0], surnames) {
			continue
		}
		d := distance(m[0])
		if d < 0 && besideHerMailbox(text, m[0], mailNames) {
			d = 300 // in the rows of her own mailbox ("Email: j.halliday@..." / "T: ...")
		}
		if d < 0 && schoolSENLine(text, m[0]) {
			d = 400 // the school's SEND team's line, given for SEND questions
		}
		if d < 0 {
			d = fallback(m[0])
		}
		// "through the school office on ..." is the SENCO's number only when the
		// text gives no other near them (a direct line, an extension); given in
		// the SENCO's own sentence ("ring the school office on ... and ask to
		// speak to the SENCO") it still comes before a footer's switchboard.
		// A list of numbers after one label ("the site office: North 0116 ...,
		// South 0116 ...") is the label's throughout.
		at := m[0]
		for k := 0; k < 5; k++ {
			p := listBefore.FindStringIndex(text[max(0, at-40):at])
			if p == nil {
				break
			}
			at = max(0, at-40) + p[0]
		}
		if d >= 0 && officeWords.MatchString(text[max(sentenceStart(text, m[0]), at-40):at]) && !schoolSENLine(text, m[0]) && !x.routeGiven(text, m[0]) {
			if x.inSENCOSentence(text, m[0], surnames) {
				d += 250
			} else {
				d += 500
			}
		}
		// A route through someone else ("or leave a message with Student
		// Services on ...") comes after her own line given beside it.
		if ls := strings.LastIndexByte(text[:m[0]], '\n') + 1; d >= 0 && routeCue.MatchString(text[max(ls, m[0]-150):m[0]]) && !schoolSENLine(text, m[0]) {
			d += 150
		}
		// The school's address line or the block of lines under it ("... |
		// Harbour Street | SM2 8QQ | 0161 ...", a footer's number under the
		// address, beside the website) gives the school's number: the SENCO's
		// only when nothing else is.
		// An extension belongs to the number: "01632 960418 (ext. 3)".
		if e := extension.FindStringIndex(text[m[1]:]); e != nil {
			m = []int{m[0], m[1] + e[1]}
		}
		if d >= 0 && d < bestD {
			phoneLoc, bestD = m, d
		}
	}
	// "can be contacted through the reception number above": the SENCO's
	// sentence points back to the last number before it.
	if m := x.numberAbove(text, surnames); m != nil && !outsideTrust(m[0]) {
		phoneLoc = m
	}
	if phoneLoc != nil {
		// A number a PDF wrapped ("01822\n614 990") is one number.
		out = append(out, factAt(text, phoneLoc[0], phoneLoc[1], "senco.phone", strings.Join(strings.Fields(text[phoneLoc[0]:phoneLoc[1]]), " "), nil, 0.7))
	}
	return out
}

// A mailbox on the page: where it is and the address as it would be typed.
type mailbox struct {
	loc  []int
	addr string
}

// An address written to deter harvesters: "first.last [at] school.co.uk",
// "name (at) school (dot) org (dot) uk", "p dot jones at school dot sch dot uk".
// The "at" in brackets, or as a word with a "dot" word after it (so "visit us
// at www.school.org.uk" is no address), and the domain ending in letters.
var (
	hiddenAt       = `(?:[ \t]*[\[({]at[\])}][ \t]*|[ \t]+at[ \t]+)`
	hiddenDot      = `(?:\.|[ \t]*[\[({]dot[\])}][ \t]*|[ \t]+dot[ \t]+)`
	mailPart       = `[a-z0-9][a-z0-9_%+\-]*`
	obfuscatedMail = regexp.MustCompile(`(?i)\b` + mailPart + `(?:` + hiddenDot + mailPart + `)*` + hiddenAt + mailPart + `(?:` + hiddenDot + mailPart + `)*` + hiddenDot + `[a-z]{2,}\b`)
	spelledAt      = regexp.MustCompile(`(?i)[ \t]*[\[({]at[\])}][ \t]*|[ \t]+at[ \t]+`)
	spelledDot     = regexp.MustCompile(`(?i)[ \t]*[\[({]dot[\])}][ \t]*|[ \t]+dot[ \t]+`)
	bracketedAt    = regexp.MustCompile(`(?i)[\[({]at[\])}]`)
)

// mailboxes gives the page's e-mail addresses in order: as written, and those
// written to deter harvesters as they would be typed ("first.last@school.co.uk").
func mailboxes(text string) []mailbox {
	var out []mailbox
	for _, m := range emailRe.FindAllStringIndex(text, 1000) {
		out = append(out, mailbox{m, strings.ToLower(text[m[0]:m[1]])})
	}
	for _, m := range obfuscatedMail.FindAllStringIndex(text, 100) {
		w := text[m[0]:m[1]]
		if strings.Contains(w, "\n") || (!bracketedAt.MatchString(w) && !spelledDot.MatchString(w)) {
			continue // a word "at" with only real dots after it: prose, not an address
		}
		addr := spelledAt.ReplaceAllString(w, "@")
		addr = strings.ToLower(spelledDot.ReplaceAllString(addr, "."))
		if strings.Count(addr, "@") != 1 || !emailRe.MatchString(addr) {
			continue
		}
		out = append(out, mailbox{m, addr})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].loc[0] < out[j].loc[0] })
	return out
}

// givenNameMailbox says whether an address's local part has a SENCO's given
// name as one of its parts ("sr.bernadette", "priya.r").
func givenNameMailbox(local string, given []string) bool {
	for _, part := range strings.FieldsFunc(local, func(r rune) bool { return r == '.' || r == '_' || r == '-' }) {
		for _, g := range given {
			if g != "" && part == g {
				return true
			}
		}
	}
	return false
}

// trustSENCOParagraphs: on a page naming three or more SENCOs, one of whom
// holds the role over them all (a name whose line, or the heading line just
// above it, says "Trust SENDCo", "the federation's SENDCo", "Partnership
// SENCO"), the spans of the paragraphs naming that one; nil otherwise.
func (x *Extractor) trustSENCOParagraphs(text string, names []Fact) [][2]int {
	if len(names) < 3 {
		return nil
	}
	over := regexp.MustCompile(`(?i)\b(?:trust|federation|partnership|multi-academy|MAT|group)(?:'s|’s)?\s+(?:lead\s+for\s+SEND?\b|(?:` + x.role.String() + `))`)
	var who string
	for _, n := range names {
		for _, i := range textstage.Occurrences(text, n.Value, 20) {
			ls, le := textstage.LineBounds(text, i)
			above := "" // the line above, when it is a heading ("Trust SENDCo")
			if ls > 0 {
				if h := strings.TrimSpace(text[strings.LastIndexByte(text[:ls-1], '\n')+1 : ls-1]); len(h) <= 40 {
					above = h
				}
			}
			if over.MatchString(text[ls:le]) || over.MatchString(above) {
				if who != "" && who != n.Value {
					return nil // two over them all: no telling
				}
				who = n.Value
				break
			}
		}
	}
	if who == "" {
		return nil
	}
	forms := []string{who}
	if f := strings.Fields(who); len(f) > 2 && titleWord.MatchString(f[0]) {
		forms = append(forms, f[0]+" "+f[len(f)-1])
	}
	var out [][2]int
	for _, form := range forms {
		for _, i := range textstage.Occurrences(text, form, 20) {
			lo := strings.LastIndex(text[:i], "\n\n") + 1
			hi := strings.Index(text[i:], "\n\n")
			if hi < 0 {
				hi = len(text)
			} else {
				hi += i
			}
			out = append(out, [2]int{lo, hi})
		}
	}
	return out
}

// councilMailbox: a council's address (gov.uk, not a school's mail under it).
func councilMailbox(addr string) bool {
	_, host, _ := strings.Cut(addr, "@")
	return strings.HasSuffix(host, ".gov.uk") && !strings.Contains(host, "sch")
}

// heldPost gives, as a pattern, the head's post a SENCO holds when the
// sentence naming them puts it by their name ("our Headteacher, Dr A", "Mr
// B, Head of School and SENCO"); "" when none. A deputy's or an assistant's
// post is kept whole, so "the Headteacher" is not the Deputy Headteacher.
func heldPost(names []Fact) string {
	for _, n := range names {
		ev := n.Evidence
		at := strings.Index(ev, n.Value)
		if at < 0 {
			continue
		}
		for _, m := range headPost.FindAllStringIndex(ev, 10) {
			if m[1] <= at && at-m[1] <= 40 || m[0] >= at+len(n.Value) && m[0]-at-len(n.Value) <= 40 {
				return strings.Join(strings.Fields(regexp.QuoteMeta(strings.ToLower(ev[m[0]:m[1]]))), `\s+`)
			}
		}
	}
	return ""
}

// headPost: the head's post, or a deputy's or an assistant's.
var headPost = regexp.MustCompile(`(?i)\b(?:(?:deputy|assistant|executive)\s+)?(?:head\s*teacher|head\s+of\s+school|principal)\b`)

// officeWords: a number given for the school in general, or for another
// service, not for the SENCO.
var officeWords = regexp.MustCompile(`(?i)\b(?:general\s+enquiries|(?:the|school|main|front)\s+office|reception|switchboard|admissions|main\s+(?:number|line)|SENDIASS|IASS|SENDIAS|information,?\s+advice\s+and\s+support|helpline|advice\s+line|council|local\s+authority|NHS|CAMHS)\b|\boffice\s*(?:tel(?:ephone)?|phone|number)?\s*[:\-]`)

// listBefore: a number and a comma just before another number's label in a
// list ("0116 496 0810, Riverside ").
var listBefore = regexp.MustCompile(`\d{3}[\d \-]*\d\s*,\s*(?:\p{L}+[ \t]+){0,3}$`)

// extension: an extension after a number.
var extension = regexp.MustCompile(`(?i)^[ \t]*(?:\(\s*(?:ext(?:ension)?\.?|x)\s*\d{1,5}\s*\)|,?\s*(?:ext(?:ension)?\.?|x)\s*\d{1,5}\b)`)

// Mailboxes by whose they are (the lexicon's mailbox.* classes, with
// examples): the SENCO role's own (senco@, wherever it stands), a SEND or
// inclusion team's, the whole school's (office@, enquiries@) and another
// post's (bursar@, admissions@).
var (
	sencoMailbox     = textstage.Builtin().Regexp("mailbox.senco")
	sendTeamMailbox  = textstage.Builtin().Regexp("mailbox.send_team")
	generalMailbox   = textstage.Builtin().Regexp("mailbox.general")
	otherRoleMailbox = textstage.Builtin().Regexp("mailbox.other_role")
)

// officeNumber says whether the number (or address, when mail) at pos is given,
// in its own sentence or line, as the school's with neither the SENCO nor
// their name beside it ("For general enquiries call the office on ...",
// "Reception: ...", a footer's "Telephone: ... Email: office@..." under the
// school's address). "Mrs A can be reached through the school office on ..."
// is the SENCO's.
func (x *Extractor) officeNumber(text string, pos int, surnames []string, mail bool) bool {
	lo, hi := sentenceAround(text, pos, pos)
	// Its own line ("Office: ..."), unless a PDF wrapped the sentence ("Mrs A
	// can be contacted through" / "the school office on ...").
	for lo < pos {
		nl := strings.LastIndexByte(text[lo:pos], '\n')
		if nl < 0 {
			break
		}
		if prev := text[strings.LastIndexByte(text[:lo+nl], '\n')+1 : lo+nl]; prev != "" && softWrapped(prev, text[lo+nl+1:]) && !contactRow.MatchString(prev) {
			break
		}
		lo += nl + 1
	}
	if nl := strings.IndexByte(text[pos:hi], '\n'); nl >= 0 {
		if line := text[strings.LastIndexByte(text[:pos], '\n')+1 : pos+nl]; !softWrapped(line, text[pos+nl+1:]) || contactRow.MatchString(line) {
			hi = pos + nl
		}
	}
	sentence := text[lo:hi]
	// The school's SEN line, or the office given as the way to the SENCO
	// ("leave a message with the office on ..."), is the SENCO's route.
	if otherBodyCue.MatchString(sentence) || otherBodyCue.MatchString(lineAround(text, pos, 150)) {
		return true // the council's assessment team or caseworker
	}
	if schoolSENLine(text, pos) || x.routeGiven(text, pos) {
		return false
	}
	if x.role.MatchString(sentence) || containsAny(strings.ToLower(sentence), surnames) || personWord.MatchString(sentence) ||
		x.answersSENCOQuestion(text, lo) || x.underSENCOContactHeading(text, lo, surnames) || x.afterSENCOSentence(text, lo, hi, surnames) ||
		x.inSENCOContactRows(text, pos, surnames) {
		return false
	}
	// A note after it saying what it is for ("0161 ... (general enquiries)").
	rest := text[pos:min(len(text), pos+80)]
	if le := strings.IndexByte(rest, '\n'); le >= 0 {
		rest = rest[:le]
	}
	if notForSENCO.MatchString(rest) {
		return true
	}
	// The office's number given for reaching the SENCO: the next sentence
	// sends SEN messages through the office ("... can leave a message for Miss
	// A with the office"), or the number stands in a block of SEND contact
	// lines naming no one else ("Contact the SEND department: send@..." /
	// "School office: ...").
	if x.officeThenSENCO(text, hi, surnames) || x.sendContactRun(text, pos, surnames) {
		return false
	}
	if mail || officeWords.MatchString(sentence) || closingLine(text, pos) {
		return true
	}
	// The school's contact line: a general mailbox on it ("Telephone: ...
	// Email: office@..."). A line giving the school's address and number is
	// still the number to ring about SEND when the SENCO is spoken of near it.
	ls := strings.LastIndexByte(text[:pos], '\n') + 1
	le := strings.IndexByte(text[pos:], '\n')
	if le < 0 {
		le = len(text) - pos
	}
	for _, a := range emailRe.FindAllString(text[ls:pos+le], 5) {
		if generalMailbox.MatchString(a) {
			return true
		}
	}
	return false
}

// schoolSENLine says whether the number at pos is given, in its clause or on
// its line, as a line of the school's own SEN work (lexicon contact.send_line:
// "SEND team: ... | 01632 ...", "01632 ... ext. 214 (SEND line)", "to speak
// to the SEND team please telephone ..."), not a council's or another body's.
func schoolSENLine(text string, pos int) bool {
	lo, hi := sentenceAround(text, pos, pos)
	line := lineAround(text, pos, 150)
	for _, part := range []string{text[max(lo, pos-150):min(hi, pos+60)], line} {
		if sendLineCue.MatchString(part) && !otherService.MatchString(part) && !otherBody.MatchString(part) {
			return true
		}
	}
	return false
}

// routeGiven says whether the clause giving the number at pos gives it as the
// route to the SENCO through someone else (lexicon contact.route: "leave a
// message with the office (Mrs A) on ...", "ring reception and ask for ..."),
// and not for other business ("for general enquiries ...") nor to another
// post ("ring the office and ask for the Headteacher"), unless the SENCO
// holds it (x.role then names it too).
func (x *Extractor) routeGiven(text string, pos int) bool {
	lo, hi := sentenceAround(text, pos, pos)
	s := text[max(lo, pos-200):min(hi, pos+150)]
	return routeCue.MatchString(s) && !notForSENCO.MatchString(s) && (!headPost.MatchString(s) || x.role.MatchString(s))
}

var (
	sendLineCue  = textstage.Builtin().Regexp("contact.send_line")
	routeCue     = textstage.Builtin().Regexp("contact.route")
	givenLine    = textstage.Builtin().Regexp("contact.given")
	otherSENCO   = textstage.Builtin().Regexp("contact.other_senco")
	otherBodyCue = textstage.Builtin().Regexp("contact.other_body")
)

// anotherSchoolsSENCO says whether the clause before the number at pos last
// speaks of another school's SENCO (lexicon contact.other_senco: "Mr D, the
// SENCO at Kingsmoor Academy (01632 ...)"), with neither the page's SENCO's
// name nor the role alone after that: the number is hers.
func (x *Extractor) anotherSchoolsSENCO(text string, pos int, surnames []string) bool {
	lo, _ := sentenceAround(text, pos, pos)
	before := text[max(lo, pos-200):pos]
	ms := otherSENCO.FindAllStringIndex(before, -1)
	if ms == nil {
		return false
	}
	after := before[ms[len(ms)-1][1]:]
	return !containsAny(strings.ToLower(after), surnames) && !x.role.MatchString(after)
}

// whenAway says whether the contact at pos is given for when the SENCO is
// away (the lexicon's cue.away in its sentence, before it): it reaches
// whoever covers.
func whenAway(text string, pos int) bool {
	lo, _ := sentenceAround(text, pos, pos)
	return awayCue.MatchString(text[max(lo, pos-200):pos])
}

var awayCue = textstage.Builtin().Regexp("cue.away")

// groupWord: a trust, federation or partnership spoken of on a line.
var groupWord = regexp.MustCompile(`(?i)\b(?:trust|federation|partnership|mat|collaborative|alliance)\b`)

// closingLine says whether pos is on the text's last line, a short paragraph
// of its own (a page's footer: "Telephone: ...", "School | Road | 01632 ..."):
// the school's, whoever the page spoke of above it.
func closingLine(text string, pos int) bool {
	ls := strings.LastIndexByte(text[:pos], '\n') + 1
	le := strings.IndexByte(text[pos:], '\n')
	if le >= 0 && strings.TrimSpace(text[pos+le:]) != "" {
		return false
	}
	line := strings.TrimSpace(text[ls:pos]) + text[pos:pos+max(le, 0)]
	if le < 0 {
		line = strings.TrimSpace(text[ls:])
	}
	return ls >= 2 && strings.HasSuffix(strings.TrimRight(text[:ls], " \t\r"), "\n\n") && len(line) <= 120 && !wordStop.MatchString(line) && !proseWord.MatchString(line)
}

// afterSENCOSentence says whether text[lo:hi], a sentence asking the reader to
// get in touch ("For anything urgent, please phone the site office: ..."),
// follows one speaking of the SENCO in the same paragraph, and is not for
// anything else ("For general enquiries ...", "For anything else ...").
func (x *Extractor) afterSENCOSentence(text string, lo, hi int, surnames []string) bool {
	if !contactVerb.MatchString(text[lo:hi]) || notForSENCO.MatchString(text[lo:hi]) || lo == 0 {
		return false
	}
	plo, _ := sentenceAround(text, lo-1, lo-1)
	prev := text[plo:lo]
	if strings.Contains(strings.TrimSpace(prev), "\n\n") || strings.Contains(text[max(plo, lo-3):lo], "\n\n") {
		return false
	}
	return x.role.MatchString(prev) || containsAny(strings.ToLower(prev), surnames)
}

// notForSENCO: a contact sentence for other business.
var notForSENCO = regexp.MustCompile(`(?i)\b(?:general|other|anything\s+else|everything\s+else|all\s+other|dinner|uniform|admissions|attendance|absence|payments?|lettings|transport)\b`)

// answersSENCOQuestion says whether the text from lo answers a question about
// the SENCO: the line above it (blank lines between allowed) asks one ("How
// can I contact the SENCo?" / "Please ring the school office on ...").
func (x *Extractor) answersSENCOQuestion(text string, lo int) bool {
	above := strings.TrimRight(text[max(0, lo-200):lo], " \t\r\n")
	q := strings.TrimSpace(above[strings.LastIndexByte(above, '\n')+1:])
	return strings.HasSuffix(q, "?") && len(q) <= 120 && x.role.MatchString(q)
}

// underSENCOContactHeading says whether the text from lo opens a block under a
// heading about getting in touch with the SENCO ("Contacting Mrs A", "How to
// reach our SENDCo"): a short line, not prose, naming the role or the SENCO
// with a word of contact, just above it.
func (x *Extractor) underSENCOContactHeading(text string, lo int, surnames []string) bool {
	above := strings.TrimRight(text[max(0, lo-200):lo], " \t\r\n")
	h := strings.TrimSpace(above[strings.LastIndexByte(above, '\n')+1:])
	if h == "" || len(h) > 60 || wordStop.MatchString(h) {
		return false
	}
	return contactVerb.MatchString(h) && (x.role.MatchString(h) || containsAny(strings.ToLower(h), surnames))
}

// besideHerMailbox says whether pos is in a block of short lines (no blank
// line between, at most three away) holding an address of the SENCO's own:
// named for her or for the role ("Contact the SEND team" / "Email:
// j.halliday@..." / "T: 01665 ..."). A block naming two addresses of people is
// a list, not hers.
func besideHerMailbox(text string, pos int, mailNames []string) bool {
	// Its line and up to three lines either side, within its paragraph.
	lo, hi := textstage.LineBounds(text, pos)
	for k := 0; k < 3 && lo > 0; k++ {
		ps, _ := textstage.LineBounds(text, lo-1)
		if strings.TrimSpace(text[ps:lo-1]) == "" {
			break
		}
		lo = ps
	}
	for k := 0; k < 3 && hi < len(text); k++ {
		_, pe := textstage.LineBounds(text, hi+1)
		if strings.TrimSpace(text[hi+1:pe]) == "" {
			break
		}
		hi = pe
	}
	hers, others := false, 0
	for _, a := range emailRe.FindAllString(text[lo:hi], 6) {
		local, _, _ := strings.Cut(strings.ToLower(a), "@")
		switch {
		case sencoMailbox.MatchString(a) || containsAny(lettersOnly(local), mailNames):
			hers = true
		default:
			others++
		}
	}
	return hers && others < 2
}

// inSENCOContactRows says whether pos is on a row of labels and values under
// a row that gives them for the SENCO ("Contact for SEND: Our SENCo - via the
// school office" / "Telephone: ..." / "Email: enquiries@..."): the rows of one
// block, none blank, each a label and its value.
func (x *Extractor) inSENCOContactRows(text string, pos int, surnames []string) bool {
	ls := strings.LastIndexByte(text[:pos], '\n')
	for k := 0; k < 6 && ls > 0; k++ {
		ps := strings.LastIndexByte(text[:ls], '\n') + 1
		row := strings.TrimSpace(text[ps:ls])
		if row == "" || !strings.ContainsAny(row, ":\t|") || len(row) > 120 {
			return false
		}
		if contactVerb.MatchString(row) && (x.role.MatchString(row) || containsAny(strings.ToLower(row), surnames)) {
			return true
		}
		ls = ps - 1
	}
	return false
}

// addressLine says whether pos is on a line giving a postal address (a UK
// postcode) that names neither the SENCO nor the role, or on a short line
// just under one (a footer's "Telephone: ..."), or on a line of cells or
// labels giving the school's website ("Oakfield Primary | 01632 ... | www...").
func (x *Extractor) addressLine(text string, pos int, surnames []string) bool {
	line := lineAround(text, pos, 300)
	if x.role.MatchString(line) || containsAny(strings.ToLower(line), surnames) {
		return false
	}
	if postcode.MatchString(line) || webAddress.MatchString(line) && len(strings.TrimSpace(line)) <= 120 && !wordStop.MatchString(line) {
		return true
	}
	// The line before, when this one is short and not prose.
	ls := strings.LastIndexByte(text[:pos], '\n')
	if ls <= 0 || len(strings.TrimSpace(line)) > 120 || wordStop.MatchString(strings.TrimSpace(line)) {
		return false
	}
	prev := lineAround(text, ls-1, 300)
	return strings.TrimSpace(prev) != "" && postcode.MatchString(prev) && !x.role.MatchString(prev) && !containsAny(strings.ToLower(prev), surnames)
}

// webAddress: a website on a line ("www.oakfield.sch.uk", "https://...").
var webAddress = regexp.MustCompile(`(?i)\bwww\.[a-z0-9-]+\.|https?://`)

// anotherSENCORow says whether the contact at pos sits on a table's row naming
// one of several SENCOs other than the first named, and not the role (a
// trust's table of its schools' SENCOs under a "SENCO" column): that row's
// contact is that school's, not the page's SENCO's. A row that names the role
// ("School SENDCo | Miss A | senco@...") is its SENCO's.
func (x *Extractor) anotherSENCORow(text string, pos int, names []Fact) bool {
	if len(names) < 2 {
		return false
	}
	line := lineAround(text, pos, 300)
	if !strings.ContainsAny(line, "|\t") {
		return false
	}
	for _, r := range x.role.FindAllStringIndex(line, 10) {
		if !inAddress(line, r[0], r[1]) { // senco@... is an address, not the role
			return false
		}
	}
	first := shortForm(names[0].Value)
	// When the first named is a row of the table too (no one over the schools
	// named before it), every row's contact is its school's.
	if f := strings.Fields(names[0].Value); len(f) > 0 {
		if i := strings.Index(text, f[len(f)-1]); i >= 0 && strings.ContainsAny(lineAround(text, i, 300), "|\t") {
			first = ""
		}
	}
	// ... and a row naming no one (a post vacant) is its school's too.
	if first == "" && len(cells(line)) >= 3 {
		return true
	}
	for _, p := range persons(line) {
		v := shortForm(cleanName(line[p.loc[0]:p.loc[1]]))
		if v == first {
			return false
		}
		for _, n := range names {
			if shortForm(n.Value) == v {
				return true
			}
		}
	}
	return false
}

// anotherBody says whether a SEND team's mailbox is another body's: a
// council's address (gov.uk) or one its sentence or line gives for the
// council, the local authority or a county service.
func (x *Extractor) anotherBody(text string, pos int, addr string) bool {
	if strings.HasSuffix(addr, ".gov.uk") {
		return true
	}
	lo, hi := sentenceAround(text, pos, pos)
	return otherBody.MatchString(text[max(lo, pos-150):min(hi, pos+150)]) || otherBody.MatchString(lineAround(text, pos, 150))
}

// otherBody: words naming a body beyond the school.
var otherBody = regexp.MustCompile(`(?i)\b(?:council|local\s+authority|county|borough|city)\b`)

// numberAbove finds the number a sentence naming the SENCO points back to
// ("can be contacted through the reception number above", "on the number
// given above"): the last number before that sentence, within 2,000
// characters.
func (x *Extractor) numberAbove(text string, surnames []string) []int {
	for _, m := range aboveRef.FindAllStringIndex(text, 20) {
		lo, _ := sentenceAround(text, m[0], m[1])
		if !x.inSENCOSentence(text, m[0], surnames) {
			continue
		}
		var last []int
		for _, p := range phoneRe.FindAllStringIndex(text[max(0, lo-2000):lo], -1) {
			at := max(0, lo-2000) + p[0]
			if otherService.MatchString(lineAround(text, at, 150)) {
				continue // a helpline's or the council's number listed above it
			}
			last = []int{at, max(0, lo-2000) + p[1]}
		}
		if last != nil {
			if e := extension.FindStringIndex(text[last[1]:]); e != nil {
				last[1] += e[1]
			}
			return last
		}
	}
	return nil
}

// otherService: a line giving another body's or service's number.
var otherService = regexp.MustCompile(`(?i)\b(?:council|local\s+authority|county|SENDIASS|IASS|SENDIAS|helpline|advice\s+line|NHS|CAMHS)\b`)

// aboveRef: a number or line spoken of as given above.
var aboveRef = regexp.MustCompile(`(?i)\b(?:number|telephone|phone|line|contact\s+details)\s+(?:given\s+|shown\s+|listed\s+)?above\b|\babove\s+(?:telephone\s+|phone\s+)?number\b`)

// postcode: a UK postcode ("SM2 8QQ", "LS8 9ZZ", "EC1A 1BB").
var postcode = regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b`)

// contactRow: a line of contacts, not wrapped prose: cells parted by bars, or
// a label ("Tel:", "Email:") at its start.
var contactRow = regexp.MustCompile(`\s\|\s|^\s*[A-Za-z][\w .'&/()-]{0,30}:\s`)

// officeRef: a sentence pointing back to the office or its number.
var officeRef = regexp.MustCompile(`(?i)\b(?:(?:the|school|main|front)\s+office|reception|switchboard|(?:this|that|the\s+same)\s+number|leave\s+a\s+message)\b`)

// officeThenSENCO says whether the sentence after the one ending at hi, in the
// same paragraph, sends the SENCO's messages through the office: it points
// back to the office and names the SENCO or the role.
func (x *Extractor) officeThenSENCO(text string, hi int, surnames []string) bool {
	p := hi
	for p < len(text) && (text[p] == ' ' || text[p] == '\t' || text[p] == '.') {
		p++
	}
	if p >= len(text) || strings.HasPrefix(text[p:], "\n\n") || strings.HasPrefix(text[p:], "\n\r") {
		return false
	}
	if text[p] == '\n' {
		p++
	}
	lo, end := sentenceAround(text, p, p)
	if lo < hi {
		return false
	}
	next := text[lo:min(end, lo+300)]
	return officeRef.MatchString(next) && (x.role.MatchString(next) || containsAny(strings.ToLower(next), surnames))
}

// sendContactRun says whether the line at pos ends a run of contact lines (no
// blank line, no sentence of prose, at most six lines) that a line of it names
// as SEND's or the SENCO's, and that names no one but the SENCO: a school
// footer (the head's name, office@ on the line) and a staff table (other
// people's rows) are not.
func (x *Extractor) sendContactRun(text string, pos int, surnames []string) bool {
	ls := strings.LastIndexByte(text[:pos], '\n') + 1
	le := strings.IndexByte(text[pos:], '\n')
	if le < 0 {
		le = len(text) - pos
	}
	if own := strings.TrimSpace(text[ls : pos+le]); len(own) > 120 || wordStop.MatchString(own) {
		return false // a sentence of prose, not a contact line
	}
	start := ls
	for k := 0; k < 6 && start > 1; k++ {
		p := strings.LastIndexByte(text[:start-1], '\n') + 1
		line := text[p : start-1]
		if strings.TrimSpace(line) == "" || len(line) > 120 || wordStop.MatchString(strings.TrimSpace(line)) {
			break
		}
		start = p
	}
	run := text[start : pos+le]
	if !x.role.MatchString(run) && !sendWords.MatchString(run) && !containsAny(strings.ToLower(run), surnames) {
		return false
	}
	// The school's mailbox on the number's line marks a footer, unless a
	// line above it in the run is the SENCO's own (her mailbox, her name):
	// then it is the office given in her contact block ("mlk.senco@..." /
	// "Office: office@... | 0121 ...").
	above := text[start:ls]
	// ... and not when its own line says it is for other business ("School
	// office (for visits and general enquiries): ...").
	tied := (sencoMailboxIn(above) || containsAny(strings.ToLower(above), surnames)) &&
		!notForSENCO.MatchString(text[ls:pos+le])
	for _, a := range emailRe.FindAllString(text[ls:pos+le], 5) {
		if generalMailbox.MatchString(strings.ToLower(a)) && !tied {
			return false
		}
	}
	// The council's SEND team is another body, not the school's SEND contacts.
	if otherBody.MatchString(run) && !x.role.MatchString(run) && !containsAny(strings.ToLower(run), surnames) {
		return false
	}
	for _, p := range persons(run) {
		f := strings.Fields(strings.ToLower(run[p.loc[0]:p.loc[1]]))
		if !containsAny(f[len(f)-1], surnames) {
			return false
		}
	}
	return true
}

// sencoMailboxIn says whether s holds the SENCO role's own mailbox (senco@...).
func sencoMailboxIn(s string) bool {
	for _, a := range emailRe.FindAllString(s, 5) {
		if sencoMailbox.MatchString(strings.ToLower(a)) {
			return true
		}
	}
	return false
}

// sendWords: words naming SEND as a subject ("the SEND department").
var sendWords = regexp.MustCompile(`(?i)\bSEND?\b|special\s+educational\s+needs|\binclusion\b`)

// lineAround is the line holding pos, at most max bytes either side of it (a
// page with no line breaks is not one line to scan for every contact on it).
func lineAround(text string, pos, w int) string {
	lo, hi := max(pos-w, 0), min(len(text), pos+w)
	ls := strings.LastIndexByte(text[lo:pos], '\n') + 1 + lo
	le := strings.IndexByte(text[pos:hi], '\n')
	if le < 0 {
		le = hi - pos
	}
	return text[ls : pos+le]
}

// lettersOnly is s in lower case without what is not a letter.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// onSENCOLine says whether pos is on a line naming the SENCO or the role (a
// staff table's row: "Mrs D O'Neill | SENCo | d.oneill@...").
func (x *Extractor) onSENCOLine(text string, pos int, surnames []string) bool {
	line := lineAround(text, pos, 300)
	return x.role.MatchString(line) || containsAny(strings.ToLower(line), surnames)
}

// inSENCOSentence says whether the sentence holding pos names the SENCO, by
// role or surname ("Mrs A, our SENCO and bursar, on bursar@...").
func (x *Extractor) inSENCOSentence(text string, pos int, surnames []string) bool {
	lo, hi := sentenceAround(text, pos, pos)
	s := text[lo:hi]
	return x.role.MatchString(s) || containsAny(strings.ToLower(s), surnames)
}

// forSomeoneElse says whether the sentence giving the contact at pos names
// another person and neither the SENCO nor the role ("please e-mail our deputy
// head, Mr A, at office@...").
func (x *Extractor) forSomeoneElse(text string, pos int, names []Fact) bool {
	lo, hi := sentenceAround(text, pos, pos)
	sentence := text[lo:hi]
	if x.role.MatchString(sentence) {
		return false
	}
	other := false
	for _, loc := range titledName.FindAllStringIndex(sentence, -1) {
		if loc = trimName(sentence, loc); loc == nil {
			continue
		}
		for _, n := range names {
			if samePerson(sentence[loc[0]:loc[1]], n.Value) {
				return false
			}
		}
		other = true
	}
	return other
}

// samePerson says whether a mention is of the person named in full: the same
// title and surname ("Mrs Bell" for "Mrs Rachel Bell"), or the same title and
// given name ("Sr Bernadette" for "Sr Bernadette Kavanagh").
func samePerson(mention, full string) bool {
	if shortForm(mention) == shortForm(full) {
		return true
	}
	m := strings.Fields(strings.ToLower(cleanName(mention)))
	f := strings.Fields(strings.ToLower(full))
	return len(m) == 2 && len(f) >= 3 && m[0] == f[0] && m[1] == f[1]
}

// personWord: a sentence speaking of someone ("contact her through the office").
var personWord = regexp.MustCompile(`(?i)\b(?:she|he|they|her|him|them)\b`)

var contactVerb = regexp.MustCompile(`(?i)\b(?:contact(?:ed)?|phon(?:e|ing)|call(?:ing)?|ring(?:ing)?|telephon(?:e|ing)|email(?:ing)?|e-mail(?:ing)?|write|writing|reach(?:ed)?)\b`)

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// shortForm is how a text refers back to someone: title and surname ("Mrs Bell"
// for "Mrs Rachel Bell"); one person is listed once.
// particleForm is the title, a particle and the surname of a name that has a
// particle before its surname ("Mrs Le Breton" for "Mrs Joanna Le Breton",
// "Mrs ap Dafydd" for "Mrs Lowri ap Dafydd"): how a text goes on to speak of
// her, which shortForm's title and last word miss. "" when there is none; a
// given name is kept apart ("Mrs Di Vance" has no particle form).
func particleForm(name string) string {
	f := strings.Fields(strings.ReplaceAll(name, ".", ""))
	if len(f) < 4 || !titleWord.MatchString(strings.ToUpper(f[0][:1])+f[0][1:]) {
		return ""
	}
	i := len(f) - 1
	for i > 2 {
		if wholeParticle.MatchString(f[i-1]) {
			i--
			continue
		}
		if i > 3 && wholeParticle.MatchString(f[i-2]+" "+f[i-1]) {
			i -= 2
			continue
		}
		break
	}
	if i == len(f)-1 {
		return ""
	}
	return f[0] + " " + strings.Join(f[i:], " ")
}

var wholeParticle = lexRegexp(`^(?:{name_particle})$`)

func shortForm(name string) string {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(name, ".", "")))
	if len(f) >= 2 && titleWord.MatchString(strings.ToUpper(f[0][:1])+f[0][1:]) {
		return f[0] + " " + f[len(f)-1]
	}
	return strings.Join(f, " ")
}
