-- CQ-FREE-WEB 免费建设网站
-- Cumulative count: distinct SMEs granted FREE_WEB from the plan's start year to the reporting year, not revoked by its
-- end (int_recognition_granted_since_plan_start), placed by their district, industry group and size class in the
-- year of the grant.
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_granted_since_plan_start
WHERE plan = $plan
  AND recognition_type = 'FREE_WEB'
  AND is_sme
