package analysis

import (
	"strings"
	"testing"
)

func TestVersionIsTheRulesInForce(t *testing.T) {
	v := Version()
	if !strings.HasPrefix(v, Release+"-") || len(v) != len(Release)+9 {
		t.Fatalf("version %q", v)
	}
	if again := versionOf(compiledRules(), nil); again != v {
		t.Errorf("the compiled-in rules hash to %s, then %s", v, again)
	}
	// Comments and blank lines of a --vocab file are not rules.
	x, _, err := Default().Extend(strings.NewReader("# our notes\n\n"), "notes.tsv")
	if err != nil || x.Version() != v {
		t.Errorf("a file of comments moved the version to %s (%v)", x.Version(), err)
	}
	x, _, err = Default().Extend(strings.NewReader("need.type\tASD\t\\bneurodivergen\n"), "la.tsv")
	if err != nil {
		t.Fatal(err)
	}
	moved := x.Version()
	if moved == v || Version() != v {
		t.Fatalf("an added wording gave %s, the default %s (was %s)", moved, Version(), v)
	}
	// The same wordings added in another run give the same version.
	if want := versionOf(compiledRules(), []string{"need.type\tASD\t\\bneurodivergen\t0.7"}); moved != want {
		t.Errorf("version %s after the wording, want %s", moved, want)
	}
}

func TestVersionHashesRulesNotComments(t *testing.T) {
	a := goTokens([]byte("package p\n\n// a rule\nvar x = 1 // one\n"))
	b := goTokens([]byte("package p\nvar   x = 1;\n"))
	c := goTokens([]byte("package p\nvar x = 2\n"))
	if a != b {
		t.Errorf("comments or layout change the tokens:\n%s\n%s", a, b)
	}
	if a == c {
		t.Error("a changed rule gives the same tokens")
	}
	rules := string(compiledRules())
	for _, want := range []string{"\x00source\x00senco.go\x00", "\x00source\x00fingerprint.go\x00", "\x00source\x00localoffer/lopage.go\x00", "\x00source\x00classify/classify.go\x00", "\x00rules\x00rules/need_types.tsv\x00", "\x00vocab\x00vocab/need_area_codes.tsv\x00",
		"\x00rules\x00rules/senco.tsv\x00", "\x00textstage\x00lexicon.tsv\x00", "\x00textstage\x00mention.go\x00"} {
		if !strings.Contains(rules, want) {
			t.Errorf("the version does not cover %q", strings.Trim(want, "\x00"))
		}
	}
	if strings.Contains(rules, "_test.go\x00") || strings.Contains(rules, "pdfhelper_linux.go") {
		t.Error("the version covers tests or the PDF helper")
	}
}
