-- One row per business key: when a later batch re-delivers a key, the row from the newest batch (manifest
-- started_at) wins; within a batch the last row read wins. The lake keeps the history.
--
-- Each load already settles repeats within a file, so repeated keys are rare. The keys seen more than once are found
-- once (a hash aggregate into a small table); stg_* are views that pass every other row straight through from the
-- lake and rank only the repeated keys' rows. Ranking every row sorted each whole feed, and materialising the
-- deduplicated copies wrote tens of millions of rows a second time: together over a minute at province scale.

CREATE TEMP TABLE repeated_registry AS
SELECT credit_code, as_of FROM lake_registry
WHERE credit_code IS NOT NULL AND as_of IS NOT NULL GROUP BY ALL HAVING count(*) > 1;

CREATE TEMP VIEW stg_registry AS
SELECT r.* FROM lake_registry r ANTI JOIN repeated_registry d ON d.credit_code = r.credit_code AND d.as_of = r.as_of
WHERE r.credit_code IS NOT NULL AND r.as_of IS NOT NULL
UNION ALL BY NAME
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY r.credit_code, r.as_of
        ORDER BY b.started_at DESC NULLS LAST, r.load DESC, r.source_file DESC, r.source_row DESC) AS rn
    FROM lake_registry r SEMI JOIN repeated_registry d ON d.credit_code = r.credit_code AND d.as_of = r.as_of
    LEFT JOIN batch_rank b ON b.batch_id = r.load
) WHERE rn = 1;

-- The key is the lake's, RecognitionsContract.Contract.KeyFields in etl/ (credit_code, person_id, recognition_type,
-- granted_on), column for column: a person certified at two employers on one day holds two certificates. person_id is
-- NULL for units, so keys compare with IS NOT DISTINCT FROM. RecognitionKeyTests fails when this drifts from the contract.
CREATE TEMP TABLE repeated_recognitions AS
SELECT credit_code, person_id, recognition_type, granted_on FROM lake_recognitions
WHERE coalesce(person_id, credit_code) IS NOT NULL GROUP BY ALL HAVING count(*) > 1;

CREATE TEMP VIEW stg_recognitions AS
SELECT r.* FROM lake_recognitions r
ANTI JOIN repeated_recognitions d ON d.credit_code IS NOT DISTINCT FROM r.credit_code AND d.person_id IS NOT DISTINCT FROM r.person_id
    AND d.recognition_type IS NOT DISTINCT FROM r.recognition_type AND d.granted_on IS NOT DISTINCT FROM r.granted_on
WHERE coalesce(r.person_id, r.credit_code) IS NOT NULL
UNION ALL BY NAME
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY r.credit_code, r.person_id, r.recognition_type, r.granted_on
        ORDER BY b.started_at DESC NULLS LAST, r.load DESC, r.source_file DESC, r.source_row DESC) AS rn
    FROM lake_recognitions r
    SEMI JOIN repeated_recognitions d ON d.credit_code IS NOT DISTINCT FROM r.credit_code AND d.person_id IS NOT DISTINCT FROM r.person_id
        AND d.recognition_type IS NOT DISTINCT FROM r.recognition_type AND d.granted_on IS NOT DISTINCT FROM r.granted_on
    LEFT JOIN batch_rank b ON b.batch_id = r.load
) WHERE rn = 1;

CREATE TEMP TABLE repeated_patents AS
SELECT application_no FROM lake_patents WHERE application_no IS NOT NULL GROUP BY ALL HAVING count(*) > 1;

CREATE TEMP VIEW stg_patents AS
SELECT p.* FROM lake_patents p ANTI JOIN repeated_patents d ON d.application_no = p.application_no
WHERE p.application_no IS NOT NULL
UNION ALL BY NAME
SELECT * EXCLUDE (rn) FROM (
    SELECT p.*, row_number() OVER (
        PARTITION BY p.application_no
        ORDER BY b.started_at DESC NULLS LAST, p.load DESC, p.source_file DESC, p.source_row DESC) AS rn
    FROM lake_patents p SEMI JOIN repeated_patents d ON d.application_no = p.application_no
    LEFT JOIN batch_rank b ON b.batch_id = p.load
) WHERE rn = 1;

CREATE TEMP TABLE repeated_rd_spend AS
SELECT credit_code, year FROM lake_rd_spend WHERE credit_code IS NOT NULL GROUP BY ALL HAVING count(*) > 1;

CREATE TEMP VIEW stg_rd_spend AS
SELECT r.* FROM lake_rd_spend r ANTI JOIN repeated_rd_spend d ON d.credit_code = r.credit_code AND d.year IS NOT DISTINCT FROM r.year
WHERE r.credit_code IS NOT NULL
UNION ALL BY NAME
SELECT * EXCLUDE (rn) FROM (
    SELECT r.*, row_number() OVER (
        PARTITION BY r.credit_code, r.year
        ORDER BY b.started_at DESC NULLS LAST, r.load DESC, r.source_file DESC, r.source_row DESC) AS rn
    FROM lake_rd_spend r SEMI JOIN repeated_rd_spend d ON d.credit_code = r.credit_code AND d.year IS NOT DISTINCT FROM r.year
    LEFT JOIN batch_rank b ON b.batch_id = r.load
) WHERE rn = 1;

CREATE TEMP TABLE repeated_survey AS
SELECT credit_code, survey_year FROM lake_survey WHERE credit_code IS NOT NULL GROUP BY ALL HAVING count(*) > 1;

CREATE TEMP VIEW stg_survey AS
SELECT s.* FROM lake_survey s ANTI JOIN repeated_survey d ON d.credit_code = s.credit_code AND d.survey_year IS NOT DISTINCT FROM s.survey_year
WHERE s.credit_code IS NOT NULL
UNION ALL BY NAME
SELECT * EXCLUDE (rn) FROM (
    SELECT s.*, row_number() OVER (
        PARTITION BY s.credit_code, s.survey_year
        ORDER BY b.started_at DESC NULLS LAST, s.load DESC, s.source_file DESC, s.source_row DESC) AS rn
    FROM lake_survey s SEMI JOIN repeated_survey d ON d.credit_code = s.credit_code AND d.survey_year IS NOT DISTINCT FROM s.survey_year
    LEFT JOIN batch_rank b ON b.batch_id = s.load
) WHERE rn = 1;
