-- YY-HNTE 高新技术企业 (context, no target)
-- Count at year end: distinct active SMEs holding a valid HNTE recognition on 31 December
-- (int_recognition_held_at_year_end), placed by that year's district, industry group and size class.
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_held_at_year_end
WHERE plan = $plan
  AND recognition_type = 'HNTE'
  AND is_sme
  AND is_active
