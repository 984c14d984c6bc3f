-- YY-PARTICIPANTS 参与"破零倍增"行动: distinct SMEs enrolled in the action in the year (granted that year).
SELECT DISTINCT py.year, e.district_code, e.industry_group, e.size_class,
       r.credit_code AS unit_id, r.credit_code AS enterprise_id
FROM fact_recognition r
JOIN plan_year py ON py.plan = $plan AND r.grant_year = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = py.year
WHERE r.recognition_type = 'POLING_PARTICIPANT'
  AND e.is_sme
  AND (r.revoked_on IS NULL OR r.revoked_on > py.year_end)
