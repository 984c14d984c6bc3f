/*
materialized: temp table
description: The last registry snapshot of each enterprise in each year (snapshot_year), from stg_registry.
*/
-- Most enterprises have one snapshot a year, so only those with several are ranked (the shape of staging).
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
) WHERE rn = 1
