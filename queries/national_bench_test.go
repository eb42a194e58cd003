package queries

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// nationalStore builds a synthetic national store: 22,000 schools in 150 LAs over
// five years, a report for four schools in five with the facts real reports give
// (a SENCO, time, needs and areas, statutory items, sometimes provision), SEN
// statistics and primary-need counts for every school, Local Offer services.
const nationalStore = `
INSERT INTO schools (urn, name, la_code, la_name, phase, sen_provision_types, resourced_provision_type, resourced_provision_capacity, imported_at)
SELECT 100000 + i, 'School ' || i, CAST(800 + i % 150 AS VARCHAR), 'LA ' || (800 + i % 150),
       CASE WHEN i % 20 < 15 THEN 'Primary' WHEN i % 20 < 18 THEN 'Secondary' ELSE 'Not applicable' END,
       CASE WHEN i % 20 = 7 THEN 'ASD' WHEN i % 40 = 9 THEN 'SEMH' END,
       CASE WHEN i % 20 = 7 OR i % 40 = 9 THEN 'Resourced provision' END,
       CASE WHEN i % 20 = 7 OR i % 40 = 9 THEN 8 + i % 10 END, now()
FROM range(22000) t(i);
INSERT INTO crawl_runs (run_id, academic_year, started_at, status)
SELECT y + 1, printf('%d/%02d', 2021 + y, (22 + y) % 100), now(), 'done' FROM range(5) t(y);
INSERT INTO run_sites (run_id, urn, status, finished_at) SELECT y + 1, 100000 + i, 'found', now() FROM range(5) a(y), range(22000) b(i);
INSERT INTO documents (doc_id, run_id, urn, la_code, academic_year, url, final_url, format, doc_type, doc_type_confidence, stated_year, sha256, fetched_at, text, extractor_version, extracted_at)
SELECT y * 100000 + i, y + 1, 100000 + i, CAST(800 + i % 150 AS VARCHAR), printf('%d/%02d', 2021 + y, (22 + y) % 100), 'u', 'u', 'html',
       CASE WHEN i % 5 = 0 THEN 'other' ELSE 'sen_information_report' END, 0.9,
       CASE WHEN i % 3 = 0 THEN printf('%d/%02d', 2020 + y, (21 + y) % 100) ELSE printf('%d/%02d', 2021 + y, (22 + y) % 100) END,
       CASE WHEN i % 4 = 0 THEN 'same' || i ELSE md5(i || '-' || y) END, now(),
       'our school welcomes pupils with special educational needs and the senco works with parents ' ||
       CASE WHEN i % 7 = 0 THEN 'following the trust template for every academy in the trust network ' ELSE 'school ' || i || ' year ' || y || ' has its own words ' || md5(CAST(i AS VARCHAR)) END,
       't', now()
FROM range(5) a(y), range(22000) b(i);
INSERT INTO facts (doc_id, field, value, value_num, evidence, evidence_start, evidence_end, confidence, extractor_version)
SELECT d.doc_id, f.field, f.value, f.num, 'evidence', 0, 8, 0.8, 't'
FROM documents d,
     (VALUES ('senco.name', 'Mrs A', NULL), ('senco.days_per_week', NULL, 2.0), ('need.type', 'ASD', NULL), ('need.type', 'SEMH', NULL),
             ('need.type', 'SLCN', NULL), ('need.area', 'semh', NULL), ('need.area', 'cognition_learning', NULL),
             ('statutory.item', 'S1.01', NULL), ('statutory.item', 'S1.09', NULL), ('statutory.item', 'S1.13', NULL),
             ('statutory.item', 'S1.04', NULL), ('senco.qualification', 'NASENCO', NULL), ('provision.specialist', 'resourced_provision:ASD', 10.0),
             ('stats.sen_count', NULL, 40.0)) f(field, value, num)
WHERE d.doc_type <> 'other' AND (f.field <> 'provision.specialist' OR d.doc_id % 10 = 7);
INSERT INTO sen_stats SELECT 100000 + i, printf('%d/%02d', 2021 + y, (22 + y) % 100), 300 + i % 700, CASE WHEN i % 50 = 0 THEN NULL ELSE 30 + i % 40 END, 5 + i % 15, 'f', now()
FROM range(5) a(y), range(22000) b(i);
INSERT INTO sen_need SELECT 100000 + i, printf('%d/%02d', 2021 + y, (22 + y) % 100), p, n, CASE WHEN (i + y) % 30 = 0 THEN NULL ELSE 1 + (i + y) % 9 END, 'f', now()
FROM range(5) a(y), range(22000) b(i), (VALUES ('ehc_plan'), ('sen_support')) c(p), (VALUES ('ASD'), ('SEMH'), ('SLCN'), ('MLD'), ('SpLD')) d(n);
INSERT INTO authorities SELECT CAST(800 + l AS VARCHAR), 'LA ' || (800 + l), 'http://lo.example/', NULL, 'f', now() FROM range(150) t(l);
INSERT INTO run_authorities SELECT y + 1, CAST(800 + l AS VARCHAR), 'found', NULL, 100, 60, now() FROM range(5) a(y), range(150) b(l);
INSERT INTO services (run_id, la_code, academic_year, service_id, name, categories, age_min, age_max, need_types, source, fetched_at)
SELECT y + 1, CAST(800 + l AS VARCHAR), printf('%d/%02d', 2021 + y, (22 + y) % 100), 's' || k, 'Service ' || k, 'Education;Health',
       k % 10, 10 + k % 16, CASE k % 4 WHEN 0 THEN 'ASD' WHEN 1 THEN 'SEMH;ASD' WHEN 2 THEN 'SLCN' END, 'html', now()
FROM range(5) a(y), range(150) b(l), range(60) c(k);
`

