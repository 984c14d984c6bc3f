/*
materialized: table
description: Enterprise × year population from the registry's year-end snapshots (newest batch wins), with the size
  class of that year: the registry's own size where given, else derived from ref_size_class_rule.
columns:
  credit_code: 统一社会信用代码
  year: Snapshot year
  as_of: Snapshot date
  name: Enterprise name
  district_code_recorded: District code as registered at as_of
  district_code: Reporting district code (successor of the recorded code)
  city_code: City code
  industry_code: GB/T 4754 class code, e.g. C3670
  section_code: Section letter
  division_code: 2-digit division
  status: 登记状态
  is_active: 存续 or 在业 at the snapshot
  founded_on: 成立日期
  deregistered_on: 注销/吊销 date
  employees: 从业人员
  revenue: 营业收入 (万元)
  assets: 资产总额 (万元)
  size_class_registry: Size class the registry gives
  size_class_derived: Size class derived from the thresholds (NULL when a needed figure is missing)
  size_rule_id: The size rule applied
  size_class: Size class used: registry, else derived, else 未知
  size_source: registry, derived or unknown
  size_mismatch: Registry and derived size classes disagree (a data-quality finding)
  is_sme: SME in that year
  batch_id: Lake batch the row came from
*/
-- Enterprise × year population from the registry's year-end snapshots, with the size class of that year:
-- the registry's own size field where given, else derived from employees/revenue/assets with the rules of
-- 工信部联企业〔2011〕300号 (ref_size_class_rule). A disagreement between the two is kept as a finding.
WITH sized AS (
    SELECT s.*, z.rule_id,
        CASE
            WHEN (coalesce(r.large_employees, r.medium_employees, r.small_employees) IS NOT NULL AND s.employees IS NULL)
              OR (coalesce(r.large_revenue, r.medium_revenue, r.small_revenue) IS NOT NULL AND s.revenue IS NULL)
              OR (coalesce(r.large_assets, r.medium_assets, r.small_assets) IS NOT NULL AND s.assets IS NULL)
              OR r.rule_id IS NULL THEN NULL
            WHEN (r.large_employees IS NULL OR s.employees >= r.large_employees)
             AND (r.large_revenue IS NULL OR s.revenue >= r.large_revenue)
             AND (r.large_assets IS NULL OR s.assets >= r.large_assets) THEN '大型'
            WHEN (r.medium_employees IS NULL OR s.employees >= r.medium_employees)
             AND (r.medium_revenue IS NULL OR s.revenue >= r.medium_revenue)
             AND (r.medium_assets IS NULL OR s.assets >= r.medium_assets) THEN '中型'
            WHEN (r.small_employees IS NULL OR s.employees >= r.small_employees)
             AND (r.small_revenue IS NULL OR s.revenue >= r.small_revenue)
             AND (r.small_assets IS NULL OR s.assets >= r.small_assets) THEN '小型'
            ELSE '微型'
        END AS size_class_derived
    FROM int_enterprise_snapshot s
    LEFT JOIN int_enterprise_size_rule z ON z.credit_code = s.credit_code AND z.snapshot_year = s.snapshot_year
    LEFT JOIN ref_size_class_rule r ON r.rule_id = z.rule_id
)
SELECT s.credit_code, s.snapshot_year AS year, s.as_of, s.name,
       s.district_code AS district_code_recorded, d.reporting_code AS district_code, d.city_code,
       s.industry_code, upper(substr(s.industry_code, 1, 1)) AS section_code, substr(s.industry_code, 2, 2) AS division_code,
       s.status, s.status IN ('存续', '在业') AS is_active, s.founded_on, s.deregistered_on,
       s.employees, s.revenue, s.assets,
       s.size_class AS size_class_registry, s.size_class_derived, s.rule_id AS size_rule_id,
       coalesce(s.size_class, s.size_class_derived, '未知') AS size_class,
       CASE WHEN s.size_class IS NOT NULL THEN 'registry' WHEN s.size_class_derived IS NOT NULL THEN 'derived' ELSE 'unknown' END AS size_source,
       coalesce(s.size_class IS NOT NULL AND s.size_class_derived IS NOT NULL AND s.size_class <> s.size_class_derived, false) AS size_mismatch,
       coalesce(z.is_sme, false) AS is_sme,
       s.load AS batch_id
FROM sized s
LEFT JOIN dim_district d ON d.district_code = s.district_code
LEFT JOIN dim_size_class z ON z.size_class = coalesce(s.size_class, s.size_class_derived)
ORDER BY s.credit_code, year
