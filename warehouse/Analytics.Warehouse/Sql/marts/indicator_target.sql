/*
materialized: table
description: Targets, versioned: the plan's (Analytics.Catalog/targets.csv, version 1) and those an administrator
  recorded since (target-revisions.jsonl). scope: city (the all-district, all-group, all-size row), every_cell, or a
  district code.
columns:
  version: Target version (the highest per indicator is in force)
  plan: Plan id
  indicator_id: Indicator id
  scope: city, every_cell or a district code
  baseline_year: Baseline year B (NULL: an annual target for target_year only)
  target_year: Target year T
  target_value: Target (a share 0-1 for adoption, the ratio for doubling)
  comparator: >= or >
  source_document: Where the plan sets it
  note: The plan's wording
  recorded_by: Who recorded the version: Analytics.Catalog/targets.csv for the plan's, else the administrator's
    account
  recorded_at: When the version was recorded (NULL for the catalog's)
  reason: Why the target was revised, as the administrator gave it
*/
-- The plan's targets (Analytics.Catalog/targets.csv) and those an administrator recorded since (target-revisions.jsonl
-- next to the snapshots, Targets/TargetRevisionLog.cs), each version with who recorded it, when, and the document behind it.
SELECT CAST(version AS INTEGER) AS version, plan, indicator_id, scope,
       CAST(baseline_year AS INTEGER) AS baseline_year, CAST(target_year AS INTEGER) AS target_year,
       CAST(value AS DOUBLE) AS target_value, comparator, source_document, note,
       recorded_by, CAST(recorded_at AS TIMESTAMPTZ) AS recorded_at, reason
FROM cat_raw_targets
ORDER BY plan, indicator_id, version, target_year
