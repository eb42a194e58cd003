-- name: contradictions
-- question: Where do what a school publishes and what the DfE records disagree?
--   Five kinds: the report claims specialist provision for a need that the register
--   shows no provision for; the register shows a resourced provision or SEN unit the
--   report never mentions; a quarter or more of the school's pupils with SEN have a
--   primary need the report never names; the DfE's SEN statistics record the school
--   as providing for a need (provision_for_*, Prov_*) the report never names, or as
--   having an SEN unit or resourced provision (SEN_Unit, RP_Unit) while the report
--   names no specialist provision (the DfE's latest year held up to the crawl's).
-- parameters:
--   year: academic year ('2025/26'); empty for every year held
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   urn: the school's URN
--   school_name: the school's name in the register
--   la_code: three-digit LA code
--   academic_year: the year of the crawl
--   kind: report_claims_unregistered_provision, registered_provision_not_in_report, common_need_not_named, dfe_records_need_not_in_report or dfe_records_unit_not_in_report
--   need_type: the need concerned (census code; empty when the report or register names none)
--   detail: what each source says
WITH reported AS (
    SELECT urn, academic_year, split_part(value, ':', 1) AS kind, split_part(value, ':', 2) AS need_type
    FROM school_facts WHERE field = 'provision.specialist'
),
named AS (
    SELECT DISTINCT urn, academic_year, value AS need_type FROM school_facts WHERE field = 'need.type'
),
registered AS (
    SELECT urn, unnest(string_split(sen_provision_types, ';')) AS need_type,
           coalesce(resourced_provision_capacity, 0) + coalesce(sen_unit_capacity, 0) AS places, resourced_provision_type
    FROM schools
    WHERE resourced_provision_type IS NOT NULL AND sen_provision_types IS NOT NULL
),
flag_year AS (
    SELECT l.urn, l.academic_year, max(f.academic_year) AS dfe_year
    FROM latest_school_runs l JOIN sen_school_flags f ON f.urn = l.urn AND f.academic_year <= l.academic_year
    GROUP BY ALL
),
dfe_flags AS (
    SELECT y.urn, y.academic_year, y.dfe_year, f.flag, nullif(split_part(f.flag, ':', 2), '') AS need_type
    FROM flag_year y
    JOIN school_reports rp ON rp.urn = y.urn AND rp.academic_year = y.academic_year
    JOIN sen_school_flags f ON f.urn = y.urn AND f.academic_year = y.dfe_year AND f.provides
),
found AS (
    SELECT r.urn, r.academic_year, 'report_claims_unregistered_provision' AS kind, nullif(r.need_type, '') AS need_type,
           'report: ' || r.kind || CASE WHEN r.need_type <> '' THEN ' for ' || r.need_type ELSE '' END ||
           '; register: ' || coalesce(s.resourced_provision_type || ' for ' || s.sen_provision_types, 'no resourced provision or SEN unit') AS detail
    FROM reported r JOIN schools s USING (urn)
    WHERE r.kind IN ('resourced_provision', 'sen_unit', 'resource_base')
      AND (s.resourced_provision_type IS NULL OR (r.need_type <> '' AND NOT list_contains(string_split(coalesce(s.sen_provision_types, ''), ';'), r.need_type)))
    UNION ALL
    SELECT l.urn, l.academic_year, 'registered_provision_not_in_report', g.need_type,
           'register: ' || g.resourced_provision_type || ' for ' || g.need_type || ' (' || g.places || ' places); the report names no specialist provision for it'
    FROM latest_school_runs l
    JOIN registered g ON g.urn = l.urn
    JOIN school_reports rp ON rp.urn = l.urn AND rp.academic_year = l.academic_year
    WHERE NOT EXISTS (SELECT 1 FROM reported r WHERE r.urn = l.urn AND r.academic_year = l.academic_year AND (r.need_type = g.need_type OR r.need_type = ''))
    UNION ALL
    SELECT n.urn, n.academic_year, 'common_need_not_named', n.need_type,
           'statistics: ' || n.pupils || ' of ' || t.sen || ' pupils with SEN have this primary need; the report never names it'
    FROM (SELECT urn, academic_year, need_type, sum(pupils) AS pupils FROM sen_need GROUP BY ALL HAVING count(*) FILTER (WHERE pupils IS NULL) = 0) n
    JOIN (SELECT urn, academic_year, sum(pupils) AS sen FROM sen_need GROUP BY ALL) t USING (urn, academic_year)
    JOIN school_reports rp ON rp.urn = n.urn AND rp.academic_year = n.academic_year
    WHERE n.need_type NOT IN ('OTH', 'NSA') AND t.sen > 0 AND n.pupils * 4 >= t.sen
      AND NOT EXISTS (SELECT 1 FROM named m WHERE m.urn = n.urn AND m.academic_year = n.academic_year AND m.need_type = n.need_type)
    UNION ALL
    SELECT d.urn, d.academic_year, 'dfe_records_need_not_in_report', d.need_type,
           'DfE statistics ' || d.dfe_year || ': provision for ' || d.need_type || '; the report never names the need'
    FROM dfe_flags d
    WHERE d.flag LIKE 'provides_for:%' AND d.need_type NOT IN ('OTH', 'NSA', 'UNKNOWN')
      AND NOT EXISTS (SELECT 1 FROM named m WHERE m.urn = d.urn AND m.academic_year = d.academic_year AND m.need_type = d.need_type)
      AND NOT EXISTS (SELECT 1 FROM reported r WHERE r.urn = d.urn AND r.academic_year = d.academic_year AND r.need_type = d.need_type)
    UNION ALL
    SELECT d.urn, d.academic_year, 'dfe_records_unit_not_in_report', NULL,
           'DfE statistics ' || d.dfe_year || ': ' || replace(d.flag, '_', ' ') || '; the report names no specialist provision'
    FROM dfe_flags d
    WHERE d.flag IN ('sen_unit', 'resourced_provision')
      AND NOT EXISTS (SELECT 1 FROM reported r WHERE r.urn = d.urn AND r.academic_year = d.academic_year)
)
SELECT f.urn, s.name AS school_name, s.la_code, f.academic_year, f.kind, f.need_type, f.detail
FROM found f JOIN schools s USING (urn)
WHERE ($year IS NULL OR f.academic_year = $year)
  AND ($la IS NULL OR s.la_code = $la OR lower(s.la_name) = lower($la) OR s.la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR f.urn = CAST($urn AS INTEGER))
ORDER BY f.academic_year, s.la_code, f.urn, f.kind, f.need_type
