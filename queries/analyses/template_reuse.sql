-- name: template_reuse
-- question: Which schools publish near-copies of the same report (a trust's or an LA's template), and how much of each report is common text?
--   Reports are compared by MinHash over five-word shingles (32 hashes, banded in 8
--   bands of 4 to find candidate pairs, then the share of equal hashes estimates the
--   Jaccard similarity of the two texts). Pairs at 0.6 or more are near-copies.
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   academic_year: the year of the crawl
--   urn: the school's URN
--   school_name: the school's name in the register
--   la_code: three-digit LA code
--   cluster: the lowest URN among the school and the schools whose reports are near-copies of its report
--   similar_schools: URNs of the schools whose reports are near-copies of this one, ';'-separated
--   common_text_share: the estimated share of text this report has in common with its closest copy (0 to 1)
WITH docs AS (
    SELECT r.urn, r.academic_year, list_filter(string_split_regex(lower(d.text), '[^a-z0-9]+'), x -> x <> '') AS w
    FROM school_reports r JOIN documents d USING (doc_id)
    WHERE d.text IS NOT NULL
),
shingles AS (
    SELECT urn, academic_year, hash(array_to_string(w[i:i + 4], ' ')) AS h
    FROM docs, LATERAL (SELECT unnest(range(1, greatest(len(w) - 3, 1))) AS i)
    WHERE len(w) >= 5
),
signature AS (
    SELECT urn, academic_year, k, min(hash(h, k)) AS m
    FROM shingles, range(32) t(k)
    GROUP BY ALL
),
bands AS (
    SELECT urn, academic_year, k // 4 AS band, hash(list(m ORDER BY k)) AS bh
    FROM signature GROUP BY ALL
),
candidates AS (
    SELECT DISTINCT a.academic_year, a.urn AS a_urn, b.urn AS b_urn
    FROM bands a JOIN bands b ON a.academic_year = b.academic_year AND a.band = b.band AND a.bh = b.bh AND a.urn < b.urn
),
pairs AS (
    SELECT c.academic_year, c.a_urn, c.b_urn, avg(CASE WHEN sa.m = sb.m THEN 1.0 ELSE 0.0 END) AS similarity
    FROM candidates c
    JOIN signature sa ON sa.urn = c.a_urn AND sa.academic_year = c.academic_year
    JOIN signature sb ON sb.urn = c.b_urn AND sb.academic_year = c.academic_year AND sb.k = sa.k
    GROUP BY ALL
    HAVING avg(CASE WHEN sa.m = sb.m THEN 1.0 ELSE 0.0 END) >= 0.6
),
sides AS (
    SELECT academic_year, a_urn AS urn, b_urn AS other, similarity FROM pairs
    UNION ALL
    SELECT academic_year, b_urn, a_urn, similarity FROM pairs
)
SELECT sd.academic_year, sd.urn, s.name AS school_name, s.la_code,
       least(sd.urn, min(sd.other)) AS cluster,
       array_to_string(list_sort(list(sd.other)), ';') AS similar_schools,
       round(max(sd.similarity), 2) AS common_text_share
FROM sides sd JOIN schools s ON s.urn = sd.urn
WHERE ($year IS NULL OR sd.academic_year = $year)
  AND ($la IS NULL OR s.la_code = $la OR lower(s.la_name) = lower($la))
  AND ($urn IS NULL OR sd.urn = CAST($urn AS INTEGER))
GROUP BY sd.academic_year, sd.urn, s.name, s.la_code
ORDER BY sd.academic_year, cluster, sd.urn
