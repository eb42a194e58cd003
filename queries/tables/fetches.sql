-- name: fetches
-- question: What did the crawler request, what came back, and what did it deliberately not request?
-- parameters:
--   year: academic year ('2025/26'); empty for every year
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   run_id: the crawl run
--   urn: the school whose site was being crawled
--   url: the URL
--   status: HTTP status; empty when no response came
--   error: what went wrong, when something did
--   content_type: the Content-Type of the response
--   bytes: size of the body received
--   duration_ms: time taken, in milliseconds
--   fetched_at: when (UTC)
--   skipped: why the URL was not requested: robots (robots.txt disallows it; at most 20 lines a site), limit (the site's budget of requests or of bytes kept was spent: one line, whose error counts the links left)
--   depth: links from the home page
--   link_score: how strongly the link's words pointed at an SEN document
--   link_url: the link as found on the page, when the crawler turned a viewer's URL into its file's; empty otherwise
--   linked_from: the page whose link led here; empty for a home page and robots.txt
--   platform: the file platform or viewer, when known (schudio, primarysite, wix, squarespace, google_drive, google_docs, google_docs_viewer, pdfjs)
--   off_site: true when requested off the school's own site (its domain and subdomains)
--   academic_year: the academic year of the crawl run; a partition of the Parquet export
--   la_code: the school's LA (three-digit code); empty for a Local Offer's requests; a partition of the Parquet export
SELECT f.run_id, f.urn, f.url, f.status, f.error, f.content_type, f.bytes, f.duration_ms, f.fetched_at, f.skipped, f.depth, f.link_score,
       f.link_url, f.linked_from, f.platform, f.off_site, r.academic_year, s.la_code
FROM fetches f
JOIN crawl_runs r USING (run_id)
LEFT JOIN schools s ON s.urn = f.urn
WHERE ($year IS NULL OR r.academic_year = $year)
  AND ($la IS NULL OR s.la_code = $la OR lower(s.la_name) = lower($la) OR s.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR f.urn = CAST($urn AS INTEGER))
ORDER BY f.fetch_id
