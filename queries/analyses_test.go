package queries

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// handBuilt is a small store whose answers were worked out by hand: two LAs,
// four schools, two years, and a re-crawl of 2025/26 that reached school 1 only.
const handBuilt = `
INSERT INTO schools (urn, name, la_code, la_name, phase, sen_provision_types, resourced_provision_type, resourced_provision_capacity, sen_unit_capacity, imported_at) VALUES
 (1, 'One Primary', '900', 'Alpha', 'Primary', 'ASD', 'Resourced provision', 10, NULL, now()),
 (2, 'Two Primary', '900', 'Alpha', 'Primary', NULL, NULL, NULL, NULL, now()),
 (3, 'Three High', '900', 'Alpha', 'Secondary', NULL, NULL, NULL, NULL, now()),
 (4, 'Four Primary', '901', 'Beta', 'Primary', 'SEMH', 'SEN unit', NULL, 6, now());
INSERT INTO crawl_runs (run_id, academic_year, started_at, status) VALUES (1, '2024/25', now(), 'done'), (2, '2025/26', now(), 'done'), (3, '2025/26', now(), 'done');
INSERT INTO run_sites (run_id, urn, status, finished_at) VALUES
 (1, 1, 'found', now()), (1, 2, 'not_found', now()), (1, 3, 'not_found', now()), (1, 4, 'found', now()),
 (2, 1, 'found', now()), (2, 2, 'found', now()), (2, 3, 'found', now()), (2, 4, 'found', now()),
 (3, 1, 'found', now());
INSERT INTO documents (doc_id, run_id, urn, la_code, academic_year, url, final_url, format, doc_type, doc_type_confidence, stated_year, sha256, fetched_at, extractor_version, extracted_at) VALUES
 (10, 1, 1, '900', '2024/25', 'u10', 'u10', 'html', 'sen_information_report', 0.9, '2024/25', 'a', now(), 't', now()),
 (11, 2, 1, '900', '2025/26', 'u11', 'u11', 'html', 'sen_information_report', 0.9, '2024/25', 'a', now(), 't', now()),
 (12, 3, 1, '900', '2025/26', 'u12', 'u12', 'pdf', 'sen_information_report', 0.9, '2025/26', 'b', now(), 't', now()),
 (13, 2, 2, '900', '2025/26', 'u13', 'u13', 'html', 'sen_information_report', 0.8, NULL, 'c', now(), 't', now()),
 (14, 1, 2, '900', '2024/25', 'u14', 'u14', 'html', 'other', 0.5, NULL, 'e', now(), 't', now()),
 (15, 2, 3, '900', '2025/26', 'u15', 'u15', 'pdf', 'sen_policy', 0.9, NULL, 'f', now(), 't', now()),
 (16, 2, 4, '901', '2025/26', 'u16', 'u16', 'docx', 'sen_information_report', 0.9, '2023/24', 'd', now(), 't', now());
INSERT INTO facts (doc_id, field, value, value_num, evidence, evidence_start, evidence_end, confidence, extractor_version) VALUES
 (10, 'statutory.item', 'S1.01', NULL, 'e', 0, 1, 1, 't'), (10, 'statutory.item', 'S1.13', NULL, 'e', 0, 1, 1, 't'),
 (10, 'senco.hours_per_week', NULL, 10, 'e', 0, 1, 1, 't'), (10, 'need.type', 'ASD', NULL, 'e', 0, 1, 1, 't'),
 (10, 'senco.name', 'Mrs A', NULL, 'e', 0, 1, 1, 't'), (12, 'senco.name', 'Mr B', NULL, 'e', 0, 1, 1, 't'),
 (13, 'provision.specialist', 'sen_unit:SLCN', NULL, 'e', 0, 1, 1, 't'),
 (11, 'senco.days_per_week', NULL, 5, 'e', 0, 1, 1, 't'),
 (12, 'statutory.item', 'S1.01', NULL, 'e', 0, 1, 1, 't'), (12, 'statutory.item', 'S1.04', NULL, 'e', 0, 1, 1, 't'),
 (12, 'statutory.item', 'S1.13', NULL, 'e', 0, 1, 1, 't'), (12, 'statutory.item', 'S1.09', NULL, 'e', 0, 1, 1, 't'),
 (12, 'senco.days_per_week', NULL, 2, 'e', 0, 1, 1, 't'), (12, 'senco.qualification', 'NASENCO', NULL, 'e', 0, 1, 1, 't'),
 (12, 'senco.on_slt', 'true', NULL, 'e', 0, 1, 1, 't'), (12, 'need.type', 'ASD', NULL, 'e', 0, 1, 1, 't'),
 (12, 'provision.specialist', 'resourced_provision:ASD', 12, 'e', 0, 1, 1, 't'),
 (13, 'statutory.item', 'S1.01', NULL, 'e', 0, 1, 1, 't'), (13, 'senco.fte', NULL, 0.4, 'e', 0, 1, 1, 't'),
 (13, 'stats.sen_count', NULL, 30, 'e', 0, 1, 1, 't'), (13, 'need.type', 'SEMH', NULL, 'e', 0, 1, 1, 't'),
 (15, 'statutory.item', 'S1.05', NULL, 'e', 0, 1, 1, 't'),
 (16, 'senco.hours_per_week', NULL, 6.5, 'e', 0, 1, 1, 't'), (16, 'need.type', 'SEMH', NULL, 'e', 0, 1, 1, 't'),
 (16, 'statutory.item', 'S1.01', NULL, 'e', 0, 1, 1, 't'), (16, 'statutory.item', 'S1.09', NULL, 'e', 0, 1, 1, 't');
INSERT INTO sen_stats VALUES
 (1, '2025/26', 400, 40, 12, 'f', now()), (1, '2024/25', 390, 30, 10, 'f', now()),
 (2, '2025/26', 300, NULL, 5, 'f', now()), (4, '2025/26', 200, 20, 6, 'f', now());
UPDATE documents SET text = 'Our school is an inclusive school where every child matters and we work with parents to meet the needs of every pupil with special educational needs' WHERE doc_id IN (12, 13);
UPDATE documents SET text = 'At Four Primary the SENCO leads a small team that plans support for pupils with social emotional and mental health needs' WHERE doc_id = 16;
-- Fingerprints as extraction gives them (see analysis.FingerprintOf): every document its own
-- words, but 12 and 13 the same (odd hashes are sentences of 30 characters or more).
UPDATE documents SET text_fingerprint = printf('%016x', doc_id), sentence_hashes = [doc_id * 2 + 1];
UPDATE documents SET text_fingerprint = 'f12', sentence_hashes = [101, 203, 305] WHERE doc_id IN (12, 13);
UPDATE documents SET sentence_hashes = [407, 509, 610] WHERE doc_id = 16;
INSERT INTO authorities VALUES ('900', 'Alpha', 'http://lo.example/', NULL, 'f', now());
INSERT INTO run_authorities VALUES (2, '900', 'found', NULL, 3, 3, now());
INSERT INTO services (run_id, la_code, academic_year, service_id, name, categories, age_min, age_max, need_types, source, fetched_at) VALUES
 (2, '900', '2025/26', 's1', 'Autism outreach', 'Education', 4, 16, 'ASD', 'html', now()),
 (2, '900', '2025/26', 's2', 'Family support', 'Health;Advice', NULL, NULL, 'ASD;SEMH', 'html', now()),
 (2, '900', '2025/26', 's3', 'Bus passes', 'Transport', 5, 18, NULL, 'html', now());
INSERT INTO sen_need VALUES
 (1, '2025/26', 'ehc_plan', 'ASD', 5, 'f', now()), (1, '2025/26', 'sen_support', 'ASD', 10, 'f', now()),
 (2, '2025/26', 'sen_support', 'ASD', NULL, 'f', now()), (2, '2025/26', 'ehc_plan', 'ASD', 3, 'f', now()),
 (4, '2025/26', 'sen_support', 'SEMH', 8, 'f', now()), (4, '2025/26', 'ehc_plan', 'SEMH', 4, 'f', now()),
 (1, '2025/26', 'sen_support', 'SEMH', 4, 'f', now()),
 (1, '2024/25', 'ehc_plan', 'ASD', 4, 'f', now()), (1, '2024/25', 'sen_support', 'ASD', 8, 'f', now()),
 (4, '2024/25', 'sen_support', 'SEMH', 8, 'f', now()), (4, '2024/25', 'ehc_plan', 'SEMH', 4, 'f', now());
`

