CREATE OR REPLACE VIEW lake_rd_spend AS
SELECT CAST(NULL AS VARCHAR) AS credit_code, CAST(NULL AS DECIMAL(18,2)) AS rd_expense,
       CAST(NULL AS DECIMAL(18,2)) AS main_business_revenue, CAST(NULL AS DECIMAL(18,2)) AS new_product_revenue,
       CAST(NULL AS INTEGER) AS rd_personnel, CAST(NULL AS VARCHAR) AS source,
       CAST(NULL AS VARCHAR) AS source_file, CAST(NULL AS VARCHAR) AS sha256, CAST(NULL AS BIGINT) AS source_row,
       CAST(NULL AS VARCHAR) AS feed, CAST(NULL AS VARCHAR) AS load, CAST(NULL AS BIGINT) AS year
WHERE false;
