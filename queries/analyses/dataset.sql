-- name: dataset
-- question: For every school crawled in a year, what did its published SEN information report say?
--   The tidy school_years table of the research export: one row per school and academic year,
--   from the latest crawl run of that year that reached the school.
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code ('886') or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   urn: the school's unique reference number (DfE register); one row per school of each LA crawled in the year, checked or not
--   academic_year: the academic year of the crawl ('2025/26')
--   school_name: the school's name in the register
--   la_code: three-digit local authority code
--   la_name: local authority name
--   phase: phase of education in the register (Primary, Secondary, ...)
--   outcome: what the year's crawl established: found, not_found (the site answered, was searched and holds no report), or why the school could not be checked: unreachable, blocked_by_robots, no_website, needs_javascript, not_crawled
--   outcome_reason: the detail of the outcome (not_found: no_candidate, budget; unreachable: dns, timeout, tls, refused, reset, http_503, too_many_redirects, requests_failed; blocked_by_robots: robots_home, robots_link; no_website: no_website, bad_website)
--   outcome_error: for a school that could not be checked, the error of its latest attempt
--   checked_at: when the visit behind the outcome ended (UTC)
--   last_attempt_at: when the latest visit of the year ended, whether or not it reached the site (UTC)
--   last_attempt_outcome: that visit's outcome; differs from outcome when a later visit failed and the earlier finding stands
--   report_found: true when an SEN information report (or a combined policy and report) was found, false when the site was searched and holds none; empty when the school could not be checked
--   report_url: where the report was found (after redirects)
--   report_format: html, pdf, docx, odt
--   stated_year: the academic year the report says it covers ('2024/25')
--   report_unchanged_since_last_year: true when the report has the previous year's report's words: the same bytes, or the same words or sentences in any format (a web page republished as a PDF); an edit of any sentence makes it false
--   report_stale: true when the report is last year's words or states a year older than the year crawled; false when it states this year (or none) and its words changed; empty when no report, or nothing to tell by
--   report_stale_reason: unchanged_words, stated_year_older, or both, ';'-separated
--   senco_names: SENCOs named in the school's SEN documents, ';'-separated
--   senco_days_per_week: the SENCO's stated days per week
--   senco_hours_per_week: the SENCO's stated hours per week
--   senco_fte: the SENCO's stated fraction of full time
--   senco_qualifications: SENCO qualifications stated (NASENCO, NPQ_SENCO, QTS, other:...), ';'-separated
--   senco_on_slt: true when the SENCO is said to be on the senior leadership team
--   areas_of_need: broad areas of need the documents name, ';'-separated
--   need_types: need types (census codes plus ADHD) the documents name, ';'-separated
--   specialist_provision: specialist provision stated, as kind:need, ';'-separated
--   sen_percent: percent of pupils with SEN stated in the report
--   ehcp_count: pupils with EHC plans stated in the report
--   statutory_items_covered: statutory items the school's SEN documents cover, ';'-separated ids (see the statutory_items table); empty when no report was found
--   statutory_items_missing: statutory items none of them covers, ';'-separated ids; empty when no report was found
--   pupils_total: pupils on roll in the DfE SEN statistics (where imported)
--   pupils_sen_support: pupils on SEN support in the DfE statistics (where imported)
--   pupils_ehcp: pupils with EHC plans in the DfE statistics (where imported)
--   pupils_asd: pupils whose primary need is ASD (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_semh: pupils whose primary need is SEMH (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_slcn: pupils whose primary need is SLCN (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_spld: pupils whose primary need is SpLD (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_mld: pupils whose primary need is MLD (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_sld: pupils whose primary need is SLD (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_pmld: pupils whose primary need is PMLD (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_hi: pupils whose primary need is HI (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_vi: pupils whose primary need is VI (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_msi: pupils whose primary need is MSI (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_pd: pupils whose primary need is PD (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_oth: pupils whose primary need is OTH (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   pupils_nsa: pupils whose primary need is NSA (EHC plan and SEN support) in the DfE statistics; empty when not imported or suppressed
--   time_period: the year as the DfE's open data writes it (202526)
--   time_identifier: 'Academic year'
--   geographic_level: 'School'
--   country_code: E92000001
--   country_name: England
--   region_name: the school's region in the register
--   new_la_code: the LA's ONS code (E10000016), from the register
-- The latest run per school and year, the SEN documents and the report of the year
-- come from the shared views (queries/schema/006_views.sql).
WITH latest AS (SELECT * FROM school_outcomes),
sen_docs AS (SELECT * FROM school_sen_documents),
report AS (SELECT * FROM school_reports),
fact_lists AS (
    SELECT d.urn, d.academic_year,
           array_to_string(list_sort(list_distinct(list(f.value) FILTER (WHERE f.field = 'senco.name'))), ';') AS senco_names,
           max(f.value_num) FILTER (WHERE f.field = 'senco.days_per_week') AS senco_days_per_week,
           max(f.value_num) FILTER (WHERE f.field = 'senco.hours_per_week') AS senco_hours_per_week,
           max(f.value_num) FILTER (WHERE f.field = 'senco.fte') AS senco_fte,
           array_to_string(list_sort(list_distinct(list(f.value) FILTER (WHERE f.field = 'senco.qualification'))), ';') AS senco_qualifications,
           bool_or(f.value = 'true') FILTER (WHERE f.field = 'senco.on_slt') AS senco_on_slt,
           array_to_string(list_sort(list_distinct(list(f.value) FILTER (WHERE f.field = 'need.area'))), ';') AS areas_of_need,
           array_to_string(list_sort(list_distinct(list(f.value) FILTER (WHERE f.field = 'need.type'))), ';') AS need_types,
           array_to_string(list_sort(list_distinct(list(f.value) FILTER (WHERE f.field = 'provision.specialist'))), ';') AS specialist_provision,
           max(f.value_num) FILTER (WHERE f.field = 'stats.sen_percent') AS sen_percent,
           max(f.value_num) FILTER (WHERE f.field = 'stats.ehcp_count') AS ehcp_count,
           list_distinct(list(f.value) FILTER (WHERE f.field = 'statutory.item')) AS items
    FROM facts f
    JOIN sen_docs d USING (doc_id)
    GROUP BY d.urn, d.academic_year
)
,
need_counts AS (
    -- A need's count is unknown when any part of it was suppressed, never a partial sum.
    SELECT urn, academic_year,
           CASE WHEN count(*) FILTER (WHERE need_type = 'ASD' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'ASD') AS INTEGER) END AS pupils_asd,
           CASE WHEN count(*) FILTER (WHERE need_type = 'SEMH' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'SEMH') AS INTEGER) END AS pupils_semh,
           CASE WHEN count(*) FILTER (WHERE need_type = 'SLCN' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'SLCN') AS INTEGER) END AS pupils_slcn,
           CASE WHEN count(*) FILTER (WHERE need_type = 'SpLD' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'SpLD') AS INTEGER) END AS pupils_spld,
           CASE WHEN count(*) FILTER (WHERE need_type = 'MLD' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'MLD') AS INTEGER) END AS pupils_mld,
           CASE WHEN count(*) FILTER (WHERE need_type = 'SLD' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'SLD') AS INTEGER) END AS pupils_sld,
           CASE WHEN count(*) FILTER (WHERE need_type = 'PMLD' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'PMLD') AS INTEGER) END AS pupils_pmld,
           CASE WHEN count(*) FILTER (WHERE need_type = 'HI' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'HI') AS INTEGER) END AS pupils_hi,
           CASE WHEN count(*) FILTER (WHERE need_type = 'VI' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'VI') AS INTEGER) END AS pupils_vi,
           CASE WHEN count(*) FILTER (WHERE need_type = 'MSI' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'MSI') AS INTEGER) END AS pupils_msi,
           CASE WHEN count(*) FILTER (WHERE need_type = 'PD' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'PD') AS INTEGER) END AS pupils_pd,
           CASE WHEN count(*) FILTER (WHERE need_type = 'OTH' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'OTH') AS INTEGER) END AS pupils_oth,
           CASE WHEN count(*) FILTER (WHERE need_type = 'NSA' AND pupils IS NULL) = 0 THEN CAST(sum(pupils) FILTER (WHERE need_type = 'NSA') AS INTEGER) END AS pupils_nsa
    FROM sen_need
    GROUP BY urn, academic_year
)
SELECT
    l.urn,
    l.academic_year,
    s.name AS school_name,
    s.la_code,
    s.la_name,
    s.phase,
    l.outcome,
    l.outcome_reason,
    l.outcome_error,
    l.checked_at,
    l.last_attempt_at,
    l.last_attempt_outcome,
    CASE WHEN NOT l.could_not_check THEN rp.urn IS NOT NULL END AS report_found,
    rp.report_url,
    rp.report_format,
    rp.stated_year,
    report_unchanged(rp.sha256, dc.text_fingerprint, dc.sentence_hashes, prev.sha256, dp.text_fingerprint, dp.sentence_hashes) AS report_unchanged_since_last_year,
    CASE WHEN rp.urn IS NULL THEN NULL
         WHEN report_unchanged(rp.sha256, dc.text_fingerprint, dc.sentence_hashes, prev.sha256, dp.text_fingerprint, dp.sentence_hashes) OR rp.stated_year < l.academic_year THEN true
         WHEN rp.stated_year IS NULL AND report_unchanged(rp.sha256, dc.text_fingerprint, dc.sentence_hashes, prev.sha256, dp.text_fingerprint, dp.sentence_hashes) IS NULL THEN NULL
         ELSE false
    END AS report_stale,
    nullif(concat_ws(';',
        CASE WHEN report_unchanged(rp.sha256, dc.text_fingerprint, dc.sentence_hashes, prev.sha256, dp.text_fingerprint, dp.sentence_hashes) THEN 'unchanged_words' END,
        CASE WHEN rp.stated_year < l.academic_year THEN 'stated_year_older' END), '') AS report_stale_reason,
    nullif(fl.senco_names, '') AS senco_names,
    fl.senco_days_per_week,
    fl.senco_hours_per_week,
    fl.senco_fte,
    nullif(fl.senco_qualifications, '') AS senco_qualifications,
    fl.senco_on_slt,
    nullif(fl.areas_of_need, '') AS areas_of_need,
    nullif(fl.need_types, '') AS need_types,
    nullif(fl.specialist_provision, '') AS specialist_provision,
    fl.sen_percent,
    fl.ehcp_count,
    CASE WHEN rp.urn IS NOT NULL THEN array_to_string(list_sort(coalesce(fl.items, [])), ';') END AS statutory_items_covered,
    CASE WHEN rp.urn IS NOT NULL THEN (
        SELECT string_agg(si.id, ';' ORDER BY si.id) FROM statutory_items si
        WHERE NOT list_contains(coalesce(fl.items, []), si.id)
    ) END AS statutory_items_missing,
    st.pupils_total,
    st.pupils_sen_support,
    st.pupils_ehcp,
    nd.pupils_asd,
    nd.pupils_semh,
    nd.pupils_slcn,
    nd.pupils_spld,
    nd.pupils_mld,
    nd.pupils_sld,
    nd.pupils_pmld,
    nd.pupils_hi,
    nd.pupils_vi,
    nd.pupils_msi,
    nd.pupils_pd,
    nd.pupils_oth,
    nd.pupils_nsa,
    replace(l.academic_year, '/', '') AS time_period,
    'Academic year' AS time_identifier,
    'School' AS geographic_level,
    'E92000001' AS country_code,
    'England' AS country_name,
    s.region_name,
    s.la_ons_code AS new_la_code
FROM latest l
JOIN schools s ON s.urn = l.urn
LEFT JOIN report rp ON rp.urn = l.urn AND rp.academic_year = l.academic_year
LEFT JOIN fact_lists fl ON fl.urn = l.urn AND fl.academic_year = l.academic_year
LEFT JOIN sen_stats st ON st.urn = l.urn AND st.academic_year = l.academic_year
LEFT JOIN need_counts nd ON nd.urn = l.urn AND nd.academic_year = l.academic_year
LEFT JOIN report prev ON prev.urn = l.urn
    AND prev.academic_year = printf('%d/%02d', CAST(left(l.academic_year, 4) AS INTEGER) - 1, (CAST(left(l.academic_year, 4) AS INTEGER)) % 100)
LEFT JOIN documents dc ON dc.doc_id = rp.doc_id
LEFT JOIN documents dp ON dp.doc_id = prev.doc_id
WHERE ($year IS NULL OR l.academic_year = $year)
  AND ($la IS NULL OR s.la_code = $la OR lower(s.la_name) = lower($la) OR s.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR l.urn = CAST($urn AS INTEGER))
ORDER BY l.academic_year, s.la_code, l.urn
