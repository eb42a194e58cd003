-- name: coverage_gaps
-- question: Where are specialist places short of need, for which needs (autism and SEMH first), and is the gap growing?
--   Per LA, need type and year. Pupils with the need come from the DfE primary-need
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
--   need_type: census code of the need (ASD, SEMH, SLCN, ...)
--   pupils_with_need: pupils in the LA's schools whose primary need it is (EHC plan and SEN support), from the figures the DfE published
--   schools_with_suppressed_counts: schools whose count for this need the DfE suppressed (so pupils_with_need is a floor)
--   specialist_places: specialist places for the need in the LA's schools (see above)
--   schools_stating_provision: schools whose SEN documents name the need as one they provide for; empty in a year the LA's schools were not crawled
--   local_offer_services: services in the LA's Local Offer that name the need; empty in a year the Local Offer was not crawled
--   places_per_100_pupils: specialist_places per 100 pupils with the need; empty when pupils_with_need is unknown or 0
--   gap_rank: 1 for the LA with the fewest places per 100 pupils with this need this year, 2 for the next, ...
--   need_trend: growing, falling or steady (within 5%) since the previous year held; empty for the first year
--   places_trend: the same for specialist places
--   need_outgrowing_places: true when pupils with the need grew by a larger share than places did
WITH need_pupils AS (
    SELECT s.la_code, n.academic_year, n.need_type,
           sum(n.pupils) AS pupils_with_need,
           count(DISTINCT n.urn) FILTER (WHERE n.pupils IS NULL) AS schools_with_suppressed_counts
    FROM sen_need n
    JOIN schools s USING (urn)
    GROUP BY ALL
),
years AS (
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
    SELECT la_code, academic_year, urn, need_type, max(places) AS places
    FROM (
        SELECT s.la_code, y.academic_year, rg.urn, rg.need_type, rg.places
        FROM register_places rg JOIN schools s USING (urn) CROSS JOIN years y
        UNION ALL
        SELECT s.la_code, rp.academic_year, rp.urn, rp.need_type, rp.places
        FROM report_places rp JOIN schools s USING (urn)
    )
    GROUP BY ALL
),
places AS (
    SELECT la_code, academic_year, need_type, sum(places) AS specialist_places
    FROM school_places GROUP BY ALL
),
stating AS (
    SELECT s.la_code, f.academic_year, f.value AS need_type, count(DISTINCT f.urn) AS schools_stating_provision
    FROM school_facts f JOIN schools s USING (urn)
    WHERE f.field = 'need.type'
    GROUP BY ALL
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
combined AS (
    SELECT coalesce(np.la_code, pl.la_code, st.la_code) AS la_code,
           coalesce(np.academic_year, pl.academic_year, st.academic_year) AS academic_year,
           coalesce(np.need_type, pl.need_type, st.need_type) AS need_type,
           np.pupils_with_need, coalesce(np.schools_with_suppressed_counts, 0) AS schools_with_suppressed_counts,
           coalesce(pl.specialist_places, 0) AS specialist_places,
           coalesce(st.schools_stating_provision, 0) AS schools_stating_provision
    FROM need_pupils np
    FULL JOIN places pl ON pl.la_code = np.la_code AND pl.academic_year = np.academic_year AND pl.need_type = np.need_type
    FULL JOIN stating st ON st.la_code = coalesce(np.la_code, pl.la_code) AND st.academic_year = coalesce(np.academic_year, pl.academic_year)
        AND st.need_type = coalesce(np.need_type, pl.need_type)
),
crawled AS (
    -- Years in which the LA's schools, or its Local Offer, were crawled: in other
    -- years those counts are unknown, not zero.
    SELECT DISTINCT s.la_code, l.academic_year FROM latest_school_runs l JOIN schools s USING (urn)
),
measured AS (
    SELECT c.* REPLACE (CASE WHEN cr.la_code IS NOT NULL THEN c.schools_stating_provision END AS schools_stating_provision),
           CASE WHEN lo.la_code IS NOT NULL THEN coalesce(sn.local_offer_services, 0) END AS local_offer_services,
           round(100.0 * c.specialist_places / nullif(c.pupils_with_need, 0), 1) AS places_per_100_pupils
    FROM combined c
    LEFT JOIN crawled cr ON cr.la_code = c.la_code AND cr.academic_year = c.academic_year
    LEFT JOIN latest_la lo ON lo.la_code = c.la_code AND lo.academic_year = c.academic_year
    LEFT JOIN services_need sn ON sn.la_code = c.la_code AND sn.academic_year = c.academic_year AND sn.need_type = c.need_type
    WHERE c.need_type IS NOT NULL AND c.need_type <> ''
),
trended AS (
    SELECT m.*,
           lag(pupils_with_need) OVER w AS prev_pupils, lag(specialist_places) OVER w AS prev_places
    FROM measured m
    WINDOW w AS (PARTITION BY la_code, need_type ORDER BY academic_year)
)
SELECT t.academic_year, t.la_code, a.la_name, t.need_type, t.pupils_with_need, t.schools_with_suppressed_counts,
       t.specialist_places, t.schools_stating_provision, t.local_offer_services, t.places_per_100_pupils,
       CASE WHEN t.places_per_100_pupils IS NOT NULL THEN rank() OVER (
           PARTITION BY t.need_type, t.academic_year, t.places_per_100_pupils IS NULL ORDER BY t.places_per_100_pupils) END AS gap_rank,
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
WHERE ($year IS NULL OR t.academic_year = $year)
  AND ($la IS NULL OR t.la_code = $la OR lower(a.la_name) = lower($la))
ORDER BY t.academic_year, t.la_code, CASE t.need_type WHEN 'ASD' THEN 1 WHEN 'SEMH' THEN 2 ELSE 3 END, t.need_type
