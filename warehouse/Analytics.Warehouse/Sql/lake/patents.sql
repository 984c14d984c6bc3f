CREATE OR REPLACE VIEW lake_patents AS
SELECT * FROM read_parquet('${lake}/load=*/feed=patents/*/*.parquet', hive_partitioning = true, union_by_name = true);
