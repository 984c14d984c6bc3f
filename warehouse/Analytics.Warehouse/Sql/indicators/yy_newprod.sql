-- YY-NEWPROD 新产品综合效益 (proxy): Σ new-product sales revenue (万元) of SMEs reporting it in the year.
SELECT py.year, e.district_code, e.industry_group, e.size_class,
       r.credit_code AS unit_id, r.credit_code AS enterprise_id,
       r.new_product_revenue AS num
FROM fact_rd_spend r
JOIN plan_year py ON py.plan = $plan AND r.year = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = r.year
WHERE e.is_sme
  AND r.new_product_revenue IS NOT NULL
