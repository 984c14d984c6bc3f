-- CQ-FREE-ECOM 免费实现电子商务
-- Cumulative count: distinct SMEs granted FREE_ECOM from the plan's start year to the reporting year (not revoked by its
-- end), attributed to their district, industry group and size class in the year of the grant.
SELECT DISTINCT py.year, e.district_code, e.industry_group, e.size_class,
       r.credit_code AS unit_id, r.credit_code AS enterprise_id
FROM fact_recognition r
JOIN plan_year py ON py.plan = $plan AND r.grant_year BETWEEN py.start_year AND py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = r.grant_year
WHERE r.recognition_type = 'FREE_ECOM'
  AND e.is_sme
  AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
