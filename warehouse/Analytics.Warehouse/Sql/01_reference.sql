-- Reference dimensions and the catalog, typed from the raw CSV tables the builder loaded.

CREATE TABLE dim_plan AS
SELECT plan, city_code, city_zh, name_zh, name_en, document_no, CAST(issued_on AS DATE) AS issued_on,
       CAST(start_year AS INTEGER) AS start_year, CAST(baseline_year AS INTEGER) AS baseline_year,
       CAST(target_year AS INTEGER) AS target_year, CAST(first_report_year AS INTEGER) AS first_report_year,
       CAST(last_report_year AS INTEGER) AS last_report_year, sme_scope_zh
FROM cat_raw_plans;

CREATE TABLE plan_year AS
SELECT p.plan, p.city_code, CAST(y.year AS INTEGER) AS year,
       make_date(CAST(y.year AS INTEGER), 1, 1) AS year_start, make_date(CAST(y.year AS INTEGER), 12, 31) AS year_end,
       p.start_year, p.baseline_year, p.target_year
FROM dim_plan p, range(p.first_report_year, p.last_report_year + 1) AS y(year);

CREATE TABLE dim_year AS
SELECT CAST(y.year AS INTEGER) AS year, make_date(CAST(y.year AS INTEGER), 1, 1) AS year_start,
       make_date(CAST(y.year AS INTEGER), 12, 31) AS year_end
FROM (SELECT min(first_report_year) AS lo, max(last_report_year) AS hi FROM dim_plan) b, range(b.lo, b.hi + 1) AS y(year);

-- GB/T 2260 divisions with their code changes; reporting_code follows successor links to the code in use today,
-- so a series for 璧山 (500227 until 2014-05, then 500120) is reported under 500120 for every year.
CREATE TABLE dim_district AS
WITH RECURSIVE chain(district_code, reporting_code, hops) AS (
    SELECT code, code, 0 FROM ref_raw_districts
    UNION ALL
    SELECT c.district_code, d.successor_code, c.hops + 1
    FROM chain c JOIN ref_raw_districts d ON d.code = c.reporting_code
    WHERE d.successor_code IS NOT NULL AND c.hops < 10
),
final AS (
    SELECT district_code, arg_max(reporting_code, hops) AS reporting_code FROM chain GROUP BY district_code
)
SELECT d.code AS district_code, d.name_zh, d.name_en, d.city_code, d.city_zh, d.kind,
       CAST(CASE WHEN d.valid_from IS NOT NULL THEN d.valid_from || '-01' END AS DATE) AS valid_from,
       CAST(CASE WHEN d.valid_to IS NOT NULL THEN d.valid_to || '-01' END AS DATE) AS valid_to,
       d.successor_code, f.reporting_code, r.name_zh AS reporting_name_zh, r.name_en AS reporting_name_en,
       d.successor_code IS NULL AS is_current
FROM ref_raw_districts d
JOIN final f ON f.district_code = d.code
JOIN ref_raw_districts r ON r.code = f.reporting_code
ORDER BY d.code;

-- GB/T 4754-2017: every section and division (from the ETL's full division table) and the groups the plans name.
CREATE TABLE dim_industry AS
SELECT 'section' AS level, code, name_zh, name_en, code AS section_code, CAST(NULL AS VARCHAR) AS division_code
FROM ref_raw_industries WHERE level = 'section'
UNION ALL
SELECT 'division', v.division_code, v.name_zh, i.name_en, v.section_code, v.division_code
FROM ref_raw_divisions v LEFT JOIN ref_raw_industries i ON i.level = 'division' AND i.code = v.division_code
UNION ALL
SELECT i.level, i.code, i.name_zh, i.name_en, v.section_code, substr(i.code, 1, 2)
FROM ref_raw_industries i JOIN ref_raw_divisions v ON v.division_code = substr(i.code, 1, 2)
WHERE i.level NOT IN ('section', 'division')
ORDER BY section_code, code;

-- Each plan's industry groups (editable data: Catalog of the ETL, policy-industry-groups.csv), plus UNKNOWN for
-- units outside the registry (public institutions, persons' employers not found).
CREATE TABLE dim_industry_group AS
SELECT plan, group_code, group_zh, group_en, gbt4754_codes, source_in_plan,
       CAST(row_number() OVER (PARTITION BY plan ORDER BY rowid) AS INTEGER) AS sort_order
FROM ref_raw_policy_groups
UNION ALL
SELECT plan, 'UNKNOWN', '未知（名录外单位）', 'Unknown (not in the registry)', NULL, 'project default', 99
FROM dim_plan
ORDER BY plan, sort_order;

-- One row per code a group lists; the most specific match wins (class 4 > group 3 > division 2 > section 1 > * 0).
CREATE TABLE bridge_industry_group_code AS
SELECT g.plan, g.group_code, trim(c.code) AS code,
       CASE WHEN trim(c.code) = '*' THEN 0
            WHEN regexp_full_match(trim(c.code), '[A-Z]') THEN 1
            ELSE length(trim(c.code)) END AS specificity
FROM ref_raw_policy_groups g, unnest(string_split(g.gbt4754_codes, ';')) AS c(code)
WHERE trim(c.code) <> '';

CREATE TABLE dim_size_class AS
SELECT size_class, name_en, CAST(is_sme AS BOOLEAN) AS is_sme, CAST(sort_order AS INTEGER) AS sort_order
FROM cat_raw_size_classes ORDER BY sort_order;

CREATE TABLE ref_size_class_rule AS
SELECT rule_id, sector_zh, sector_en, scope,
       CAST(large_employees AS DOUBLE) AS large_employees, CAST(large_revenue AS DOUBLE) AS large_revenue,
       CAST(large_assets AS DOUBLE) AS large_assets,
       CAST(medium_employees AS DOUBLE) AS medium_employees, CAST(medium_revenue AS DOUBLE) AS medium_revenue,
       CAST(medium_assets AS DOUBLE) AS medium_assets,
       CAST(small_employees AS DOUBLE) AS small_employees, CAST(small_revenue AS DOUBLE) AS small_revenue,
       CAST(small_assets AS DOUBLE) AS small_assets, source
FROM cat_raw_size_class_rules;

CREATE TABLE ref_size_class_rule_scope AS
SELECT r.rule_id, trim(c.code) AS code,
       CASE WHEN trim(c.code) = '*' THEN 0
            WHEN regexp_full_match(trim(c.code), '[A-Z]') THEN 1
            ELSE length(trim(c.code)) END AS specificity
FROM cat_raw_size_class_rules r, unnest(string_split(r.scope, ';')) AS c(code)
WHERE trim(c.code) <> '';

CREATE TABLE dim_recognition_type AS
SELECT recognition_type, name_zh, name_en, holder, CAST(is_programme AS BOOLEAN) AS is_programme
FROM cat_raw_recognition_types;
