package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/queries"
)

// dfeFixture is a file of register/testdata (rows we wrote in the DfE's real headers).
func dfeFixture(name string) string { return filepath.Join("..", "..", "register", "testdata", name) }

// dfeStore is a store holding the fixtures' three schools, and nothing else.
func dfeStore(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "dfe.duckdb")
	s, err := queries.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.DB().Exec(`INSERT INTO schools (urn, name, la_code, la_name, la_ons_code, phase, imported_at) VALUES
		(100001, 'Oak Primary School', '886', 'Kent', 'E10000016', 'Primary', now()),
		(100002, 'Elm Academy', '886', 'Kent', 'E10000016', 'Secondary', now()),
		(100003, 'Ash Special School', '801', 'Bristol, City of', 'E06000023', 'Special', now())`)
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// queryRows runs a named analysis as JSON, each row rendered as "col=value ..."
// for the columns asked for.
func queryRows(t *testing.T, db string, args []string, cols ...string) []string {
	t.Helper()
	rows := runJSON(t, db, args...)
	var res []string
	for _, r := range rows {
		var parts []string
		for _, c := range cols {
			v := r[c]
			if v == nil {
				v = "-"
			}
			parts = append(parts, fmt.Sprintf("%s=%v", c, v))
		}
		res = append(res, strings.Join(parts, " "))
	}
	return res
}

func containsAll(t *testing.T, what string, got []string, want ...string) {
	t.Helper()
	set := map[string]bool{}
	for _, g := range got {
		set[g] = true
	}
	for _, w := range want {
		if !set[w] {
			t.Errorf("%s: missing %q in\n%s", what, w, strings.Join(got, "\n"))
		}
	}
}

