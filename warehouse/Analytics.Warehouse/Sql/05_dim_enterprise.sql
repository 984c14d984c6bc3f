-- Enterprise as a type-2 slowly changing dimension: a new version whenever the recorded district, industry, size
-- class or status changes between year-end snapshots. valid_to is the day before the next version starts.
CREATE TABLE dim_enterprise AS
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
ORDER BY credit_code, version;
