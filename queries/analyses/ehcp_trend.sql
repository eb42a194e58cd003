-- name: ehcp_trend
-- question: How many EHC plans does the LA maintain, for which primary needs, and where are those children and young people placed, year by year?
--   From the DfE's "Education, health and care plans" LA tables (`sendscope needs
--   import`), for every year imported, whether or not the LA's schools were crawled.
--   Placements are the DfE's own columns, plus two sums: mainstream schools'
--   resourced provision and SEN units together, and independent special schools
--   with non-maintained special schools. A suppressed figure stays empty.
-- parameters:
--   la: LA code (886), name or ONS code (E10000016); empty for every LA
-- columns:
--   year: calendar year of the January census the DfE counts plans at
--   la_code: three-digit LA code (the DfE's old_la_code)
--   la_name: LA name as the DfE writes it
--   new_la_code: the LA's ONS code in the DfE's file
--   topic: need (plans by primary need) or placement (plans by where the child or young person is placed)
--   category: need: census code (ASD, SEMH, ...; UNKNOWN; ALL for every plan); placement: the DfE's column (special_independent, mainstream_academy_resourced_provision, ...), resourced_provision_or_sen_unit, or independent_or_non_maintained_special
--   plans: EHC plans; empty where the DfE suppressed the figure
--   share_of_plans: plans per 100 of the LA's EHC plans that year
--   previous_year: the previous year held for the LA
--   previous_plans: plans in that year
--   change_pct: change since the previous year held, in per cent
WITH base AS (
    SELECT la_code, year, topic, category, plans FROM la_ehcp
    UNION ALL
    -- Sums a commissioner asks for; unknown when any part was suppressed.
    SELECT la_code, year, 'placement', 'resourced_provision_or_sen_unit',
           CASE WHEN count(*) = count(plans) THEN sum(plans) END
    FROM la_ehcp
    WHERE topic = 'placement' AND (category LIKE 'mainstream%resourced_provision' OR category LIKE 'mainstream%senunit')
    GROUP BY la_code, year
    UNION ALL
    SELECT la_code, year, 'placement', 'independent_or_non_maintained_special',
           CASE WHEN count(*) = count(plans) THEN sum(plans) END
    FROM la_ehcp
    WHERE topic = 'placement' AND category IN ('special_independent', 'special_non_maintained')
    GROUP BY la_code, year
),
names AS (
    SELECT DISTINCT ON (la_code) la_code, la_name, new_la_code FROM la_ehcp ORDER BY la_code, year DESC
),
totals AS (
    -- The LA's plans: from the need table, else the caseload table.
    SELECT la_code, year, max(plans) FILTER (WHERE topic = 'need') AS need_total, max(plans) FILTER (WHERE topic = 'placement') AS placement_total
    FROM la_ehcp WHERE category = 'ALL' GROUP BY ALL
),
trended AS (
    SELECT b.*, lag(year) OVER w AS previous_year, lag(plans) OVER w AS previous_plans
    FROM base b
    WINDOW w AS (PARTITION BY la_code, topic, category ORDER BY year)
)
SELECT t.year, t.la_code, n.la_name, n.new_la_code, t.topic, t.category, t.plans,
       round(100.0 * t.plans / nullif(coalesce(tt.need_total, tt.placement_total), 0), 1) AS share_of_plans,
       t.previous_year, t.previous_plans,
       round(100.0 * (t.plans - t.previous_plans) / nullif(t.previous_plans, 0), 1) AS change_pct
FROM trended t
JOIN names n USING (la_code)
LEFT JOIN totals tt ON tt.la_code = t.la_code AND tt.year = t.year
WHERE $la IS NULL OR t.la_code = $la OR lower(n.la_name) = lower($la) OR n.new_la_code = $la
   OR t.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la OR lower(la_name) = lower($la))
ORDER BY t.la_code, t.topic, CASE t.category WHEN 'ALL' THEN 0 WHEN 'ASD' THEN 1 WHEN 'SEMH' THEN 2 ELSE 3 END, t.category, t.year
