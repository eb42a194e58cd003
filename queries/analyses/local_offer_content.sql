-- name: local_offer_content
-- question: Does each LA's Local Offer publish what the SEND Regulations 2014 (Schedule 2) and the Code of Practice (chapter 4) require, and where?
--   One row per LA, year and required item (the list is the program's, with the
--   source of each item). An item is covered when a page of the LA's Local Offer
--   (its website, in the latest run of the year) has words that show it; the
--   evidence is the first such page, preferring information pages, then other
--   pages (annual reports), then service records, and listings (whose links only
--   name a section) last. ORUK feeds carry services only, so an LA crawled from
--   its feed alone shows nothing covered.
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
-- columns:
--   academic_year: the year of the crawl
--   la_code: three-digit LA code
--   la_name: the LA's name
--   item_id: the required item (education, health, social_care, short_breaks, transport, sendiass, ...)
--   item: what the item is
--   source: the regulation or Code of Practice paragraphs that require it
--   covered: true when a page of the Local Offer covers it
--   pages: how many of the LA's pages cover it
--   evidence_url: the page that shows it (an information page when there is one)
--   evidence_kind: that page's doc_type
--   evidence: the words on that page that show it
WITH latest_la AS (
    SELECT ra.la_code, r.academic_year, max(ra.run_id) AS run_id
    FROM run_authorities ra JOIN crawl_runs r USING (run_id)
    LEFT JOIN authorities a ON a.la_code = ra.la_code
    WHERE ($year IS NULL OR r.academic_year = $year)
      AND ($la IS NULL OR ra.la_code = $la OR lower(a.la_name) = lower($la))
    GROUP BY ALL
),
evidence AS (
    SELECT l.la_code, l.academic_year, e.item_id, e.url, e.doc_type, e.quote,
           row_number() OVER (PARTITION BY l.la_code, l.academic_year, e.item_id
               ORDER BY CASE e.doc_type WHEN 'local_offer_information' THEN 1 WHEN 'local_offer_other' THEN 2
                   WHEN 'local_offer_service' THEN 3 ELSE 4 END, e.doc_id) AS rk,
           count(*) OVER (PARTITION BY l.la_code, l.academic_year, e.item_id) AS pages
    FROM latest_la l JOIN local_offer_evidence e ON e.la_code = l.la_code AND e.run_id = l.run_id
)
SELECT l.academic_year, l.la_code, a.la_name, i.item_id, i.label AS item, i.source,
       ev.url IS NOT NULL AS covered, coalesce(ev.pages, 0) AS pages,
       ev.url AS evidence_url, ev.doc_type AS evidence_kind, ev.quote AS evidence
FROM latest_la l CROSS JOIN local_offer_items i
LEFT JOIN evidence ev ON ev.la_code = l.la_code AND ev.academic_year = l.academic_year AND ev.item_id = i.item_id AND ev.rk = 1
LEFT JOIN authorities a ON a.la_code = l.la_code
ORDER BY l.academic_year, l.la_code, i.ord
