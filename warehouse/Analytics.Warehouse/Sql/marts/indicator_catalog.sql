/*
materialized: table
description: The indicators of both plans as data (Analytics.Catalog/indicators.csv) with the SQL that computes each
  (Sql/indicators/*.sql).
columns:
  indicator_id: Indicator id
  plan: Plan id
  parent_id: The indicator this one is a component of
  sort_order: Display order
  name_zh: Name
  name_en: Name in English
  short_zh: Short name for column headers (status grid)
  short_en: Short name in English
  plan_sentence: The plan's sentence
  definition_zh: Default definition (口径)
  definition_en: Default definition in English
  kind: count, cumulative_count, adoption, doubling_ratio, zero_breakthrough (ratio-of-sums appears as the aggregate)
  aggregate: count_distinct, sum, ratio_of_sums or weighted_mean
  unit: Unit: the Chinese word, then the English in parentheses
  value_format: How the value reads: count (whole numbers), percent (a 0-1 share shown as %), ratio, amount (a sum in
    the unit); doubling indicators are compared by their ratio to the baseline, shown as ×
  decimals: Decimals shown (of the percentage for percent)
  source_feed: Feeds used
  disclosure: public (recognitions, patent grants: published by the government; never suppressed) or confidential
    (survey answers, R&D spend, revenue: cells suppressed per docs/disclosure.md)
  apportion: sme_share: a city-wide target is apportioned to districts and industry groups by their share of the
    plan's SMEs in the baseline year (docs/indicators.md); NULL: the target is judged for the city only
  caveat_zh: Caveat to show with the number
  caveat_en: Caveat in English
  sql_file: File of the SQL
  sql: The SQL that returns the indicator's contributions
*/
-- The indicator catalog as data: Analytics.Catalog/indicators.csv and the SQL file each row names (Sql/indicators/).
-- The build's catalog tests (Building/DataTests.cs) then check every row's disclosure, format and apportioning.
SELECT i.id AS indicator_id, i.plan, i.parent_id, CAST(i.sort_order AS INTEGER) AS sort_order,
       i.name_zh, i.name_en, i.short_zh, i.short_en, i.plan_sentence, i.definition_zh, i.definition_en,
       i.kind, i.aggregate, i.unit, i.value_format, CAST(i.decimals AS INTEGER) AS decimals, i.source_feed, i.disclosure,
       nullif(trim(i.apportion), '') AS apportion, i.caveat_zh, i.caveat_en, i.sql_file, s.sql
FROM cat_raw_indicators i
JOIN cat_raw_indicator_sql s ON s.id = i.id
ORDER BY sort_order
