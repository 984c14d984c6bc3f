-- Enterprise × year population from the registry's year-end snapshots, with the size class of that year:
-- the registry's own size field where given, else derived from employees/revenue/assets with the rules of
-- 工信部联企业〔2011〕300号 (ref_size_class_rule). A disagreement between the two is kept as a finding.

-- The last snapshot of each enterprise in each year. Most enterprises have one snapshot a year, so only those with
-- several are ranked (the same shape as 03_staging).
CREATE TEMP TABLE enterprise_snapshot AS
WITH repeated AS (
    SELECT credit_code, year(as_of) AS snapshot_year FROM stg_registry GROUP BY ALL HAVING count(*) > 1
)
SELECT r.*, CAST(year(r.as_of) AS INTEGER) AS snapshot_year
FROM stg_registry r ANTI JOIN repeated d ON d.credit_code = r.credit_code AND d.snapshot_year = year(r.as_of)
UNION ALL BY NAME
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, CAST(year(r.as_of) AS INTEGER) AS snapshot_year,
           row_number() OVER (PARTITION BY r.credit_code, year(r.as_of) ORDER BY r.as_of DESC) AS rn
    FROM stg_registry r SEMI JOIN repeated d ON d.credit_code = r.credit_code AND d.snapshot_year = year(r.as_of)
) WHERE rn = 1;

-- The most specific size-class rule for each snapshot's industry: the candidate codes (any, section, division, group,
-- class) are listed per row and joined by equality (an IN-list join condition is not a hash join).
CREATE TEMP TABLE enterprise_size_rule AS
WITH candidates AS (
    SELECT credit_code, snapshot_year,
           unnest(list_distinct(['*', upper(substr(industry_code, 1, 1)), substr(industry_code, 2, 2),
                                 substr(industry_code, 2, 3), substr(industry_code, 2, 4)])) AS code
    FROM enterprise_snapshot
)
SELECT credit_code, snapshot_year, rule_id FROM (
    SELECT k.credit_code, k.snapshot_year, c.rule_id,
           row_number() OVER (PARTITION BY k.credit_code, k.snapshot_year ORDER BY c.specificity DESC) AS rn
    FROM candidates k JOIN ref_size_class_rule_scope c ON c.code = k.code
) WHERE rn = 1;

CREATE TABLE fact_enterprise_year AS
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
    FROM enterprise_snapshot s
    LEFT JOIN enterprise_size_rule z ON z.credit_code = s.credit_code AND z.snapshot_year = s.snapshot_year
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
ORDER BY s.credit_code, year;

-- The attribution every indicator uses: an enterprise's reporting district, the plan's industry group and its size
-- class in a year, for each plan whose city it is in.
CREATE TABLE enterprise_plan_year AS
WITH candidates AS (
    SELECT credit_code, year, city_code,
           unnest(list_distinct(['*', section_code, division_code, substr(industry_code, 2, 3), substr(industry_code, 2, 4)])) AS code
    FROM fact_enterprise_year
),
matched AS (
    SELECT k.credit_code, k.year, p.plan, g.group_code,
           row_number() OVER (PARTITION BY k.credit_code, k.year, p.plan ORDER BY g.specificity DESC, g.group_code) AS rn
    FROM candidates k
    JOIN dim_plan p ON p.city_code = k.city_code
    JOIN bridge_industry_group_code g ON g.plan = p.plan AND g.code = k.code
)
SELECT m.plan, e.year, e.credit_code, e.city_code, e.district_code, m.group_code AS industry_group,
       e.size_class, e.is_sme, e.is_active
FROM matched m JOIN fact_enterprise_year e ON e.credit_code = m.credit_code AND e.year = m.year
WHERE m.rn = 1
ORDER BY m.plan, e.year, e.credit_code;
