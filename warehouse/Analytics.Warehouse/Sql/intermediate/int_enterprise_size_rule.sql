/*
materialized: temp table
description: The most specific size-class rule (ref_size_class_rule_scope) for each enterprise snapshot's industry.
*/
-- The candidate codes (any, section, division, group, class) are listed per row and joined by equality (an IN-list
-- join condition is not a hash join).
WITH candidates AS (
    SELECT credit_code, snapshot_year,
           unnest(list_distinct(['*', upper(substr(industry_code, 1, 1)), substr(industry_code, 2, 2),
                                 substr(industry_code, 2, 3), substr(industry_code, 2, 4)])) AS code
    FROM int_enterprise_snapshot
)
SELECT credit_code, snapshot_year, rule_id FROM (
    SELECT k.credit_code, k.snapshot_year, c.rule_id,
           row_number() OVER (PARTITION BY k.credit_code, k.snapshot_year ORDER BY c.specificity DESC) AS rn
    FROM candidates k JOIN ref_size_class_rule_scope c ON c.code = k.code
) WHERE rn = 1
