CREATE OR REPLACE VIEW lake_rd_spend AS
SELECT * FROM read_parquet('${lake}/load=*/feed=rd_spend/*/*.parquet', hive_partitioning = true, union_by_name = true);
