CREATE OR REPLACE VIEW lake_patents AS
SELECT CAST(NULL AS VARCHAR) AS application_no, CAST(NULL AS INTEGER) AS patent_type, CAST(NULL AS VARCHAR) AS title,
       CAST(NULL AS VARCHAR[]) AS applicants, CAST(NULL AS DATE) AS application_date, CAST(NULL AS DATE) AS publication_date,
       CAST(NULL AS DATE) AS grant_date, CAST(NULL AS VARCHAR) AS legal_status, CAST(NULL AS VARCHAR) AS ipc_main,
       CAST(NULL AS VARCHAR) AS source_file, CAST(NULL AS VARCHAR) AS sha256, CAST(NULL AS BIGINT) AS source_row,
       CAST(NULL AS VARCHAR) AS feed, CAST(NULL AS VARCHAR) AS load, CAST(NULL AS BIGINT) AS year
WHERE false;
