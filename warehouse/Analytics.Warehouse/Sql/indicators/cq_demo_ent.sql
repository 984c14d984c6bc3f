-- CQ-DEMO-ENT 市级信息化示范中小微型企业
-- Count at year end: distinct active SMEs holding a valid IT_DEMO recognition on 31 December at municipal level (市)
-- (int_recognition_held_at_year_end), placed by that year's district, industry group and size class.
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_held_at_year_end
WHERE plan = $plan
  AND recognition_type = 'IT_DEMO'
  AND level = '市'
  AND is_sme
  AND is_active
