package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/simarea"
)

// findings is what a user takes away from a store for a year and each of the
// LAs given: the analyses as CSV, the export and each LA's commissioning
// workbook's sheets, without the columns that record attempts (which a failed
// re-crawl is meant to change). What is the same for every LA (the export, an
// analysis that takes no --la) is made once.
func findings(t *testing.T, db, year string, las ...string) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	for _, name := range []string{"statutory_compliance", "coverage_gaps", "senco_capacity", "changes", "sen_distribution", "contradictions"} {
		args := []string{"--db", db, "query", "run", name, "--format", "csv"}
		a, _ := queries.Lookup(name)
		if takes, _ := a.Takes("year"); takes {
			args = append(args, "--year", year)
		}
		scopes := []string{""}
		if takes, _ := a.Takes("la"); takes {
			scopes = las
		}
		for _, la := range scopes {
			key, laArgs := name, args
			if la != "" {
				key, laArgs = "LA "+la+": "+name, append(slices.Clip(args), "--la", la)
			}
			code, stdout, stderr := sendscope(t, ctx, laArgs...)
			if code != 0 {
				t.Fatalf("query run %s: exit %d\n%s", key, code, stderr)
			}
			out[key] = stdout
		}
	}
	code, stdout, stderr := sendscope(t, ctx, "--db", db, "query", "sql", "--format", "csv",
		"SELECT * EXCLUDE (last_attempt_at, last_attempt_outcome) FROM school_outcomes ORDER BY ALL")
	if code != 0 {
		t.Fatalf("query sql: exit %d\n%s", code, stderr)
	}
	// When a school with no finding was last tried is an attempt too.
	out["school_outcomes"] = dropColumns(stdout, "last_attempt_reason", "last_attempt_error", "attempts", "checked_at", "run_id")
	dir := t.TempDir()
	if code, _, stderr := sendscope(t, ctx, "--db", db, "export", "--year", year, "--format", "csv", "-o", dir); code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	rows := readCSV(t, filepath.Join(dir, "school_years.csv"))
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|") + "\n")
	}
	out["school_years.csv"] = dropColumns(b.String(), "last_attempt_at", "last_attempt_outcome", "checked_at")
	for _, la := range las {
		f, _ := writeWorkbook(t, db, "commissioning", "--la", la, "--year", year)
		for _, sheet := range []string{"Summary", "Schools", "Evidence", "Compliance items", "Gaps map", "Gaps", "SENCO capacity", "Compliance", "Changes"} {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, r := range rows {
				if sheet == "Summary" && i == 1 {
					continue // "as found by sendscope on <today>"
				}
				b.WriteString(strings.Join(r, "|") + "\n")
			}
			out["LA "+la+": workbook "+sheet] = b.String()
		}
		f.Close()
	}
	return out
}

// dropColumns removes the named columns from a CSV-like text (',' or '|' separated,
// header first); the values here hold neither separator inside.
func dropColumns(text string, cols ...string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	sep := ","
	if strings.Contains(lines[0], "|") {
		sep = "|"
	}
	head := strings.Split(lines[0], sep)
	drop := map[int]bool{}
	for i, h := range head {
		for _, c := range cols {
			if h == c {
				drop[i] = true
			}
		}
	}
	for n, l := range lines {
		var keep []string
		for i, v := range strings.Split(l, sep) {
			if !drop[i] {
				keep = append(keep, v)
			}
		}
		lines[n] = strings.Join(keep, sep)
	}
	return strings.Join(lines, "\n")
}

