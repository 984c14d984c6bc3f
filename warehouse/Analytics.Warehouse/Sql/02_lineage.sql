-- The published batches this build read, newest last; later batches win when they re-deliver a key.
CREATE TABLE build_lineage AS
SELECT batch_id, started_at, finished_at,
       CAST(json_array_length(files) AS INTEGER) AS files,
       CAST(coalesce(list_sum(CAST(json_extract(files, '$[*].rows_loaded') AS BIGINT[])), 0) AS BIGINT) AS rows,
       CAST(coalesce(list_sum(CAST(json_extract(files, '$[*].rows_quarantined') AS BIGINT[])), 0) AS BIGINT) AS rows_quarantined,
       current_timestamp AS built_at
FROM lake_manifest
WHERE status = 'published'
ORDER BY started_at, batch_id;

-- Batch order for "newest batch wins": by the manifest's started_at (batches without a manifest rank oldest).
CREATE TEMP TABLE batch_rank AS
SELECT batch_id, started_at FROM build_lineage;
