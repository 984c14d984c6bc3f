CREATE OR REPLACE VIEW lake_quarantine AS
SELECT * FROM read_parquet('${lake}/load=*/quarantine/*.parquet', hive_partitioning = true, union_by_name = true);
