package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// TestCrawlThroughCouncilProxy runs the command as a council's machine would:
// every host (schools on *.sch.uk, file platforms, Google Drive and Docs, a
// trust's site) reached only through an intercepting proxy whose CA is given
// with --ca-file, no --allow-private. Each school whose report a polite crawler
// may fetch has it found, and the export says where each document came from.
func TestCrawlThroughCouncilProxy(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	p, err := simarea.StartProxy()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	area := simarea.NewOffHost(p, 1)
	dir := t.TempDir()
	db, reg, ca := filepath.Join(dir, "s.duckdb"), filepath.Join(dir, "register.csv"), filepath.Join(dir, "gateway-ca.pem")
	os.WriteFile(reg, area.RegisterCSV(), 0o644)
	p.WriteCA(ca)
	if code, _, stderr := sendscope(t, ctx, "--db", db, "register", "import", reg); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	if code, _, stderr := sendscope(t, ctx, "--db", db, "crawl", "--year", "2025/26", "--delay", "0", "--proxy", p.URL, "--ca-file", ca); code != 0 {
		t.Fatalf("crawl exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "export")
	if code, _, stderr := sendscope(t, ctx, "--db", db, "export", "--year", "2025/26", "--format", "csv", "-o", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	years := readCSV(t, filepath.Join(out, "school_years.csv"))
	col := func(h []string, name string) int {
		for i, c := range h {
			if c == name {
				return i
			}
		}
		t.Fatalf("no column %s in %v", name, h)
		return -1
	}
	outcome, urn := col(years[0], "outcome"), col(years[0], "urn")
	found := 0
	want := 0
	for i, s := range area.Schools {
		if s.Report == "" {
			continue
		}
		want++
		for _, r := range years[1:] {
			if r[urn] == itoa(area.Profiles[i].URN) && r[outcome] == "found" {
				found++
			}
		}
	}
	if found != want {
		t.Errorf("reports found for %d of %d schools through the proxy", found, want)
	}
	docs := readCSV(t, filepath.Join(out, "documents.csv"))
	platform, off, link, from := col(docs[0], "platform"), col(docs[0], "off_site"), col(docs[0], "link_url"), col(docs[0], "linked_from")
	seen := map[string]bool{}
	for _, r := range docs[1:] {
		seen[r[platform]] = true
		if r[platform] == "google_drive" && (!strings.Contains(r[link], "/file/d/") || r[off] != "true" || r[from] == "") {
			t.Errorf("a Drive document without its provenance: link %q, off_site %q, from %q", r[link], r[off], r[from])
		}
	}
	for _, want := range []string{"schudio", "primarysite", "wix", "squarespace", "google_drive", "google_docs", "pdfjs", "google_docs_viewer"} {
		if !seen[want] {
			t.Errorf("no document from %s in the export", want)
		}
	}
	fetches := readCSV(t, filepath.Join(out, "fetches.csv"))
	furl := col(fetches[0], "url")
	for _, r := range fetches[1:] {
		if strings.Contains(r[furl], "/private/") && r[col(fetches[0], "skipped")] != "robots" {
			t.Errorf("%s requested, which the platform's robots.txt forbids", r[furl])
		}
	}
}
