-- name: schools
-- question: Which schools does the store know, as the DfE register describes them?
-- parameters:
--   la: LA code or name; empty for every LA
--   urn: one school's URN; empty for every school
-- columns:
--   urn: unique reference number
--   name: establishment name
--   la_code: three-digit local authority code
--   la_name: local authority name
--   type: type of establishment
--   status: establishment status (Open, Open but proposed to close, ...)
--   phase: phase of education
--   website: the school's website, normalised (scheme added, host lower-case)
--   postcode: postcode
--   district_name: administrative district
--   pupils: number of pupils in the register
--   sen_provision_types: SEN provision types the register lists (SEN1..SEN13), ';'-separated census codes
--   resourced_provision_type: Resourced provision, SEN unit, both, or empty
--   resourced_provision_capacity: places in the resourced provision
--   resourced_provision_on_roll: pupils on roll in the resourced provision
--   sen_unit_capacity: places in the SEN unit
--   sen_unit_on_roll: pupils on roll in the SEN unit
SELECT urn, name, la_code, la_name, type, status, phase, website, postcode, district_name, pupils,
       sen_provision_types, resourced_provision_type, resourced_provision_capacity, resourced_provision_on_roll,
       sen_unit_capacity, sen_unit_on_roll
FROM schools
WHERE ($la IS NULL OR la_code = $la OR lower(la_name) = lower($la) OR la_code IN (SELECT la_code FROM schools WHERE la_ons_code = $la))
  AND ($urn IS NULL OR urn = CAST($urn AS INTEGER))
ORDER BY urn
