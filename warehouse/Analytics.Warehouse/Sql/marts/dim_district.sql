/*
materialized: table
description: County-level divisions (GB/T 2260) of the plans' cities, former codes included. reporting_code follows
  successor links, so a division whose code changed (璧山县 500227 → 璧山区 500120) is reported under its current code for
  every year.
columns:
  district_code: 6-digit code as recorded
  name_zh: Name
  name_en: Name in English
  city_code: Prefecture/municipality code
  city_zh: City name
  kind: district, county, autonomous_county, county_level_city
  valid_from: First month the code is valid (NULL: before the data)
  valid_to: Month the code stopped being valid
  successor_code: The code that replaced it
  reporting_code: The current code every series uses
  reporting_name_zh: Name under the reporting code
  reporting_name_en: English name under the reporting code
  is_current: Whether the code is in use today
*/
-- GB/T 2260 divisions with their code changes; reporting_code follows successor links to the code in use today,
-- so a series for 璧山 (500227 until 2014-05, then 500120) is reported under 500120 for every year.
WITH RECURSIVE chain(district_code, reporting_code, hops) AS (
    SELECT code, code, 0 FROM ref_raw_districts
    UNION ALL
    SELECT c.district_code, d.successor_code, c.hops + 1
    FROM chain c JOIN ref_raw_districts d ON d.code = c.reporting_code
    WHERE d.successor_code IS NOT NULL AND c.hops < 10
),
final AS (
    SELECT district_code, arg_max(reporting_code, hops) AS reporting_code FROM chain GROUP BY district_code
)
SELECT d.code AS district_code, d.name_zh, d.name_en, d.city_code, d.city_zh, d.kind,
       CAST(CASE WHEN d.valid_from IS NOT NULL THEN d.valid_from || '-01' END AS DATE) AS valid_from,
       CAST(CASE WHEN d.valid_to IS NOT NULL THEN d.valid_to || '-01' END AS DATE) AS valid_to,
       d.successor_code, f.reporting_code, r.name_zh AS reporting_name_zh, r.name_en AS reporting_name_en,
       d.successor_code IS NULL AS is_current
FROM ref_raw_districts d
JOIN final f ON f.district_code = d.code
JOIN ref_raw_districts r ON r.code = f.reporting_code
ORDER BY d.code
