package reports

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/queries"
)

func TestSafeText(t *testing.T) {
	cases := []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+44 1632", "'+44 1632"},
		{"-1+1", "'-1+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tcmd", "'\tcmd"},
		{"Our SENCO = Mrs A", "Our SENCO = Mrs A"},
		{"", ""},
	}
	for _, c := range cases {
		if got := SafeText(c.in); got != c.want {
			t.Errorf("SafeText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := strings.Repeat("é", 40000)
	got := SafeText(long)
	if n := len([]rune(got)); n != maxCellChars || !strings.HasSuffix(got, cutMarker) {
		t.Errorf("long text: %d characters", n)
	}
}

// TestWebTextNeverBecomesAFormula stores a fact whose evidence is a spreadsheet
// formula and checks every output shows it as text.
func TestWebTextNeverBecomesAFormula(t *testing.T) {
	ctx := context.Background()
	store, err := queries.Open(ctx, filepath.Join(t.TempDir(), "f.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	evil := `=HYPERLINK("http://x","y")`
	if _, err := store.ImportSchools(ctx, []queries.School{{URN: 1, Name: "=cmd|' /C calc'!A0", LACode: "998", LAName: "Testshire"}}, "r.csv"); err != nil {
		t.Fatal(err)
	}
	run, _ := store.StartRun(ctx, "2025/26", "ua", "{}")
	err = store.SaveSite(ctx, queries.SiteResult{RunID: run.ID, URN: 1, Status: "found", Captures: []queries.Capture{{
		URL: "http://x.example/send/", FinalURL: "http://x.example/send/", Status: 200, SHA256: "00", Body: []byte("x"),
		Document: &queries.Document{Format: "html", DocType: "sen_information_report", Text: evil, ExtractorVersion: "t",
			Facts: []queries.Fact{{Field: "need.type", Value: "ASD", Evidence: evil, Start: 0, End: len(evil), Confidence: 1}}}}}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Export(ctx, store, ExportOptions{Dir: dir, Year: "2025/26", Format: "csv"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"facts.csv", "school_years.csv", "schools.csv"} {
		b := readFile(t, filepath.Join(dir, name))
		for _, line := range strings.Split(b, "\n") {
			for _, cell := range strings.Split(line, ",") {
				cell = strings.TrimPrefix(cell, `"`)
				if strings.HasPrefix(cell, "=") {
					t.Errorf("%s: a cell starts with '=': %s", name, line)
				}
			}
		}
	}
	book := filepath.Join(dir, "c.xlsx")
	if _, err := Commissioning(ctx, store, CommissioningOptions{LA: "998", Year: "2025/26", Path: book}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
					t.Errorf("%s!%s is a formula: %s", sheet, cell, fm)
				}
				if rows[r][c] == "'"+evil {
					found = true
				}
			}
		}
	}
	if !found {
		t.Error("the evidence is not in the workbook as text")
	}
	xdir := t.TempDir()
	if _, err := Export(ctx, store, ExportOptions{Dir: xdir, Year: "2025/26", Format: "xlsx"}); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenFile(filepath.Join(xdir, "sendscope-export.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range xf.GetSheetList() {
		rows, _ := xf.GetRows(sheet)
		for r := range rows {
			for c := range rows[r] {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if fm, _ := xf.GetCellFormula(sheet, cell); fm != "" {
					t.Errorf("export %s!%s is a formula: %s", sheet, cell, fm)
				}
			}
		}
	}
	if v, _ := xf.GetCellValue("facts", "H2"); v != "'"+evil {
		t.Errorf("export facts!H2 = %q", v)
	}
	xf.Close()
	rows, err := store.DB().QueryContext(ctx, `SELECT evidence FROM facts`)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if _, err := WriteRows(&out, rows, "csv"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "\n=") || strings.Contains(out.String(), "\n\"=") {
		t.Errorf("query csv output: %s", out.String())
	}
}

func TestWriteRowsJSON(t *testing.T) {
	ctx := context.Background()
	store, err := queries.Open(ctx, filepath.Join(t.TempDir(), "j.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	rows, err := store.DB().QueryContext(ctx, `SELECT 2 AS b, 'x' AS a, NULL AS c, true AS d UNION ALL SELECT 3, 'y', 1.5, false ORDER BY b`)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	n, err := WriteRows(&out, rows, "json")
	if err != nil || n != 2 {
		t.Fatal(n, err)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got[0]["a"] != "x" || got[0]["c"] != nil || got[1]["d"] != false || !strings.HasPrefix(strings.TrimSpace(strings.Split(out.String(), "\n")[1]), `{"b":2,"a":"x"`) {
		t.Errorf("%s", out.String())
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestXLSXExportSplitsLongTables(t *testing.T) {
	ctx := context.Background()
	store, err := queries.Open(ctx, filepath.Join(t.TempDir(), "x.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var schools []queries.School
	for i := 1; i <= 12; i++ {
		schools = append(schools, queries.School{URN: i, Name: fmt.Sprintf("=School %d", i), LACode: "998", LAName: "Testshire"})
	}
	if _, err := store.ImportSchools(ctx, schools, "r.csv"); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 5
	dir := t.TempDir()
	res, err := Export(ctx, store, ExportOptions{Dir: dir, Format: "xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "sendscope-export.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := "documents,facts,school_years,schools,schools (2),schools (3),fetches,services,data_dictionary"
	if got := strings.Join(f.GetSheetList(), ","); got != want || res.Rows["schools"] != 12 {
		t.Fatalf("sheets %s (want %s), %d school rows", got, want, res.Rows["schools"])
	}
	total := 0
	for _, sh := range []string{"schools", "schools (2)", "schools (3)"} {
		rows, _ := f.GetRows(sh)
		total += len(rows) - 1
		if v, _ := f.GetCellValue(sh, "B1"); v != "name" {
			t.Errorf("%s has no header row", sh)
		}
	}
	if v, _ := f.GetCellValue("schools", "B2"); total != 12 || v != "'=School 1" {
		t.Errorf("%d rows across the sheets; first name %q", total, v)
	}
}
