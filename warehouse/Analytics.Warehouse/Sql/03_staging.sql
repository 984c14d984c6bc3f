-- One row per business key: when a later batch re-delivers a key, the row from the newest batch (manifest
-- started_at) wins; within a batch the last row read wins. The lake keeps the history.

CREATE TEMP TABLE stg_registry AS
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY r.credit_code, r.as_of
        ORDER BY b.started_at DESC NULLS LAST, r.load DESC, r.source_file DESC, r.source_row DESC) AS rn
    FROM lake_registry r LEFT JOIN batch_rank b ON b.batch_id = r.load
    WHERE r.credit_code IS NOT NULL AND r.as_of IS NOT NULL
) WHERE rn = 1;

CREATE TEMP TABLE stg_recognitions AS
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY coalesce(r.person_id, r.credit_code), r.recognition_type, r.granted_on
        ORDER BY b.started_at DESC NULLS LAST, r.load DESC, r.source_file DESC, r.source_row DESC) AS rn
    FROM lake_recognitions r LEFT JOIN batch_rank b ON b.batch_id = r.load
    WHERE coalesce(r.person_id, r.credit_code) IS NOT NULL
) WHERE rn = 1;

CREATE TEMP TABLE stg_patents AS
SELECT * EXCLUDE (rn) FROM (
    SELECT p.*, row_number() OVER (
        PARTITION BY p.application_no
        ORDER BY b.started_at DESC NULLS LAST, p.load DESC, p.source_file DESC, p.source_row DESC) AS rn
    FROM lake_patents p LEFT JOIN batch_rank b ON b.batch_id = p.load
    WHERE p.application_no IS NOT NULL
) WHERE rn = 1;

CREATE TEMP TABLE stg_rd_spend AS
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY r.credit_code, r.year
        ORDER BY b.started_at DESC NULLS LAST, r.load DESC, r.source_file DESC, r.source_row DESC) AS rn
    FROM lake_rd_spend r LEFT JOIN batch_rank b ON b.batch_id = r.load
    WHERE r.credit_code IS NOT NULL
) WHERE rn = 1;

CREATE TEMP TABLE stg_survey AS
SELECT * EXCLUDE (rn) FROM (
    SELECT s.*, row_number() OVER (
        PARTITION BY s.credit_code, s.survey_year
        ORDER BY b.started_at DESC NULLS LAST, s.load DESC, s.source_file DESC, s.source_row DESC) AS rn
    FROM lake_survey s LEFT JOIN batch_rank b ON b.batch_id = s.load
    WHERE s.credit_code IS NOT NULL
) WHERE rn = 1;
