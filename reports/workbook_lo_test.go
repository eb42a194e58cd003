package reports

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/queries"
)

// need is one school's pupils with a primary need in a year (EHC plan and SEN
// support together, as one row).
type need struct {
	urn        int
	year, code string
	pupils     int
}

// commissioningStore is three LAs whose figures we chose so that the Summary's
// sentences can be worked out by hand:
//
//	998 Testshire: SEMH 151 pupils (139 in 2024/25), no SEMH places; autism 100
//	  (80), 12 resourced places at school 1001.
//	997 Exampleton: SEMH 20 pupils, 10 places (50 per 100); autism 50, none.
//	996 Sampleford: SEMH 30, none; autism 40, a unit of 20 (50 per 100).
//
// So Testshire's SEMH ranks 1 of 3 (joint with Sampleford), its autism 2 of 3.
func commissioningStore(t *testing.T) *queries.Store {
	t.Helper()
	ctx := context.Background()
	store, err := queries.Open(ctx, filepath.Join(t.TempDir(), "c.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	n := func(v int) *int { return &v }
	schools := []queries.School{
		{URN: 1001, Name: "Alder Primary", LACode: "998", LAName: "Testshire", Phase: "Primary", DistrictName: "North Testshire",
			SENProvisionTypes: []string{"ASD"}, ResourcedProvisionCapacity: n(12), Website: "http://alder.example/"},
		{URN: 1002, Name: "Birch Primary", LACode: "998", LAName: "Testshire", Phase: "Primary", DistrictName: "North Testshire", Website: "http://birch.example/"},
		{URN: 1003, Name: "Cedar High", LACode: "998", LAName: "Testshire", Phase: "Secondary", DistrictName: "South Testshire", Website: "http://cedar.example/"},
		{URN: 1004, Name: "Damson Infants", LACode: "998", LAName: "Testshire", Phase: "Primary", DistrictName: "South Testshire", Website: "http://damson.example/"},
		{URN: 2001, Name: "Elm Primary", LACode: "997", LAName: "Exampleton", Phase: "Primary", SENProvisionTypes: []string{"SEMH"}, ResourcedProvisionCapacity: n(10)},
		{URN: 3001, Name: "Fir Academy", LACode: "996", LAName: "Sampleford", Phase: "Secondary", SENProvisionTypes: []string{"ASD"}, SENUnitCapacity: n(20)},
	}
	if _, err := store.ImportSchools(ctx, schools, "register.csv"); err != nil {
		t.Fatal(err)
	}
	needs := []need{
		{1001, "2025/26", "SEMH", 60}, {1002, "2025/26", "SEMH", 50}, {1003, "2025/26", "SEMH", 41},
		{1001, "2025/26", "ASD", 40}, {1002, "2025/26", "ASD", 30}, {1003, "2025/26", "ASD", 30},
		{1001, "2024/25", "SEMH", 55}, {1002, "2024/25", "SEMH", 45}, {1003, "2024/25", "SEMH", 39},
		{1001, "2024/25", "ASD", 30}, {1002, "2024/25", "ASD", 25}, {1003, "2024/25", "ASD", 25},
		{2001, "2025/26", "SEMH", 20}, {2001, "2025/26", "ASD", 50},
		{3001, "2025/26", "SEMH", 30}, {3001, "2025/26", "ASD", 40},
	}
	var file queries.SENFile
	file.Source = "sen-need.csv"
	for _, x := range needs {
		file.Needs = append(file.Needs, queries.SENNeed{URN: x.urn, Year: x.year, Provision: "sen_support", NeedType: x.code, Pupils: n(x.pupils)})
	}
	if err := store.ImportSENFiles(ctx, []queries.SENFile{file}); err != nil {
		t.Fatal(err)
	}
	run, err := store.StartRun(ctx, "2025/26", "ua", "{}")
	if err != nil {
		t.Fatal(err)
	}
	days := 3.0
	text := "Our SENCO works 3 days a week. We support pupils with autism and with cognition and learning needs."
	for _, urn := range []int{1001, 1002, 1003} {
		u := fmt.Sprintf("http://school%d.example/send/", urn)
		err := store.SaveSite(ctx, queries.SiteResult{RunID: run.ID, URN: urn, Status: "found", Outcome: "found", Captures: []queries.Capture{{
			URL: u, FinalURL: u, Status: 200, SHA256: strconv.Itoa(urn), Body: []byte(text),
			Document: &queries.Document{Format: "html", DocType: "sen_information_report", Text: text, ExtractorVersion: "t",
				Facts: []queries.Fact{
					{Field: "senco.days_per_week", Value: "3", ValueNum: &days, Evidence: text[:30], Start: 0, End: 30, Confidence: 0.9},
					{Field: "need.type", Value: "ASD", Evidence: text[31:], Start: 31, End: len(text), Confidence: 0.9},
					{Field: "need.area", Value: "cognition_learning", Evidence: text[31:], Start: 31, End: len(text), Confidence: 0.9},
					{Field: "statutory.item", Value: "S1.03e", Evidence: text[31:], Start: 31, End: len(text), Confidence: 0.9},
				}}}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := store.SaveSite(ctx, queries.SiteResult{RunID: run.ID, URN: 1004, Status: "failed", Outcome: "unreachable", Reason: "refused",
		Error: "connection refused"}); err != nil {
		t.Fatal(err)
	}
	if err := store.FinishRun(ctx, run.ID, "done"); err != nil {
		t.Fatal(err)
	}
	return store
}

// The Summary's sentences, worked out by hand from the figures above.
var wantSentences = []string{
	"Autism (ASD): 100 pupils with the need, 12 specialist places (12 per 100 pupils), up from 80 in 2024/25 (+25%). " +
		"Rank 2 of 3 LAs held for places per 100 pupils (1 = fewest).",
	"Social, emotional and mental health (SEMH): 151 pupils with the need, 0 specialist places (0 per 100 pupils), up from 139 in 2024/25 (+9%). " +
		"Rank 1 of 3 LAs held for places per 100 pupils (joint, with 1 other) (1 = fewest).",
	"Ranks are among the 3 LAs whose DfE figures this store holds, not all 153 LAs in England",
	"No national figure: the store holds the DfE's figures for 3 LA(s) only.",
}

// TestCommissioningSummarySaysTheFinding reads the Summary as written.
func TestCommissioningSummarySaysTheFinding(t *testing.T) {
	store := commissioningStore(t)
	path := filepath.Join(t.TempDir(), "c.xlsx")
	if _, err := Commissioning(context.Background(), store, CommissioningOptions{LA: "998", Year: "2025/26", Path: path}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Summary")
	var cells []string
	for _, r := range rows {
		cells = append(cells, r...)
	}
	all := strings.Join(cells, "\n")
	for _, want := range wantSentences {
		if !strings.Contains(all, want) {
			t.Errorf("the Summary does not say %q:\n%s", want, all)
		}
	}
	// Autism first, then SEMH, in the table too.
	if a, s := strings.Index(all, "Autism (ASD)\n100\n12\n12\n80\n20\n2\n3"), strings.Index(all, "Social, emotional and mental health (SEMH)\n151\n0\n0\n139\n12\n1\n3"); a < 0 || s < a {
		t.Errorf("the Summary's table: autism at %d, SEMH at %d:\n%s", a, s, all)
	}
	// Every table sheet freezes its header.
	for _, sheet := range []string{"Schools", "Evidence", "Could not check", "Compliance items", "Gaps map", "Gaps", "Compliance", "Data dictionary"} {
		p, err := f.GetPanes(sheet)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: panes %+v %v", sheet, p, err)
		}
	}
}

// TestCommissioningInLibreOffice opens the workbook in LibreOffice, prints it to
// PDF and saves it again as xlsx and ods, and reads back what a commissioner
// gets: the Summary's sentences and the labels in the PDF, a filter on every
// table, header rows repeated on every printed page, A4 pages fitted to width,
// rows as tall as their wrapped text.
func TestCommissioningInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("needs LibreOffice (soffice) to open the workbook; .ci/run installs it")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("needs pdftotext (poppler-utils) to read the PDF; .ci/run installs it")
	}
	store := commissioningStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "testshire.xlsx")
	if _, err := Commissioning(context.Background(), store, CommissioningOptions{LA: "998", Year: "2025/26", Path: path}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, format := range []string{"pdf", "ods", "xlsx"} {
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", format, "--outdir", out, path)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice --convert-to %s: %v\n%s", format, err, b)
		}
	}
	b, err := exec.Command(pdftotext, filepath.Join(out, "testshire.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	for _, want := range append(wantSentences,
		"Shown: SENCO and governor names", // the cover says the names are not pseudonymised
		"SENCO days per week (senco.days_per_week)", "Cognition and learning (cognition_learning)", "Additional support (S1.03e)",
		"Broad area of need (need.area)", "Autism (ASD)", "red: the lowest on this sheet", "connection refused (refused)",
		"A bar of 0 has no height, only its label 0. Specialist places for SEMH: 0 in 2024/25 and 2025/26.") {
		if !strings.Contains(text, want) {
			t.Errorf("the printed workbook does not say %q", want)
		}
	}

	tables := []string{"Schools", "Evidence", "Could not check", "Compliance items", "Gaps map", "Gaps", "SENCO capacity", "Compliance",
		"Changes", "Local Offer", "Local Offer content", "EHC plans", "Data dictionary"}
	// Filters: LibreOffice's own file lists a database range with filter buttons per table.
	content := zipText(t, filepath.Join(out, "testshire.ods"), "content.xml")
	filtered := map[string]bool{}
	for _, m := range regexp.MustCompile(`<table:database-range [^>]*>`).FindAllString(content, -1) {
		addr := regexp.MustCompile(`table:target-range-address="([^"]+)"`).FindStringSubmatch(m)
		if addr != nil && strings.Contains(m, `table:display-filter-buttons="true"`) {
			sheet, _, _ := strings.Cut(strings.ReplaceAll(addr[1], "&apos;", "'"), ".")
			filtered[strings.Trim(sheet, "'")] = true
		}
	}
	for _, sheet := range append(tables, "Summary") {
		if !filtered[sheet] {
			t.Errorf("%s has no filter in LibreOffice (filters on %v)", sheet, filtered)
		}
	}
	// Print set-up, as LibreOffice writes it back.
	saved := filepath.Join(out, "testshire.xlsx")
	titles := map[string]string{}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
		Names []struct {
			Name  string `xml:"name,attr"`
			Local int    `xml:"localSheetId,attr"`
			Ref   string `xml:",chardata"`
		} `xml:"definedNames>definedName"`
	}
	if err := xml.Unmarshal([]byte(zipText(t, saved, "xl/workbook.xml")), &wb); err != nil {
		t.Fatal(err)
	}
	for _, d := range wb.Names {
		if d.Name == "_xlnm.Print_Titles" && d.Local < len(wb.Sheets) {
			titles[wb.Sheets[d.Local].Name] = d.Ref
		}
	}
	var rels struct {
		R []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	xml.Unmarshal([]byte(zipText(t, saved, "xl/_rels/workbook.xml.rels")), &rels)
	target := map[string]string{}
	for _, r := range rels.R {
		target[r.ID] = "xl/" + strings.TrimPrefix(r.Target, "/xl/")
	}
	wide := map[string]bool{"Changes": true}
	landscape := map[string]bool{"Summary": true, "Compliance items": true, "Evidence": true, "Schools": true, "Compliance": true}
	for _, s := range wb.Sheets {
		ws := zipText(t, saved, target[s.ID])
		setup := regexp.MustCompile(`<pageSetup [^>]*>`).FindString(ws)
		for _, want := range []string{`paperSize="9"`, `fitToHeight="0"`} {
			if !strings.Contains(setup, want) {
				t.Errorf("%s prints without %s: %s", s.Name, want, setup)
			}
		}
		// One page across, or (a table too wide to read on one) a few pages
		// across with its first column repeated on each.
		across := regexp.MustCompile(`fitToWidth="(\d+)"`).FindStringSubmatch(setup)
		if across == nil {
			t.Errorf("%s is not fitted to a width: %s", s.Name, setup)
		} else if n, _ := strconv.Atoi(across[1]); n < 1 || n > 3 {
			t.Errorf("%s prints %d pages across", s.Name, n)
		} else if n > 1 && !strings.Contains(titles[s.Name], "$A:$A") {
			t.Errorf("%s prints %d pages across without repeating its first column: %q", s.Name, n, titles[s.Name])
		}
		if wide[s.Name] && (across == nil || across[1] == "1") {
			t.Errorf("%s, a wide table, is squeezed onto one page across: %s", s.Name, setup)
		}
		if landscape[s.Name] && !strings.Contains(setup, `orientation="landscape"`) {
			t.Errorf("%s is not printed landscape: %s", s.Name, setup)
		}
		if (s.Name == "Cover" || s.Name == "Method") && !strings.Contains(setup, `orientation="portrait"`) {
			t.Errorf("%s is not printed upright: %s", s.Name, setup)
		}
		if s.Name == "Cover" {
			// The personal-data line wraps to three lines: its row is that tall.
			row := regexp.MustCompile(`<row r="4"[^>]*>`).FindString(ws)
			ht := regexp.MustCompile(`ht="([0-9.]+)"`).FindStringSubmatch(row)
			if ht == nil {
				t.Errorf("Cover row 4 has no height: %s", row)
			} else if h, _ := strconv.ParseFloat(ht[1], 64); h < 30 {
				t.Errorf("Cover row 4 is %s points high: its wrapped text would print over the next row", ht[1])
			}
		}
	}
	for _, sheet := range tables {
		if !strings.HasSuffix(titles[sheet], "$1:$1") {
			t.Errorf("%s does not repeat its header row when printed: %q", sheet, titles[sheet])
		}
	}
}

// zipText is one file of a zip archive (an xlsx or ods) as text.
func zipText(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", path, name)
	return ""
}
