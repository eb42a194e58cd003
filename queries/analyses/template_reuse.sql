-- name: template_reuse
-- question: Which schools publish near-copies of the same report (a trust's or an LA's template), and how much of each report is common text?
--   Reports are compared sentence by sentence: each sentence of 30 characters or
--   more, in lower case without punctuation or page furniture, hashed once at
--   extraction (documents.sentence_hashes, whose lowest bit marks those sentences;
--   sentences are what templates share, and there are far fewer of them than word
--   shingles, so this stays fast on a national store). A report's common text is the share of its sentences that
--   another school's report of the same year also has. Near-copies are found by
--   one-permutation MinHash over the sentence hashes: the smallest hash in each of 8
--   buckets, compared in 4 bands of 2; reports sharing a band are copies.
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
--   copies: how many other schools' reports that year are near-copies of this one (the largest group it shares a band with, less itself)
--   common_text_share: the share of this report's text found in other schools' reports that year (0 to 1)
WITH shingles AS (
    SELECT DISTINCT urn, academic_year, h
    FROM (
        SELECT r.urn, r.academic_year, unnest(d.sentence_hashes) AS h
        FROM school_reports r JOIN documents d USING (doc_id)
        WHERE ($year IS NULL OR r.academic_year = $year)
    )
    WHERE h & 1 = 1
),
shared AS (
    SELECT academic_year, h, count(*) AS n FROM shingles GROUP BY ALL
),
share AS (
    SELECT s.urn, s.academic_year, avg(CASE WHEN sh.n > 1 THEN 1.0 ELSE 0.0 END) AS common
    FROM shingles s JOIN shared sh USING (academic_year, h)
    GROUP BY ALL
),
signature AS (
    SELECT urn, academic_year, (h >> 1) % 8 AS bucket, min(h) AS m  -- above the marking bit
    FROM shingles GROUP BY ALL
),
bands AS (
    -- A band's hash covers which of its buckets are filled and their minima, so a
    -- short report with few sentences still has bands to compare.
    SELECT urn, academic_year, bucket // 2 AS band, hash(list([bucket, m] ORDER BY bucket)) AS bh
    FROM signature GROUP BY ALL
),
groups AS (
    SELECT academic_year, band, bh, min(urn) AS first_urn, count(*) AS members
    FROM bands GROUP BY ALL HAVING count(*) > 1
),
linked AS (
    SELECT b.urn, b.academic_year, min(g.first_urn) AS cluster
    FROM bands b JOIN groups g USING (academic_year, band, bh)
    GROUP BY ALL
),
copies AS (
    -- The largest group of copies the report belongs to (a pairwise count would
    -- cost the square of a trust template's reach).
    SELECT b.urn, b.academic_year, max(g.members) - 1 AS copies
    FROM bands b JOIN groups g USING (academic_year, band, bh)
    GROUP BY ALL
)
SELECT l.academic_year, l.urn, s.name AS school_name, s.la_code, l.cluster, c.copies, round(sh.common, 2) AS common_text_share
FROM linked l
JOIN copies c USING (urn, academic_year)
JOIN share sh USING (urn, academic_year)
JOIN schools s ON s.urn = l.urn
WHERE ($la IS NULL OR s.la_code = $la OR lower(s.la_name) = lower($la) OR s.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR l.urn = CAST($urn AS INTEGER))
ORDER BY l.academic_year, l.cluster, l.urn
