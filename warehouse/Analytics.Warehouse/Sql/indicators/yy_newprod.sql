-- YY-NEWPROD 新产品综合效益 (proxy): Σ new-product sales revenue (万元) of SMEs reporting it in the year
-- (int_rd_spend_sme).
SELECT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id,
       new_product_revenue AS num
FROM int_rd_spend_sme
WHERE plan = $plan
  AND new_product_revenue IS NOT NULL
