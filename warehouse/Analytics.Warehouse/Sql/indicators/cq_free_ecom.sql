-- CQ-FREE-ECOM 免费实现电子商务
-- Cumulative count: distinct SMEs granted FREE_ECOM from the plan's start year to the reporting year, not revoked by its
-- end (int_recognition_granted_since_plan_start), placed by their district, industry group and size class in the
-- year of the grant.
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_granted_since_plan_start
WHERE plan = $plan
  AND recognition_type = 'FREE_ECOM'
  AND is_sme
