/*
materialized: table
description: Patent × applicant bridge for co-applicants; persons and universities are kept as text, not matched.
columns:
  application_no: Application number
  applicant_seq: Applicant position (1 = first)
  applicant: Applicant as delivered
  credit_code: The applicant when it is an 18-character credit code
  in_registry: The credit code is in the registry
*/
-- Every applicant as delivered (persons and universities kept as text); credit_code is set when the applicant is
-- an 18-character credit code, in_registry when that code is in the registry.
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
FROM applicants a LEFT JOIN known k ON k.credit_code = upper(a.applicant)
