-- Data quality and freshness of the lake the build read.
CREATE TABLE mart_quarantine_summary AS
SELECT feed, rule, count(*) AS row_count, min(message) AS example_message, count(DISTINCT load) AS batches
FROM lake_quarantine
GROUP BY feed, rule
ORDER BY feed, row_count DESC, rule;

CREATE TABLE mart_freshness AS
WITH feeds AS (
    SELECT 'registry' AS feed, max(as_of) AS latest_as_of, CAST(max(year(as_of)) AS INTEGER) AS latest_year,
           count(*) AS row_count, list(DISTINCT load) AS loads FROM stg_registry
    UNION ALL
    SELECT 'recognitions', max(granted_on), CAST(max(year(granted_on)) AS INTEGER), count(*), list(DISTINCT load) FROM stg_recognitions
    UNION ALL
    SELECT 'patents', max(greatest(application_date, coalesce(grant_date, application_date))),
           CAST(max(year(greatest(application_date, coalesce(grant_date, application_date)))) AS INTEGER), count(*), list(DISTINCT load)
    FROM stg_patents
    UNION ALL
    SELECT 'rd_spend', make_date(CAST(max(year) AS INTEGER), 12, 31), CAST(max(year) AS INTEGER), count(*), list(DISTINCT load) FROM stg_rd_spend
    UNION ALL
    SELECT 'survey', make_date(max(survey_year), 12, 31), max(survey_year), count(*), list(DISTINCT load) FROM stg_survey
)
SELECT f.feed, f.latest_as_of, f.latest_year, f.row_count,
       (SELECT max(b.finished_at) FROM build_lineage b WHERE list_contains(f.loads, b.batch_id)) AS last_load_at
FROM feeds f
ORDER BY f.feed;
