-- name: sen_distribution
-- question: How are pupils with EHC plans and SEN support spread across an area's schools? Which schools stand far above or below their phase?
--   From the DfE statistics. As NFER recommends areas monitor: rates per school,
--   quartiles among the LA's schools of the same phase, the ratio of the top to the
--   bottom quartile, and schools beyond 1.5 interquartile ranges of their phase.
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   urn: the school's URN
--   school_name: the school's name in the register
--   la_code: three-digit LA code
--   phase: phase of education in the register
--   academic_year: the year of the statistics
--   pupils_total: pupils on roll
--   ehcp_rate: pupils with EHC plans per 100 pupils
--   sen_support_rate: pupils on SEN support per 100 pupils
--   la_phase_q1: the lower quartile of ehcp_rate among the LA's schools of the phase
--   la_phase_median: their median ehcp_rate
--   la_phase_q3: their upper quartile
--   top_to_bottom_quartile_ratio: the mean ehcp_rate of the top quarter of those schools over that of the bottom quarter
--   position: far_above or far_below (beyond 1.5 interquartile ranges from the quartiles), else typical; empty when the rate is unknown
WITH rates AS (
    SELECT st.urn, s.name AS school_name, s.la_code, s.la_name, s.phase, st.academic_year, st.pupils_total,
           round(100.0 * st.pupils_ehcp / nullif(st.pupils_total, 0), 2) AS ehcp_rate,
           round(100.0 * st.pupils_sen_support / nullif(st.pupils_total, 0), 2) AS sen_support_rate
    FROM sen_stats st JOIN schools s USING (urn)
),
quartered AS (
    SELECT r.*, ntile(4) OVER (PARTITION BY la_code, phase, academic_year, ehcp_rate IS NULL ORDER BY ehcp_rate) AS quarter
    FROM rates r
),
groups AS (
    SELECT la_code, phase, academic_year,
           quantile_cont(ehcp_rate, 0.25) AS q1, quantile_cont(ehcp_rate, 0.5) AS med, quantile_cont(ehcp_rate, 0.75) AS q3,
           avg(ehcp_rate) FILTER (WHERE quarter = 4) / nullif(avg(ehcp_rate) FILTER (WHERE quarter = 1), 0) AS ratio
    FROM quartered WHERE ehcp_rate IS NOT NULL
    GROUP BY ALL
)
SELECT r.urn, r.school_name, r.la_code, r.phase, r.academic_year, r.pupils_total, r.ehcp_rate, r.sen_support_rate,
       round(g.q1, 2) AS la_phase_q1, round(g.med, 2) AS la_phase_median, round(g.q3, 2) AS la_phase_q3,
       round(g.ratio, 2) AS top_to_bottom_quartile_ratio,
       CASE WHEN r.ehcp_rate IS NULL THEN NULL
            WHEN r.ehcp_rate > g.q3 + 1.5 * (g.q3 - g.q1) THEN 'far_above'
            WHEN r.ehcp_rate < g.q1 - 1.5 * (g.q3 - g.q1) THEN 'far_below'
            ELSE 'typical' END AS position
FROM rates r
LEFT JOIN groups g USING (la_code, phase, academic_year)
WHERE ($year IS NULL OR r.academic_year = $year)
  AND ($la IS NULL OR r.la_code = $la OR lower(r.la_name) = lower($la) OR r.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR r.urn = CAST($urn AS INTEGER))
ORDER BY r.academic_year, r.la_code, r.phase, r.urn
