-- name: school_benchmark
-- question: How does one school compare with the schools of its phase, in its LA and in the store, year by year?
--   One row per year and measure for the school given: its own figure beside the
--   median and quartiles of the LA's schools of the same phase, and the median of
--   every school of that phase the store holds, with how many LAs they are in (a
--   national figure only when the store holds every LA's schools: say which).
--   Measures: SENCO hours per week (as in senco_capacity),
--   pupils with SEN per SENCO hour, EHC plan and SEN support rates per 100 pupils,
--   statutory items covered.
-- parameters:
--   urn: the school's URN (required: without it there are no rows)
--   year: academic year ('2025/26'); empty for every year held
-- columns:
--   urn: the school's URN
--   school_name: the school's name in the register
--   phase: the school's phase of education in the register (its peers' phase)
--   academic_year: the year
--   measure: senco_hours_per_week, sen_pupils_per_senco_hour, ehcp_rate, sen_support_rate or statutory_items_covered
--   school_value: the school's own figure
--   la_phase_q1: lower quartile among the LA's schools of the same phase (the school included)
--   la_phase_median: their median
--   la_phase_q3: their upper quartile
--   la_phase_schools: how many of them have a figure
--   store_phase_median: median among every school of the phase the store holds, in any LA (national only when the store holds every LA)
--   store_phase_schools: how many of them have a figure
--   store_phase_las: how many LAs those schools are in
WITH senco AS (
    SELECT f.urn, f.academic_year,
           any_value(h.senco_hours_per_week) AS hours,
           max(f.value_num) FILTER (WHERE f.field = 'stats.sen_count') AS report_sen,
           count(DISTINCT f.value) FILTER (WHERE f.field = 'statutory.item') AS items
    FROM school_facts f
    LEFT JOIN school_senco_hours h ON h.urn = f.urn AND h.academic_year = f.academic_year
    GROUP BY f.urn, f.academic_year
),
wide AS (
    SELECT l.urn, l.academic_year, s.la_code, s.phase,
           CAST(se.hours AS DOUBLE) AS senco_hours_per_week,
           round(coalesce(st.pupils_sen_support + st.pupils_ehcp, se.report_sen) / nullif(se.hours, 0), 2) AS sen_pupils_per_senco_hour,
           round(100.0 * st.pupils_ehcp / nullif(st.pupils_total, 0), 2) AS ehcp_rate,
           round(100.0 * st.pupils_sen_support / nullif(st.pupils_total, 0), 2) AS sen_support_rate,
           CASE WHEN rp.urn IS NOT NULL THEN CAST(coalesce(se.items, 0) AS DOUBLE) END AS statutory_items_covered
    FROM latest_school_runs l
    JOIN schools s ON s.urn = l.urn
    LEFT JOIN senco se ON se.urn = l.urn AND se.academic_year = l.academic_year
    LEFT JOIN sen_stats st ON st.urn = l.urn AND st.academic_year = l.academic_year
    LEFT JOIN school_reports rp ON rp.urn = l.urn AND rp.academic_year = l.academic_year
),
long AS (
    UNPIVOT wide ON senco_hours_per_week, sen_pupils_per_senco_hour, ehcp_rate, sen_support_rate, statutory_items_covered
    INTO NAME measure VALUE value
),
la_stats AS (
    SELECT la_code, phase, academic_year, measure, count(*) AS n,
           quantile_cont(value, 0.25) AS q1, median(value) AS med, quantile_cont(value, 0.75) AS q3
    FROM long GROUP BY ALL
),
store_wide AS (
    SELECT phase, academic_year, measure, count(*) AS n, median(value) AS med, count(DISTINCT la_code) AS las FROM long GROUP BY ALL
),
me AS (
    SELECT l.*, s.name AS school_name FROM long l JOIN schools s USING (urn)
    WHERE l.urn = CAST($urn AS INTEGER) AND ($year IS NULL OR l.academic_year = $year)
)
SELECT me.urn, me.school_name, me.phase, me.academic_year, me.measure, me.value AS school_value,
       round(la.q1, 2) AS la_phase_q1, round(la.med, 2) AS la_phase_median, round(la.q3, 2) AS la_phase_q3, la.n AS la_phase_schools,
       round(sw.med, 2) AS store_phase_median, sw.n AS store_phase_schools, sw.las AS store_phase_las
FROM me
JOIN la_stats la USING (la_code, phase, academic_year, measure)
JOIN store_wide sw USING (phase, academic_year, measure)
ORDER BY me.academic_year, CASE me.measure WHEN 'senco_hours_per_week' THEN 1 WHEN 'sen_pupils_per_senco_hour' THEN 2 WHEN 'ehcp_rate' THEN 3
    WHEN 'sen_support_rate' THEN 4 ELSE 5 END
