-- name: facts
-- question: What does each document say, and in which words? One row per fact, with its evidence.
-- parameters:
--   year: academic year ('2025/26'); empty for every year
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   doc_id: the document the fact was read from
--   url: the document's URL (after redirects)
--   urn: the school's URN
--   academic_year: the academic year of the crawl run
--   field: what the fact is about (senco.name, need.type, ...; see DATASET.md)
--   value: the fact as text (a name, a code, 'true')
--   value_num: the fact as a number, for numeric fields (days, hours, percent, counts)
--   evidence: the exact words of the document the fact was read from
--   evidence_start: where the evidence starts in the document's text, in characters from 0
--   evidence_end: where the evidence ends in the document's text (exclusive)
--   confidence: how sure the extractor is, 0 to 1
--   extractor_version: the version of the extractor that read it
--   la_code: the school's LA (three-digit code), as in documents; a partition of the Parquet export
SELECT f.doc_id, d.final_url AS url, d.urn, d.academic_year, f.field, f.value, f.value_num, f.evidence,
       f.evidence_start, f.evidence_end, f.confidence, f.extractor_version, d.la_code
FROM facts f
JOIN documents d USING (doc_id)
LEFT JOIN schools s ON s.urn = d.urn
WHERE ($year IS NULL OR d.academic_year = $year)
  AND ($la IS NULL OR d.la_code = $la OR lower(s.la_name) = lower($la) OR d.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR d.urn = CAST($urn AS INTEGER))
ORDER BY f.doc_id, f.evidence_start, f.field
