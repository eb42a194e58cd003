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
--   report_found: true when an SEN information report was found
--   items_covered: how many statutory items the school's SEN documents cover
--   items_missing: the items none covers, ';'-separated ids (all of them when no report was found)
--   stale: true when the report has last year's words (in any format: see report_unchanged in changes), or states an earlier year than this one; empty when unknown
--   score: items covered as a percentage of all items (0 when no report was found)
--   la_schools: schools of the LA crawled that year
--   la_reports_found: how many of them publish a report
--   la_mean_score: the LA's mean score that year
WITH items AS (SELECT count(*) AS n FROM statutory_items),
school AS (
    SELECT l.urn, s.name AS school_name, s.la_code, s.la_name, l.academic_year,
           r.urn IS NOT NULL AS report_found, r.sha256, r.stated_year, r.doc_id
    FROM latest_school_runs l
    JOIN schools s ON s.urn = l.urn
    LEFT JOIN school_reports r ON r.urn = l.urn AND r.academic_year = l.academic_year
),
covered AS (
    SELECT urn, academic_year, list(DISTINCT value) AS ids
    FROM school_facts WHERE field = 'statutory.item'
    GROUP BY urn, academic_year
),
scored AS (
    SELECT sc.*,
           CASE WHEN sc.report_found THEN len(coalesce(cv.ids, [])) ELSE 0 END AS items_covered,
           (SELECT string_agg(si.id, ';' ORDER BY si.id) FROM statutory_items si
             WHERE NOT (sc.report_found AND list_contains(coalesce(cv.ids, []), si.id))) AS items_missing,
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
SELECT urn, school_name, la_code, academic_year, report_found, items_covered, items_missing, stale,
       round(100.0 * items_covered / (SELECT n FROM items), 1) AS score,
       count(*) OVER la AS la_schools,
       count(*) FILTER (WHERE report_found) OVER la AS la_reports_found,
       round(avg(100.0 * items_covered / (SELECT n FROM items)) OVER la, 1) AS la_mean_score
FROM scored
WHERE ($year IS NULL OR academic_year = $year)
  AND ($la IS NULL OR la_code = $la OR lower(la_name) = lower($la) OR la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR urn = CAST($urn AS INTEGER))
WINDOW la AS (PARTITION BY la_code, academic_year)
ORDER BY academic_year, la_code, urn
