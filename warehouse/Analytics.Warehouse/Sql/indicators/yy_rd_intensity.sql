-- YY-RD-INTENSITY 研发投入强度: Σ R&D expense / Σ main business revenue over SMEs reporting both in the year
-- (int_rd_spend_sme; a ratio of sums, never an average of per-firm ratios).
SELECT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id,
       rd_expense AS num, main_business_revenue AS den
FROM int_rd_spend_sme
WHERE plan = $plan
  AND rd_expense IS NOT NULL
  AND main_business_revenue IS NOT NULL
