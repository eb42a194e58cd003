package queries

import "testing"

// outcomesStore holds one year crawled twice: run 1 reached schools 1 and 2, run 2
// (an outage, a robots.txt change, a script-built site) reached none of them.
const outcomesStore = `
INSERT INTO schools (urn, name, la_code, la_name, phase, imported_at) VALUES
 (1, 'One', '900', 'Alpha', 'Primary', now()), (2, 'Two', '900', 'Alpha', 'Primary', now()),
 (3, 'Three', '900', 'Alpha', 'Primary', now()), (4, 'Four', '900', 'Alpha', 'Primary', now()),
 (5, 'Five', '900', 'Alpha', 'Primary', now()), (6, 'Six', '900', 'Alpha', 'Primary', now()),
 (7, 'Seven', '901', 'Beta', 'Primary', now());
INSERT INTO crawl_runs (run_id, academic_year, started_at, status) VALUES (1, '2025/26', now(), 'done'), (2, '2025/26', now(), 'partial');
INSERT INTO run_sites (run_id, urn, status, reason, outcome, error, pages, finished_at) VALUES
 (1, 1, 'found', NULL, 'found', NULL, 4, TIMESTAMP '2025-10-01 10:00:00'),
 (1, 2, 'not_found', 'no_candidate', 'not_found', NULL, 9, TIMESTAMP '2025-10-01 10:00:00'),
 (2, 1, 'failed', 'timeout', 'unreachable', 'Get "http://one/": timeout', 0, TIMESTAMP '2025-11-01 10:00:00'),
 (2, 2, 'failed', 'robots', 'blocked_by_robots', NULL, 0, TIMESTAMP '2025-11-01 10:00:00'),
 (2, 3, 'failed', 'http_503', 'unreachable', 'Service Unavailable', 0, TIMESTAMP '2025-11-01 10:00:00'),
 (2, 4, 'not_found', 'script_built_home_page', 'needs_javascript', NULL, 1, TIMESTAMP '2025-11-01 10:00:00'),
 (2, 5, 'not_found', 'no_website', 'no_website', NULL, 0, TIMESTAMP '2025-11-01 10:00:00');
INSERT INTO documents (doc_id, run_id, urn, la_code, academic_year, url, final_url, format, doc_type, doc_type_confidence, sha256, fetched_at, extractor_version, extracted_at) VALUES
 (10, 1, 1, '900', '2025/26', 'u10', 'http://one/send', 'html', 'sen_information_report', 0.9, 'a', now(), 't', now());
INSERT INTO facts (doc_id, field, value, value_num, evidence, evidence_start, evidence_end, confidence, extractor_version) VALUES
 (10, 'statutory.item', 'S1.01', NULL, 'e', 0, 1, 1, 't'), (10, 'statutory.item', 'S1.04', NULL, 'e', 0, 1, 1, 't');
`

// TestOutcomes: the best evidence stands (a failed visit changes no finding), and
// every school of the LA has an outcome with its reason; one not checked is
// never scored 0.
func TestOutcomes(t *testing.T) {
	s, _ := newStore(t)
	if _, err := s.db.Exec(outcomesStore); err != nil {
		t.Fatal(err)
	}
	expectRows(t, rowsOf(t, s, "dataset", Params{Year: "2025/26"}, "urn", "outcome", "outcome_reason", "outcome_error", "report_found", "report_url", "last_attempt_outcome"), []string{
		"urn=1 outcome=found outcome_reason=- outcome_error=- report_found=true report_url=http://one/send last_attempt_outcome=unreachable",
		"urn=2 outcome=not_found outcome_reason=no_candidate outcome_error=- report_found=false report_url=- last_attempt_outcome=blocked_by_robots",
		"urn=3 outcome=unreachable outcome_reason=http_503 outcome_error=Service Unavailable report_found=- report_url=- last_attempt_outcome=unreachable",
		"urn=4 outcome=needs_javascript outcome_reason=script_built_home_page outcome_error=- report_found=- report_url=- last_attempt_outcome=needs_javascript",
		"urn=5 outcome=no_website outcome_reason=no_website outcome_error=- report_found=- report_url=- last_attempt_outcome=no_website",
		"urn=6 outcome=not_crawled outcome_reason=- outcome_error=- report_found=- report_url=- last_attempt_outcome=-",
	})
	expectRows(t, rowsOf(t, s, "statutory_compliance", Params{Year: "2025/26"}, "urn", "outcome", "report_found", "items_covered", "score", "la_schools", "la_checked", "la_could_not_check", "la_reports_found", "la_mean_score"), []string{
		"urn=1 outcome=found report_found=true items_covered=2 score=8.7 la_schools=6 la_checked=2 la_could_not_check=4 la_reports_found=1 la_mean_score=4.3",
		"urn=2 outcome=not_found report_found=false items_covered=0 score=0 la_schools=6 la_checked=2 la_could_not_check=4 la_reports_found=1 la_mean_score=4.3",
		"urn=3 outcome=unreachable report_found=- items_covered=- score=- la_schools=6 la_checked=2 la_could_not_check=4 la_reports_found=1 la_mean_score=4.3",
		"urn=4 outcome=needs_javascript report_found=- items_covered=- score=- la_schools=6 la_checked=2 la_could_not_check=4 la_reports_found=1 la_mean_score=4.3",
		"urn=5 outcome=no_website report_found=- items_covered=- score=- la_schools=6 la_checked=2 la_could_not_check=4 la_reports_found=1 la_mean_score=4.3",
		"urn=6 outcome=not_crawled report_found=- items_covered=- score=- la_schools=6 la_checked=2 la_could_not_check=4 la_reports_found=1 la_mean_score=4.3",
	})

	// The same store without the failed run gives the same findings.
	if _, err := s.db.Exec(`DELETE FROM run_sites WHERE run_id = 2`); err != nil {
		t.Fatal(err)
	}
	expectRows(t, rowsOf(t, s, "statutory_compliance", Params{Year: "2025/26", URN: 1}, "urn", "outcome", "report_found", "items_covered", "score"), []string{
		"urn=1 outcome=found report_found=true items_covered=2 score=8.7",
	})
}
