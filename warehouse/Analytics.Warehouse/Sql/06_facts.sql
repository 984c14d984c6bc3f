-- Fact tables from the deduplicated feeds. The three largest (patents, their applicants, R&D spend: tens of millions
-- of rows at province scale) are left in lake order: sorting them took most of this step's minutes, and the
-- indicator queries aggregate them whole rather than filter them by key.

CREATE TABLE fact_recognition AS
SELECT CAST(row_number() OVER (ORDER BY recognition_type, granted_on, coalesce(person_id, credit_code), credit_code) AS BIGINT) AS recognition_id,
       credit_code, person_id, coalesce(person_id, credit_code) AS holder_id,
       recognition_type, level, granted_on, CAST(year(granted_on) AS INTEGER) AS grant_year,
       expires_on, revoked_on, certificate_no, batch, load AS batch_id
FROM stg_recognitions
ORDER BY recognition_type, granted_on;

CREATE TABLE fact_patent AS
SELECT application_no, patent_type, patent_type IN (1, 8) AS is_invention, title,
       application_date, publication_date, grant_date, CAST(year(grant_date) AS INTEGER) AS grant_year,
       legal_status, ipc_main, CAST(coalesce(len(applicants), 0) AS INTEGER) AS applicant_count, load AS batch_id
FROM stg_patents;

-- Patent × applicant: every applicant as delivered (persons and universities kept as text); credit_code is set when
-- the applicant is an 18-character credit code, in_registry when that code is in the registry.
CREATE TABLE bridge_patent_applicant AS
WITH applicants AS (
    -- Unnested in the select list (the two lists expand in step). A lateral unnest … WITH ORDINALITY gave the same
    -- rows nine times slower at province scale (238 s against 27 s for 23 million applicants).
    SELECT application_no, CAST(unnest(range(1, len(applicants) + 1)) AS INTEGER) AS applicant_seq,
           trim(unnest(applicants)) AS applicant
    FROM stg_patents
),
known AS (SELECT DISTINCT credit_code FROM fact_enterprise_year)
SELECT a.application_no, a.applicant_seq, a.applicant,
       CASE WHEN length(a.applicant) = 18 AND regexp_full_match(upper(a.applicant), '[0-9A-HJ-NP-RTUW-Y]{18}') THEN upper(a.applicant) END AS credit_code,
       k.credit_code IS NOT NULL AS in_registry
FROM applicants a LEFT JOIN known k ON k.credit_code = upper(a.applicant);

CREATE TABLE fact_rd_spend AS
SELECT credit_code, CAST(year AS INTEGER) AS year, rd_expense, main_business_revenue, new_product_revenue,
       rd_personnel, source, load AS batch_id
FROM stg_rd_spend;

-- Survey responses. it_any / ecom_any: true when any component is true; false when all components were answered
-- false; NULL (left out of the denominator) when none is true and some is unanswered.
CREATE TABLE fact_survey_response AS
SELECT credit_code, survey_year, weight,
       it_in_rd, it_in_management, it_in_production_control,
       ecommerce_purchase, ecommerce_sales, cloud_services, has_website,
       CASE WHEN it_in_rd OR it_in_management OR it_in_production_control THEN true
            WHEN it_in_rd IS NOT NULL AND it_in_management IS NOT NULL AND it_in_production_control IS NOT NULL THEN false
       END AS it_any,
       CASE WHEN ecommerce_purchase OR ecommerce_sales THEN true
            WHEN ecommerce_purchase IS NOT NULL AND ecommerce_sales IS NOT NULL THEN false
       END AS ecom_any,
       load AS batch_id
FROM stg_survey
ORDER BY survey_year, credit_code;
