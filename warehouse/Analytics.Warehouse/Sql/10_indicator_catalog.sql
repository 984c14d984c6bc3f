-- The indicator catalog as data (Analytics.Catalog/indicators.csv + the SQL file each names) and the versioned targets:
-- the plan's (Analytics.Catalog/targets.csv) and those an administrator recorded since (target-revisions.jsonl next to the
-- snapshots, Targets/TargetRevisionLog.cs), each version with who recorded it, when, and the document behind it.

CREATE TABLE indicator_catalog AS
SELECT i.id AS indicator_id, i.plan, i.parent_id, CAST(i.sort_order AS INTEGER) AS sort_order,
       i.name_zh, i.name_en, i.short_zh, i.short_en, i.plan_sentence, i.definition_zh, i.definition_en,
       i.kind, i.aggregate, i.unit, i.value_format, CAST(i.decimals AS INTEGER) AS decimals, i.source_feed, i.disclosure,
       nullif(trim(i.apportion), '') AS apportion, i.caveat_zh, i.caveat_en, i.sql_file, s.sql
FROM cat_raw_indicators i
JOIN cat_raw_indicator_sql s ON s.id = i.id
ORDER BY sort_order;

-- Disclosure is a promise to the enterprises behind the numbers: a catalog row without a valid class stops the build.
SELECT CASE WHEN count(*) = 0 THEN true ELSE error('Analytics.Catalog/indicators.csv: disclosure must be public or confidential; wrong for ' || string_agg(indicator_id, ', ')) END
FROM indicator_catalog WHERE disclosure IS NULL OR disclosure NOT IN ('public', 'confidential');

-- Every reader formats an indicator's numbers by its catalog row (Analytics.Snapshots/Formatting/IndicatorFormat.cs):
-- a row without a known format, or with an apportioning rule the build does not know, stops the build.
SELECT CASE WHEN count(*) = 0 THEN true ELSE error('Analytics.Catalog/indicators.csv: value_format must be count, percent, ratio or amount with decimals 0-4; wrong for ' || string_agg(indicator_id, ', ')) END
FROM indicator_catalog WHERE value_format IS NULL OR value_format NOT IN ('count', 'percent', 'ratio', 'amount') OR decimals IS NULL OR decimals NOT BETWEEN 0 AND 4;

SELECT CASE WHEN count(*) = 0 THEN true ELSE error('Analytics.Catalog/indicators.csv: apportion must be empty or sme_share; wrong for ' || string_agg(indicator_id, ', ')) END
FROM indicator_catalog WHERE apportion IS NOT NULL AND apportion <> 'sme_share';

-- An apportioned target is a share of a number of enterprises, units or persons, and it carries the cell's own baseline
-- value (60_mart_indicator.sql), which a withheld cell of a confidential indicator must not give away.
SELECT CASE WHEN count(*) = 0 THEN true ELSE error('Analytics.Catalog/indicators.csv: apportion = sme_share is for public counts (kind count, cumulative_count or zero_breakthrough; disclosure public); wrong for ' || string_agg(indicator_id, ', ')) END
FROM indicator_catalog WHERE apportion = 'sme_share' AND (kind NOT IN ('count', 'cumulative_count', 'zero_breakthrough') OR disclosure <> 'public');

CREATE TABLE indicator_target AS
SELECT CAST(version AS INTEGER) AS version, plan, indicator_id, scope,
       CAST(baseline_year AS INTEGER) AS baseline_year, CAST(target_year AS INTEGER) AS target_year,
       CAST(value AS DOUBLE) AS target_value, comparator, source_document, note,
       recorded_by, CAST(recorded_at AS TIMESTAMPTZ) AS recorded_at, reason
FROM cat_raw_targets
ORDER BY plan, indicator_id, version, target_year;

-- The targets in force: every row of the highest version of each indicator's targets.
CREATE VIEW indicator_target_current AS
SELECT t.* FROM indicator_target t
JOIN (SELECT plan, indicator_id, max(version) AS version FROM indicator_target GROUP BY plan, indicator_id) v
  ON v.plan = t.plan AND v.indicator_id = t.indicator_id AND v.version = t.version;