func handBuiltStore(t *testing.T) *Store {
	t.Helper()
	s, _ := newStore(t)
	if _, err := s.db.Exec(handBuilt); err != nil {
		t.Fatal(err)
	}
	return s
}

// rowsOf runs a named analysis and renders each row as "col=value ..." for the
// columns asked for.
func rowsOf(t *testing.T, s *Store, name string, p Params, cols ...string) []string {
	t.Helper()
	a, ok := Lookup(name)
	if !ok {
		t.Fatalf("no analysis %s", name)
	}
	rows, err := s.Run(context.Background(), a, p)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	names, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(names))
		ptrs := make([]any, len(names))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		rows.Scan(ptrs...)
		m := map[string]any{}
		for i, n := range names {
			m[n] = vals[i]
		}
		var parts []string
		for _, c := range cols {
			v := m[c]
			switch x := v.(type) {
			case nil:
				v = "-"
			case float64:
				v = strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", x), "0"), ".")
			case sql.NullString:
				v = x.String
			}
			parts = append(parts, fmt.Sprintf("%s=%v", c, v))
		}
		out = append(out, strings.Join(parts, " "))
	}
	return out
}

func expectRows(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestStatutoryCompliance(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "statutory_compliance", Params{Year: "2025/26"},
		"urn", "report_found", "items_covered", "stale", "score", "la_schools", "la_reports_found", "la_mean_score")
	expectRows(t, got, []string{
		// School 1's latest 2025/26 run is the re-crawl: report 'b', stating this year, 4 items.
		"urn=1 report_found=true items_covered=4 stale=false score=17.4 la_schools=3 la_reports_found=2 la_mean_score=7.2",
		// No report last year and no year stated: staleness unknown.
		"urn=2 report_found=true items_covered=1 stale=- score=4.3 la_schools=3 la_reports_found=2 la_mean_score=7.2",
		// Only an SEN policy: no report, nothing covered.
		"urn=3 report_found=false items_covered=0 stale=- score=0 la_schools=3 la_reports_found=2 la_mean_score=7.2",
		// States 2023/24 in 2025/26: stale.
		"urn=4 report_found=true items_covered=2 stale=true score=8.7 la_schools=1 la_reports_found=1 la_mean_score=8.7",
	})
	missing := rowsOf(t, s, "statutory_compliance", Params{Year: "2025/26", URN: 3}, "items_missing")
	if n := strings.Count(missing[0], ";") + 1; n != 23 {
		t.Errorf("school without a report misses %d items, want all 23", n)
	}
	expectRows(t, rowsOf(t, s, "statutory_compliance", Params{Year: "2024/25", URN: 1}, "urn", "items_covered", "stale"),
		[]string{"urn=1 items_covered=2 stale=false"})
}

