/*
materialized: table
description: One row per GB/T 4754 code a plan's industry group lists; an enterprise goes to the group with the most
  specific matching code.
columns:
  plan: Plan id
  group_code: Group code
  code: Section letter, division, group or class code, or *
  specificity: 0 = *, 1 = section, 2 = division, 3 = group, 4 = class
*/
-- One row per code a group lists; the most specific match wins (class 4 > group 3 > division 2 > section 1 > * 0).
SELECT g.plan, g.group_code, trim(c.code) AS code,
       CASE WHEN trim(c.code) = '*' THEN 0
            WHEN regexp_full_match(trim(c.code), '[A-Z]') THEN 1
            ELSE length(trim(c.code)) END AS specificity
FROM ref_raw_policy_groups g, unnest(string_split(g.gbt4754_codes, ';')) AS c(code)
WHERE trim(c.code) <> ''
