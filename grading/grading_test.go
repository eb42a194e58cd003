package grading

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pin is a field's grade when it was pinned: its F1 may not fall below the F1
// of these counts (a field can no longer lose a tenth of its hits silently).
type pin struct{ tp, fp, fn int }

// holdsPins fails the test for any field whose F1 is below its pin, whose
// evidence is wrong for any right value, or with no pin; and for document types
// below docTypes right. A field doing better than its pin is told to be raised.
func holdsPins(t *testing.T, r Report, pins map[string]pin, docTypes int) {
	t.Helper()
	problems, better := pinProblems(r, pins, docTypes)
	for _, p := range problems {
		t.Error(p)
	}
	for _, b := range better {
		t.Log(b)
	}
	if len(problems) > 0 {
		var b strings.Builder
		r.Print(&b, true)
		t.Log("\n" + b.String())
	}
}

func pinProblems(r Report, pins map[string]pin, docTypes int) (problems, better []string) {
	for _, field := range fieldOrder {
		p, ok := pins[field]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: no pin (pin it at its grade: %+v)", field, *r.Fields[field]))
			continue
		}
		s := r.Fields[field]
		want, got := Score{p.tp, p.fp, p.fn}.F1(), s.F1()
		switch {
		case math.IsNaN(want) && !math.IsNaN(got):
			problems = append(problems, fmt.Sprintf("%s: pinned with nothing expected or found, now TP %d FP %d FN %d", field, s.TP, s.FP, s.FN))
		case !math.IsNaN(want) && (math.IsNaN(got) || got < want-1e-9):
			problems = append(problems, fmt.Sprintf("%s: F1 %.3f (TP %d FP %d FN %d) below its pin %.3f (TP %d FP %d FN %d)", field, got, s.TP, s.FP, s.FN, want, p.tp, p.fp, p.fn))
		case got > want+1e-9:
			better = append(better, fmt.Sprintf("%s: F1 %.3f above its pin %.3f: raise the pin to {%d, %d, %d}", field, got, want, s.TP, s.FP, s.FN))
		}
		if sp := r.Spans[field]; sp.OK != sp.Of {
			problems = append(problems, fmt.Sprintf("%s: %d of %d right values have wrong evidence", field, sp.Of-sp.OK, sp.Of))
		}
	}
	if r.DocTypeOK < docTypes {
		problems = append(problems, fmt.Sprintf("doc_type: %d/%d right, pinned at %d", r.DocTypeOK, r.Docs, docTypes))
	}
	return problems, better
}

// ownPins: our own documents' grades on 2026-12-02, batches 29 to 31
// included, after issue 14's names and contacts work, and the eight contact
// documents 252-259 (tables of SENCOs, former, acting and deputy SENCOs, whose
// mailbox, numbers in every shape), and 260-264 (a policy naming the report in
// its aims, a combined document, a partnership's page, a college's page, counts
// in words beside a county's and a trust's), and 301-318 (facts6: the SENCO's
// awards and specialist provision in wordings no batch used, whose they are;
// 315-318 written after the rules and graded once before they changed), and
// names5's 272-299 (names of every origin, lead-in lists, questions and
// answers, a shared role, whose number), areas2's 360-373 (the four areas and
// need types in wordings no batch used; 370-373 written after the rules and
// graded once before they changed) and names6's 330-337 (tables of several
// schools' SENCOs in any separator, a role by a relative clause or apposition,
// addresses written against harvesters, other posts' mailboxes). Misses: two
// SENCOs' days added up as one's, "That is 67 children" after a share of
// pupils on the SEND register, two staff or federation pages (293, 299) and a
// trust's one-cell-per-line table (332) typed as reports, a learning support
// page (337) typed other, "Emotional and behavioural difficulties" as an area
// (other batches read two words as the SEMH type only) and PD read from
// "Sensory or physical impairment". And stats2's 380-385 (pupil numbers:
// counts in words, total rows, shares as "1 in 5", another school's and last
// year's figures), and phone's 600-624 (whose a phone number is: SEN and
// inclusion lines with extensions in several forms, the office as the route, a
// mobile, letterheads, footers, a registered office, a helpline, another
// school's SENCO; 600-624 written before the rules changed, 625-632 after
// them and graded once before being committed: phone 8 of 8). Their misses:
// another school's SENCO read as ours (605, 623, 627: a name, no longer her
// number; since counterparts, not a name either), a "Learning Support base" and "Centre" read as a resource base
// (606, 631), the office's mailbox under a heading about contacting the
// SENCO (622).
var ownPins = map[string]pin{
	"senco.name": {274, 0, 0}, "senco.email": {117, 0, 0}, "senco.phone": {94, 0, 0}, "senco.qualification": {123, 0, 0},
	"senco.days_per_week": {65, 1, 0}, "senco.hours_per_week": {5, 0, 0}, "senco.fte": {18, 0, 0}, "senco.on_slt": {43, 0, 0},
	"governor.name": {55, 0, 0}, "need.area": {79, 0, 1}, "need.type": {252, 1, 0}, "provision.specialist": {61, 2, 0},
	"provision.need": {53, 0, 0}, "provision.places": {56, 0, 0}, "stats.sen_percent": {37, 0, 0}, "stats.sen_count": {45, 0, 1},
	"stats.ehcp_count": {51, 0, 0}, "stats.number_on_roll": {49, 0, 0}, "report.stated_year": {39, 0, 0},
}

