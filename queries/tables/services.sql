-- name: services
-- question: Which services does each LA's Local Offer list, for whom, at what cost? One row per service record per year.
-- parameters:
--   year: academic year ('2025/26'); empty for every year
--   la: LA code or name; empty for every LA
-- columns:
--   la_code: three-digit local authority code
--   academic_year: the academic year of the crawl run
--   service_id: the feed's id for the service, or the URL of its page
--   name: the service's name
--   url: the service's own page, or for an ORUK record the URL the feed gives
--   categories: the directory's categories for the service, ';'-separated, as worded there
--   age_min: youngest age served, in years
--   age_max: oldest age served, in years
--   need_types: need types the record names (census codes plus ADHD), ';'-separated
--   cost: free, charged (with the amount given), or the record's words
--   has_phone: true when the record gives a phone number
--   has_email: true when the record gives an e-mail address
--   source: html (read from the Local Offer's pages), oruk (read from its Open Referral UK feed), or oruk+html (in the feed and on the site: one service)
--   last_updated: when the record says it was last updated or assured, as given
--   eligibility: who the service is for, in the record's words
--   has_website: true when the record gives a website
--   status: the feed's status for the record (active, inactive, ...); empty for web pages
--   is_current: false when the feed's status is other than active
--   page_url: for a feed's service also on the LA's site, that page
WITH latest AS (
    -- The latest run of each year that reached each LA.
    SELECT ra.la_code, r.academic_year, max(ra.run_id) AS run_id
    FROM run_authorities ra
    JOIN crawl_runs r USING (run_id)
    GROUP BY ra.la_code, r.academic_year
)
SELECT s.la_code, s.academic_year, s.service_id, s.name, s.url, s.categories, s.age_min, s.age_max, s.need_types,
       s.cost, s.has_phone, s.has_email, s.source, s.last_updated, s.eligibility, s.has_website, s.status, s.is_current, s.page_url
FROM services s
JOIN latest l ON l.la_code = s.la_code AND l.run_id = s.run_id
LEFT JOIN authorities a ON a.la_code = s.la_code
WHERE ($year IS NULL OR s.academic_year = $year)
  AND ($la IS NULL OR s.la_code = $la OR lower(a.la_name) = lower($la) OR s.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
ORDER BY s.la_code, s.name, s.service_id
