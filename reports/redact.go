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
)

// Redactor replaces personal data (names, e-mail addresses, phone numbers) with
// stable pseudonyms: the same person gets the same pseudonym in every table,
// year and export made from one store, because the pseudonym is a keyed hash of
// the normalised value with the store's own secret key.
type Redactor struct {
	key      []byte
	replacer *strings.Replacer
}

var (
	anyEmail = regexp.MustCompile(`\b[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}\b`)
	anyPhone = regexp.MustCompile(`(?:\+44\s?\(0\)\s?|\+44\s?|\b0)\d{2,4}\)?[\s\-]?\d{3,4}[\s\-]?\d{3,4}\b`)
	titles   = regexp.MustCompile(`(?i)^(?:mr|mrs|miss|ms|mx|dr)\.?\s+`)
)

// NewRedactor makes a redactor for the personal values known to the store
// (value -> field, as queries.Store.PersonalValues gives them).
func NewRedactor(key string, personal map[string]string) *Redactor {
	r := &Redactor{key: []byte(key)}
	pairs := map[string]string{}
	for value, field := range personal {
		switch field {
		case "senco.name", "governor.name":
			p := r.pseudonym("person", normaliseName(value))
			for _, v := range nameVariants(value) {
				pairs[v] = p
			}
		case "senco.email":
			pairs[value] = r.pseudonym("email", strings.ToLower(value))
		case "senco.phone":
			pairs[value] = r.pseudonym("phone", digits(value))
		}
	}
	// Longest first, so "Mrs Amelia Hart" is replaced before "Mrs Hart" could be.
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		if len(k) >= 4 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) > len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
	})
	var args []string
	for _, k := range keys {
		args = append(args, k, pairs[k])
	}
	r.replacer = strings.NewReplacer(args...)
	return r
}

// Text pseudonymises every known name and every e-mail address and phone number
// in s.
func (r *Redactor) Text(s string) string {
	if s == "" {
		return s
	}
	s = r.replacer.Replace(s)
	s = anyEmail.ReplaceAllStringFunc(s, func(m string) string { return r.pseudonym("email", strings.ToLower(m)) })
	s = anyPhone.ReplaceAllStringFunc(s, func(m string) string {
		if d := digits(m); len(d) >= 10 {
			return r.pseudonym("phone", d)
		}
		return m
	})
	return s
}

func (r *Redactor) pseudonym(kind, normalised string) string {
	m := hmac.New(sha256.New, r.key)
	m.Write([]byte(kind + ":" + normalised))
	return kind + "-" + hex.EncodeToString(m.Sum(nil))[:10]
}

// normaliseName makes "Mrs K. McKinley" and "mrs k mckinley" one person.
func normaliseName(s string) string {
	s = titles.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Map(func(r rune) rune {
		if r == '.' || r == ',' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// nameVariants are the ways a document may refer to the same person: as written,
// without the title, and as title and surname ("Mrs Hart").
func nameVariants(name string) []string {
	out := []string{name}
	bare := titles.ReplaceAllString(name, "")
	if bare != name {
		out = append(out, bare)
		f := strings.Fields(name)
		if len(f) >= 3 {
			out = append(out, f[0]+" "+f[len(f)-1])
		}
	}
	return out
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