// TestRecrawlDuringOutageChangesNoFinding crawls a year, then crawls it again
// while every school's site is down (connections dropped, then 503 everywhere):
// every analysis, the export and the workbook stay as they were; only the
// attempts are new.
func TestRecrawlDuringOutageChangesNoFinding(t *testing.T) {
	t.Parallel()
	area, _, dbs := startArea(t, false, "outage")
	db, ctx := dbs[0], context.Background()
	crawl := func() (int, string) {
		code, _, stderr := sendscope(t, ctx, "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0", "--concurrency", "6")
		return code, stderr
	}
	if code, stderr := crawl(); code != exitPartial {
		t.Fatalf("first crawl: exit %d\n%s", code, stderr)
	}
	// Schools whose every visit failed keep "unreachable", with the latest error
	// and time: leave their rows out of the comparison, and check them apart.
	var alwaysDown []string
	for _, l := range []simarea.Layout{simarea.LayoutDown, simarea.LayoutRefused} {
		alwaysDown = append(alwaysDown, itoa(area.ByLayout(l).URN))
	}
	steady := func() map[string]string {
		out := findings(t, db, "2025/26", "998", "997")
		for k, text := range out {
			var keep []string
			for _, line := range strings.Split(text, "\n") {
				if !slices.ContainsFunc(alwaysDown, func(u string) bool { return strings.Contains(line, u) }) {
					keep = append(keep, line)
				}
			}
			out[k] = strings.Join(keep, "\n")
		}
		return out
	}
	before := steady()
	if !strings.Contains(before["LA 998: workbook Summary"], "Schools with an SEN information report found|") {
		t.Fatalf("summary:\n%s", before["LA 998: workbook Summary"])
	}
	for _, outage := range []simarea.Outage{simarea.OutageDropped, simarea.OutageUnavailable} {
		area.SetOutage(outage)
		code, stderr := crawl()
		if code != exitFailed || !strings.Contains(stderr, "no school's website could be reached") {
			t.Fatalf("crawl during outage %d: exit %d, want 1 (nothing reached)\n%s", outage, code, stderr)
		}
		got := steady()
		for k, want := range before {
			if got[k] != want {
				t.Errorf("outage %d: %s changed:\nbefore:\n%s\nafter:\n%s", outage, k, want, got[k])
			}
		}
	}
	area.SetOutage(simarea.OutageNone)

	// The attempts are recorded, with their errors.
	s := openStore(t, db)
	var failed, attempts int
	s.QueryRow(`SELECT count(*) FROM run_sites WHERE run_id = 2 AND outcome = 'unreachable' AND error IS NOT NULL`).Scan(&failed)
	s.QueryRow(`SELECT min(attempts) FROM school_outcomes WHERE outcome <> 'not_crawled'`).Scan(&attempts)
	var withSite int
	s.QueryRow(`SELECT count(*) FROM schools WHERE website IS NOT NULL`).Scan(&withSite)
	if failed != withSite || attempts != 3 {
		t.Errorf("run 2: %d of %d schools with a website recorded as unreachable with an error; fewest attempts %d, want 3", failed, withSite, attempts)
	}
	var moved int
	s.QueryRow(`SELECT count(*) FROM school_outcomes WHERE NOT could_not_check AND run_id <> 1`).Scan(&moved)
	if moved != 0 {
		t.Errorf("%d findings now come from a run that reached no site", moved)
	}
	for _, u := range alwaysDown {
		var outcome string
		s.QueryRow(`SELECT outcome FROM school_outcomes WHERE urn = ?`, u).Scan(&outcome)
		if outcome != "unreachable" {
			t.Errorf("%s, never reached: outcome %q", u, outcome)
		}
	}
	var lastOutcome sql.NullString
	qa := area.ByLayout(simarea.LayoutQA)
	s.QueryRow(`SELECT last_attempt_outcome FROM school_outcomes WHERE urn = ?`, qa.URN).Scan(&lastOutcome)
	if lastOutcome.String != "unreachable" {
		t.Errorf("the latest attempt at %d is %q, want unreachable", qa.URN, lastOutcome.String)
	}
}