func TestSENCOCapacity(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "senco_capacity", Params{Year: "2025/26"}, "urn", "senco_hours_per_week", "sen_pupils",
		"sen_pupils_per_senco_hour", "senco_qualified", "senco_on_slt", "percentile_la_phase", "percentile_phase", "change_since_last_year")
	expectRows(t, got, []string{
		// 2 days x 6.5 = 13 hours (run 2's "5 days" was superseded by the re-crawl); 40 + 12 pupils; last year 10 hours.
		"urn=1 senco_hours_per_week=13 sen_pupils=52 sen_pupils_per_senco_hour=4 senco_qualified=true senco_on_slt=true percentile_la_phase=100 percentile_phase=50 change_since_last_year=3",
		// 0.4 x 32.5 = 13 hours; SEN support suppressed, so the report's 30 pupils.
		"urn=2 senco_hours_per_week=13 sen_pupils=30 sen_pupils_per_senco_hour=2.31 senco_qualified=false senco_on_slt=- percentile_la_phase=0 percentile_phase=0 change_since_last_year=-",
		"urn=3 senco_hours_per_week=- sen_pupils=- sen_pupils_per_senco_hour=- senco_qualified=false senco_on_slt=- percentile_la_phase=- percentile_phase=- change_since_last_year=-",
		"urn=4 senco_hours_per_week=6.5 sen_pupils=26 sen_pupils_per_senco_hour=4 senco_qualified=false senco_on_slt=- percentile_la_phase=0 percentile_phase=50 change_since_last_year=-",
	})
}

