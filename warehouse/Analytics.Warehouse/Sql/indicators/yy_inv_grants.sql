-- YY-INV-GRANTS 发明专利授权量: invention patents (type 1, 8) granted in the year with at least one SME applicant.
-- One row per patent × SME applicant: a district counts the patent once if any of its SMEs applied; the roll-up
-- counts distinct patents, so a patent with SME applicants in two districts counts once in the city total.
SELECT DISTINCT py.year, e.district_code, e.industry_group, e.size_class,
       p.application_no AS unit_id, b.credit_code AS enterprise_id
FROM fact_patent p
JOIN bridge_patent_applicant b ON b.application_no = p.application_no
JOIN plan_year py ON py.plan = $plan AND p.grant_year = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = b.credit_code AND e.year = py.year
WHERE p.is_invention
  AND e.is_sme
