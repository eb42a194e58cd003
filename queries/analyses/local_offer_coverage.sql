-- name: local_offer_coverage
-- question: For each need and age band, how many services does each LA's Local Offer list, and where are there none?
--   A service serves an age band when its age range overlaps it (no minimum age
--   counts as 0, no maximum as 25). Every need of the census list (plus ADHD) and
--   every band is listed for each LA and year crawled, for all categories together
--   (category empty) and for each category the LA's directory uses, so empty cells
--   show as 0. Services whose feed status is other than active are not counted.
--   Beside each cell, the pupils of the LA's schools with that primary need (SEN
--   support and EHC plans, DfE statistics imported with `needs import`, the latest
--   year up to the crawl's): a school's pupils are spread over the bands its age
--   range spans (the register's statutory ages, else its phase's usual ages), in
--   proportion to its years in each. ADHD is not a census need, so it has no
--   pupil count.
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
-- columns:
--   academic_year: the year of the crawl
--   la_code: three-digit LA code
--   need_type: census code of the need (plus ADHD)
--   age_band: 0-4, 5-10, 11-15, 16-18 or 19-25
--   category: one of the directory's categories; empty for all categories together
--   services: services in the LA's Local Offer naming the need and serving the band (in the category)
--   categories: the directory categories of those services, ';'-separated
--   empty: true when no service covers the need at that age
--   pupils: pupils of the LA's schools with the need in the band (estimated from their age ranges); empty without statistics
--   pupils_year: the year of those statistics
--   gap: true when pupils have the need at that age and the Local Offer lists no service for it in any category (e.g. no SEMH service for 16-18); empty on the rows of one category
WITH latest_la AS (
    -- Narrowed to the year and LA asked for first: the grid below is large.
    SELECT ra.la_code, r.academic_year, max(ra.run_id) AS run_id
    FROM run_authorities ra JOIN crawl_runs r USING (run_id)
    LEFT JOIN authorities a ON a.la_code = ra.la_code
    WHERE ($year IS NULL OR r.academic_year = $year)
      AND ($la IS NULL OR ra.la_code = $la OR lower(a.la_name) = lower($la) OR ra.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
    GROUP BY ALL
),
bands(age_band, lo, hi, ord) AS (VALUES ('0-4', 0, 4, 1), ('5-10', 5, 10, 2), ('11-15', 11, 15, 3), ('16-18', 16, 18, 4), ('19-25', 19, 25, 5)),
needs(need_type, ord) AS (VALUES ('ASD', 1), ('SEMH', 2), ('SLCN', 3), ('SpLD', 4), ('MLD', 5), ('SLD', 6), ('PMLD', 7), ('HI', 8), ('VI', 9),
    ('MSI', 10), ('PD', 11), ('ADHD', 12)),
service_needs AS (
    SELECT s.la_code, s.academic_year, s.service_id, coalesce(s.age_min, 0) AS lo, coalesce(s.age_max, 25) AS hi, s.categories,
           unnest(string_split(s.need_types, ';')) AS need_type
    FROM services s JOIN latest_la l ON l.la_code = s.la_code AND l.run_id = s.run_id
    WHERE s.need_types IS NOT NULL AND s.need_types <> '' AND coalesce(s.is_current, true)
),
categories AS (
    SELECT DISTINCT s.la_code, s.academic_year, unnest(string_split(s.categories, ';')) AS category
    FROM services s JOIN latest_la l ON l.la_code = s.la_code AND l.run_id = s.run_id
    WHERE s.categories IS NOT NULL AND s.categories <> ''
),
need_years AS (
    SELECT DISTINCT sc.la_code, n.academic_year AS stats_year FROM sen_need n JOIN schools sc USING (urn)
),
pick AS (
    SELECT l.la_code, l.academic_year,
           coalesce(max(ny.stats_year) FILTER (WHERE ny.stats_year <= l.academic_year), max(ny.stats_year)) AS stats_year
    FROM latest_la l LEFT JOIN need_years ny ON ny.la_code = l.la_code
    GROUP BY ALL
),
school_ages AS (
    -- The register's statutory ages, else the phase's usual ones.
    SELECT urn, la_code,
           coalesce(low_age, CASE lower(phase) WHEN 'nursery' THEN 2 WHEN 'primary' THEN 4 WHEN 'middle deemed primary' THEN 8
               WHEN 'middle deemed secondary' THEN 9 WHEN 'secondary' THEN 11 WHEN 'all-through' THEN 4 WHEN '16 plus' THEN 16 END) AS low_age,
           coalesce(high_age, CASE lower(phase) WHEN 'nursery' THEN 4 WHEN 'primary' THEN 11 WHEN 'middle deemed primary' THEN 12
               WHEN 'middle deemed secondary' THEN 13 WHEN 'secondary' THEN 16 WHEN 'all-through' THEN 16 WHEN '16 plus' THEN 18 END) AS high_age
    FROM schools
),
pupils AS (
    SELECT p.la_code, p.academic_year, p.stats_year, n.need_type, b.age_band,
           round(sum(n.pupils * (least(sc.high_age, b.hi) - greatest(sc.low_age, b.lo) + 1) / (sc.high_age - sc.low_age + 1))) AS pupils
    FROM pick p JOIN school_ages sc ON sc.la_code = p.la_code
    JOIN sen_need n ON n.urn = sc.urn AND n.academic_year = p.stats_year
    JOIN bands b ON sc.low_age <= b.hi AND sc.high_age >= b.lo
    WHERE sc.low_age IS NOT NULL AND sc.high_age IS NOT NULL AND sc.high_age >= sc.low_age AND n.pupils IS NOT NULL
    GROUP BY ALL
),
grid AS (
    -- Every LA x need x band, for all categories (NULL) and for each category.
    SELECT l.la_code, l.academic_year, n.need_type, n.ord AS need_ord, b.age_band, b.lo, b.hi, b.ord AS band_ord, c.category
    FROM latest_la l CROSS JOIN needs n CROSS JOIN bands b
    LEFT JOIN (SELECT la_code, academic_year, category FROM categories UNION ALL SELECT DISTINCT la_code, academic_year, NULL FROM latest_la) c
        ON c.la_code = l.la_code AND c.academic_year = l.academic_year
)
SELECT g.academic_year, g.la_code, g.need_type, g.age_band, g.category,
       count(DISTINCT sn.service_id) AS services,
       nullif(array_to_string(list_sort(list_distinct(flatten(list(string_split(coalesce(sn.categories, ''), ';'))))), ';'), '') AS categories,
       count(DISTINCT sn.service_id) = 0 AS empty,
       CAST(any_value(pu.pupils) AS INTEGER) AS pupils,
       any_value(pu.stats_year) AS pupils_year,
       CASE WHEN g.category IS NULL THEN count(DISTINCT sn.service_id) = 0 AND coalesce(any_value(pu.pupils), 0) > 0 END AS gap
FROM grid g
LEFT JOIN service_needs sn ON sn.la_code = g.la_code AND sn.academic_year = g.academic_year AND sn.need_type = g.need_type
    AND sn.lo <= g.hi AND sn.hi >= g.lo
    AND (g.category IS NULL OR list_contains(string_split(sn.categories, ';'), g.category))
LEFT JOIN pupils pu ON pu.la_code = g.la_code AND pu.academic_year = g.academic_year AND pu.need_type = g.need_type AND pu.age_band = g.age_band
LEFT JOIN authorities a ON a.la_code = g.la_code
WHERE ($year IS NULL OR g.academic_year = $year)
  AND ($la IS NULL OR g.la_code = $la OR lower(a.la_name) = lower($la) OR g.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
GROUP BY g.academic_year, g.la_code, g.need_type, g.need_ord, g.age_band, g.band_ord, g.category
ORDER BY g.academic_year, g.la_code, g.need_ord, g.band_ord, g.category NULLS FIRST
