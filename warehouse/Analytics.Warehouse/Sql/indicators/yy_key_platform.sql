-- YY-KEY-PLATFORM 重点技术创新服务平台
-- Cumulative count of units (not necessarily SMEs) granted KEY_PLATFORM from the plan's start year to the reporting year, not
-- revoked by its end (int_recognition_granted_since_plan_start). A unit in the registry is placed by its district,
-- group and size in the grant year; a unit outside it (a public institution) by its credit code's division, under
-- industry group UNKNOWN and size 未知 (int_unit_place).
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_granted_since_plan_start
WHERE plan = $plan
  AND recognition_type = 'KEY_PLATFORM'
