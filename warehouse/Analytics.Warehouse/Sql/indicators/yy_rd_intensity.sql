-- YY-RD-INTENSITY 研发投入强度: Σ R&D expense / Σ main business revenue over SMEs reporting both in the year
-- (a ratio of sums; the engine never averages per-firm ratios).
SELECT py.year, e.district_code, e.industry_group, e.size_class,
       r.credit_code AS unit_id, r.credit_code AS enterprise_id,
       r.rd_expense AS num, r.main_business_revenue AS den
FROM fact_rd_spend r
JOIN plan_year py ON py.plan = $plan AND r.year = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = r.year
WHERE e.is_sme
  AND r.rd_expense IS NOT NULL
  AND r.main_business_revenue IS NOT NULL
