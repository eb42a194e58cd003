-- 006_views: the building blocks the named analyses share.
--
-- A year's figures for a school come from the latest crawl run of that year that
-- reached the school (a re-crawl adds a run; years are never overwritten).

CREATE VIEW latest_school_runs AS
SELECT rs.urn, r.academic_year, max(rs.run_id) AS run_id
FROM run_sites rs
JOIN crawl_runs r USING (run_id)
GROUP BY rs.urn, r.academic_year;

-- The SEN documents of each school's latest run of each year.
CREATE VIEW school_sen_documents AS
SELECT d.*
FROM documents d
JOIN latest_school_runs l ON d.urn = l.urn AND d.run_id = l.run_id
WHERE d.doc_type IN ('sen_information_report', 'policy_and_report', 'sen_policy', 'accessibility_plan');

-- The facts read from those documents, with the school and year.
CREATE VIEW school_facts AS
SELECT d.urn, d.academic_year, f.*
FROM facts f
JOIN school_sen_documents d USING (doc_id);

-- The report most likely to be each year's, when a school publishes several: one
-- that states this year, then one stating no year, then the most confidently typed.
CREATE VIEW school_reports AS
SELECT urn, academic_year, doc_id, final_url AS report_url, format AS report_format, stated_year, sha256
FROM school_sen_documents
WHERE doc_type IN ('sen_information_report', 'policy_and_report')
QUALIFY row_number() OVER (
    PARTITION BY urn, academic_year
    ORDER BY (stated_year = academic_year) DESC NULLS LAST, (stated_year IS NULL) DESC, doc_type_confidence DESC, doc_id
) = 1;
