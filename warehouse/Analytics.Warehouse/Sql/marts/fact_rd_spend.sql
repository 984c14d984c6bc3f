/*
materialized: table
description: R&D spending by enterprise and year (万元; newest batch wins).
columns:
  credit_code: 统一社会信用代码
  year: Year
  rd_expense: 研发费用 (万元)
  main_business_revenue: 主营业务收入 (万元)
  new_product_revenue: 新产品销售收入 (万元)
  rd_personnel: R&D personnel
  source: 统计 or 税务
  batch_id: Lake batch
*/
SELECT credit_code, CAST(year AS INTEGER) AS year, rd_expense, main_business_revenue, new_product_revenue,
       rd_personnel, source, load AS batch_id
FROM stg_rd_spend
