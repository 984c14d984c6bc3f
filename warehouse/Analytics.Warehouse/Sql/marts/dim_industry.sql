/*
materialized: table
description: GB/T 4754-2017: every section and division, and the groups the plans name.
columns:
  level: section, division or group
  code: Section letter, 2-digit division or 3-digit group
  name_zh: Name
  name_en: Name in English (where the reference gives one)
  section_code: Section letter
  division_code: 2-digit division (NULL for sections)
*/
-- GB/T 4754-2017: every section and division (from the ETL's full division table) and the groups the plans name.
SELECT 'section' AS level, code, name_zh, name_en, code AS section_code, CAST(NULL AS VARCHAR) AS division_code
FROM ref_raw_industries WHERE level = 'section'
UNION ALL
SELECT 'division', v.division_code, v.name_zh, i.name_en, v.section_code, v.division_code
FROM ref_raw_divisions v LEFT JOIN ref_raw_industries i ON i.level = 'division' AND i.code = v.division_code
UNION ALL
SELECT i.level, i.code, i.name_zh, i.name_en, v.section_code, substr(i.code, 1, 2)
FROM ref_raw_industries i JOIN ref_raw_divisions v ON v.division_code = substr(i.code, 1, 2)
WHERE i.level NOT IN ('section', 'division')
ORDER BY section_code, code
