-- YY-PARTICIPANTS 参与"破零倍增"行动: distinct SMEs enrolled in the action in the year (granted that year, from the
-- plan's start, not revoked by the year end), placed by that year's district, group and size.
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_granted_since_plan_start
WHERE plan = $plan
  AND recognition_type = 'POLING_PARTICIPANT'
  AND grant_year = year
  AND is_sme
