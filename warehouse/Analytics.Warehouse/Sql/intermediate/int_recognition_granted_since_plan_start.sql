/*
materialized: temp view
description: Each recognition granted from its plan's start year to each plan year, and not revoked by that
  year's end, with its unit placed in the year of the grant (int_unit_place). The cumulative counts are filters
  over it; grant_year = year gives the grants of the year itself.
columns:
  plan: Plan id
  year: The plan year the grants are counted up to
  recognition_id: fact_recognition's id
  recognition_type: Recognition type
  level: Level (国家/省/市/区县)
  credit_code: The unit (for a person, the employer)
  person_id: The person, for person recognitions
  grant_year: Year granted (start_year ≤ grant_year ≤ year)
  district_code: Reporting district in the grant year (int_unit_place)
  industry_group: Industry group in the grant year
  size_class: Size class in the grant year
  is_sme: An SME in the grant year
  is_active: In business in the grant year; NULL outside the registry
  in_registry: In the grant year's registry
*/
SELECT py.plan, py.year, r.recognition_id, r.recognition_type, r.level, r.credit_code, r.person_id, r.grant_year,
       u.district_code, u.industry_group, u.size_class, u.is_sme, u.is_active, u.in_registry
FROM fact_recognition r
JOIN plan_year py
  ON r.grant_year BETWEEN py.start_year AND py.year
 AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
JOIN int_unit_place u ON u.plan = py.plan AND u.year = r.grant_year AND u.credit_code = r.credit_code
