-- YY-POLING 发明专利"破零": SMEs whose first ever granted invention patent (type 1 or 8, any applicant position)
-- has its grant date in the year, each SME applicant counted for itself, placed by that year's district, group and
-- size. "First ever" is judged over every patent in the lake, not only the plan's years.
WITH first_grant AS (
    SELECT b.credit_code, min(p.grant_date) AS first_grant_date
    FROM fact_patent p
    JOIN bridge_patent_applicant b ON b.application_no = p.application_no
    WHERE p.is_invention AND p.grant_date IS NOT NULL AND b.credit_code IS NOT NULL
    GROUP BY b.credit_code
)
SELECT py.year, e.district_code, e.industry_group, e.size_class,
       f.credit_code AS unit_id, f.credit_code AS enterprise_id
FROM first_grant f
JOIN plan_year py ON py.plan = $plan AND year(f.first_grant_date) = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = f.credit_code AND e.year = py.year
WHERE e.is_sme