// TestNeedsImportEveryPublishedShape imports, in one command, a school file of
// each shape (long 2024/25, wide 2022/23, older wide 2018/19 in Windows-1252,
// before 2014) and the two LA EHC plan tables, then reads them through the
// analyses. The answers are worked by hand from the fixtures:
//
//	Kent (886) ASD:  2018/19 19 + 6(+c) = 25; 2022/23 24 + 8(+x) = 32; 2024/25 27 + 9(+x) = 36
//	Kent SEMH:       2018/19 21 + 10 = 31;    2022/23 23 + 11 = 34;     2024/25 30 + 2(+low) = 32
//	Bristol (801) ASD: 60; 65(+z); 70.  SEMH: 25; 28; 30.
//
// In the long file each pupil counts once: the rows of unit type 'Resourced
// provision' or 'SEN unit', 'No identified SEN' and a need across provisions are
// read past. Suppressed values stay unknown: one school in each flagged year.
func TestNeedsImportEveryPublishedShape(t *testing.T) {
	ctx := context.Background()
	db := dfeStore(t)
	files := []string{"sen-school-2024-25-long.csv", "sen-school-2022-23-wide.csv", "sen-school-2018-19-wide.csv", "sen-school-2012-13-wide.csv",
		"ehcp-sen-needs-2025.csv", "ehcp-caseload-2025.csv"}
	args := []string{"--db", db, "needs", "import"}
	for _, f := range files {
		args = append(args, dfeFixture(f))
	}
	code, _, stderr := sendscope(t, ctx, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"school long, 2024/25, utf-8 with BOM", "school wide, 2018/19, windows-1252", "LA EHC plans by placement, 2024, 2025",
		"3 values suppressed or not given (kept unknown, not 0), in 1 schools", "labels not recognised", "sen_primary_need: Telepathic needs (1 rows)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the import's report lacks %q:\n%s", want, stderr)
		}
	}

	gaps := queryRows(t, db, []string{"coverage_gaps", "--la", "886"}, "academic_year", "level", "need_type", "pupils_with_need", "schools_with_suppressed_counts", "need_trend")
	containsAll(t, "coverage_gaps Kent", gaps,
		"academic_year=2018/19 level=la need_type=ASD pupils_with_need=25 schools_with_suppressed_counts=1 need_trend=-",
		"academic_year=2022/23 level=la need_type=ASD pupils_with_need=32 schools_with_suppressed_counts=1 need_trend=growing",
		"academic_year=2024/25 level=la need_type=ASD pupils_with_need=36 schools_with_suppressed_counts=1 need_trend=growing",
		"academic_year=2018/19 level=la need_type=SEMH pupils_with_need=31 schools_with_suppressed_counts=0 need_trend=-",
		"academic_year=2022/23 level=la need_type=SEMH pupils_with_need=34 schools_with_suppressed_counts=0 need_trend=growing",
		"academic_year=2024/25 level=la need_type=SEMH pupils_with_need=32 schools_with_suppressed_counts=1 need_trend=falling")
	// The LA typed as its E-code.
	gaps = queryRows(t, db, []string{"coverage_gaps", "--la", "E06000023"}, "academic_year", "need_type", "pupils_with_need", "schools_with_suppressed_counts")
	containsAll(t, "coverage_gaps Bristol", gaps,
		"academic_year=2018/19 need_type=ASD pupils_with_need=60 schools_with_suppressed_counts=0",
		"academic_year=2022/23 need_type=ASD pupils_with_need=65 schools_with_suppressed_counts=1",
		"academic_year=2024/25 need_type=ASD pupils_with_need=70 schools_with_suppressed_counts=0",
		"academic_year=2024/25 need_type=SEMH pupils_with_need=30 schools_with_suppressed_counts=0")

	// Totals, in every year's names: School Action + School Action Plus = SEN support (30 + 14).
	dist := queryRows(t, db, []string{"sen_distribution", "--la", "886"}, "urn", "academic_year", "pupils_total", "ehcp_rate", "sen_support_rate")
	containsAll(t, "sen_distribution", dist,
		"urn=100001 academic_year=2012/13 pupils_total=380 ehcp_rate=1.58 sen_support_rate=11.58",
		"urn=100002 academic_year=2012/13 pupils_total=180 ehcp_rate=- sen_support_rate=16.11",
		"urn=100002 academic_year=2024/25 pupils_total=210 ehcp_rate=- sen_support_rate=14.29",
		"urn=100001 academic_year=2024/25 pupils_total=420 ehcp_rate=2.86 sen_support_rate=14.29")

	// The LA tables: EHC plans by need and placement, for years the crawl never saw.
	trend := queryRows(t, db, []string{"ehcp_trend", "--la", "E10000016"}, "year", "topic", "category", "plans", "share_of_plans", "change_pct")
	containsAll(t, "ehcp_trend Kent", trend,
		"year=2024 topic=need category=ALL plans=20000 share_of_plans=100 change_pct=-",
		"year=2025 topic=need category=ALL plans=22000 share_of_plans=100 change_pct=10",
		"year=2025 topic=need category=ASD plans=8000 share_of_plans=36.4 change_pct=14.3",
		"year=2025 topic=need category=MSI plans=- share_of_plans=- change_pct=-",
		"year=2025 topic=placement category=special_independent plans=1800 share_of_plans=8.2 change_pct=20",
		// 250 + 120 + 400 + 80 = 850 against 230 + 110 + 380 + 70 = 790.
		"year=2025 topic=placement category=resourced_provision_or_sen_unit plans=850 share_of_plans=3.9 change_pct=7.6")
	for _, r := range trend {
		if cat := strings.Fields(r)[2]; strings.HasSuffix(cat, "_pc") || strings.HasPrefix(cat, "category=la_") {
			t.Errorf("a share column read as a placement: %s", r)
		}
	}
	bristol := queryRows(t, db, []string{"ehcp_trend", "--la", "801"}, "year", "category", "plans")
	containsAll(t, "ehcp_trend Bristol", bristol, "year=2025 category=SEMH plans=600",
		// one part suppressed (c): the sum is unknown, not a floor passed off as the figure.
		"year=2025 category=resourced_provision_or_sen_unit plans=-")

	// What each file held: the x, x and low of the long file, in one school.
	code, out, stderr := sendscope(t, ctx, "--db", db, "query", "sql", "SELECT shape, years, values_suppressed, schools_suppressed FROM sen_files WHERE source_file LIKE '%long.csv'", "--format", "csv")
	if code != 0 || out != "shape,years,values_suppressed,schools_suppressed\nschool long,2024/25,3,1\n" {
		t.Errorf("sen_files: exit %d %q %s", code, out, stderr)
	}
}

