/*
materialized: view
description: The targets in force: the highest version of each indicator's targets.
columns:
  version: Target version
  plan: Plan id
  indicator_id: Indicator id
  scope: city, every_cell or a district code
  baseline_year: Baseline year
  target_year: Target year
  target_value: Target
  comparator: >= or >
  source_document: Source
  note: The plan's wording
  recorded_by: Who recorded the version
  recorded_at: When the version was recorded (NULL for the catalog's)
  reason: Why the target was revised
*/
SELECT t.* FROM indicator_target t
JOIN (SELECT plan, indicator_id, max(version) AS version FROM indicator_target GROUP BY plan, indicator_id) v
  ON v.plan = t.plan AND v.indicator_id = t.indicator_id AND v.version = t.version
