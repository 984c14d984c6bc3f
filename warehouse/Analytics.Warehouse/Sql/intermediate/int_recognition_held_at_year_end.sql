/*
materialized: temp view
description: Each recognition held at the end of each plan year — granted on or before 31 December, not expired
  before it, not revoked on or before it — with its unit placed in that year (int_unit_place). The "count at year
  end" indicators are filters over it.
columns:
  plan: Plan id
  year: The plan year at whose end the recognition is held
  recognition_id: fact_recognition's id
  recognition_type: Recognition type
  level: Level (国家/省/市/区县)
  credit_code: The unit (for a person, the employer)
  person_id: The person, for person recognitions
  grant_year: Year granted
  district_code: Reporting district in that year (int_unit_place)
  industry_group: Industry group in that year
  size_class: Size class in that year
  is_sme: An SME in that year
  is_active: In business in that year; NULL outside the registry
  in_registry: In that year's registry
*/
SELECT py.plan, py.year, r.recognition_id, r.recognition_type, r.level, r.credit_code, r.person_id, r.grant_year,
       u.district_code, u.industry_group, u.size_class, u.is_sme, u.is_active, u.in_registry
FROM fact_recognition r
JOIN plan_year py
  ON r.granted_on <= py.year_end
 AND (r.expires_on IS NULL OR r.expires_on >= py.year_end)
 AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
JOIN int_unit_place u ON u.plan = py.plan AND u.year = py.year AND u.credit_code = r.credit_code
