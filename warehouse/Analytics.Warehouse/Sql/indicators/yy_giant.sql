-- YY-GIANT 专精特新"小巨人": distinct enterprises (any size) holding a valid national or provincial little-giant
-- recognition on 31 December. An enterprise outside that year's registry is placed by its credit code's division.
SELECT DISTINCT py.year,
       coalesce(e.district_code, d.reporting_code) AS district_code,
       coalesce(e.industry_group, 'UNKNOWN') AS industry_group,
       coalesce(e.size_class, '未知') AS size_class,
       r.credit_code AS unit_id, r.credit_code AS enterprise_id
FROM fact_recognition r
JOIN plan_year py ON py.plan = $plan
 AND r.granted_on <= py.year_end
 AND (r.expires_on IS NULL OR r.expires_on >= py.year_end)
 AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
LEFT JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = py.year
LEFT JOIN dim_district d ON d.district_code = substr(r.credit_code, 3, 6)
WHERE r.recognition_type = 'LITTLE_GIANT'
  AND r.level IN ('国家', '省')
  AND (e.credit_code IS NOT NULL OR d.city_code = py.city_code)
  AND coalesce(e.is_active, true)
