package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/simarea"
)

// TestLocalOffersLoadIntoServices crawls an LA's Local Offer website (categories,
// a paginated A to Z, a page per service) and another LA's ORUK feed (paged list
// of outlines, a full record per service), and checks services against the truth.
func TestLocalOffersLoadIntoServices(t *testing.T) {
	t.Parallel()
	area, db := localOfferArea(t)
	if code, stderr := loCrawled.code, loCrawled.stderr; code != 0 || !strings.Contains(stderr, "Local Offers: 2 LAs, 24 services") {
		t.Fatalf("crawl: exit %d\n%s", code, stderr)
	}
	s := openStore(t, db)
	for _, la := range []struct{ code, source string }{{"998", "html"}, {"997", "oruk+html"}} {
		truth := map[string]simarea.LOService{}
		for _, sv := range area.LocalOfferServices(la.code) {
			truth[sv.Name] = sv
		}
		rows, err := s.Query(`SELECT name, age_min, age_max, coalesce(need_types, ''), cost, has_phone, has_email, source, categories
			FROM services WHERE la_code = ?`, la.code)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var name, needs, cost, source, cats string
			var lo, hi int
			var phone, email bool
			rows.Scan(&name, &lo, &hi, &needs, &cost, &phone, &email, &source, &cats)
			want, ok := truth[name]
			if !ok {
				t.Errorf("%s: unknown service %q", la.code, name)
				continue
			}
			n++
			wantNeeds := append([]string(nil), want.Needs...)
			sort.Strings(wantNeeds)
			if lo != want.AgeMin || hi != want.AgeMax || needs != strings.Join(wantNeeds, ";") || phone != want.Phone || email != want.Email ||
				source != la.source || (want.Free != (cost == "free")) || cats != want.Category {
				t.Errorf("%s %q: ages %d-%d needs %q cost %q phone %v email %v source %s category %q; want %+v",
					la.code, name, lo, hi, needs, cost, phone, email, source, cats, want)
			}
		}
		rows.Close()
		if n != len(truth) {
			t.Errorf("%s: %d services stored, want %d", la.code, n, len(truth))
		}
	}
	var offSite int
	s.QueryRow(`SELECT count(*) FROM fetches WHERE la_code = '998' AND (url LIKE '%council-tax%' OR url LIKE '%/bins/%')`).Scan(&offSite)
	if offSite != 0 {
		t.Errorf("%d requests outside the Local Offer's part of the council site", offSite)
	}
}

func TestAuthoritiesImportErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.duckdb")
	cases := map[string]string{
		"la_code,la_name,local_offer_url\n88,Kent,https://x.example/\n": "line 2: la_code \"88\"",
		"886,Kent,ftp://x.example/\n":                                   "line 1: \"ftp://x.example/\" is not a web address",
		"886,Kent\n":                                                    "line 1: expected la_code,la_name,local_offer_url",
		"886,Kent,https://kent.example/\n886,Kent again,https://kent.example/\n":                              "line 2: LA 886 already on line 1",
		"886,,https://kent.example/\n":                                                                        "line 1: la_name is empty",
		"la_code,la_name,local_offer_url,oruk_api_url\n886,Kent,https://kent.example/,https://api.example/\n": "",
	}
	for content, want := range cases {
		path := filepath.Join(dir, "las.csv")
		os.WriteFile(path, []byte(content), 0o644)
		code, _, stderr := sendscope(t, context.Background(), "--db", db, "authorities", "import", path)
		if want == "" {
			if code != 0 || !strings.Contains(stderr, "1 with an ORUK feed") {
				t.Errorf("good file: exit %d %s", code, stderr)
			}
			continue
		}
		if code != exitFailed || !strings.Contains(stderr, want) || !strings.Contains(stderr, path) {
			t.Errorf("%q: exit %d, %q; want %q", content, code, stderr, want)
		}
	}
}