func TestCoverageGaps(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "coverage_gaps", Params{Year: "2025/26"}, "la_code", "need_type", "pupils_with_need", "schools_with_suppressed_counts",
		"specialist_places", "schools_stating_provision", "places_per_100_pupils", "gap_rank", "need_trend", "places_trend", "need_outgrowing_places")
	expectRows(t, got, []string{
		// 15 + 3 known (school 2's SEN support suppressed); places: the report's 12 beat the register's 10.
		"la_code=900 need_type=ASD pupils_with_need=18 schools_with_suppressed_counts=1 specialist_places=12 schools_stating_provision=1 places_per_100_pupils=66.7 gap_rank=1 need_trend=growing places_trend=growing need_outgrowing_places=true",
		// No SEMH figures for Alpha last year: no trend.
		"la_code=900 need_type=SEMH pupils_with_need=4 schools_with_suppressed_counts=0 specialist_places=0 schools_stating_provision=1 places_per_100_pupils=0 gap_rank=1 need_trend=- places_trend=- need_outgrowing_places=-",
		"la_code=901 need_type=SEMH pupils_with_need=12 schools_with_suppressed_counts=0 specialist_places=6 schools_stating_provision=1 places_per_100_pupils=50 gap_rank=2 need_trend=steady places_trend=steady need_outgrowing_places=false",
	})
	// One LA asked for keeps its rank among every LA held (it was ranked among
	// the rows returned: always 1).
	expectRows(t, rowsOf(t, s, "coverage_gaps", Params{Year: "2025/26", LA: "901"}, "level", "need_type", "gap_rank"),
		[]string{"level=la need_type=SEMH gap_rank=2"})
}

func TestChanges(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "changes", Params{Year: "2025/26"}, "urn", "previous_year", "senco_before", "senco_after", "senco_changed",
		"senco_hours_before", "senco_hours_after", "provision_added", "provision_dropped", "need_types_added", "need_types_dropped", "report_unchanged")
	expectRows(t, got, []string{
		"urn=1 previous_year=2024/25 senco_before=Mrs A senco_after=Mr B senco_changed=true senco_hours_before=10 senco_hours_after=13 provision_added=resourced_provision:ASD provision_dropped=- need_types_added=- need_types_dropped=- report_unchanged=false",
		// Last year's only page was not an SEN document: nothing to compare the report with.
		"urn=2 previous_year=2024/25 senco_before=- senco_after=- senco_changed=- senco_hours_before=- senco_hours_after=13 provision_added=sen_unit:SLCN provision_dropped=- need_types_added=SEMH need_types_dropped=- report_unchanged=-",
		"urn=3 previous_year=2024/25 senco_before=- senco_after=- senco_changed=- senco_hours_before=- senco_hours_after=- provision_added=- provision_dropped=- need_types_added=- need_types_dropped=- report_unchanged=-",
		"urn=4 previous_year=2024/25 senco_before=- senco_after=- senco_changed=- senco_hours_before=- senco_hours_after=6.5 provision_added=- provision_dropped=- need_types_added=SEMH need_types_dropped=- report_unchanged=-",
	})
	// The first year held has nothing to compare with.
	expectRows(t, rowsOf(t, s, "changes", Params{Year: "2024/25", URN: 1}, "urn", "previous_year", "provision_added"),
		[]string{"urn=1 previous_year=- provision_added=-"})
}

