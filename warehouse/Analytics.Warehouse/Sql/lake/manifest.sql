-- The manifests of the published batches (load=<id>/manifest.json): which batches exist and when each was loaded.
CREATE OR REPLACE VIEW lake_manifest AS
SELECT batch_id, status, started_at, finished_at, files
FROM read_json('${lake}/load=*/manifest.json',
    columns = {batch_id: 'VARCHAR', status: 'VARCHAR', started_at: 'TIMESTAMPTZ', finished_at: 'TIMESTAMPTZ', files: 'JSON'},
    format = 'auto');
