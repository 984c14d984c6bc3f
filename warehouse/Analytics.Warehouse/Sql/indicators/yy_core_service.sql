-- YY-CORE-SERVICE 技术创新核心服务机构
-- Cumulative count of units (not necessarily SMEs) granted CORE_SERVICE from the plan's start year to the reporting year
-- (not revoked by its end). A unit in the registry is placed by its district, group and size in the grant year;
-- a unit outside it (a public institution) by the division code in positions 3-8 of its credit code, under
-- industry group UNKNOWN and size 未知.
SELECT DISTINCT py.year,
       coalesce(e.district_code, d.reporting_code) AS district_code,
       coalesce(e.industry_group, 'UNKNOWN') AS industry_group,
       coalesce(e.size_class, '未知') AS size_class,
       r.credit_code AS unit_id, r.credit_code AS enterprise_id
FROM fact_recognition r
JOIN plan_year py ON py.plan = $plan AND r.grant_year BETWEEN py.start_year AND py.year
LEFT JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = r.grant_year
LEFT JOIN dim_district d ON d.district_code = substr(r.credit_code, 3, 6)
WHERE r.recognition_type = 'CORE_SERVICE'
  AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
  AND (e.credit_code IS NOT NULL OR d.city_code = py.city_code)
