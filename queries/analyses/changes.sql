-- name: changes
-- question: What changed at each school since the previous year held: SENCO, SENCO time, specialist provision, needs named, the report itself (by its words, whatever its format)?
--   Each year is compared with the year before it, or with the year given as since
--   (a school not crawled in the earlier year has no comparison: its row says so
--   rather than showing everything as new). Only years in which the school's site was
--   checked count: a year whose visits all failed (site down, blocked, ...) is no
--   evidence that anything was dropped.
-- parameters:
--   year: the later academic year ('2025/26'); empty for every year held
--   since: the earlier academic year to compare with ('2022/23'); empty for the year before
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   urn: the school's URN
--   school_name: the school's name in the register
--   la_code: three-digit LA code
--   academic_year: the later year
--   previous_year: the year compared with; empty when the school was not crawled the year before
--   senco_before: SENCOs named the year before, ';'-separated
--   senco_after: SENCOs named this year
--   senco_changed: true when the SENCOs named differ (both years naming someone)
--   senco_hours_before: SENCO hours per week the year before (as in senco_capacity)
--   senco_hours_after: SENCO hours per week this year
--   provision_added: specialist provision named this year but not the year before, ';'-separated kind:need
--   provision_dropped: specialist provision named the year before but not this year
--   need_types_added: need types named this year but not the year before
--   need_types_dropped: need types named the year before but not this year
--   report_similarity: the share of the two reports' sentences they have in common (0 to 1), once case, spacing, punctuation and page furniture are set aside, whatever their formats
--   report_unchanged: true when this year's report has the year before's words: the same bytes, or the same words or sentences in any format (a web page republished as a PDF); an edit of any sentence (a name, a date) makes it false, however similar the rest
--   report_comparison: why report_unchanged says so: same bytes, same words in another file, same sentences in another order, or how many sentences are new and gone
--   report_stale: true when this year's report is last year's words, or states a year older than the year crawled; false when it states this year (or none) and its words changed; empty when no report, or nothing to tell by
--   report_stale_reason: unchanged_words, stated_year_older, or both, ';'-separated
--   extractor_changed: true when the documents compared were read by different extractor versions, so a difference may come from the extractor rather than the school (sendscope extract re-reads both years with the rules in force)
--   extractor_versions: the extractor versions that read the two years' SEN documents, ';'-separated
WITH per_year AS (
    SELECT l.urn, l.academic_year,
           coalesce(list_sort(list_distinct(list(f.value) FILTER (WHERE f.field = 'senco.name'))), []) AS sencos,
           any_value(h.senco_hours_per_week) AS hours,
           coalesce(list_distinct(list(f.value) FILTER (WHERE f.field = 'provision.specialist')), []) AS provision,
           coalesce(list_distinct(list(f.value) FILTER (WHERE f.field = 'need.type')), []) AS needs
    FROM school_outcomes l
    LEFT JOIN school_facts f ON f.urn = l.urn AND f.academic_year = l.academic_year
    LEFT JOIN school_senco_hours h ON h.urn = l.urn AND h.academic_year = l.academic_year
    WHERE NOT l.could_not_check
    GROUP BY l.urn, l.academic_year
),
versions AS (
    SELECT urn, academic_year, list(DISTINCT extractor_version) AS versions
    FROM school_sen_documents GROUP BY ALL
),
paired AS (
    SELECT cur.*, prev.academic_year AS previous_year, prev.sencos AS prev_sencos, prev.hours AS prev_hours,
           prev.provision AS prev_provision, prev.needs AS prev_needs
    FROM per_year cur
    LEFT JOIN per_year prev ON prev.urn = cur.urn
        AND prev.academic_year = coalesce($since,
            printf('%d/%02d', CAST(left(cur.academic_year, 4) AS INTEGER) - 1, CAST(left(cur.academic_year, 4) AS INTEGER) % 100))
    WHERE $since IS NULL OR cur.academic_year > $since
)
SELECT p.urn, s.name AS school_name, s.la_code, p.academic_year, p.previous_year,
       nullif(array_to_string(p.prev_sencos, ';'), '') AS senco_before,
       nullif(array_to_string(p.sencos, ';'), '') AS senco_after,
       CASE WHEN p.previous_year IS NULL OR len(p.sencos) = 0 OR len(p.prev_sencos) = 0 THEN NULL ELSE p.sencos <> p.prev_sencos END AS senco_changed,
       p.prev_hours AS senco_hours_before,
       p.hours AS senco_hours_after,
       CASE WHEN p.previous_year IS NOT NULL THEN nullif(array_to_string(list_sort(list_filter(p.provision, x -> NOT list_contains(p.prev_provision, x))), ';'), '') END AS provision_added,
       CASE WHEN p.previous_year IS NOT NULL THEN nullif(array_to_string(list_sort(list_filter(p.prev_provision, x -> NOT list_contains(p.provision, x))), ';'), '') END AS provision_dropped,
       CASE WHEN p.previous_year IS NOT NULL THEN nullif(array_to_string(list_sort(list_filter(p.needs, x -> NOT list_contains(p.prev_needs, x))), ';'), '') END AS need_types_added,
       CASE WHEN p.previous_year IS NOT NULL THEN nullif(array_to_string(list_sort(list_filter(p.prev_needs, x -> NOT list_contains(p.needs, x))), ';'), '') END AS need_types_dropped,
       round(sentence_similarity(dc.sentence_hashes, dp.sentence_hashes), 3) AS report_similarity,
       report_unchanged(rc.sha256, dc.text_fingerprint, dc.sentence_hashes, rp.sha256, dp.text_fingerprint, dp.sentence_hashes) AS report_unchanged,
       report_comparison(rc.sha256, dc.text_fingerprint, dc.sentence_hashes, rp.sha256, dp.text_fingerprint, dp.sentence_hashes) AS report_comparison,
       CASE WHEN rc.doc_id IS NULL THEN NULL
            WHEN report_unchanged(rc.sha256, dc.text_fingerprint, dc.sentence_hashes, rp.sha256, dp.text_fingerprint, dp.sentence_hashes)
                 OR rc.stated_year < p.academic_year THEN true
            WHEN rc.stated_year IS NULL AND report_unchanged(rc.sha256, dc.text_fingerprint, dc.sentence_hashes, rp.sha256, dp.text_fingerprint, dp.sentence_hashes) IS NULL THEN NULL
            ELSE false
       END AS report_stale,
       nullif(concat_ws(';',
           CASE WHEN report_unchanged(rc.sha256, dc.text_fingerprint, dc.sentence_hashes, rp.sha256, dp.text_fingerprint, dp.sentence_hashes) THEN 'unchanged_words' END,
           CASE WHEN rc.stated_year < p.academic_year THEN 'stated_year_older' END), '') AS report_stale_reason,
       CASE WHEN p.previous_year IS NULL OR vc.versions IS NULL OR vp.versions IS NULL THEN NULL
            ELSE len(list_distinct(list_concat(vc.versions, vp.versions))) > 1 END AS extractor_changed,
       nullif(array_to_string(list_sort(list_distinct(list_concat(coalesce(vp.versions, []), coalesce(vc.versions, [])))), ';'), '') AS extractor_versions
FROM paired p
JOIN schools s ON s.urn = p.urn
LEFT JOIN school_reports rc ON rc.urn = p.urn AND rc.academic_year = p.academic_year
LEFT JOIN school_reports rp ON rp.urn = p.urn AND rp.academic_year = p.previous_year
LEFT JOIN documents dc ON dc.doc_id = rc.doc_id
LEFT JOIN documents dp ON dp.doc_id = rp.doc_id
LEFT JOIN versions vc ON vc.urn = p.urn AND vc.academic_year = p.academic_year
LEFT JOIN versions vp ON vp.urn = p.urn AND vp.academic_year = p.previous_year
WHERE ($year IS NULL OR p.academic_year = $year)
  AND ($la IS NULL OR s.la_code = $la OR lower(s.la_name) = lower($la) OR s.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR p.urn = CAST($urn AS INTEGER))
ORDER BY p.academic_year, s.la_code, p.urn
