/*
materialized: view
description: mart_indicator as readers outside the analysts may see it: the numbers of withheld cells (small_cell) are
  NULL (value, counts, interval, baseline, ratio, attainment, on-track path, status); its columns carry
  mart_indicator's comments. For published briefs, exports and the console of non-analysts (docs/disclosure.md).
columns_from: mart_indicator
*/
-- The indicator mart as a reader outside the analysts may see it (docs/disclosure.md): every cell, with the numbers
-- of withheld cells (small_cell: primary, secondary or baseline suppression of a confidential indicator) set to NULL
-- — value, counts, interval, baseline, ratio, attainment, on-track path and status. The review notebooks' public
-- briefs, the Parquet export for publication and the console of non-analysts read this view, never the table.
SELECT * REPLACE (
    CASE WHEN small_cell THEN NULL ELSE value END AS value,
    CASE WHEN small_cell THEN NULL ELSE numerator END AS numerator,
    CASE WHEN small_cell THEN NULL ELSE denominator END AS denominator,
    CASE WHEN small_cell THEN NULL ELSE sample_size END AS sample_size,
    CASE WHEN small_cell THEN NULL ELSE ci_low END AS ci_low,
    CASE WHEN small_cell THEN NULL ELSE ci_high END AS ci_high,
    CASE WHEN small_cell THEN NULL ELSE baseline_value END AS baseline_value,
    CASE WHEN small_cell THEN NULL ELSE ratio END AS ratio,
    CASE WHEN small_cell THEN NULL ELSE attainment END AS attainment,
    CASE WHEN small_cell THEN NULL ELSE trajectory_value END AS trajectory_value,
    CASE WHEN small_cell THEN NULL ELSE status END AS status,
    CASE WHEN small_cell THEN NULL ELSE enterprise_count END AS enterprise_count
)
FROM mart_indicator