// TestNeedsImportReplacesAFile re-imports a file, then an edited copy at the
// same path: its rows are replaced, never added again; a file of no known shape
// fails naming the file and its columns, and stores nothing.
func TestNeedsImportReplacesAFile(t *testing.T) {
	ctx := context.Background()
	db := dfeStore(t)
	raw, err := os.ReadFile(dfeFixture("sen-school-2024-25-long.csv"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sen_school_level_underlying_data.csv")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	counts := func() string {
		return fmt.Sprintf("stats=%d need=%d flags=%d files=%d", countRows(t, db, "sen_stats"), countRows(t, db, "sen_need"),
			countRows(t, db, "sen_school_flags"), countRows(t, db, "sen_files"))
	}
	for i := 0; i < 2; i++ {
		if code, _, stderr := sendscope(t, ctx, "--db", db, "needs", "import", path); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		// 3 schools; needs 5 + 5 + 3; 12 flags each.
		if got := counts(); got != "stats=3 need=13 flags=36 files=1" {
			t.Fatalf("import %d: %s", i+1, got)
		}
	}
	// The same file published again without Elm Academy (100002).
	var kept []string
	for _, line := range strings.SplitAfter(string(raw), "\r\n") {
		if !strings.Contains(line, ",100002,") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(path, []byte(strings.Join(kept, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := sendscope(t, ctx, "--db", db, "needs", "import", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got := counts(); got != "stats=2 need=8 flags=24 files=1" {
		t.Errorf("after the edited file: %s", got)
	}
	before := counts()
	odd := filepath.Join(t.TempDir(), "pupil_absence.csv")
	os.WriteFile(odd, []byte("time_period,school_urn,sess_overall,sess_authorised\n202425,100001,50,40\n"), 0o644)
	code, _, stderr := sendscope(t, ctx, "--db", db, "needs", "import", dfeFixture("sen-school-2022-23-wide.csv"), odd)
	if code != exitFailed || !strings.Contains(stderr, odd) || !strings.Contains(stderr, "columns seen: time_period, school_urn, sess_overall, sess_authorised") ||
		!strings.Contains(stderr, "nothing imported") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if got := counts(); got != before {
		t.Errorf("a failed import changed the store: %s, before %s", got, before)
	}
}

// TestCommissioningShowsEHCPlans: the LA's workbook has its EHC plan trend by need
// and placement from the DfE's LA tables, for years the crawl never saw (2024,
// 2025 beside a crawl of 2025/26), and the Gaps sheet says how many schools'
// counts were suppressed.
func TestCommissioningShowsEHCPlans(t *testing.T) {
	_, shared := crawledArea(t)
	db := filepath.Join(t.TempDir(), "c.duckdb")
	b, err := os.ReadFile(shared)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// The fixtures' Kent rows as the simulated LA 998's.
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"ehcp-sen-needs-2025.csv", "ehcp-caseload-2025.csv"} {
		raw, err := os.ReadFile(dfeFixture(name))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(strings.ReplaceAll(string(raw), ",886,Kent,", ",998,Simshire,")), 0o644)
		paths = append(paths, p)
	}
	if code, _, stderr := sendscope(t, context.Background(), append([]string{"--db", db, "needs", "import"}, paths...)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, _ := writeWorkbook(t, db, "commissioning", "--la", "998", "--year", "2025/26")
	defer f.Close()
	rows, err := f.GetRows("EHC plans")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, strings.Join(r[:7], " "))
	}
	var head []string
	for _, h := range rows[0][:7] {
		head = append(head, h[strings.LastIndex(h, "\n")+1:]) // words, then the column's name
	}
	if strings.Join(head, " ") != "year la_code la_name new_la_code topic category plans" {
		t.Errorf("header %v", rows[0])
	}
	containsAll(t, "EHC plans sheet", got,
		"2024 998 Simshire E10000016 need ASD 7000", "2025 998 Simshire E10000016 need ASD 8000",
		"2025 998 Simshire E10000016 placement special_independent 1800",
		"2025 998 Simshire E10000016 placement resourced_provision_or_sen_unit 850")
	for _, r := range got {
		if !strings.Contains(r, " 998 ") {
			t.Errorf("another LA's row: %s", r)
		}
	}
	gaps, _ := f.GetRows("Gaps")
	if !strings.Contains(strings.Join(gaps[0], ","), "schools_with_suppressed_counts") {
		t.Errorf("Gaps header %v", gaps[0])
	}
}