// Re-extraction leaves Local Offer pages and their services as the crawl read them.
// TestExtractRereadsLocalOfferPages: extract reads the Local Offer pages again
// (an HTML site and an ORUK feed): service records an older extractor got wrong
// or missed are read afresh, and nothing is doubled.
func TestExtractRereadsLocalOfferPages(t *testing.T) {
	t.Parallel()
	_, shared := localOfferArea(t)
	if loCrawled.code != 0 {
		t.Fatalf("crawl: %s", loCrawled.stderr)
	}
	db, ctx := copyStore(t, shared), context.Background()
	snapshot := func() string {
		st, err := queries.OpenReadOnly(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		s := st.DB()
		var out string
		s.QueryRow(`SELECT string_agg(concat_ws('|', run_id, la_code, service_id, name, coalesce(need_types, '-'), coalesce(categories, '-'),
			coalesce(CAST(age_min AS VARCHAR), '-'), source), '\n' ORDER BY la_code, service_id) FROM services`).Scan(&out)
		var docs int
		s.QueryRow(`SELECT count(*) FROM documents WHERE doc_type LIKE 'local_offer%'`).Scan(&docs)
		return fmt.Sprintf("%d documents\n%s", docs, out)
	}
	before := snapshot()
	if !strings.Contains(before, "|998|") || !strings.Contains(before, "|997|") {
		t.Fatalf("both LAs' services expected:\n%s", before)
	}
	// What an older extractor might have left: wrong needs, a service missed.
	st, err := queries.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`UPDATE services SET need_types = NULL, name = 'stale'`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.DB().Exec(`DELETE FROM services WHERE service_id IN (SELECT min(service_id) FROM services GROUP BY la_code)`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, stderr := sendscope(t, ctx, "--db", db, "extract")
	if code != 0 || !strings.Contains(stderr, "Local Offer services") {
		t.Fatalf("extract: %s", stderr)
	}
	if after := snapshot(); after != before {
		t.Errorf("services after extract:\n%s\nwant, as the crawl read them:\n%s", after, before)
	}
}

// TestLocalOfferRecrawlAsksConditionally: a second crawl of the year asks for the
// Local Offers' record pages (website and ORUK feed) with the validators the
// first kept, gets 304 for them, and still holds every service.
func TestLocalOfferRecrawlAsksConditionally(t *testing.T) {
	t.Parallel()
	// Run 1 is the shared crawl, in a copy of its store; run 2 the same command again.
	_, shared := localOfferArea(t)
	if loCrawled.code != 0 {
		t.Fatalf("crawl 1: exit %d\n%s", loCrawled.code, loCrawled.stderr)
	}
	db, ctx := copyStore(t, shared), context.Background()
	if code, _, stderr := sendscope(t, ctx, "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0", "--local-offer", "--urn", "990100"); code != 0 {
		t.Fatalf("crawl 2: exit %d\n%s", code, stderr)
	}
	s := openStore(t, db)
	// 998 is a Local Offer website, 997 an ORUK feed.
	for _, la := range []string{"998", "997"} {
		var notModified, services [2]int
		for i := range notModified {
			s.QueryRow(`SELECT count(*) FROM fetches WHERE run_id = ? AND la_code = ? AND urn IS NULL AND status = 304`, i+1, la).Scan(&notModified[i])
			s.QueryRow(`SELECT count(*) FROM services WHERE run_id = ? AND la_code = ?`, i+1, la).Scan(&services[i])
		}
		if notModified[0] != 0 || notModified[1] < 5 {
			t.Errorf("LA %s: 304 answers per run: %v; the second run should get them for the record pages", la, notModified)
		}
		if services[0] == 0 || services[0] != services[1] {
			t.Errorf("LA %s: services per run: %v", la, services)
		}
	}
}

// TestLocalOfferOnly: with the LAs imported and no school register, crawl
// --local-offer crawls the Local Offers alone and says so; the LA with both a
// feed and a directory site has each service once (joined by the feed's id or
// by name), its information pages are kept, and the required content is
// assessed per LA with its evidence.
func TestLocalOfferOnly(t *testing.T) {
	t.Parallel()
	area, err := simarea.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(area.Close)
	dir := t.TempDir()
	db, las := filepath.Join(dir, "lo.duckdb"), filepath.Join(dir, "las.csv")
	os.WriteFile(las, area.AuthoritiesCSV(), 0o644)
	ctx := context.Background()
	if code, _, stderr := sendscope(t, ctx, "--db", db, "authorities", "import", las); code != 0 {
		t.Fatal(stderr)
	}
	// Without --local-offer there is nothing to crawl.
	if code, _, stderr := sendscope(t, ctx, "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0"); code == 0 || !strings.Contains(stderr, "no schools in scope") {
		t.Fatalf("crawl without schools: exit %d %s", code, stderr)
	}
	// An LA neither imported nor in the register: nothing in scope.
	if code, _, stderr := sendscope(t, ctx, "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--local-offer", "--la", "123"); code == 0 ||
		!strings.Contains(stderr, "no schools and no local authorities in scope") {
		t.Fatalf("crawl --la 123: exit %d %s", code, stderr)
	}
	code, _, stderr := sendscope(t, ctx, "--db", db, "crawl", "--year", "2025/26", "--allow-private", "--delay", "0", "--local-offer")
	if code != 0 || !strings.Contains(stderr, "no schools in scope: crawling the Local Offers of 2 LAs only") ||
		!strings.Contains(stderr, "Local Offers only (no schools in scope)") || !strings.Contains(stderr, "Local Offers: 2 LAs, 24 services") ||
		!strings.Contains(stderr, "997 Exampleton: found (feed and site)") {
		t.Fatalf("crawl: exit %d\n%s", code, stderr)
	}
	s := openStore(t, db)
	for _, c := range []struct{ query, want string }{
		// Each service once per LA, whatever its source.
		{`SELECT string_agg(la_code || ':' || source || ':' || n, ' ' ORDER BY la_code) FROM (SELECT la_code, source, count(*) n, count(DISTINCT lower(name)) d FROM services GROUP BY ALL HAVING n = d)`,
			"997:oruk+html:12 998:html:12"},
		// The directory's records: odd ones joined by the feed's id, even ones by name.
		{`SELECT count(*) FILTER (WHERE page_url LIKE '%service.page?id=997-%') || '/' || count(*) FILTER (WHERE page_url LIKE '%service.page?id=dir%') FROM services WHERE la_code = '997'`, "6/6"},
		// Page kinds of both platforms, titles from the content.
		{`SELECT string_agg(DISTINCT doc_type, ',' ORDER BY doc_type) FROM documents WHERE la_code = '997'`,
			"local_offer_information,local_offer_listing,local_offer_other,local_offer_service"},
		// An annual report is neither a service nor guidance.
		{`SELECT string_agg(title, '|') FROM documents WHERE la_code = '997' AND doc_type = 'local_offer_other'`, "You said, we did: Local Offer annual report"},
		{`SELECT count(*) FROM documents WHERE la_code IS NOT NULL AND (title ILIKE '%skip to%' OR title = '' OR title IS NULL) AND doc_type <> 'other'`, "0"},
		{`SELECT string_agg(title, '|' ORDER BY title) FROM documents WHERE la_code = '997' AND doc_type = 'local_offer_information'`,
			"Health services for children with SEND|Preparing for adulthood|Social care and short breaks"},
		{`SELECT count(*) FROM documents WHERE la_code = '997' AND doc_type = 'local_offer_listing' AND url LIKE '%results.page%page=2%'`, "1"},
	} {
		var got string
		if err := s.QueryRow(c.query).Scan(&got); err != nil || got != c.want {
			t.Errorf("%s\ngot %q (%v), want %q", c.query, got, err, c.want)
		}
	}
	code, out, stderr := sendscope(t, ctx, "--db", db, "query", "run", "local_offer_content", "--format", "csv")
	if code != 0 {
		t.Fatal(stderr)
	}
	missing := map[string][]string{}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range records[1:] {
		if len(f) > 6 && f[6] == "false" && strings.Contains("transport assessment_request complaints_mediation feedback_annual", f[3]) {
			missing[f[1]] = append(missing[f[1]], f[3])
		}
	}
	// Testshire publishes no feedback; Exampleton no transport, complaints or assessment pages.
	if fmt.Sprint(missing["998"]) != "[feedback_annual]" || fmt.Sprint(missing["997"]) != "[transport assessment_request complaints_mediation]" {
		t.Errorf("items not covered: %v\n%s", missing, out)
	}
}
