-- name: coverage_gaps
-- question: Where are specialist places short of need, for which needs (autism and SEMH first), and is the gap growing?
--   Per LA, need type and year, and per district of the LA where the register gives
--   districts (level = district). Pupils with the need come from the DfE primary-need
--   statistics (EHC plan and SEN support). A school's specialist places for a need are
--   the larger of the register's resourced provision and SEN unit capacity (counted for
--   the first SEN provision type the register lists, SEN1) and the places its own
--   report states for that need, so one provision is never counted twice.
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
-- columns:
--   academic_year: the year
--   la_code: three-digit LA code
--   la_name: LA name
--   level: la for the whole LA, district for one of its districts
--   district_name: the district (empty for LA rows)
--   need_type: census code of the need (ASD, SEMH, SLCN, ...)
--   pupils_with_need: pupils in the LA's schools whose primary need it is (EHC plan and SEN support), from the figures the DfE published
--   schools_with_suppressed_counts: schools whose count for this need the DfE suppressed (so pupils_with_need is a floor)
--   specialist_places: specialist places for the need in the LA's schools (see above)
--   schools_stating_provision: schools whose SEN documents name the need as one they provide for; empty in a year the LA's schools were not crawled
--   schools_checked: schools of the LA (district) whose websites were searched that year: schools_stating_provision is out of these
--   schools_could_not_check: schools of the LA (district) in the year's crawl whose websites could not be checked (unreachable, blocked, no website, ...): they may provide for the need too
--   local_offer_services: services in the LA's Local Offer that name the need; empty in a year the Local Offer was not crawled, and on district rows
--   places_per_100_pupils: specialist_places per 100 pupils with the need; empty when pupils_with_need is unknown or 0
--   gap_rank: 1 for the LA (or district, among districts) with the fewest places per 100 pupils with this need this year, 2 for the next, ...
--   need_trend: growing, falling or steady (within 5%) since the previous year held; empty for the first year
--   places_trend: the same for specialist places
--   need_outgrowing_places: true when pupils with the need grew by a larger share than places did
WITH years AS (
    SELECT DISTINCT academic_year FROM sen_need
    UNION SELECT DISTINCT academic_year FROM crawl_runs
),
register_places AS (
    -- The register has no year: its places count for every year.
    SELECT urn, split_part(sen_provision_types, ';', 1) AS need_type,
           coalesce(resourced_provision_capacity, 0) + coalesce(sen_unit_capacity, 0) AS places
    FROM schools
    WHERE sen_provision_types IS NOT NULL AND (resourced_provision_capacity IS NOT NULL OR sen_unit_capacity IS NOT NULL)
),
report_places AS (
    SELECT urn, academic_year, split_part(value, ':', 2) AS need_type, max(value_num) AS places
    FROM school_facts
    WHERE field = 'provision.specialist' AND value_num IS NOT NULL
    GROUP BY ALL
),
school_places AS (
    -- The larger of the register's and the report's figure, per school, need and year.
    SELECT urn, academic_year, need_type, max(places) AS places
    FROM (
        SELECT rg.urn, y.academic_year, rg.need_type, rg.places FROM register_places rg CROSS JOIN years y
        UNION ALL
        SELECT urn, academic_year, need_type, places FROM report_places
    )
    GROUP BY ALL
),
-- Every school's contribution to each need and year, then summed per LA and district.
contributions AS (
    SELECT urn, academic_year, need_type, pupils, pupils IS NULL AS suppressed, NULL::DOUBLE AS places, FALSE AS states
    FROM sen_need
    UNION ALL
    SELECT urn, academic_year, need_type, NULL, FALSE, places, FALSE FROM school_places
    UNION ALL
    SELECT DISTINCT urn, academic_year, value, NULL, FALSE, NULL, TRUE FROM school_facts WHERE field = 'need.type'
),
summed AS (
    SELECT c.academic_year, s.la_code, s.district_name, c.need_type,
           CASE WHEN grouping(s.district_name) = 1 THEN 'la' ELSE 'district' END AS level,
           CAST(sum(c.pupils) AS BIGINT) AS pupils_with_need,
           count(DISTINCT c.urn) FILTER (WHERE c.suppressed) AS schools_with_suppressed_counts,
           coalesce(sum(c.places), 0) AS specialist_places,
           count(DISTINCT c.urn) FILTER (WHERE c.states) AS schools_stating_provision
    FROM contributions c JOIN schools s USING (urn)
    WHERE c.need_type IS NOT NULL AND c.need_type <> ''
    GROUP BY GROUPING SETS ((c.academic_year, s.la_code, c.need_type), (c.academic_year, s.la_code, s.district_name, c.need_type))
),
latest_la AS (
    SELECT ra.la_code, r.academic_year, max(ra.run_id) AS run_id
    FROM run_authorities ra JOIN crawl_runs r USING (run_id) GROUP BY ALL
),
services_need AS (
    SELECT la_code, academic_year, need_type, count(*) AS local_offer_services
    FROM (
        SELECT sv.la_code, sv.academic_year, unnest(string_split(sv.need_types, ';')) AS need_type
        FROM services sv JOIN latest_la l ON l.la_code = sv.la_code AND l.run_id = sv.run_id
        WHERE sv.need_types IS NOT NULL
    )
    GROUP BY ALL
),
checked AS (
    SELECT o.academic_year, s.la_code, s.district_name,
           CASE WHEN grouping(s.district_name) = 1 THEN 'la' ELSE 'district' END AS level,
           count(*) FILTER (WHERE NOT o.could_not_check) AS schools_checked,
           count(*) FILTER (WHERE o.could_not_check) AS schools_could_not_check
    FROM school_outcomes o JOIN schools s USING (urn)
    GROUP BY GROUPING SETS ((o.academic_year, s.la_code), (o.academic_year, s.la_code, s.district_name))
),
crawled AS (
    -- Years in which the LA's schools were crawled: in other years the counts the
    -- crawl gives are unknown, not zero.
    SELECT DISTINCT s.la_code, l.academic_year FROM latest_school_runs l JOIN schools s USING (urn)
),
measured AS (
    SELECT m.academic_year, m.la_code, m.level, m.district_name, m.need_type, m.pupils_with_need, m.schools_with_suppressed_counts,
           m.specialist_places,
           CASE WHEN cr.la_code IS NOT NULL THEN m.schools_stating_provision END AS schools_stating_provision,
           ck.schools_checked, ck.schools_could_not_check,
           CASE WHEN lo.la_code IS NOT NULL AND m.level = 'la' THEN coalesce(sn.local_offer_services, 0) END AS local_offer_services,
           round(100.0 * m.specialist_places / nullif(m.pupils_with_need, 0), 1) AS places_per_100_pupils
    FROM summed m
    LEFT JOIN crawled cr ON cr.la_code = m.la_code AND cr.academic_year = m.academic_year
    LEFT JOIN checked ck ON ck.la_code = m.la_code AND ck.academic_year = m.academic_year AND ck.level = m.level
        AND ck.district_name IS NOT DISTINCT FROM m.district_name
    LEFT JOIN latest_la lo ON lo.la_code = m.la_code AND lo.academic_year = m.academic_year
    LEFT JOIN services_need sn ON sn.la_code = m.la_code AND sn.academic_year = m.academic_year AND sn.need_type = m.need_type
    WHERE m.level = 'la' OR m.district_name IS NOT NULL
),
trended AS (
    SELECT m.*,
           lag(pupils_with_need) OVER w AS prev_pupils, lag(specialist_places) OVER w AS prev_places
    FROM measured m
    WINDOW w AS (PARTITION BY la_code, level, district_name, need_type ORDER BY academic_year)
)
-- Ranked over every LA (and district) before the rows asked for are chosen: one
-- LA's rank is among all the LAs held, not among the rows returned.
SELECT * FROM (
SELECT t.academic_year, t.la_code, a.la_name, t.level, t.district_name, t.need_type, t.pupils_with_need, t.schools_with_suppressed_counts,
       t.specialist_places, t.schools_stating_provision, t.schools_checked, t.schools_could_not_check, t.local_offer_services, t.places_per_100_pupils,
       CASE WHEN t.places_per_100_pupils IS NOT NULL THEN rank() OVER (
           PARTITION BY t.need_type, t.academic_year, t.level, t.places_per_100_pupils IS NULL ORDER BY t.places_per_100_pupils) END AS gap_rank,
       CASE WHEN t.prev_pupils IS NULL OR t.pupils_with_need IS NULL THEN NULL
            WHEN t.pupils_with_need > t.prev_pupils * 1.05 THEN 'growing'
            WHEN t.pupils_with_need < t.prev_pupils * 0.95 THEN 'falling' ELSE 'steady' END AS need_trend,
       CASE WHEN t.prev_places IS NULL THEN NULL
            WHEN t.specialist_places > t.prev_places * 1.05 THEN 'growing'
            WHEN t.specialist_places < t.prev_places * 0.95 THEN 'falling' ELSE 'steady' END AS places_trend,
       CASE WHEN t.prev_pupils > 0 AND t.pupils_with_need IS NOT NULL
            THEN t.pupils_with_need / t.prev_pupils > (t.specialist_places + 0.0) / nullif(t.prev_places, 0)
                 OR (coalesce(t.prev_places, 0) = 0 AND t.specialist_places = 0 AND t.pupils_with_need > t.prev_pupils) END AS need_outgrowing_places
FROM trended t
LEFT JOIN (SELECT DISTINCT la_code, la_name FROM schools) a ON a.la_code = t.la_code
) r
WHERE ($year IS NULL OR r.academic_year = $year)
  AND ($la IS NULL OR r.la_code = $la OR lower(r.la_name) = lower($la) OR r.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
ORDER BY r.academic_year, r.la_code, r.level DESC, r.district_name NULLS FIRST,
    CASE r.need_type WHEN 'ASD' THEN 1 WHEN 'SEMH' THEN 2 ELSE 3 END, r.need_type
