package textstage

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Rule is one wording of a field: what it reads (Value: a literal such as
// "true" or "5", or an expression of its groups, see Eval), the pattern with the
// lexicon's fragments expanded, and the examples it must and must not match.
type Rule struct {
	Field, Value string
	Pattern      string // as written
	Confidence   float64
	Examples     []Example
	Where        string // file:line
	re           *regexp.Regexp
}

// Regexp is the rule's pattern compiled (case-insensitive unless it says (?-i)).
func (r Rule) Regexp() *regexp.Regexp { return r.re }

// Check runs the rule's examples: one error per example it gets wrong.
func (r Rule) Check() []error {
	var errs []error
	for _, ex := range r.Examples {
		if got := r.re.MatchString(ex.Text); got != ex.Match {
			want := "match"
			if !ex.Match {
				want = "not match"
			}
			errs = append(errs, fmt.Errorf("%s: rule %s %s (%s) must %s %q", ex.Where, r.Field, r.Value, r.Where, want, ex.Text))
		}
	}
	return errs
}

// valueExpr: a value written as an expression of the match.
var valueExpr = regexp.MustCompile(`^\$|^\w+\(\$`)

// Table is a set of rules by field, in the order written: for a field, an earlier
// rule is tried before a later one. A Table is never changed once built.
type Table struct {
	rules   []Rule
	byField map[string][]int
}

// ParseRules reads rule lines "field<TAB>value<TAB>pattern[<TAB>confidence]",
// each followed by its examples ("+<TAB>must match", "-<TAB>must not match"),
// on top of base (nil for none). Patterns may use the lexicon's {fragments}.
// name is used in error messages.
func ParseRules(r io.Reader, name string, lex *Lexicon, base *Table) (*Table, error) {
	t := &Table{byField: map[string][]int{}}
	if base != nil {
		t.rules = append(t.rules, base.rules...)
		for k, v := range base.byField {
			t.byField[k] = append([]int(nil), v...)
		}
	}
	err := eachLine(r, name, func(where, field, rest string, ex []Example) error {
		parts := strings.Split(rest, "\t")
		if len(parts) < 2 || len(parts) > 3 || strings.TrimSpace(parts[0]) == "" || strings.TrimSpace(parts[1]) == "" {
			return fmt.Errorf("%s: expected field<TAB>value<TAB>pattern[<TAB>confidence]", where)
		}
		rule := Rule{Field: field, Value: strings.TrimSpace(parts[0]), Pattern: parts[1], Confidence: 0.7, Examples: ex, Where: where}
		if len(parts) == 3 {
			c, err := strconv.ParseFloat(strings.TrimSpace(parts[2]), 64)
			if err != nil || c <= 0 || c > 1 {
				return fmt.Errorf("%s: confidence %q is not a number in (0,1]", where, parts[2])
			}
			rule.Confidence = c
		}
		pattern, err := lex.Expand(parts[1])
		if err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		if rule.re, err = regexp.Compile("(?i)" + pattern); err != nil {
			return fmt.Errorf("%s: bad pattern: %v", where, err)
		}
		if _, err := rule.eval(nil, "", lex, true); err != nil {
			return fmt.Errorf("%s: %v", where, err)
		}
		t.byField[field] = append(t.byField[field], len(t.rules))
		t.rules = append(t.rules, rule)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Rules are the rules of a field in the order they are tried.
func (t *Table) Rules(field string) []Rule {
	var out []Rule
	for _, i := range t.byField[field] {
		out = append(out, t.rules[i])
	}
	return out
}

// All are every rule, in the order read.
func (t *Table) All() []Rule { return t.rules }

// Eval reads a rule's value from a match (m: submatch offsets into text):
//
//	a literal           "true", "5", "NASENCO"
//	$0                  the words matched
//	$1                  group 1 as a number (figures or a number word)
//	1-$1                one less group 1 ("a 0.4 teaching load": 0.6 for the role)
//	weekdays($1)        how many different weekdays group 1 names
//	range($1,$2)        the weekdays from group 1 to group 2, both counted
//	words(other:$1 Level $2)  the words inside, each $N the text of group N,
//	                    white space as one space ("other:BSL Level 3" from
//	                    "BSL at Level 3"): a name written in one order whatever
//	                    order the text gives it in
//
// ok is false when the match gives no usable value.
func (r Rule) Eval(m []int, text string, lex *Lexicon) (string, bool) {
	v, err := r.eval(m, text, lex, false)
	return v, err == nil && v != ""
}

func (r Rule) eval(m []int, text string, lex *Lexicon, dry bool) (string, error) {
	group := func(k int) (string, error) {
		if k*2+1 >= r.re.NumSubexp()*2+2 {
			return "", fmt.Errorf("value %q reads group %d; the pattern has %d", r.Value, k, r.re.NumSubexp())
		}
		if dry || m[2*k] < 0 {
			return "", nil
		}
		return text[m[2*k]:m[2*k+1]], nil
	}
	// groups12 reads the first two groups, for the values of two ($1,$2).
	groups12 := func() (string, string, error) {
		a, err := group(1)
		if err != nil {
			return "", "", err
		}
		b, err := group(2)
		return a, b, err
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	v := r.Value
	switch {
	case v == "$0":
		if dry {
			return "", nil
		}
		return strings.TrimSpace(text[m[0]:m[1]]), nil
	case v == "$1" || v == "1-$1":
		g, err := group(1)
		if err != nil || dry {
			return "", err
		}
		f := lex.Number(g)
		if v == "1-$1" {
			if f <= 0 || f >= 1 {
				return "", fmt.Errorf("no share")
			}
			f = float64(int((1-f)*100+0.5)) / 100
		}
		if f <= 0 {
			return "", fmt.Errorf("no number")
		}
		return num(f), nil
	case v == "ratio($1,$2)":
		// "1 in 5 of our pupils": a share, in percent to one decimal place.
		a, b, err := groups12()
		if err != nil || dry {
			return "", err
		}
		x, y := lex.Number(a), lex.Number(b)
		if x <= 0 || y <= x {
			return "", fmt.Errorf("no share")
		}
		return num(float64(int(x/y*1000+0.5)) / 10), nil
	case v == "weekdays($1)":
		g, err := group(1)
		if err != nil || dry {
			return "", err
		}
		days := map[string]bool{}
		for _, w := range lex.Regexp("weekday").FindAllString(g, -1) {
			if d, ok := lex.Value("weekday", w); ok {
				days[d] = true
			}
		}
		return num(float64(len(days))), nil
	case v == "range($1,$2)":
		a, b, err := groups12()
		if err != nil || dry {
			return "", err
		}
		da, _ := lex.Value("weekday", a)
		db, _ := lex.Value("weekday", b)
		x, _ := strconv.Atoi(da)
		y, _ := strconv.Atoi(db)
		if y <= x {
			return "", fmt.Errorf("not a range")
		}
		return num(float64(y - x + 1)), nil
	case strings.HasPrefix(v, "words(") && strings.HasSuffix(v, ")"):
		var b strings.Builder
		tmpl := v[len("words(") : len(v)-1]
		for i := 0; i < len(tmpl); i++ {
			if tmpl[i] == '$' && i+1 < len(tmpl) && tmpl[i+1] >= '0' && tmpl[i+1] <= '9' {
				g, err := group(int(tmpl[i+1] - '0'))
				if err != nil {
					return "", err
				}
				b.WriteString(g)
				i++
				continue
			}
			b.WriteByte(tmpl[i])
		}
		if dry {
			return "", nil
		}
		return strings.Join(strings.Fields(b.String()), " "), nil
	case valueExpr.MatchString(v):
		// A value that reads the match but is none of the forms above ("$2",
		// "days($1)"): a mistake, not a literal.
		return "", fmt.Errorf("value %q: expected a literal, $0, $1, 1-$1, ratio($1,$2), weekdays($1), range($1,$2) or words(...)", v)
	}
	return v, nil
}
