package reports

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sendscope/sendscope/pipeline"
	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/simarea"
)

// pdfReport is a report of ours whose lines break between a title and a
// surname, as a narrow PDF column does, and names one person several ways.
const pdfReport = `Oakfield Primary School SEN Information Report 2025/26
Our SENCO is Mrs Julie Strogen.
The SENCO, Mrs
Strogen, works three days a week.
Parents can speak to Mrs J. Strogen at any time.
Our SEN governor is Mr Daniel Okafor. The governor, Mr
Okafor, visits each term to review support for pupils with autism.
Pupils with speech and language needs are supported by Mrs
Strogen and a therapist.
MRS STROGEN holds the NASENCO award and J.A. Strogen reviews provision each term.
Strogen and Okafor meet every half term to review pupils with dyslexia.
`

var leakRe = regexp.MustCompile(`(?i)strogen|okafor|julie|daniel`)

// TestExportPseudonymisesPDFText makes a PDF with LibreOffice from a document of
// ours, reads it as a crawl would, stores it, exports it in every format, and
// checks that no form of either name survives in any cell of any file, and that
// every mention of a person carries that person's one token.
func TestExportPseudonymisesPDFText(t *testing.T) {
	dir := t.TempDir()
	pdf, err := simarea.LibreOfficePDF(dir, "report.txt", []byte(pdfReport))
	if errors.Is(err, simarea.ErrNoLibreOffice) {
		t.Skip("needs LibreOffice (soffice) to make the PDF; .ci/run installs it")
	}
	if err != nil {
		t.Fatal(err)
	}
	doc := pipeline.Analyse(pdf, "application/pdf", "https://oakfield.example.sch.uk/send/report.pdf", "SEN Information Report")
	if doc.Format != "pdf" || doc.ExtractError != "" {
		t.Fatalf("the PDF was not read: %s %s", doc.Format, doc.ExtractError)
	}
	// The case this test is for: the stored text breaks the line after the title.
	if !regexp.MustCompile(`Mr[ \t]*\n[ \t]*Okafor`).MatchString(doc.Text) {
		t.Fatalf("the PDF's text has no line break between title and surname:\n%s", doc.Text)
	}

	ctx := context.Background()
	store, err := queries.Open(ctx, filepath.Join(dir, "p.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if _, err := store.ImportSchools(ctx, []queries.School{{URN: 1, Name: "Oakfield Primary School", LACode: "998", LAName: "Testshire"}}, "r.csv"); err != nil {
		t.Fatal(err)
	}
	run, _ := store.StartRun(ctx, "2025/26", "ua", "{}")
	err = store.SaveSite(ctx, queries.SiteResult{RunID: run.ID, URN: 1, Status: "found", Captures: []queries.Capture{{
		URL: "https://oakfield.example.sch.uk/send/report.pdf", FinalURL: "https://oakfield.example.sch.uk/send/report.pdf",
		Status: 200, SHA256: "00", Body: pdf, ContentType: "application/pdf", Document: doc}}})
	if err != nil {
		t.Fatal(err)
	}
	personal, err := store.PersonalValues(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for v, f := range personal {
		if strings.HasSuffix(f, ".name") {
			names = append(names, v)
		}
	}
	sort.Strings(names)
	if len(names) < 2 {
		t.Fatalf("the extractor found %v as names; the test needs the SENCO's and the governor's", names)
	}
	red, err := storeRedactor(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	julie, okafor := red.Text("Mrs Julie Strogen"), red.Text("Mr Daniel Okafor")

	for _, format := range []string{"csv", "parquet", "xlsx"} {
		out := filepath.Join(dir, format)
		if _, err := Export(ctx, store, ExportOptions{Dir: out, Year: "2025/26", Format: format}); err != nil {
			t.Fatal(err)
		}
		cells := exportCells(t, out, format)
		if len(cells["facts"]) == 0 || len(cells["documents"]) == 0 {
			t.Fatalf("%s: nothing read back: %d tables", format, len(cells))
		}
		for table, vals := range cells {
			for _, v := range vals {
				if m := leakRe.FindString(v); m != "" {
					t.Errorf("%s %s: %q survives in %q", format, table, m, v)
				}
			}
		}
		// One token per person, in the text, the evidence and the values.
		tokens := map[string]bool{}
		for _, table := range []string{"documents", "facts", "school_years"} {
			for _, v := range cells[table] {
				for _, tok := range tokenRe.FindAllString(v, -1) {
					tokens[tok] = true
				}
			}
		}
		if !tokens[julie] || !tokens[okafor] || len(tokens) != 2 {
			t.Errorf("%s: person tokens %v; want only %s (Strogen) and %s (Okafor)", format, tokens, julie, okafor)
		}
	}

	// The check can fail: kept as published, the names are there.
	keep := filepath.Join(dir, "kept")
	if _, err := Export(ctx, store, ExportOptions{Dir: keep, Year: "2025/26", Format: "csv", IncludePersonal: true}); err != nil {
		t.Fatal(err)
	}
	kept := strings.Join(exportCells(t, keep, "csv")["facts"], " ")
	if !leakRe.MatchString(kept) {
		t.Error("the names are not in an export that keeps them: the leak check sees nothing")
	}
	// And the exported evidence did hold each name broken across a line.
	for _, name := range []string{"Mrs", "Mr"} {
		if !regexp.MustCompile(name + `[ \t]*\n[ \t]*(Strogen|Okafor)`).MatchString(kept) {
			t.Errorf("no exported evidence breaks the line between %q and a surname:\n%s", name, kept)
		}
	}
}

// exportCells reads back every text cell of an export, by table.
func exportCells(t *testing.T, dir, format string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	switch format {
	case "csv", "parquet":
		files, _ := filepath.Glob(filepath.Join(dir, "*."+format))
		if format == "parquet" { // the partitioned tables: a folder each, read as one
			for _, t := range ExportTables() {
				if len(t.Partition) > 0 {
					files = append(files, filepath.Join(dir, t.File, "**", "*.parquet"))
				}
			}
		}
		db, err := sql.Open("duckdb", "")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, path := range files {
			table := strings.TrimSuffix(filepath.Base(path), "."+format)
			if strings.Contains(path, "**") {
				table = filepath.Base(filepath.Dir(filepath.Dir(path)))
			}
			if format == "csv" {
				f, _ := os.Open(path)
				recs, err := csv.NewReader(f).ReadAll()
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				for _, r := range recs {
					out[table] = append(out[table], r...)
				}
				continue
			}
			rows, err := db.Query(`SELECT * FROM read_parquet('` + path + `', hive_partitioning = true)`)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				for _, v := range vals {
					s, _ := cellText(v)
					out[table] = append(out[table], s)
				}
			}
			rows.Close()
		}
	case "xlsx":
		f, err := excelize.OpenFile(filepath.Join(dir, "sendscope-export.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, sh := range f.GetSheetList() {
			rows, _ := f.GetRows(sh)
			for _, r := range rows {
				out[sh] = append(out[sh], r...)
			}
		}
	}
	return out
}