// TestOwnCorpus grades the extractor on documents we wrote ourselves, in
// wordings unlike the shared corpus's, each field held at its pin.
func TestOwnCorpus(t *testing.T) {
	docs, err := Load(filepath.Join("testdata", "own"))
	if err != nil {
		t.Fatal(err)
	}
	holdsPins(t, Grade(docs), ownPins, 274)
}

// sharedPins: the 45 real reports' grades on 2026-12-02 (a governor and an
// SLCN mention missed). Fields with no support are pinned at nothing found.
var sharedPins = map[string]pin{
	"senco.name": {27, 0, 0}, "senco.email": {5, 0, 0}, "senco.phone": {10, 0, 0}, "senco.qualification": {5, 0, 0},
	"senco.days_per_week": {0, 0, 0}, "senco.hours_per_week": {0, 0, 0}, "senco.fte": {1, 0, 0}, "senco.on_slt": {1, 0, 0},
	"governor.name": {14, 0, 1}, "need.area": {52, 0, 0}, "need.type": {77, 0, 1}, "provision.specialist": {10, 0, 0},
	"provision.need": {9, 0, 0}, "provision.places": {5, 0, 0}, "stats.sen_percent": {1, 0, 0}, "stats.sen_count": {2, 0, 0},
	"stats.ehcp_count": {2, 0, 0}, "stats.number_on_roll": {2, 0, 0}, "report.stated_year": {4, 0, 0},
}

// TestSharedCorpus holds each field to its pin on the real, hand-labelled
// reports in ../shared/corpus/reports when they are there (they are not ours to
// copy into the repository, so they have no golden files here).
func TestSharedCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "reports")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no shared corpus at %s", dir)
	}
	docs, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	holdsPins(t, Grade(docs), sharedPins, 45)
}