func TestContradictions(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "contradictions", Params{Year: "2025/26"}, "urn", "kind", "need_type", "detail")
	expectRows(t, got, []string{
		"urn=2 kind=report_claims_unregistered_provision need_type=SLCN detail=report: sen_unit for SLCN; register: no resourced provision or SEN unit",
		"urn=4 kind=registered_provision_not_in_report need_type=SEMH detail=register: SEN unit for SEMH (6 places); the report names no specialist provision for it",
	})
}

// TestContradictionsWithDfEFlags: what the DfE's statistics record a school as
// providing for, against what its report says. The flags of the DfE's latest
// year up to the crawl's count; a later year's, or a No, do not.
func TestContradictionsWithDfEFlags(t *testing.T) {
	s := handBuiltStore(t)
	if _, err := s.db.Exec(`INSERT INTO sen_school_flags VALUES
		(1, '2024/25', 'provides_for:ASD', true, 'f', now()),   -- the report names ASD: agreed
		(1, '2024/25', 'provides_for:SLCN', true, 'f', now()),  -- never named
		(1, '2023/24', 'provides_for:HI', true, 'f', now()),    -- an older year than the latest held
		(2, '2024/25', 'sen_unit', true, 'f', now()),           -- the report names an SEN unit
		(4, '2024/25', 'resourced_provision', true, 'f', now()),-- the report names no specialist provision
		(4, '2024/25', 'provides_for:VI', false, 'f', now()),
		(4, '2026/27', 'provides_for:HI', true, 'f', now())`); err != nil {
		t.Fatal(err)
	}
	got := rowsOf(t, s, "contradictions", Params{Year: "2025/26"}, "urn", "kind", "need_type", "detail")
	expectRows(t, got, []string{
		"urn=1 kind=dfe_records_need_not_in_report need_type=SLCN detail=DfE statistics 2024/25: provision for SLCN; the report never names the need",
		"urn=2 kind=report_claims_unregistered_provision need_type=SLCN detail=report: sen_unit for SLCN; register: no resourced provision or SEN unit",
		"urn=4 kind=dfe_records_unit_not_in_report need_type=- detail=DfE statistics 2024/25: resourced provision; the report names no specialist provision",
		"urn=4 kind=registered_provision_not_in_report need_type=SEMH detail=register: SEN unit for SEMH (6 places); the report names no specialist provision for it",
	})
}

func TestSENDistribution(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "sen_distribution", Params{Year: "2025/26"}, "urn", "ehcp_rate", "sen_support_rate", "la_phase_q1",
		"la_phase_median", "la_phase_q3", "top_to_bottom_quartile_ratio", "position")
	expectRows(t, got, []string{
		// Alpha's primaries: 12/400 = 3.00 and 5/300 = 1.67; quartiles 1.67 + (0.25, 0.5, 0.75) x 1.33
		// = 2.0025, 2.335 and 2.6675, shown to two places (halves round up).
		"urn=1 ehcp_rate=3 sen_support_rate=10 la_phase_q1=2 la_phase_median=2.34 la_phase_q3=2.67 top_to_bottom_quartile_ratio=- position=typical",
		"urn=2 ehcp_rate=1.67 sen_support_rate=- la_phase_q1=2 la_phase_median=2.34 la_phase_q3=2.67 top_to_bottom_quartile_ratio=- position=typical",
		"urn=4 ehcp_rate=3 sen_support_rate=10 la_phase_q1=3 la_phase_median=3 la_phase_q3=3 top_to_bottom_quartile_ratio=- position=typical",
	})
}