// TestEveryOutcomeHasItsReason: each kind of school in the simulated area has its
// outcome and reason in the dataset, and those that could not be checked are
// listed in the workbook with the command that tries them again.
func TestEveryOutcomeHasItsReason(t *testing.T) {
	area, db := crawledArea(t)
	want := map[simarea.Layout][2]string{
		simarea.LayoutQA:         {"found", ""},
		simarea.LayoutNone:       {"not_found", "no_candidate"},
		simarea.LayoutRobots:     {"blocked_by_robots", "robots_link"},
		simarea.LayoutNoWebsite:  {"no_website", "no_website"},
		simarea.LayoutDown:       {"unreachable", "http_503"},
		simarea.LayoutRefused:    {"unreachable", "refused"},
		simarea.LayoutScriptOnly: {"needs_javascript", "script_built_home_page"},
	}
	dbx := openStore(t, db)
	sheets := map[string][][]string{}
	for _, la := range []string{"998", "997"} {
		f, _ := writeWorkbook(t, db, "commissioning", "--la", la, "--year", "2025/26")
		for _, name := range []string{"Could not check", "Schools", "Compliance items"} {
			rows, err := f.GetRows(name)
			if err != nil {
				t.Fatalf("LA %s, sheet %s: %v", la, name, err)
			}
			sheets[name] = append(sheets[name], rows...)
		}
		f.Close()
	}
	rowOf := func(sheet string, urn int) []string {
		for _, r := range sheets[sheet] {
			if len(r) > 0 && r[0] == itoa(urn) {
				return r
			}
		}
		return nil
	}
	for layout, w := range want {
		p := area.ByLayout(layout)
		var outcome, reason, errText sql.NullString
		var found sql.NullBool
		err := dbx.QueryRow(`SELECT outcome, outcome_reason, outcome_error, report_found FROM (`+mustSQL(t, "dataset")+`) WHERE urn = $urn`,
			sql.Named("year", "2025/26"), sql.Named("la", nil), sql.Named("urn", p.URN)).Scan(&outcome, &reason, &errText, &found)
		if err != nil {
			t.Fatalf("%s: %v", layout, err)
		}
		if outcome.String != w[0] || reason.String != w[1] {
			t.Errorf("%s (%d): outcome %s (%s), want %s (%s)", layout, p.URN, outcome.String, reason.String, w[0], w[1])
		}
		checked := w[0] == "found" || w[0] == "not_found"
		if found.Valid != checked {
			t.Errorf("%s: report_found %v (valid %v): a school not checked must have no answer, a checked one must", layout, found.Bool, found.Valid)
		}
		if w[0] == "unreachable" && errText.String == "" {
			t.Errorf("%s: no error recorded", layout)
		}
		listed := rowOf("Could not check", p.URN)
		if checked != (listed == nil) {
			t.Errorf("%s: listed on Could not check: %v", layout, listed)
		}
		if listed != nil && !strings.Contains(strings.Join(listed, "|"), "sendscope crawl --year 2025/26 --urn "+itoa(p.URN)) {
			t.Errorf("%s: no retry command in %v", layout, listed)
		}
		school := strings.Join(rowOf("Schools", p.URN), "|")
		words := map[string]string{"found": "found", "not_found": "not found", "blocked_by_robots": "blocked by robots.txt",
			"no_website": "no website", "unreachable": "unreachable", "needs_javascript": "needs JavaScript"}[w[0]]
		if !strings.Contains(school, "|"+words+"|") {
			t.Errorf("%s: Schools row %q lacks the outcome %q", layout, school, words)
		}
		if items := rowOf("Compliance items", p.URN); !checked && (len(items) < 3 || items[2] != "could not check") {
			t.Errorf("%s: Compliance items row %v", layout, items)
		}
	}
}

// TestNotCrawledSchoolsAreListed: a crawl of one school leaves the rest of its LA
// not crawled that year, which the dataset and the workbook say, apart from
// schools that publish nothing.
func TestNotCrawledSchoolsAreListed(t *testing.T) {
	t.Parallel()
	area, _, dbs := startArea(t, false, "partial")
	db, ctx := dbs[0], context.Background()
	qa := area.ByLayout(simarea.LayoutQA)
	if code, _, stderr := sendscope(t, ctx, "--db", db, "crawl", "--year", "2026/27", "--urn", itoa(qa.URN), "--allow-private", "--delay", "0"); code != 0 {
		t.Fatalf("crawl: exit %d\n%s", code, stderr)
	}
	code, stdout, _ := sendscope(t, ctx, "--db", db, "query", "run", "statutory_compliance", "--year", "2026/27", "--format", "csv")
	if code != 0 {
		t.Fatal(stdout)
	}
	rows := strings.Split(strings.TrimSpace(stdout), "\n")
	var notCrawled int
	for _, r := range rows[1:] {
		if strings.Contains(r, ",not_crawled,") {
			notCrawled++
			if !strings.Contains(r, ",not_crawled,,,,,,,") {
				t.Errorf("a school not crawled has figures: %s", r)
			}
		}
	}
	if notCrawled != len(rows)-2 || notCrawled == 0 {
		t.Errorf("%d of %d rows not crawled:\n%s", notCrawled, len(rows)-1, stdout)
	}
	f, _ := writeWorkbook(t, db, "commissioning", "--la", qa.LACode, "--year", "2026/27")
	defer f.Close()
	listed, _ := f.GetRows("Could not check")
	if len(listed) != notCrawled+1 {
		t.Errorf("Could not check lists %d schools, want %d", len(listed)-1, notCrawled)
	}
	summary, _ := f.GetRows("Summary")
	said := false
	for _, r := range summary {
		if len(r) > 1 && strings.HasPrefix(r[0], "Schools not checked") {
			said = true
			if r[1] != itoa(notCrawled) {
				t.Errorf("Summary: %q", r)
			}
		}
	}
	if !said {
		t.Error("the Summary does not say how many schools were not checked")
	}
}
