-- CQ-RD-CENTER 中小微型企业技术研发中心
-- Cumulative count: distinct SMEs granted RD_CENTER from the plan's start year to the reporting year, not revoked by its
-- end (int_recognition_granted_since_plan_start), placed by their district, industry group and size class in the
-- year of the grant.
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_granted_since_plan_start
WHERE plan = $plan
  AND recognition_type = 'RD_CENTER'
  AND is_sme