// TestPinsCatchALoss: the pins fail a field that loses one hit of many (which
// the former 0.9 bar let through), wrong evidence, a new field and fewer types.
func TestPinsCatchALoss(t *testing.T) {
	grade := func(change func(r *Report, pins map[string]pin)) []string {
		r := Report{Docs: 2, DocTypeOK: 2, Fields: map[string]*Score{}, Spans: map[string]*SpanScore{}}
		pins := map[string]pin{}
		for _, f := range fieldOrder {
			r.Fields[f], r.Spans[f], pins[f] = &Score{TP: 77, FN: 1}, &SpanScore{77, 77}, pin{77, 0, 1}
		}
		change(&r, pins)
		problems, _ := pinProblems(r, pins, 2)
		return problems
	}
	for _, c := range []struct {
		name   string
		change func(r *Report, pins map[string]pin)
		want   string
	}{
		{"as pinned", func(*Report, map[string]pin) {}, ""},
		{"one hit lost", func(r *Report, _ map[string]pin) { *r.Fields["need.type"] = Score{TP: 76, FN: 2} }, "need.type: F1 0.987"},
		{"one extra", func(r *Report, _ map[string]pin) { r.Fields["senco.fte"].FP = 1 }, "senco.fte: F1"},
		{"found where nothing was", func(r *Report, pins map[string]pin) {
			pins["senco.fte"], *r.Fields["senco.fte"] = pin{}, Score{FP: 1}
		}, "senco.fte: pinned with nothing"},
		{"wrong evidence", func(r *Report, _ map[string]pin) { r.Spans["provision.places"].OK-- }, "provision.places: 1 of 77"},
		{"no pin", func(_ *Report, pins map[string]pin) { delete(pins, "governor.name") }, "governor.name: no pin"},
		{"a type lost", func(r *Report, _ map[string]pin) { r.DocTypeOK-- }, "doc_type: 1/2"},
	} {
		got := strings.Join(grade(c.change), "\n")
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "no documents") {
		t.Errorf("empty folder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "001.txt"), []byte("no url line\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad first line: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "001.txt"), []byte("URL: http://x\n\ntext"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "no labels") {
		t.Errorf("missing json: %v", err)
	}
}

// TestPublishedFiles grades a document kept as the HTML page itself: its menu and
// footer are left out as a crawl would leave them out.
func TestPublishedFiles(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><title>SEN Information Report - Elm Grove Primary</title></head><body>
<nav><a href="/">Home</a> <a href="/send">SEND</a> <a href="/contact">Contact us: 01632 960001</a></nav>
<main><h1>SEN Information Report 2025-26</h1>
<p>Our SENCO is Mrs Wren Ashdown. She works three days a week and can be contacted on 01632 960222.</p>
<p>We support pupils with autism and dyslexia.</p></main>
<footer>Elm Grove Primary, Elm Lane. Office: 01632 960001</footer></body></html>`
	labels := `{"id":"001","url":"https://elm-grove.example.sch.uk/send","doc_type":"sen_information_report",
"senco_names":["Mrs Wren Ashdown"],"senco_phone":"01632 960222","senco_time":{"days_per_week":3},
"need_types":["ASD","SpLD"],"stated_year":"2025-26"}`
	os.WriteFile(filepath.Join(dir, "001.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "001.json"), []byte(labels), 0o644)
	docs, err := Load(dir)
	if err != nil || len(docs) != 1 {
		t.Fatalf("%d docs, %v", len(docs), err)
	}
	r := Grade(docs)
	if r.DocTypeOK != 1 {
		t.Errorf("doc type: %v", r.DocTypeBad)
	}
	for _, f := range []string{"senco.name", "senco.phone", "senco.days_per_week", "need.type", "report.stated_year"} {
		if s := r.Fields[f]; s.FP+s.FN != 0 || s.TP == 0 {
			t.Errorf("%s: %+v (%v)", f, *s, r.Misses)
		}
	}
	os.Remove(filepath.Join(dir, "001.json"))
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "001.html: no labels") {
		t.Errorf("a page without labels: %v", err)
	}
}

func TestNormEmail(t *testing.T) {
	want := norm("senco.email", "eleanor.whitcombe-hayes@chilternvalegrammar.co.uk")
	for _, written := range []string{
		"eleanor.whitcombe-hayes [at] chilternvalegrammar.co.uk",
		"Eleanor.Whitcombe-Hayes (at) chilternvalegrammar (dot) co (dot) uk",
		"eleanor.whitcombe-hayes at chilternvalegrammar dot co dot uk",
	} {
		if got := norm("senco.email", written); got != want {
			t.Errorf("norm(%q) = %q, want %q", written, got, want)
		}
	}
	if norm("senco.email", "kat@school.org.uk") == norm("senco.email", "k@school.org.uk") {
		t.Error("a name containing 'at' lost it")
	}
}
