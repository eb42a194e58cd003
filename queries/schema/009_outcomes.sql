-- 009_outcomes: every school-year has an outcome with its reason, and the best
-- evidence stands.
--
-- A visit to a school's site either reached it (the report was found, or the site
-- answered and was searched and holds none: a finding) or it did not (the site was
-- unreachable, robots.txt forbade it, the register gives no website, the page only
-- builds itself with scripts). A visit that did not reach the site is recorded as
-- an attempt and changes no finding: a re-crawl during a network outage leaves last
-- week's findings as they were. "Could not check" is never "does not publish".

-- outcome: found, not_found, unreachable, blocked_by_robots, no_website, needs_javascript
ALTER TABLE run_sites ADD COLUMN outcome VARCHAR;
-- error: for a visit that failed, what went wrong (the first failing request's error)
ALTER TABLE run_sites ADD COLUMN error VARCHAR;

-- Visits stored before this version: their error from the crawl log (their outcome
-- is worked out from their status and reason in school_visits).
UPDATE run_sites rs SET error = (
        SELECT f.error FROM fetches f
        WHERE f.run_id = rs.run_id AND f.urn = rs.urn AND f.error IS NOT NULL AND f.skipped IS NULL
        ORDER BY f.fetch_id LIMIT 1)
    WHERE rs.status = 'failed' AND rs.reason <> 'robots';

-- Every visit of a school's site, with whether it reached the site.
CREATE VIEW school_visits AS
SELECT run_id, academic_year, urn, outcome, reason, error, pages, documents, finished_at,
       outcome IN ('found', 'not_found') AS reached
FROM (
    SELECT rs.run_id, r.academic_year, rs.urn, rs.reason, rs.error, rs.pages, rs.documents, rs.finished_at,
           coalesce(rs.outcome, CASE   -- visits stored by an earlier version
               WHEN rs.status = 'found' THEN 'found'
               WHEN rs.reason IN ('no_website', 'bad_website') THEN 'no_website'
               WHEN rs.reason = 'robots' THEN 'blocked_by_robots'
               WHEN rs.status = 'not_found' THEN 'not_found'
               ELSE 'unreachable'
           END) AS outcome
    FROM run_sites rs
    JOIN crawl_runs r USING (run_id)
);

-- The visit each school-year's figures come from: the latest that reached the site;
-- failing any, the visit school_outcomes gives the reason from (below).
CREATE OR REPLACE VIEW latest_school_runs AS
SELECT urn, academic_year, run_id
FROM school_visits
QUALIFY row_number() OVER (PARTITION BY urn, academic_year ORDER BY reached DESC, outcome <> 'unreachable' DESC, run_id DESC) = 1;

-- One row per school and year crawled for its LA: the outcome and its reason.
--   outcome: the finding (found, not_found) of the latest visit that reached the site; when
--     none did, why it could not be checked (blocked_by_robots, no_website, needs_javascript,
--     or, when every visit failed, unreachable); not_crawled when no run of the year visited a
--     school of an LA it covered. last_attempt_* say what the year's latest visit met.
--   could_not_check: true unless the outcome is a finding.
CREATE VIEW school_outcomes AS
WITH visits AS (SELECT * FROM school_visits),
finding AS (
    SELECT * FROM visits WHERE reached
    QUALIFY row_number() OVER (PARTITION BY urn, academic_year ORDER BY run_id DESC) = 1
),
attempt AS (
    -- The year's latest visit, whatever it established.
    SELECT *, count(*) OVER (PARTITION BY urn, academic_year) AS attempts FROM visits
    QUALIFY row_number() OVER (PARTITION BY urn, academic_year ORDER BY run_id DESC, finished_at DESC) = 1
),
best_attempt AS (
    -- With no finding, the best evidence of why: a site that answered (blocked by
    -- robots.txt, built with scripts, no website in the register) says more than a
    -- later outage does; among outages, the latest.
    SELECT * FROM visits WHERE NOT reached
    QUALIFY row_number() OVER (PARTITION BY urn, academic_year ORDER BY outcome <> 'unreachable' DESC, run_id DESC, finished_at DESC) = 1
),
scope AS (
    -- The LAs a year's runs covered, by their schools or their Local Offer.
    SELECT DISTINCT v.academic_year, s.la_code FROM visits v JOIN schools s USING (urn)
    UNION
    SELECT DISTINCT r.academic_year, ra.la_code FROM run_authorities ra JOIN crawl_runs r USING (run_id)
)
SELECT s.urn, sc.academic_year,
       coalesce(f.outcome, b.outcome, 'not_crawled') AS outcome,
       CASE WHEN f.urn IS NOT NULL THEN f.reason ELSE b.reason END AS outcome_reason,
       CASE WHEN f.urn IS NULL THEN b.error END AS outcome_error,
       coalesce(f.finished_at, b.finished_at) AS checked_at,
       coalesce(f.pages, b.pages) AS pages_searched,
       f.urn IS NULL AS could_not_check,
       coalesce(f.run_id, b.run_id) AS run_id,
       a.finished_at AS last_attempt_at,
       a.outcome AS last_attempt_outcome,
       a.reason AS last_attempt_reason,
       a.error AS last_attempt_error,
       coalesce(a.attempts, 0) AS attempts
FROM scope sc
JOIN schools s ON s.la_code = sc.la_code
LEFT JOIN finding f ON f.urn = s.urn AND f.academic_year = sc.academic_year
LEFT JOIN best_attempt b ON b.urn = s.urn AND b.academic_year = sc.academic_year
LEFT JOIN attempt a ON a.urn = s.urn AND a.academic_year = sc.academic_year;
