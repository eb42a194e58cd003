-- name: statutory_compliance
-- question: Does each school publish an SEN information report, does it cover what the law requires, and is it kept up to date?
--   Per school and year, with its LA's figures beside it. The items are those of the
--   SEND Regulations 2014 Schedule 1 and CFA 2014 s.69 (table statutory_items).
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   urn: the school's URN
--   school_name: the school's name in the register
--   la_code: three-digit LA code
--   academic_year: the year of the crawl
--   outcome: found, not_found (the site was searched and holds no report), or why it could not be checked: unreachable, blocked_by_robots, no_website, needs_javascript, not_crawled
--   outcome_reason: the detail (no_candidate, budget; dns, timeout, http_503, refused, requests_failed; robots_home, robots_link ...)
--   report_found: true when an SEN information report was found, false when the site was searched and none was; empty when the school could not be checked
--   items_covered: how many statutory items the school's SEN documents cover (0 when the site holds no report; empty when not checked)
--   items_missing: the items none covers, ';'-separated ids (all of them when the site holds no report; empty when not checked)
--   stale: true when the report has last year's words (in any format: see report_unchanged in changes), or states an earlier year than this one; empty when unknown
--   score: items covered as a percentage of all items (0 when the site holds no report; empty when the school could not be checked, never 0)
--   la_schools: schools of the LA in the year's crawl
--   la_checked: how many of them were checked (found or not_found)
--   la_could_not_check: how many could not be checked (any other outcome)
--   la_reports_found: how many publish a report
--   la_mean_score: the LA's mean score that year, over the schools checked
WITH items AS (SELECT count(*) AS n FROM statutory_items),
school AS (
    -- Every school of the LAs crawled that year, with its outcome: a school that
    -- could not be checked has no finding, not a score of 0.
    SELECT o.urn, s.name AS school_name, s.la_code, s.la_name, o.academic_year, o.outcome, o.outcome_reason,
           o.could_not_check,
           CASE WHEN NOT o.could_not_check THEN r.urn IS NOT NULL END AS report_found, r.sha256, r.stated_year, r.doc_id
    FROM school_outcomes o
    JOIN schools s ON s.urn = o.urn
    LEFT JOIN school_reports r ON r.urn = o.urn AND r.academic_year = o.academic_year
),
covered AS (
    SELECT urn, academic_year, list(DISTINCT value) AS ids
    FROM school_facts WHERE field = 'statutory.item'
    GROUP BY urn, academic_year
),
scored AS (
    SELECT sc.*,
           CASE WHEN sc.report_found THEN len(coalesce(cv.ids, [])) WHEN NOT sc.report_found THEN 0 END AS items_covered,
           CASE WHEN sc.report_found IS NOT NULL THEN
               (SELECT string_agg(si.id, ';' ORDER BY si.id) FROM statutory_items si
                 WHERE NOT (sc.report_found AND list_contains(coalesce(cv.ids, []), si.id))) END AS items_missing,
           CASE
               WHEN NOT sc.report_found THEN NULL
               WHEN report_unchanged(sc.sha256, dc.text_fingerprint, dc.sentence_hashes, prev.sha256, dp.text_fingerprint, dp.sentence_hashes) THEN TRUE
               WHEN sc.stated_year IS NOT NULL AND sc.stated_year < sc.academic_year THEN TRUE
               WHEN prev.sha256 IS NULL AND sc.stated_year IS NULL THEN NULL
               ELSE FALSE
           END AS stale
    FROM school sc
    LEFT JOIN covered cv ON cv.urn = sc.urn AND cv.academic_year = sc.academic_year
    LEFT JOIN school_reports prev ON prev.urn = sc.urn
        AND prev.academic_year = printf('%d/%02d', CAST(left(sc.academic_year, 4) AS INTEGER) - 1, CAST(left(sc.academic_year, 4) AS INTEGER) % 100)
    LEFT JOIN documents dc ON dc.doc_id = sc.doc_id
    LEFT JOIN documents dp ON dp.doc_id = prev.doc_id
)
SELECT urn, school_name, la_code, academic_year, outcome, outcome_reason, report_found, items_covered, items_missing, stale,
       round(100.0 * items_covered / (SELECT n FROM items), 1) AS score,
       count(*) OVER la AS la_schools,
       count(*) FILTER (WHERE NOT could_not_check) OVER la AS la_checked,
       count(*) FILTER (WHERE could_not_check) OVER la AS la_could_not_check,
       count(*) FILTER (WHERE report_found) OVER la AS la_reports_found,
       round(avg(100.0 * items_covered / (SELECT n FROM items)) OVER la, 1) AS la_mean_score
FROM scored
WHERE ($year IS NULL OR academic_year = $year)
  AND ($la IS NULL OR la_code = $la OR lower(la_name) = lower($la) OR la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR urn = CAST($urn AS INTEGER))
WINDOW la AS (PARTITION BY la_code, academic_year)
ORDER BY academic_year, la_code, urn
