-- CQ-DEMO-ENT 市级信息化示范中小微型企业
-- Count at year end: distinct active SMEs holding a valid IT_DEMO recognition on 31 December at municipal level (市) (granted on or before,
-- not expired before, not revoked on or before that day), attributed to that year's district, group and size.
SELECT DISTINCT py.year, e.district_code, e.industry_group, e.size_class,
       r.credit_code AS unit_id, r.credit_code AS enterprise_id
FROM fact_recognition r
JOIN plan_year py ON py.plan = $plan
 AND r.granted_on <= py.year_end
 AND (r.expires_on IS NULL OR r.expires_on >= py.year_end)
 AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = py.year
WHERE r.recognition_type = 'IT_DEMO'
  AND r.level = '市'
  AND e.is_sme
  AND e.is_active
