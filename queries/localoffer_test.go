package queries

import (
	"context"
	"testing"
)

// TestLocalOfferCoveragePupils: each need and age band shows the LA's pupils
// with the need beside its current services, and a need with pupils and no
// service is a gap.
func TestLocalOfferCoveragePupils(t *testing.T) {
	s, _ := newStore(t)
	if _, err := s.db.Exec(`
INSERT INTO schools (urn, name, la_code, la_name, phase, low_age, high_age, imported_at) VALUES
 (1, 'One Primary', '900', 'Alpha', 'Primary', 4, 11, now()),   -- 8 years: 1 in 0-4, 6 in 5-10, 1 in 11-15
 (2, 'Two College', '900', 'Alpha', '16 plus', 16, 18, now()),
 (3, 'Three Beta', '901', 'Beta', 'Primary', 4, 11, now());
INSERT INTO crawl_runs (run_id, academic_year, started_at, status) VALUES (1, '2025/26', now(), 'done');
INSERT INTO authorities VALUES ('900', 'Alpha', 'http://lo.example/', NULL, 'f', now());
INSERT INTO run_authorities VALUES (1, '900', 'found', NULL, 3, 3, now());
INSERT INTO services (run_id, la_code, academic_year, service_id, name, age_min, age_max, need_types, source, fetched_at, status, is_current) VALUES
 (1, '900', '2025/26', 's1', 'SEMH outreach', 5, 15, 'SEMH', 'oruk', now(), 'active', true),
 (1, '900', '2025/26', 's2', 'Closed SEMH club', 16, 25, 'SEMH', 'oruk', now(), 'inactive', false);
INSERT INTO sen_need VALUES
 (1, '2024/25', 'sen_support', 'SEMH', 16, 'f', now()), (1, '2024/25', 'ehc_plan', 'SEMH', 8, 'f', now()),
 (2, '2024/25', 'ehc_plan', 'SEMH', 9, 'f', now()),
 (1, '2026/27', 'ehc_plan', 'SEMH', 999, 'f', now()),  -- a later year than the crawl's: not used
 (3, '2024/25', 'ehc_plan', 'SEMH', 50, 'f', now());   -- another LA's school
`); err != nil {
		t.Fatal(err)
	}
	got := rowsOf(t, s, "local_offer_coverage", Params{Year: "2025/26"}, "need_type", "age_band", "services", "pupils", "pupils_year", "gap")
	var semh []string
	for _, r := range got {
		if len(r) > 14 && r[:14] == "need_type=SEMH" {
			semh = append(semh, r)
		}
	}
	expectRows(t, semh, []string{
		"need_type=SEMH age_band=0-4 services=0 pupils=3 pupils_year=2024/25 gap=true",
		"need_type=SEMH age_band=5-10 services=1 pupils=18 pupils_year=2024/25 gap=false",
		"need_type=SEMH age_band=11-15 services=1 pupils=3 pupils_year=2024/25 gap=false",
		// The only 16-25 service is no longer active: pupils with no service.
		"need_type=SEMH age_band=16-18 services=0 pupils=9 pupils_year=2024/25 gap=true",
		"need_type=SEMH age_band=19-25 services=0 pupils=- pupils_year=- gap=false",
	})
}

// TestLocalOfferContent: every required item is listed for each LA crawled,
// covered or not, with an information page preferred as its evidence.
func TestLocalOfferContent(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	if err := s.SaveLocalOfferItems(ctx, []LocalOfferItem{{"transport", "Travel", "Sch.2"}, {"sendiass", "IASS", "Sch.2"}, {"short_breaks", "Short breaks", "CoP 4.44"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`
INSERT INTO crawl_runs (run_id, academic_year, started_at, status) VALUES (1, '2025/26', now(), 'done'), (2, '2025/26', now(), 'done');
INSERT INTO authorities VALUES ('900', 'Alpha', 'http://lo.example/', NULL, 'f', now());
INSERT INTO run_authorities VALUES (1, '900', 'found', NULL, 3, 3, now()), (2, '900', 'found', NULL, 3, 3, now());
INSERT INTO local_offer_evidence VALUES
 (1, '900', 'sendiass', 1, 'http://lo.example/old-iass', 'local_offer_information', 'an old run'),
 (2, '900', 'transport', 20, 'http://lo.example/services/bus', 'local_offer_service', 'bus pass'),
 (2, '900', 'transport', 21, 'http://lo.example/travel', 'local_offer_information', 'home to school transport'),
 (2, '900', 'short_breaks', 22, 'http://lo.example/breaks', 'local_offer_listing', 'short breaks');
`); err != nil {
		t.Fatal(err)
	}
	expectRows(t, rowsOf(t, s, "local_offer_content", Params{Year: "2025/26"}, "la_code", "item_id", "covered", "pages", "evidence_url", "evidence"), []string{
		"la_code=900 item_id=transport covered=true pages=2 evidence_url=http://lo.example/travel evidence=home to school transport",
		// Covered only in an earlier run of the year: the latest run is the Local Offer now.
		"la_code=900 item_id=sendiass covered=false pages=0 evidence_url=- evidence=-",
		"la_code=900 item_id=short_breaks covered=true pages=1 evidence_url=http://lo.example/breaks evidence=short breaks",
	})
}
