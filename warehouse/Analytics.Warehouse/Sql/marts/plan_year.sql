/*
materialized: table
description: Each plan's reporting years with their first and last days.
columns:
  plan: Plan id
  city_code: Plan city code
  year: Reporting year
  year_start: 1 January of the year
  year_end: 31 December of the year (the 'year end' of counts)
  start_year: Plan start year
  baseline_year: Plan baseline year
  target_year: Plan target year
*/
SELECT p.plan, p.city_code, CAST(y.year AS INTEGER) AS year,
       make_date(CAST(y.year AS INTEGER), 1, 1) AS year_start, make_date(CAST(y.year AS INTEGER), 12, 31) AS year_end,
       p.start_year, p.baseline_year, p.target_year
FROM dim_plan p, range(p.first_report_year, p.last_report_year + 1) AS y(year)
