CREATE OR REPLACE VIEW lake_registry AS
SELECT * FROM read_parquet('${lake}/load=*/feed=registry/*/*.parquet', hive_partitioning = true, union_by_name = true);
