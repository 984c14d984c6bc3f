/*
materialized: table
description: The years each indicator's data covers: first and latest year its counted feed has rows for the plan's
  city. mart_indicator has no value (NULL) after data_to_year.
columns:
  indicator_id: Indicator
  plan: Plan
  source_feed: The feed the indicator counts (the first of indicator_catalog.source_feed)
  data_from_year: First year the feed has rows for the plan's city; NULL without any
  data_to_year: Latest year the feed has rows for the plan's city (recognitions by grant, patents by filing or grant,
    R&D and survey by their year); NULL without any
*/
-- The years each indicator's data covers: from the first to the latest year its counted feed (indicator_catalog.source_feed,
-- the first named; the registry only places what is counted) has rows for the plan's city, a row's year as
-- mart_freshness dates it (recognitions: grant; patents: dated_on, the later of filing and grant; R&D and survey:
-- their year) and its city by positions 3–8 of the credit code (for patents, any applicant's). A year after
-- data_to_year has no value (NULL), not 0: nothing was delivered for it, so a count of 0 would be a claim the data
-- cannot make.
WITH feed_year AS (
    SELECT 'recognitions' AS feed, credit_code, grant_year AS year FROM fact_recognition
    UNION ALL
    SELECT 'patents', a.credit_code, CAST(year(p.dated_on) AS INTEGER)
    FROM fact_patent p JOIN bridge_patent_applicant a ON a.application_no = p.application_no WHERE a.credit_code IS NOT NULL
    UNION ALL
    SELECT 'rd_spend', credit_code, year FROM fact_rd_spend
    UNION ALL
    SELECT 'survey', credit_code, survey_year FROM fact_survey_response
),
feed_city AS (
    SELECT f.feed, d.city_code, min(f.year) AS data_from_year, max(f.year) AS data_to_year
    FROM feed_year f JOIN dim_district d ON d.district_code = substr(f.credit_code, 3, 6)
    GROUP BY ALL
)
SELECT i.indicator_id, i.plan, trim(split_part(i.source_feed, ';', 1)) AS source_feed, f.data_from_year, f.data_to_year
FROM indicator_catalog i
JOIN dim_plan p ON p.plan = i.plan
LEFT JOIN feed_city f ON f.feed = trim(split_part(i.source_feed, ';', 1)) AND f.city_code = p.city_code
ORDER BY i.plan, i.indicator_id
