-- YY-ENGINEERS 国家创新工程师 (persons; placed by their employer)
-- Cumulative count of distinct persons certified from the plan's start year to the reporting year (not revoked
-- by its end), each placed by the employer (credit_code) in the year of certification: the employer's registry
-- district, group and size, or the division in positions 3-8 of its credit code when it is outside the registry.
-- enterprise_id is the employer, so the small-cell rule counts employers.
SELECT DISTINCT py.year,
       coalesce(e.district_code, d.reporting_code) AS district_code,
       coalesce(e.industry_group, 'UNKNOWN') AS industry_group,
       coalesce(e.size_class, '未知') AS size_class,
       r.person_id AS unit_id, r.credit_code AS enterprise_id
FROM fact_recognition r
JOIN plan_year py ON py.plan = $plan AND r.grant_year BETWEEN py.start_year AND py.year
LEFT JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = r.grant_year
LEFT JOIN dim_district d ON d.district_code = substr(r.credit_code, 3, 6)
WHERE r.recognition_type = 'INNOV_ENGINEER'
  AND r.person_id IS NOT NULL
  AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
  AND (e.credit_code IS NOT NULL OR d.city_code = py.city_code)
