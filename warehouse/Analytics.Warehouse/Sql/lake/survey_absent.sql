CREATE OR REPLACE VIEW lake_survey AS
SELECT CAST(NULL AS VARCHAR) AS credit_code, CAST(NULL AS INTEGER) AS survey_year, CAST(NULL AS DOUBLE) AS weight,
       CAST(NULL AS BOOLEAN) AS it_in_rd, CAST(NULL AS BOOLEAN) AS it_in_management, CAST(NULL AS BOOLEAN) AS it_in_production_control,
       CAST(NULL AS BOOLEAN) AS ecommerce_purchase, CAST(NULL AS BOOLEAN) AS ecommerce_sales, CAST(NULL AS BOOLEAN) AS cloud_services,
       CAST(NULL AS BOOLEAN) AS has_website,
       CAST(NULL AS VARCHAR) AS source_file, CAST(NULL AS VARCHAR) AS sha256, CAST(NULL AS BIGINT) AS source_row,
       CAST(NULL AS VARCHAR) AS feed, CAST(NULL AS VARCHAR) AS load, CAST(NULL AS BIGINT) AS year
WHERE false;
