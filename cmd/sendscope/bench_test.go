package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchGradesTheRulesInForce: bench extract and bench localoffer grade
// with the --vocab wordings added, so a wording is graded before a crawl uses
// it, and say which rules they graded.
func TestBenchGradesTheRulesInForce(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reports := filepath.Join(dir, "reports")
	if err := os.Mkdir(reports, 0o755); err != nil {
		t.Fatal(err)
	}
	write("reports/001.txt", "URL: https://www.hollowfield.example.sch.uk/send\n\n"+
		"Hollowfield Primary School: SEN Information Report 2025-26\n\n"+
		"Many of our neurodivergent pupils use the calm room at lunchtime.\n")
	write("reports/001.json", `{"id": "001", "url": "https://www.hollowfield.example.sch.uk/send",
 "school_name": "Hollowfield Primary School", "doc_type": "sen_information_report", "phase": "primary",
 "senco_names": [], "senco_email": null, "senco_phone": null, "senco_qualification": [],
 "senco_time": {"text": null, "days_per_week": null, "hours_per_week": null, "fte": null},
 "senco_on_slt": null, "sen_governor_names": [], "areas_of_need": [], "need_types": ["ASD"],
 "specialist_provision": [], "stats": {"sen_percent": null, "sen_count": null, "ehcp_count": null, "number_on_roll": null},
 "stated_year": "2025-26", "notes": "our own words"}`)
	write("ours.tsv", "need.type\tASD\t\\bneurodivergen\n+\tour neurodivergent pupils\n")

	needType := func(out string) string {
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) > 4 && f[0] == "need.type" {
				return strings.Join(f[1:4], " ") // TP FP FN
			}
		}
		t.Fatalf("no need.type row:\n%s", out)
		return ""
	}
	rules := func(out string) string {
		first, _, _ := strings.Cut(out, "\n")
		if !strings.HasPrefix(first, "rules: ") {
			t.Fatalf("the first line does not name the rules: %q", first)
		}
		return first
	}
	code, plain, stderr := sendscope(t, context.Background(), "bench", "extract", "--corpus", reports)
	if code != 0 {
		t.Fatalf("bench extract: exit %d\n%s", code, stderr)
	}
	code, extended, stderr := sendscope(t, context.Background(), "--vocab", filepath.Join(dir, "ours.tsv"), "bench", "extract", "--corpus", reports)
	if code != 0 {
		t.Fatalf("bench extract --vocab: exit %d\n%s", code, stderr)
	}
	if got := needType(plain); got != "0 0 1" {
		t.Errorf("compiled-in rules: need.type TP FP FN = %s, want 0 0 1", got)
	}
	if got := needType(extended); got != "1 0 0" {
		t.Errorf("with --vocab: need.type TP FP FN = %s, want 1 0 0", got)
	}
	if rules(plain) == rules(extended) {
		t.Errorf("the same rules named with and without --vocab: %s", rules(plain))
	}
	// bench localoffer names the rules it graded too.
	pages := filepath.Join(dir, "pages")
	if err := os.Mkdir(pages, 0o755); err != nil {
		t.Fatal(err)
	}
	write("pages/001.txt", "URL: https://fis.example.gov.uk/kb5/example/fsd/service.page?id=abc\n\n"+
		"Little Steps Portage\n\nWho is it for?\nFamilies of children aged 0 to 5 with additional needs.\n\n"+
		"How to access\nCall 01632 960123 or e-mail portage@example.gov.uk.\n")
	write("pages/001.json", `{"id": "001", "url": "https://fis.example.gov.uk/kb5/example/fsd/service.page?id=abc",
 "la_name": null, "page_kind": "service_record", "service_name": "Little Steps Portage", "categories": [],
 "age_min": 0, "age_max": 5, "need_types": [], "cost": null,
 "contact": {"phone": "01632 960123", "email": "portage@example.gov.uk", "website": null},
 "eligibility_text": null, "notes": "our own words"}`)
	code, lo, stderr := sendscope(t, context.Background(), "--vocab", filepath.Join(dir, "ours.tsv"), "bench", "localoffer", "--corpus", pages)
	if code != 0 {
		t.Fatalf("bench localoffer: exit %d\n%s", code, stderr)
	}
	if rules(lo) != rules(extended) {
		t.Errorf("bench localoffer names %q, bench extract with the same --vocab %q", rules(lo), rules(extended))
	}
}