// BenchmarkAnalysesNational times every named analysis on the national store,
// for one year and one LA as a user would ask. Run:
//
//	go test ./queries -run '^$' -bench AnalysesNational -benchtime 1x
func BenchmarkAnalysesNational(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "national.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	if _, err := s.db.Exec(nationalStore); err != nil {
		b.Fatal(err)
	}
	// SENDSCOPE_BENCH_LONG_TEXT=1 gives the latest year's reports about 600 more
	// words each in 50 sentences (a trust template in one report in seven), the
	// length of a short real report, for template_reuse.
	if os.Getenv("SENDSCOPE_BENCH_LONG_TEXT") != "" {
		if _, err := s.db.Exec(`UPDATE documents SET text = text || '. ' || (
			SELECT string_agg(CASE WHEN doc_id % 7 = 0 AND k < 300 THEN 'trust' || (k % 97) ELSE substr(md5(doc_id || '-' || k), 1, 6) END
			                  || CASE WHEN k % 12 = 11 THEN '.' ELSE '' END, ' ')
			FROM range(600) t(k)) WHERE academic_year = '2025/26'`); err != nil {
			b.Fatal(err)
		}
	}
	// Extraction stores each document's sentence hashes (analysis.FingerprintOf);
	// the same here in SQL: sentences ending at . ! ?, in lower case without
	// punctuation, hashed, the lowest bit marking 30 characters or more.
	if _, err := s.db.Exec(`UPDATE documents SET text_fingerprint = md5(text), sentence_hashes = list_sort(list_distinct(
		list_transform(list_filter(list_transform(string_split_regex(lower(text), '[.!?]+'), x -> trim(regexp_replace(x, '[^a-z0-9 ]+', '', 'g'))), x -> x <> ''),
		x -> ((hash(x) >> 1) << 1) | CASE WHEN length(x) >= 30 THEN 1 ELSE 0 END)))`); err != nil {
		b.Fatal(err)
	}
	var docs, facts int
	s.db.QueryRow(`SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM facts)`).Scan(&docs, &facts)
	fmt.Printf("national store: 22,000 schools x 5 years, %d documents, %d facts, built in %s\n", docs, facts, time.Since(start).Round(time.Millisecond))
	for _, a := range Analyses() {
		for _, p := range []struct {
			label string
			p     Params
		}{{"year", Params{Year: "2025/26"}}, {"year+LA", Params{Year: "2025/26", LA: "850"}}, {"one school", Params{Year: "2025/26", URN: 100050}}} {
			b.Run(a.Name+"/"+p.label, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					t0 := time.Now()
					rows, err := s.Run(ctx, a, p.p)
					if err != nil {
						b.Fatal(err)
					}
					n := 0
					for rows.Next() {
						n++
					}
					rows.Close()
					b.ReportMetric(float64(n), "rows")
					b.ReportMetric(time.Since(t0).Seconds(), "s")
				}
			})
		}
	}
}
