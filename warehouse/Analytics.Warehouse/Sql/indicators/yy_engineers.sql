-- YY-ENGINEERS 国家创新工程师 (persons; placed by their employer)
-- Cumulative count of distinct persons certified from the plan's start year to the reporting year, not revoked by
-- its end (int_recognition_granted_since_plan_start), each placed by the employer (credit_code) in the year of
-- certification: the employer's registry district, group and size, or its credit code's division when it is outside
-- the registry (int_unit_place). enterprise_id is the employer, so the small-cell rule counts employers.
SELECT DISTINCT year, district_code, industry_group, size_class, person_id AS unit_id, credit_code AS enterprise_id
FROM int_recognition_granted_since_plan_start
WHERE plan = $plan
  AND recognition_type = 'INNOV_ENGINEER'
  AND person_id IS NOT NULL
