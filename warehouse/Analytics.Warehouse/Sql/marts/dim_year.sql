/*
materialized: table
description: Calendar years the warehouse reports, with their first and last days.
columns:
  year: Year
  year_start: 1 January
  year_end: 31 December
*/
SELECT CAST(y.year AS INTEGER) AS year, make_date(CAST(y.year AS INTEGER), 1, 1) AS year_start,
       make_date(CAST(y.year AS INTEGER), 12, 31) AS year_end
FROM (SELECT min(first_report_year) AS lo, max(last_report_year) AS hi FROM dim_plan) b, range(b.lo, b.hi + 1) AS y(year)
