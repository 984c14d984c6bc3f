CREATE OR REPLACE VIEW lake_recognitions AS
SELECT * FROM read_parquet('${lake}/load=*/feed=recognitions/*/*.parquet', hive_partitioning = true, union_by_name = true);