func TestLocalOfferCoverage(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "local_offer_coverage", Params{Year: "2025/26"}, "need_type", "age_band", "category", "services", "categories", "empty")
	// Alpha's directory uses four categories: each cell comes for all of them and for each one.
	if len(got) != 12*5*5 {
		t.Fatalf("%d cells, want 12 needs x 5 bands x (all + 4 categories)", len(got))
	}
	expectRows(t, got[:10], []string{
		"need_type=ASD age_band=0-4 category=- services=2 categories=Advice;Education;Health empty=false",
		"need_type=ASD age_band=0-4 category=Advice services=1 categories=Advice;Health empty=false",
		"need_type=ASD age_band=0-4 category=Education services=1 categories=Education empty=false",
		"need_type=ASD age_band=0-4 category=Health services=1 categories=Advice;Health empty=false",
		// The bus pass service names no need: no need is served by Transport.
		"need_type=ASD age_band=0-4 category=Transport services=0 categories=- empty=true",
		"need_type=ASD age_band=5-10 category=- services=2 categories=Advice;Education;Health empty=false",
		"need_type=ASD age_band=5-10 category=Advice services=1 categories=Advice;Health empty=false",
		"need_type=ASD age_band=5-10 category=Education services=1 categories=Education empty=false",
		"need_type=ASD age_band=5-10 category=Health services=1 categories=Advice;Health empty=false",
		"need_type=ASD age_band=5-10 category=Transport services=0 categories=- empty=true",
	})
	if got[25] != "need_type=SEMH age_band=0-4 category=- services=1 categories=Advice;Health empty=false" {
		t.Errorf("SEMH 0-4: %s", got[25])
	}
	if got[50] != "need_type=SLCN age_band=0-4 category=- services=0 categories=- empty=true" {
		t.Errorf("an empty cell: %s", got[50])
	}
}

func TestTemplateReuse(t *testing.T) {
	s := handBuiltStore(t)
	// Schools 1 and 2 publish the same words; school 4 its own.
	got := rowsOf(t, s, "template_reuse", Params{Year: "2025/26"}, "urn", "cluster", "copies", "common_text_share")
	expectRows(t, got, []string{
		"urn=1 cluster=1 copies=1 common_text_share=1",
		"urn=2 cluster=1 copies=1 common_text_share=1",
	})
}

func TestSchoolBenchmark(t *testing.T) {
	s := handBuiltStore(t)
	got := rowsOf(t, s, "school_benchmark", Params{Year: "2025/26", URN: 1}, "measure", "school_value", "la_phase_median", "la_phase_schools",
		"store_phase_median", "store_phase_schools", "store_phase_las")
	expectRows(t, got, []string{
		// Primary schools in 2025/26: 1 and 2 in Alpha, 4 in Beta: two LAs in the store.
		"measure=senco_hours_per_week school_value=13 la_phase_median=13 la_phase_schools=2 store_phase_median=13 store_phase_schools=3 store_phase_las=2",
		// 52/13 = 4, 30/13 = 2.31 in Alpha; 26/6.5 = 4 in Beta: medians (4 + 2.31) / 2 and 4.
		"measure=sen_pupils_per_senco_hour school_value=4 la_phase_median=3.16 la_phase_schools=2 store_phase_median=4 store_phase_schools=3 store_phase_las=2",
		"measure=ehcp_rate school_value=3 la_phase_median=2.34 la_phase_schools=2 store_phase_median=3 store_phase_schools=3 store_phase_las=2",
		// School 2's SEN support was suppressed: one figure in Alpha.
		"measure=sen_support_rate school_value=10 la_phase_median=10 la_phase_schools=1 store_phase_median=10 store_phase_schools=2 store_phase_las=2",
		"measure=statutory_items_covered school_value=4 la_phase_median=2.5 la_phase_schools=2 store_phase_median=2 store_phase_schools=3 store_phase_las=2",
	})
	if rows := rowsOf(t, s, "school_benchmark", Params{Year: "2025/26"}, "measure"); len(rows) != 0 {
		t.Errorf("without a URN: %d rows", len(rows))
	}
}

// A year the DfE published but nobody crawled shows its statistics, with the
// crawl's counts unknown rather than zero.
func TestUncrawledYearIsMissingNotZero(t *testing.T) {
	s := handBuiltStore(t)
	if _, err := s.db.Exec(`INSERT INTO sen_need VALUES (1, '2023/24', 'ehc_plan', 'ASD', 3, 'f', now())`); err != nil {
		t.Fatal(err)
	}
	expectRows(t, rowsOf(t, s, "coverage_gaps", Params{Year: "2023/24"}, "la_code", "need_type", "pupils_with_need", "schools_stating_provision", "local_offer_services"),
		[]string{"la_code=900 need_type=ASD pupils_with_need=3 schools_stating_provision=- local_offer_services=-",
			// Beta's unit is in the register, which has no year; Beta published no figures that year.
			"la_code=901 need_type=SEMH pupils_with_need=- schools_stating_provision=- local_offer_services=-"})
	expectRows(t, rowsOf(t, s, "coverage_gaps", Params{Year: "2025/26", LA: "900"}, "need_type", "local_offer_services"),
		[]string{"need_type=ASD local_offer_services=2", "need_type=SEMH local_offer_services=1"})
}

