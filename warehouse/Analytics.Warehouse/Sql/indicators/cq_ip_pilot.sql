-- CQ-IP-PILOT 知识产权试点单位
-- Count at year end: distinct active SMEs holding a valid IP_PILOT recognition on 31 December
-- (int_recognition_held_at_year_end), placed by that year's district, industry group and size class.
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_held_at_year_end
WHERE plan = $plan
  AND recognition_type = 'IP_PILOT'
  AND is_sme
  AND is_active
