/*
materialized: table
description: The codes each size rule covers; the most specific match wins.
columns:
  rule_id: Rule id
  code: Code or *
  specificity: 0 = *, 1 = section, 2 = division, 3 = group, 4 = class
*/
SELECT r.rule_id, trim(c.code) AS code,
       CASE WHEN trim(c.code) = '*' THEN 0
            WHEN regexp_full_match(trim(c.code), '[A-Z]') THEN 1
            ELSE length(trim(c.code)) END AS specificity
FROM cat_raw_size_class_rules r, unnest(string_split(r.scope, ';')) AS c(code)
WHERE trim(c.code) <> ''
