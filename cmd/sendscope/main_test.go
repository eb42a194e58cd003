package main

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/documents"
	"github.com/sendscope/sendscope/pipeline"
	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/simarea"
)

// sendscope runs one command line in-process, as a user would on the terminal.
func sendscope(t *testing.T, ctx context.Context, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

// crawled is the simulated area imported and crawled once, shared by the tests
// that only read it.
var crawled struct {
	once       sync.Once
	area       *simarea.Area
	db, dir    string
	code       int
	stderr     string
	importCode int
	importOut  string
}

func crawledArea(t *testing.T) (*simarea.Area, string) {
	t.Helper()
	crawled.once.Do(func() {
		area, err := simarea.Start()
		if err != nil {
			t.Fatal(err)
		}
		crawled.area = area
		dir, err := os.MkdirTemp("", "sendscope-e2e-")
		if err != nil {
			t.Fatal(err)
		}
		crawled.dir = dir
		crawled.db = filepath.Join(dir, "e2e.duckdb")
		reg := filepath.Join(dir, "register.csv")
		area.WriteRegister(reg)
		crawled.importCode, _, crawled.importOut = sendscope(t, context.Background(), "--db", crawled.db, "register", "import", reg)
		crawled.code, _, crawled.stderr = sendscope(t, context.Background(), "--db", crawled.db, "crawl", "--year", "2025-26",
			"--allow-private", "--delay", "0", "--concurrency", "6")
	})
	if crawled.area == nil {
		t.Fatal("the simulated area did not start")
	}
	return crawled.area, crawled.db
}

func TestMain(m *testing.M) {
	// The crawls and extracts below read PDFs in helpers: this test binary, re-run.
	documents.ServePDFHelper()
	// Re-executed as the sendscope command itself, for tests that need a second process.
	if os.Getenv("SENDSCOPE_TEST_AS_MAIN") == "1" {
		// A test may ask for small batches, so that a kill lands between them
		// however fast this machine crawls the simulated area.
		if n, err := strconv.Atoi(os.Getenv("SENDSCOPE_TEST_BATCH_SIZE")); err == nil && n > 0 {
			pipeline.DefaultBatches.Size = n
		}
		os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	code := m.Run()
	if crawled.area != nil {
		crawled.area.Close()
		os.RemoveAll(crawled.dir)
	}
	if loCrawled.area != nil {
		loCrawled.area.Close()
		os.RemoveAll(loCrawled.dir)
	}
	os.Exit(code)
}

func openStore(t *testing.T, db string) *sql.DB {
	t.Helper()
	s, err := queries.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.DB()
}

func TestCrawlFindsReportsInEveryFormat(t *testing.T) {
	area, db := crawledArea(t)
	if crawled.importCode != 0 || !strings.Contains(crawled.importOut, "30 imported") || !strings.Contains(crawled.importOut, `status "Closed"`) {
		t.Fatalf("import: exit %d\n%s", crawled.importCode, crawled.importOut)
	}
	// One site is down: the crawl is done in part, and says which.
	down := area.ByLayout(simarea.LayoutDown)
	if crawled.code != exitPartial || !strings.Contains(crawled.stderr, "http_503") || !strings.Contains(crawled.stderr, itoa(down.URN)) {
		t.Fatalf("crawl: exit %d\n%s", crawled.code, crawled.stderr)
	}
	dbx := openStore(t, db)
	want := map[simarea.Layout]string{
		simarea.LayoutQA: "html", simarea.LayoutTable: "html", simarea.LayoutBullets: "html", simarea.LayoutQuestions: "html",
		simarea.LayoutPDFKeyInfo: "pdf", simarea.LayoutDOCX: "docx", simarea.LayoutIframePDF: "pdf",
	}
	for layout, format := range want {
		p := area.ByLayout(layout)
		var found bool
		var got, senco sql.NullString
		err := dbx.QueryRow(`SELECT report_found, report_format, senco_names FROM (`+mustSQL(t, "dataset")+`) WHERE urn = $urn`,
			sql.Named("year", "2025/26"), sql.Named("la", nil), sql.Named("urn", p.URN)).Scan(&found, &got, &senco)
		if err != nil {
			t.Errorf("%s (%d): %v", layout, p.URN, err)
			continue
		}
		if !found || got.String != format {
			t.Errorf("%s (%d): report found %v as %q, want %s", layout, p.URN, found, got.String, format)
		}
		if !strings.Contains(senco.String, p.SENCO) {
			t.Errorf("%s (%d): SENCO %q, want %q", layout, p.URN, senco.String, p.SENCO)
		}
	}
	// Where last year's report is listed beside this year's, this year's is the one.
	for _, p := range area.Profiles {
		if p.Layout != simarea.LayoutPDFKeyInfo || p.Year != "2025/26" {
			continue
		}
		var url, stated string
		dbx.QueryRow(`SELECT report_url, stated_year FROM (`+mustSQL(t, "dataset")+`) WHERE urn = $urn`,
			sql.Named("year", "2025/26"), sql.Named("la", nil), sql.Named("urn", p.URN)).Scan(&url, &stated)
		if !strings.HasSuffix(url, area.ReportPath(p.URN)) || stated != "2025/26" {
			t.Errorf("%d: report %s stating %s, want this year's %s", p.URN, url, stated, area.ReportPath(p.URN))
		}
	}
	for _, layout := range []simarea.Layout{simarea.LayoutNone, simarea.LayoutRobots, simarea.LayoutNoWebsite, simarea.LayoutDown} {
		p := area.ByLayout(layout)
		var found sql.NullBool
		dbx.QueryRow(`SELECT report_found FROM (`+mustSQL(t, "dataset")+`) WHERE urn = $urn`,
			sql.Named("year", "2025/26"), sql.Named("la", nil), sql.Named("urn", p.URN)).Scan(&found)
		if found.Bool {
			t.Errorf("%s (%d): a report was found where there is none to find", layout, p.URN)
		}
	}
}

func TestRobotsDisallowedPathNeverRequested(t *testing.T) {
	area, db := crawledArea(t)
	p := area.ByLayout(simarea.LayoutRobots)
	for _, path := range area.Requested(p.URN) {
		if strings.HasPrefix(path, "/send/") {
			t.Errorf("requested %s, which robots.txt disallows", path)
		}
	}
	var reason string
	openStore(t, db).QueryRow(`SELECT reason FROM run_sites WHERE urn = ?`, p.URN).Scan(&reason)
	if reason != "robots_link" {
		t.Errorf("reason %q, want robots_link", reason)
	}
}

func TestFooterPhoneIsNotTheSENCOs(t *testing.T) {
	area, db := crawledArea(t)
	rows, err := openStore(t, db).Query(`SELECT d.urn, f.value FROM facts f JOIN documents d USING (doc_id) WHERE f.field = 'senco.phone'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var urn int
		var phone string
		rows.Scan(&urn, &phone)
		p, _ := area.Profile(urn)
		if phone == p.OfficePhone() || phone != p.Phone {
			t.Errorf("%d: SENCO phone %q (office %q, SENCO's %q)", urn, phone, p.OfficePhone(), p.Phone)
		}
		n++
	}
	if n == 0 {
		t.Error("no SENCO phone found at all")
	}
}

// The export tables and their columns, as DATASET.md promises them.
var contract = map[string][]string{
	"documents": strings.Split("doc_id,urn,la_code,academic_year,run_id,url,final_url,format,doc_type,doc_type_confidence,title,stated_year,word_count,readability_flesch,sha256,http_status,fetched_at,text_fingerprint,extractor_version,link_url,linked_from,platform,off_site", ","),
	"facts":     strings.Split("doc_id,url,urn,academic_year,field,value,value_num,evidence,evidence_start,evidence_end,confidence,extractor_version,la_code", ","),
	"school_years": strings.Split("urn,academic_year,school_name,la_code,la_name,phase,outcome,outcome_reason,outcome_error,checked_at,last_attempt_at,last_attempt_outcome,report_found,report_url,report_format,stated_year,report_unchanged_since_last_year,report_stale,report_stale_reason,senco_names,"+
		"senco_days_per_week,senco_hours_per_week,senco_fte,senco_qualifications,senco_on_slt,areas_of_need,need_types,specialist_provision,sen_percent,ehcp_count,"+
		"statutory_items_covered,statutory_items_missing,pupils_total,pupils_sen_support,pupils_ehcp,pupils_asd,pupils_semh,pupils_slcn,pupils_spld,"+
		"pupils_mld,pupils_sld,pupils_pmld,pupils_hi,pupils_vi,pupils_msi,pupils_pd,pupils_oth,pupils_nsa,"+
		"time_period,time_identifier,geographic_level,country_code,country_name,region_name,new_la_code", ","),
	"fetches":         strings.Split("run_id,urn,url,status,error,content_type,bytes,duration_ms,fetched_at,skipped,depth,link_score,link_url,linked_from,platform,off_site,academic_year,la_code", ","),
	"data_dictionary": strings.Split("table,column,type,meaning,source,licence", ","),
	"services":        strings.Split("la_code,academic_year,service_id,name,url,categories,age_min,age_max,need_types,cost,has_phone,has_email,source,last_updated,eligibility,has_website,status,is_current,page_url", ","),
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func TestExportPseudonymisesUnlessAsked(t *testing.T) {
	area, db := crawledArea(t)
	dir := t.TempDir()
	code, stdout, stderr := sendscope(t, context.Background(), "--db", db, "export", "--year", "2025/26", "-o", dir)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, stderr)
	}
	for table, cols := range contract {
		recs := readCSV(t, filepath.Join(dir, table+".csv"))
		if strings.Join(recs[0], ",") != strings.Join(cols, ",") {
			t.Errorf("%s.csv columns:\n %v\nwant\n %v", table, recs[0], cols)
		}
		if len(recs) < 2 && table != "services" { // the shared crawl does not visit Local Offers
			t.Errorf("%s.csv has no rows", table)
		}
		if !strings.Contains(stdout, table+".csv") {
			t.Errorf("stdout does not list %s.csv", table)
		}
	}
	if recs := readCSV(t, filepath.Join(dir, "schools.csv")); len(recs) != 31 {
		t.Errorf("schools.csv: %d rows, want 30 and a header", len(recs))
	}
	all := ""
	for _, f := range []string{"facts", "school_years", "documents"} {
		b, _ := os.ReadFile(filepath.Join(dir, f+".csv"))
		all += string(b)
	}
	for _, p := range area.Profiles {
		for _, personal := range []string{p.SENCO, p.Email, p.Phone} {
			if personal != "" && strings.Contains(all, personal) {
				t.Errorf("%q appears in the pseudonymised export", personal)
			}
		}
	}
	if !strings.Contains(all, "person-") || !strings.Contains(all, "email-") {
		t.Error("no pseudonyms in the export")
	}
	// The same person has the same pseudonym in facts and school_years.
	facts := readCSV(t, filepath.Join(dir, "facts.csv"))
	years := readCSV(t, filepath.Join(dir, "school_years.csv"))
	pseud := map[string]bool{}
	for _, r := range facts[1:] {
		if r[4] == "senco.name" {
			pseud[r[5]] = true
		}
	}
	names := slices.Index(years[0], "senco_names")
	for _, r := range years[1:] {
		for _, n := range strings.Split(r[names], ";") {
			if n != "" && !pseud[n] {
				t.Errorf("school_years names %q, which facts.csv does not", n)
			}
		}
	}

	dir2 := t.TempDir()
	if code, _, stderr := sendscope(t, context.Background(), "--db", db, "export", "--year", "2025/26", "-o", dir2, "--include-personal"); code != 0 {
		t.Fatalf("export --include-personal: exit %d\n%s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir2, "facts.csv"))
	if !strings.Contains(string(b), area.ByLayout(simarea.LayoutQA).SENCO) {
		t.Error("--include-personal dropped the SENCO's name")
	}
}

func TestCommissioningWorkbook(t *testing.T) {
	_, db := crawledArea(t)
	f, path := writeWorkbook(t, db, "commissioning", "--la", "998", "--year", "2025/26")
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Cover,Summary,Chart data,Schools,Evidence,Could not check,Compliance items,Gaps map,Gaps,SENCO capacity,Compliance,Changes,Local Offer,Local Offer content,EHC plans,Method,Data dictionary" {
		t.Errorf("sheets %s", got)
	}
	for sheet, want := range map[string]string{"Cover": "SEND commissioning workbook", "Chart data": "Year", "Gaps": "Academic year\nacademic_year",
		"SENCO capacity": "URN\nurn", "Compliance": "URN\nurn", "Changes": "URN\nurn", "Local Offer": "Academic year\nacademic_year",
		"Local Offer content": "Academic year\nacademic_year", "Method": "How this workbook was made",
		"Compliance items": "URN", "Schools": "URN", "Evidence": "URN", "Gaps map": "Specialist places per 100 pupils with the need, 2025/26",
		"Data dictionary": "Sheet"} {
		if v, _ := f.GetCellValue(sheet, "A1"); v != want {
			t.Errorf("%s!A1 %q, want %q", sheet, v, want)
		}
	}
	// The Summary says the finding in words, autism and SEMH first.
	summary, _ := f.GetRows("Summary")
	if len(summary) < 6 || !strings.HasPrefix(strings.Join(summary[4], ""), "Autism (ASD): ") ||
		!strings.HasPrefix(strings.Join(summary[5], ""), "Social, emotional and mental health (SEMH): ") {
		t.Errorf("Summary rows 5 and 6: %q", summary[4:min(6, len(summary))])
	}
	titles := map[string]bool{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = true
		}
	}
	for _, sheet := range []string{"Schools", "Evidence", "Could not check", "Compliance items", "Gaps"} {
		if !titles[sheet] {
			t.Errorf("%s does not repeat its header rows when printed", sheet)
		}
	}
	if gaps, _ := f.GetRows("Gaps"); len(gaps) < 3 {
		t.Errorf("Gaps has %d rows", len(gaps))
	}
	if cf, err := f.GetConditionalFormats("Gaps"); err != nil || len(cf) == 0 {
		t.Errorf("Gaps has no heat map: %v %v", cf, err)
	}
	if v, _ := f.GetCellValue("Summary", "A1"); v != "SEND provision in Testshire, 2025/26" {
		t.Errorf("Summary A1 %q", v)
	}
	if v, _ := f.GetCellValue("Schools", "B1"); v != "School" {
		t.Errorf("Schools B1 %q", v)
	}
	if v, _ := f.GetCellValue("Evidence", "E1"); v != "Evidence (the document's words)" {
		t.Errorf("Evidence E1 %q", v)
	}
	rows, _ := f.GetRows("Evidence")
	if len(rows) < 10 {
		t.Fatalf("Evidence has %d rows", len(rows))
	}
	ok, target, err := f.GetCellHyperLink("Evidence", "F2")
	if err != nil || !ok || !strings.HasPrefix(target, "http://127.0.0.1:") {
		t.Errorf("Evidence F2 link %v %q %v", ok, target, err)
	}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s holds a formula: %s", sheet, cell, formula)
				}
			}
		}
	}
	convertWithLibreOffice(t, path)
}

// convertWithLibreOffice proves a real spreadsheet program opens the workbook.
func convertWithLibreOffice(t *testing.T, path string) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Log("LibreOffice not installed: workbook not opened by a spreadsheet program (.ci/run installs it)")
		return
	}
	dir := t.TempDir()
	out, err := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, path).CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice could not convert %s: %v\n%s", path, err, out)
	}
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".pdf")
	if st, err := os.Stat(pdf); err != nil || st.Size() < 1000 {
		t.Fatalf("LibreOffice made no PDF of %s: %v\n%s", path, err, out)
	}
}

func TestQueryCommands(t *testing.T) {
	_, db := crawledArea(t)
	ctx := context.Background()
	// An LA can be named by its code, its name or its ONS code.
	code, out, stderr := sendscope(t, ctx, "--db", db, "query", "run", "dataset", "--la", "E06000997", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d %s", code, stderr)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 15 {
		t.Fatalf("%d rows, %v\n%s", len(rows), err, out)
	}
	if rows[0]["la_name"] != "Exampleton" || rows[0]["academic_year"] != "2025/26" {
		t.Errorf("row %v", rows[0])
	}
	if code, out, _ := sendscope(t, ctx, "--db", db, "query", "list"); code != 0 || !strings.Contains(out, "dataset") {
		t.Errorf("query list: %d %s", code, out)
	}
	if code, out, _ := sendscope(t, ctx, "--db", db, "status"); code != 0 || !strings.Contains(out, "2025/26") || !strings.Contains(out, "30 schools") || !strings.Contains(out, "services") {
		t.Errorf("status: %d %s", code, out)
	}
	code, _, stderr = sendscope(t, ctx, "--db", db, "query", "sql", "DELETE FROM schools")
	if code != exitUsage || !strings.Contains(stderr, "reads the store only: DELETE changes the store") {
		t.Errorf("a DELETE through query sql: exit %d %s", code, stderr)
	}
	if code, out, _ := sendscope(t, ctx, "--db", db, "query", "sql", "SELECT count(*) AS n FROM schools", "--format", "csv"); code != 0 || out != "n\n30\n" {
		t.Errorf("query sql csv: %d %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "u.duckdb")
	cases := [][]string{
		{"crawl", "--year", "2025/27"},
		{"crawl", "--year", "last year"},
		{"crawl"},
		{"crawl", "--year", "2025/26", "--urn", "abc"},
		{"export", "--year", "2025/26"},
		{"register", "import"},
		{"query", "run", "no_such_analysis"},
		{"status", "--no-such-flag"},
	}
	for _, args := range cases {
		code, _, stderr := sendscope(t, ctx, append([]string{"--db", db}, args...)...)
		if code != exitUsage || stderr == "" {
			t.Errorf("%v: exit %d (want 2), stderr %q", args, code, stderr)
		}
	}
}

func TestBrokenRegisterLeavesStoreUnchanged(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "r.duckdb")
	area, err := simarea.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer area.Close()
	good := filepath.Join(dir, "register.csv")
	area.WriteRegister(good)
	if code, _, stderr := sendscope(t, ctx, "--db", db, "register", "import", good); code != 0 {
		t.Fatalf("exit %d %s", code, stderr)
	}
	before := snapshot(t, db)
	reg := area.RegisterCSV()
	broken := map[string][]byte{
		"cut.csv":    append(reg[:len(reg)*2/3:len(reg)*2/3], []byte("\"unterminated")...),
		"other.csv":  []byte("name,email\nA,a@b.c\n"),
		"binary.csv": {0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2},
		"empty.csv":  {},
	}
	for name, data := range broken {
		path := filepath.Join(dir, name)
		os.WriteFile(path, data, 0o644)
		code, _, stderr := sendscope(t, ctx, "--db", db, "register", "import", path)
		if code != exitFailed || !strings.Contains(stderr, path) {
			t.Errorf("%s: exit %d, stderr %q (want 1 and the file named)", name, code, stderr)
		}
		if after := snapshot(t, db); after != before {
			t.Errorf("%s: the store changed", name)
		}
	}
}

// snapshot is the whole schools table as text.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	s, err := queries.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out string
	if err := s.DB().QueryRow(`SELECT string_agg(urn || name || coalesce(website, ''), '|' ORDER BY urn) FROM schools`).Scan(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCrawlInterruptedResumes(t *testing.T) {
	_, _, dbs := startArea(t, false, "resume")
	db := dbs[0]
	// School by school, as before batches: a batch of 2 s would hold nearly the
	// whole area, and the failing schools must be left for the resumed crawl
	// (TestKill9MidCrawlAndResume interrupts batches). Only the interrupted crawl
	// needs this: the resumed crawl and the extract write in the usual batches,
	// as a user's would (each batch reopens the store and replays its WAL, so
	// batches of one made this test take minutes).
	saved := pipeline.DefaultBatches
	defer func() { pipeline.DefaultBatches = saved }()
	pipeline.DefaultBatches.Size = 1
	// Interrupt after a few schools are stored, as Ctrl-C would.
	ctx, cancel := context.WithCancel(context.Background())
	var errb cancelAfter
	errb.n, errb.cancel = 5, cancel
	code := run(ctx, []string{"--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0", "--concurrency", "2"}, &bytes.Buffer{}, &errb)
	if code != exitInterrupted {
		t.Fatalf("interrupted crawl: exit %d\n%s", code, errb.String())
	}
	pipeline.DefaultBatches = saved
	firstDone := countRows(t, db, "run_sites")
	if firstDone < 5 || firstDone >= 30 {
		t.Fatalf("%d schools stored before the interruption", firstDone)
	}
	code, _, stderr := sendscope(t, context.Background(), "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0")
	if code != exitPartial || !strings.Contains(stderr, "resuming run 1") {
		t.Fatalf("resumed crawl: exit %d\n%s", code, stderr)
	}
	if n := countRows(t, db, "run_sites"); n != 30 {
		t.Errorf("%d schools done after resuming, want 30", n)
	}
	if n := countRows(t, db, "crawl_runs"); n != 1 {
		t.Errorf("%d runs, want the one resumed", n)
	}
	if dups := countRows(t, db, "(SELECT run_id, url FROM captures GROUP BY ALL HAVING count(*) > 1)"); dups != 0 {
		t.Errorf("%d URLs captured twice in one run", dups)
	}
	facts := countRows(t, db, "facts")
	docs := countRows(t, db, "documents")

	// Re-extraction re-derives the same documents and facts from the captures.
	code, _, stderr = sendscope(t, context.Background(), "--db", db, "extract", "--year", "2025/26")
	if code != 0 || !strings.Contains(stderr, "captures read") {
		t.Fatalf("extract: exit %d\n%s", code, stderr)
	}
	if f, d := countRows(t, db, "facts"), countRows(t, db, "documents"); f != facts || d != docs || f == 0 {
		t.Errorf("after extract: %d facts, %d documents; before %d, %d", f, d, facts, docs)
	}
}

func TestSecondWriterIsToldTheStoreIsBusy(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "busy.duckdb")
	s, err := queries.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The crawl waits for the file, says so, and gives up when --wait is over.
	cmd := exec.Command(os.Args[0], "--db", db, "--wait", "1500ms", "crawl", "--year", "2025/26")
	cmd.Env = append(os.Environ(), "SENDSCOPE_TEST_AS_MAIN=1")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitFailed || !strings.Contains(string(out), "in use by another sendscope process") ||
		!strings.Contains(string(out), "waiting for the store") {
		t.Errorf("second writer: %v\n%s", err, out)
	}
	if waited := time.Since(start); waited < 1500*time.Millisecond {
		t.Errorf("second writer gave up after %s, before its --wait", waited)
	}
}

func TestImportSharedRegisterSample(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "data", "gias-sample.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared sample not at %s", path)
	}
	db := filepath.Join(t.TempDir(), "s.duckdb")
	code, _, stderr := sendscope(t, context.Background(), "--db", db, "register", "import", path)
	if code != 0 || !strings.Contains(stderr, "20 rows read, 19 imported") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	s := openStore(t, db)
	var name, site string
	s.QueryRow(`SELECT name, website FROM schools WHERE urn = 880100`).Scan(&name, &site)
	if name != "St Mary’s Catholic Primary School" || site != "http://www.stmarys-rc.example.sch.uk/" {
		t.Errorf("880100: %q %q", name, site)
	}
	if n := countRows(t, db, "schools"); n != 19 {
		t.Errorf("%d schools, want 19", n)
	}
}

// cancelAfter cancels once it has seen n progress lines for finished schools.
type cancelAfter struct {
	bytes.Buffer
	n      int
	cancel func()
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.n -= strings.Count(string(p), "\n[")
	if strings.HasPrefix(string(p), "[") {
		c.n--
	}
	if c.n <= 0 {
		c.cancel()
	}
	return c.Buffer.Write(p)
}

func countRows(t testing.TB, db, table string) int {
	t.Helper()
	s, err := queries.OpenReadOnly(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	s.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n)
	return n
}

func mustSQL(t *testing.T, name string) string {
	a, ok := queries.Lookup(name)
	if !ok {
		t.Fatalf("no analysis %s", name)
	}
	return a.SQL
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestStatutoryItemsAgree: the items the extractor finds are the items the store lists.
func TestStatutoryItemsAgree(t *testing.T) {
	_, db := crawledArea(t)
	rows, err := openStore(t, db).Query(`SELECT id FROM statutory_items ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	if got, want := strings.Join(analysis.StatutoryItemIDs(), ","), strings.Join(ids, ","); got != want {
		t.Errorf("extractor finds %s\nstore lists      %s", got, want)
	}
	var covered, missing string
	openStore(t, db).QueryRow(`SELECT statutory_items_covered, statutory_items_missing FROM (`+mustSQL(t, "dataset")+`) WHERE report_found LIMIT 1`,
		sql.Named("year", nil), sql.Named("la", nil), sql.Named("urn", nil)).Scan(&covered, &missing)
	if covered == "" || len(strings.Split(covered, ";"))+len(strings.Split(missing, ";")) != len(ids) {
		t.Errorf("covered %q + missing %q should make all %d items", covered, missing, len(ids))
	}
}

// TestQueryFormatsAgree: table, CSV and JSON carry the same data.
func TestQueryFormatsAgree(t *testing.T) {
	_, db := crawledArea(t)
	ctx := context.Background()
	args := []string{"--db", db, "query", "run", "senco_capacity", "--year", "2025/26", "--format"}
	_, csvOut, _ := sendscope(t, ctx, append(args, "csv")...)
	_, jsonOut, _ := sendscope(t, ctx, append(args, "json")...)
	_, tableOut, _ := sendscope(t, ctx, append(args, "table")...)
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var objs []map[string]any
	if err := json.Unmarshal([]byte(jsonOut), &objs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(tableOut), "\n")
	if len(recs)-1 != len(objs) || len(lines)-1 != len(objs) || len(objs) < 20 {
		t.Fatalf("rows: csv %d, json %d, table %d", len(recs)-1, len(objs), len(lines)-1)
	}
	header := recs[0]
	if strings.Join(strings.Fields(lines[0]), ",") != strings.Join(header, ",") {
		t.Errorf("table header %q, csv header %v", lines[0], header)
	}
	for i, rec := range recs[1:] {
		for j, col := range header {
			js := objs[i][col]
			var jsText string
			switch v := js.(type) {
			case nil:
				jsText = ""
			case float64:
				jsText = strconv.FormatFloat(v, 'f', -1, 64)
			default:
				jsText = fmt.Sprint(v)
			}
			if jsText != rec[j] {
				t.Errorf("row %d %s: csv %q, json %q", i, col, rec[j], jsText)
			}
		}
		if !strings.HasPrefix(lines[i+1], rec[0]+" ") {
			t.Errorf("table row %d starts %q, csv %q", i, lines[i+1][:min(20, len(lines[i+1]))], rec[0])
		}
	}
}

// TestParquetExportMatchesCSV: the Parquet tables hold the same rows as the CSV
// files, with the column types the data dictionary gives, pseudonymised alike.
// Tables of crawled data are Hive-partitioned folders, read as one table.
func TestParquetExportMatchesCSV(t *testing.T) {
	area, db := crawledArea(t)
	ctx := context.Background()
	csvDir, pqDir := t.TempDir(), t.TempDir()
	for dir, format := range map[string]string{csvDir: "csv", pqDir: "parquet"} {
		if code, _, stderr := sendscope(t, ctx, "--db", db, "export", "--year", "2025/26", "--format", format, "-o", dir); code != 0 {
			t.Fatalf("%s: exit %d\n%s", format, code, stderr)
		}
	}
	duck, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer duck.Close()
	dict := readCSV(t, filepath.Join(csvDir, "data_dictionary.csv"))
	types := map[string]string{}
	for _, r := range dict[1:] {
		types[r[0]+"."+r[1]] = r[2]
	}
	for table := range contract {
		if table == "data_dictionary" {
			continue
		}
		recs := readCSV(t, filepath.Join(csvDir, table+".csv"))
		pq := parquetTable(pqDir, table)
		var n int
		if err := duck.QueryRow(`SELECT count(*) FROM ` + pq).Scan(&n); err != nil {
			t.Fatalf("%s: %v", pq, err)
		}
		if n != len(recs)-1 {
			t.Errorf("%s: %d Parquet rows, %d CSV rows", table, n, len(recs)-1)
		}
		rows, err := duck.Query(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ` + pq + `)`)
		if err != nil {
			t.Fatal(err)
		}
		var cols []string
		for rows.Next() {
			var name, typ string
			rows.Scan(&name, &typ)
			cols = append(cols, name)
			if want := types[table+"."+name]; !strings.EqualFold(typ, want) {
				t.Errorf("%s.%s: Parquet type %s, dictionary %s", table, name, typ, want)
			}
		}
		rows.Close()
		// Partition columns come last when read from the folders' names.
		header := slices.Clone(recs[0])
		slices.Sort(cols)
		slices.Sort(header)
		if strings.Join(cols, ",") != strings.Join(header, ",") {
			t.Errorf("%s: Parquet columns %v, CSV %v", table, cols, header)
		}
	}
	var leaked int
	senco := area.ByLayout(simarea.LayoutQA).SENCO
	duck.QueryRow(`SELECT count(*) FROM `+parquetTable(pqDir, "facts")+` WHERE evidence LIKE ? OR value = ?`, "%"+senco+"%", senco).Scan(&leaked)
	if leaked != 0 {
		t.Errorf("%q appears in %d pseudonymised Parquet facts", senco, leaked)
	}
	if st, err := os.Stat(filepath.Join(pqDir, "data_dictionary.parquet")); err != nil || st.Size() == 0 {
		t.Errorf("no data dictionary in Parquet: %v", err)
	}
}

// parquetTable is the read_parquet call that reads one table of a Parquet
// export as the README says: a partitioned folder as one table, or one file.
func parquetTable(dir, table string) string {
	one := filepath.Join(dir, table+".parquet")
	if _, err := os.Stat(one); err == nil {
		return "read_parquet('" + strings.ReplaceAll(one, "'", "''") + "')"
	}
	glob := filepath.Join(dir, table, "**", "*.parquet")
	return "read_parquet('" + strings.ReplaceAll(glob, "'", "''") + "', hive_partitioning = true, " +
		"hive_types = {'academic_year': VARCHAR, 'la_code': VARCHAR})"
}

func TestBenchmarkWorkbook(t *testing.T) {
	area, db := crawledArea(t)
	p := area.ByLayout(simarea.LayoutQA)
	f, path := writeWorkbook(t, db, "benchmark", "--urn", strconv.Itoa(p.URN), "--year", "2025/26")
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Chart data,Benchmark,Method" {
		t.Errorf("sheets %s", got)
	}
	if v, _ := f.GetCellValue("Summary", "A1"); !strings.HasPrefix(v, p.Name) {
		t.Errorf("Summary A1 %q", v)
	}
	if v, _ := f.GetCellValue("Summary", "A5"); v != "SENCO hours per week" {
		t.Errorf("Summary A5 %q", v)
	}
	for sheet, want := range map[string]string{"Benchmark": "Year", "Method": "How this workbook was made"} {
		if v, _ := f.GetCellValue(sheet, "A1"); v != want {
			t.Errorf("%s!A1 %q, want %q", sheet, v, want)
		}
	}
	if v, _ := f.GetCellValue("Chart data", "B1"); v != "This school" {
		t.Errorf("Chart data!B1 %q", v)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	zr.Close()
	if charts < 2 { // one per measure the school has figures for
		t.Errorf("%d charts in the workbook", charts)
	}
	convertWithLibreOffice(t, path)
	if code, _, _ := sendscope(t, context.Background(), "--db", db, "report", "benchmark", "--urn", "1", "--year", "2025/26", "-o", path); code != exitUsage {
		t.Errorf("an unknown school: exit %d", code)
	}
}

// writeWorkbook runs `report KIND args -o FILE` and opens the workbook it wrote.
func writeWorkbook(t *testing.T, db, kind string, args ...string) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), kind+".xlsx")
	code, _, stderr := sendscope(t, context.Background(), append(append([]string{"--db", db, "report", kind}, args...), "-o", path)...)
	if code != 0 {
		t.Fatalf("report %s: exit %d\n%s", kind, code, stderr)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return f, path
}
