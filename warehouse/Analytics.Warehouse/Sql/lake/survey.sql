CREATE OR REPLACE VIEW lake_survey AS
SELECT * FROM read_parquet('${lake}/load=*/feed=survey/*/*.parquet', hive_partitioning = true, union_by_name = true);
