-- name: senco_capacity
-- question: How much SENCO time does each school have for its pupils with SEN, and how does that compare with schools of the same phase?
--   SENCO time is turned into hours per week by the view school_senco_hours: hours
--   as stated; else days x 6.5; else a fraction of full time x 32.5. Pupils with
--   SEN come from the DfE statistics (SEN support + EHC plans), else from the report.
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   urn: the school's URN
--   school_name: the school's name in the register
--   la_code: three-digit LA code
--   phase: phase of education in the register
--   academic_year: the year of the crawl
--   outcome: the year's outcome for the school (found, not_found, or why it could not be checked: unreachable, blocked_by_robots, no_website, needs_javascript); SENCO figures are empty, not zero, for a school not checked
--   senco_hours_per_week: the SENCO's time for the role, in hours per week (see above); empty when the report does not say
--   sen_pupils: pupils with SEN (DfE statistics, else the report); empty when unknown or suppressed
--   sen_pupils_per_senco_hour: sen_pupils divided by senco_hours_per_week
--   senco_qualified: true when the report says the SENCO holds NASENCO or the NPQ for SENCOs
--   senco_on_slt: true (false) when the report says the SENCO is (is not) on the senior leadership team
--   percentile_la_phase: where the school stands among the LA's schools of its phase that year, by pupils per SENCO hour (0 = fewest pupils per hour, 100 = most)
--   percentile_phase: the same among all schools of its phase that year
--   change_since_last_year: SENCO hours this year less last year's; empty when either is unknown
WITH senco AS (
    SELECT urn, academic_year,
           bool_or(value IN ('NASENCO', 'NPQ_SENCO')) FILTER (WHERE field = 'senco.qualification') AS qualified,
           bool_or(value = 'true') FILTER (WHERE field = 'senco.on_slt') AS on_slt,
           max(value_num) FILTER (WHERE field = 'stats.sen_count') AS report_sen_count
    FROM school_facts
    GROUP BY urn, academic_year
),
base AS (
    SELECT l.urn, s.name AS school_name, s.la_code, s.la_name, s.phase, l.academic_year, o.outcome,
           h.senco_hours_per_week,
           coalesce(st.pupils_sen_support + st.pupils_ehcp, CAST(se.report_sen_count AS INTEGER)) AS sen_pupils,
           CASE WHEN NOT o.could_not_check THEN coalesce(se.qualified, FALSE) END AS senco_qualified,
           se.on_slt AS senco_on_slt
    FROM latest_school_runs l
    JOIN schools s ON s.urn = l.urn
    LEFT JOIN school_outcomes o ON o.urn = l.urn AND o.academic_year = l.academic_year
    LEFT JOIN senco se ON se.urn = l.urn AND se.academic_year = l.academic_year
    LEFT JOIN school_senco_hours h ON h.urn = l.urn AND h.academic_year = l.academic_year
    LEFT JOIN sen_stats st ON st.urn = l.urn AND st.academic_year = l.academic_year
),
ratio AS (
    SELECT *, round(sen_pupils / nullif(senco_hours_per_week, 0), 2) AS sen_pupils_per_senco_hour
    FROM base
),
ranked AS (
    SELECT r.*,
           CASE WHEN sen_pupils_per_senco_hour IS NOT NULL THEN round(100 * percent_rank() OVER (
               PARTITION BY la_code, phase, academic_year, sen_pupils_per_senco_hour IS NULL ORDER BY sen_pupils_per_senco_hour), 0) END AS percentile_la_phase,
           CASE WHEN sen_pupils_per_senco_hour IS NOT NULL THEN round(100 * percent_rank() OVER (
               PARTITION BY phase, academic_year, sen_pupils_per_senco_hour IS NULL ORDER BY sen_pupils_per_senco_hour), 0) END AS percentile_phase
    FROM ratio r
)
SELECT cur.urn, cur.school_name, cur.la_code, cur.phase, cur.academic_year, cur.outcome, cur.senco_hours_per_week, cur.sen_pupils,
       cur.sen_pupils_per_senco_hour, cur.senco_qualified, cur.senco_on_slt, cur.percentile_la_phase, cur.percentile_phase,
       cur.senco_hours_per_week - prev.senco_hours_per_week AS change_since_last_year
FROM ranked cur
LEFT JOIN ranked prev ON prev.urn = cur.urn
    AND prev.academic_year = printf('%d/%02d', CAST(left(cur.academic_year, 4) AS INTEGER) - 1, CAST(left(cur.academic_year, 4) AS INTEGER) % 100)
WHERE ($year IS NULL OR cur.academic_year = $year)
  AND ($la IS NULL OR cur.la_code = $la OR lower(cur.la_name) = lower($la) OR cur.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR cur.urn = CAST($urn AS INTEGER))
ORDER BY cur.academic_year, cur.la_code, cur.urn
