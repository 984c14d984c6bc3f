/*
materialized: table
description: The lake batches (load=<id>) this warehouse was built from, from their manifests; a later batch wins when
  it re-delivers a key.
columns:
  batch_id: Batch id (folder load=<id>)
  started_at: When the load started (orders batches: newest wins)
  finished_at: When the load finished
  files: Source files in the batch
  rows: Rows the batch loaded into the lake
  rows_quarantined: Rows the batch quarantined
  built_at: When this warehouse was built
*/
-- The published batches this build read, newest last; later batches win when they re-deliver a key (staging).
SELECT batch_id, started_at, finished_at,
       CAST(json_array_length(files) AS INTEGER) AS files,
       CAST(coalesce(list_sum(CAST(json_extract(files, '$[*].rows_loaded') AS BIGINT[])), 0) AS BIGINT) AS rows,
       CAST(coalesce(list_sum(CAST(json_extract(files, '$[*].rows_quarantined') AS BIGINT[])), 0) AS BIGINT) AS rows_quarantined,
       current_timestamp AS built_at
FROM lake_manifest
WHERE status = 'published'
ORDER BY started_at, batch_id
