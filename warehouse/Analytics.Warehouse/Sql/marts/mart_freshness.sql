/*
materialized: table
description: How fresh each feed is: latest date or year, rows after deduplication, last load.
columns:
  feed: Feed
  latest_as_of: Latest snapshot/grant/filing date or year end
  latest_year: Latest year
  row_count: Rows (one per business key)
  last_load_at: When the latest batch with rows of the feed finished
*/
-- Each feed's latest data as the facts date their rows (the same dates mart_indicator_coverage uses): registry
-- snapshots by as_of (staged rows: fact_enterprise_year keeps one per year), recognitions by grant, patents by
-- dated_on, R&D and survey by the end of their year.
WITH feeds AS (
    SELECT 'registry' AS feed, max(as_of) AS latest_as_of, count(*) AS row_count, list(DISTINCT load) AS loads FROM stg_registry
    UNION ALL
    SELECT 'recognitions', max(granted_on), count(*), list(DISTINCT batch_id) FROM fact_recognition
    UNION ALL
    SELECT 'patents', max(dated_on), count(*), list(DISTINCT batch_id) FROM fact_patent
    UNION ALL
    SELECT 'rd_spend', make_date(max(year), 12, 31), count(*), list(DISTINCT batch_id) FROM fact_rd_spend
    UNION ALL
    SELECT 'survey', make_date(max(survey_year), 12, 31), count(*), list(DISTINCT batch_id) FROM fact_survey_response
)
SELECT f.feed, f.latest_as_of, CAST(year(f.latest_as_of) AS INTEGER) AS latest_year, f.row_count,
       (SELECT max(b.finished_at) FROM build_lineage b WHERE list_contains(f.loads, b.batch_id)) AS last_load_at
FROM feeds f
ORDER BY f.feed
