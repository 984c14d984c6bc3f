/*
materialized: table
description: The districts each plan reports on (current codes; former codes folded in).
columns:
  plan: Plan id
  district_code: Current district code
  name_zh: Name
  name_en: Name in English
  kind: Kind of division
  former_codes: Former codes reported under this one
  sort_order: Display order
*/
-- Lists the dashboard needs: the districts each plan reports on (current codes, with the former codes folded
-- into them) and each plan's industry groups.
SELECT p.plan, d.district_code, d.name_zh, d.name_en, d.kind,
       (SELECT string_agg(o.district_code || ' ' || o.name_zh, '; ' ORDER BY o.district_code)
        FROM dim_district o WHERE o.reporting_code = d.district_code AND o.district_code <> d.district_code) AS former_codes,
       CAST(row_number() OVER (PARTITION BY p.plan ORDER BY d.district_code) AS INTEGER) AS sort_order
FROM dim_plan p
JOIN dim_district d ON d.city_code = p.city_code AND d.is_current
ORDER BY p.plan, d.district_code
