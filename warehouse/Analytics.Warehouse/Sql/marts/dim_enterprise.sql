/*
materialized: table
description: Enterprise as a type-2 slowly changing dimension: a version per run of snapshots with the same recorded
  district, industry, size class and status.
columns:
  enterprise_key: Surrogate key
  credit_code: 统一社会信用代码
  version: Version number, 1 = first
  name: Latest name within the version
  district_code_recorded: District code as registered
  district_code: Reporting district code
  industry_code: GB/T 4754 class code
  size_class: Size class
  size_source: registry, derived or unknown
  status: 登记状态
  founded_on: 成立日期
  deregistered_on: 注销/吊销 date
  valid_from_year: First snapshot year of the version
  valid_to_year: Last snapshot year of the version
  valid_from: Snapshot date the version starts
  valid_to: Day before the next version starts (NULL when current)
  is_current: Latest version
*/
-- Enterprise as a type-2 slowly changing dimension: a new version whenever the recorded district, industry, size
-- class or status changes between year-end snapshots. valid_to is the day before the next version starts.
WITH flagged AS (
    SELECT e.*,
        CASE WHEN lag(e.year) OVER w IS NULL
               OR lag(e.district_code_recorded) OVER w IS DISTINCT FROM e.district_code_recorded
               OR lag(e.industry_code) OVER w IS DISTINCT FROM e.industry_code
               OR lag(e.size_class) OVER w IS DISTINCT FROM e.size_class
               OR lag(e.status) OVER w IS DISTINCT FROM e.status
             THEN 1 ELSE 0 END AS starts_version
    FROM fact_enterprise_year e
    WINDOW w AS (PARTITION BY e.credit_code ORDER BY e.year)
),
versioned AS (
    SELECT *, CAST(sum(starts_version) OVER (PARTITION BY credit_code ORDER BY year) AS INTEGER) AS version
    FROM flagged
),
spans AS (
    SELECT credit_code, version,
           min(year) AS valid_from_year, max(year) AS valid_to_year, min(as_of) AS valid_from,
           arg_max(name, year) AS name,
           any_value(district_code_recorded) AS district_code_recorded, any_value(district_code) AS district_code,
           any_value(industry_code) AS industry_code, any_value(size_class) AS size_class,
           any_value(size_source) AS size_source, any_value(status) AS status, any_value(founded_on) AS founded_on,
           max(deregistered_on) AS deregistered_on
    FROM versioned
    GROUP BY credit_code, version
)
SELECT CAST(row_number() OVER (ORDER BY credit_code, version) AS BIGINT) AS enterprise_key,
       credit_code, version, name, district_code_recorded, district_code, industry_code, size_class, size_source,
       status, founded_on, deregistered_on, valid_from_year, valid_to_year, valid_from,
       lead(valid_from) OVER (PARTITION BY credit_code ORDER BY version) - INTERVAL 1 DAY AS valid_to,
       lead(valid_from) OVER (PARTITION BY credit_code ORDER BY version) IS NULL AS is_current
FROM spans
ORDER BY credit_code, version