func TestChangesSinceAnyYear(t *testing.T) {
	s := handBuiltStore(t)
	// 2025/26 against 2024/25 named explicitly gives the same as the default.
	expectRows(t, rowsOf(t, s, "changes", Params{Year: "2025/26", Since: "2024/25", URN: 1}, "previous_year", "senco_changed"),
		[]string{"previous_year=2024/25 senco_changed=true"})
	// Against a year never crawled: no comparison, not a list of everything as new.
	expectRows(t, rowsOf(t, s, "changes", Params{Year: "2025/26", Since: "2019/20", URN: 1}, "previous_year", "provision_added"),
		[]string{"previous_year=- provision_added=-"})
}

func TestCoverageGapsByDistrict(t *testing.T) {
	s := handBuiltStore(t)
	if _, err := s.db.Exec(`UPDATE schools SET district_name = 'North' WHERE urn = 1; UPDATE schools SET district_name = 'South' WHERE urn = 2`); err != nil {
		t.Fatal(err)
	}
	got := rowsOf(t, s, "coverage_gaps", Params{Year: "2025/26", LA: "900"}, "level", "district_name", "need_type", "pupils_with_need",
		"schools_with_suppressed_counts", "specialist_places", "schools_stating_provision", "local_offer_services", "places_per_100_pupils", "gap_rank")
	expectRows(t, got, []string{
		"level=la district_name=- need_type=ASD pupils_with_need=18 schools_with_suppressed_counts=1 specialist_places=12 schools_stating_provision=1 local_offer_services=2 places_per_100_pupils=66.7 gap_rank=1",
		"level=la district_name=- need_type=SEMH pupils_with_need=4 schools_with_suppressed_counts=0 specialist_places=0 schools_stating_provision=1 local_offer_services=1 places_per_100_pupils=0 gap_rank=1",
		// School 1 in North: 15 pupils, its 12 places. School 2 in South: 3 known pupils, none placed.
		"level=district district_name=North need_type=ASD pupils_with_need=15 schools_with_suppressed_counts=0 specialist_places=12 schools_stating_provision=1 local_offer_services=- places_per_100_pupils=80 gap_rank=2",
		"level=district district_name=North need_type=SEMH pupils_with_need=4 schools_with_suppressed_counts=0 specialist_places=0 schools_stating_provision=0 local_offer_services=- places_per_100_pupils=0 gap_rank=1",
		"level=district district_name=South need_type=ASD pupils_with_need=3 schools_with_suppressed_counts=1 specialist_places=0 schools_stating_provision=0 local_offer_services=- places_per_100_pupils=0 gap_rank=1",
		"level=district district_name=South need_type=SEMH pupils_with_need=- schools_with_suppressed_counts=0 specialist_places=0 schools_stating_provision=1 local_offer_services=- places_per_100_pupils=- gap_rank=-",
	})
}

