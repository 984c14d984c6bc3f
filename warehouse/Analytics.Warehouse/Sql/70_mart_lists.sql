-- Lists the dashboard needs: the districts each plan reports on (current codes, with the former codes folded
-- into them) and each plan's industry groups.
CREATE TABLE mart_plan_district AS
SELECT p.plan, d.district_code, d.name_zh, d.name_en, d.kind,
       (SELECT string_agg(o.district_code || ' ' || o.name_zh, '; ' ORDER BY o.district_code)
        FROM dim_district o WHERE o.reporting_code = d.district_code AND o.district_code <> d.district_code) AS former_codes,
       CAST(row_number() OVER (PARTITION BY p.plan ORDER BY d.district_code) AS INTEGER) AS sort_order
FROM dim_plan p
JOIN dim_district d ON d.city_code = p.city_code AND d.is_current
ORDER BY p.plan, d.district_code;

CREATE TABLE mart_plan_industry_group AS
SELECT plan, group_code AS industry_group, group_zh, group_en, gbt4754_codes, source_in_plan, sort_order
FROM dim_industry_group
ORDER BY plan, sort_order;
