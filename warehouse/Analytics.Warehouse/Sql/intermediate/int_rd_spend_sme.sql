/*
materialized: temp view
description: Each R&D statistics row of an SME of a plan's city in a plan year, placed by that year's district,
  industry group and size class. The R&D indicators sum columns of it.
columns:
  plan: Plan id
  year: Statistics year
  district_code: Reporting district that year
  industry_group: Industry group that year
  size_class: Size class that year
  credit_code: The SME
  rd_expense: R&D expense (万元)
  main_business_revenue: Main business revenue (万元)
  new_product_revenue: New-product sales revenue (万元)
*/
SELECT py.plan, py.year, e.district_code, e.industry_group, e.size_class, r.credit_code,
       r.rd_expense, r.main_business_revenue, r.new_product_revenue
FROM fact_rd_spend r
JOIN plan_year py ON r.year = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = r.credit_code AND e.year = r.year
WHERE e.is_sme