// TestReportComparedByWords: a report is unchanged when its words are last
// year's, whatever its file; an edited one is not, however similar; a report
// stating an older year is stale; a difference read by two extractor versions
// is flagged.
func TestReportComparedByWords(t *testing.T) {
	s, _ := newStore(t)
	if _, err := s.db.Exec(`
INSERT INTO schools (urn, name, la_code, la_name, phase, imported_at) VALUES (7, 'Seven Primary', '900', 'Alpha', 'Primary', now()), (8, 'Eight Primary', '900', 'Alpha', 'Primary', now());
INSERT INTO crawl_runs (run_id, academic_year, started_at, status) VALUES (1, '2023/24', now(), 'done'), (2, '2024/25', now(), 'done'), (3, '2025/26', now(), 'done');
INSERT INTO run_sites (run_id, urn, status, finished_at) SELECT r, u, 'found', now() FROM range(1, 4) a(r), (VALUES (7), (8)) b(u);
INSERT INTO documents (doc_id, run_id, urn, la_code, academic_year, url, final_url, format, doc_type, doc_type_confidence, stated_year, sha256,
    fetched_at, extractor_version, extracted_at, text_fingerprint, sentence_hashes) VALUES
 -- School 7: a web page, then the same words as a PDF, then a Word file with one of its 40 sentences edited.
 (71, 1, 7, '900', '2023/24', 'u', 'u', 'html', 'sen_information_report', 0.9, NULL, 'h1', now(), 'v1', now(), 'F', range(1, 81, 2)),
 (72, 2, 7, '900', '2024/25', 'u', 'u', 'pdf', 'sen_information_report', 0.9, NULL, 'h2', now(), 'v1', now(), 'F', range(1, 81, 2)),
 (73, 3, 7, '900', '2025/26', 'u', 'u', 'docx', 'sen_information_report', 0.9, NULL, 'h3', now(), 'v2', now(), 'G', list_concat(range(1, 79, 2), [999])),
 -- School 8: the same bytes in 2023/24 and 2024/25, not yet fingerprinted; in 2025/26 a report stating 2023/24.
 (81, 1, 8, '900', '2023/24', 'u', 'u', 'pdf', 'sen_information_report', 0.9, '2023/24', 'same', now(), 'v1', now(), NULL, NULL),
 (82, 2, 8, '900', '2024/25', 'u', 'u', 'pdf', 'sen_information_report', 0.9, '2023/24', 'same', now(), 'v1', now(), NULL, NULL),
 (83, 3, 8, '900', '2025/26', 'u', 'u', 'pdf', 'sen_information_report', 0.9, '2023/24', 'new', now(), 'v2', now(), 'K', [5]);
`); err != nil {
		t.Fatal(err)
	}
	cols := []string{"urn", "academic_year", "report_similarity", "report_unchanged", "report_comparison", "report_stale", "report_stale_reason", "extractor_changed"}
	expectRows(t, rowsOf(t, s, "changes", Params{}, cols...), []string{
		"urn=7 academic_year=2023/24 report_similarity=- report_unchanged=- report_comparison=- report_stale=- report_stale_reason=- extractor_changed=-",
		"urn=8 academic_year=2023/24 report_similarity=- report_unchanged=- report_comparison=- report_stale=false report_stale_reason=- extractor_changed=-",
		"urn=7 academic_year=2024/25 report_similarity=1 report_unchanged=true report_comparison=same words in another file report_stale=true report_stale_reason=unchanged_words extractor_changed=false",
		"urn=8 academic_year=2024/25 report_similarity=- report_unchanged=true report_comparison=same bytes report_stale=true report_stale_reason=unchanged_words;stated_year_older extractor_changed=false",
		// 39 of 40 sentences kept: 39/41 = 0.951 similar, and edited.
		"urn=7 academic_year=2025/26 report_similarity=0.95 report_unchanged=false report_comparison=1 of 40 sentences new, 1 of 40 gone report_stale=false report_stale_reason=- extractor_changed=true",
		// Last year's report has no fingerprint: unknown, but stale by its stated year all the same.
		"urn=8 academic_year=2025/26 report_similarity=- report_unchanged=- report_comparison=not fingerprinted: run sendscope extract report_stale=true report_stale_reason=stated_year_older extractor_changed=true",
	})
	expectRows(t, rowsOf(t, s, "dataset", Params{Year: "2025/26"}, "urn", "report_unchanged_since_last_year", "report_stale", "report_stale_reason"), []string{
		"urn=7 report_unchanged_since_last_year=false report_stale=false report_stale_reason=-",
		"urn=8 report_unchanged_since_last_year=- report_stale=true report_stale_reason=stated_year_older",
	})
	expectRows(t, rowsOf(t, s, "dataset", Params{Year: "2024/25", URN: 7}, "urn", "report_unchanged_since_last_year", "report_stale"), []string{
		"urn=7 report_unchanged_since_last_year=true report_stale=true",
	})
}
