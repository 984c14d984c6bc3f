/*
materialized: table
description: Every indicator for every year × district × industry group × size class, with roll-ups ('ALL'), targets,
  trajectory and status. Sorted by (district_code, indicator_id, industry_group, size_class, year) in 8,192-row
  groups, so one district's series reads one row group. Districts whose code changed are reported under the current
  code for every year.
columns:
  indicator_id: Indicator id
  plan: Plan id
  kind: Indicator kind
  year: Year
  district_code: Reporting district code or ALL
  district_name_zh: District name (the city for ALL)
  industry_group: Industry group code or ALL
  industry_group_zh: Industry group name
  size_class: Size class or ALL
  value: The indicator's value (a count, a sum, a ratio or a weighted share 0-1); NULL in a year after the data
    (mart_indicator_coverage.data_to_year)
  numerator: Count, Σ numerator or Σ w·y
  denominator: Σ denominator (ratio of sums) or Σ w (adoption)
  sample_size: Survey responses behind an adoption share
  ci_low: 95% CI lower bound (adoption; Taylor-linearised variance)
  ci_high: 95% CI upper bound
  baseline_year: Baseline year (doubling ratios and targets with a baseline)
  baseline_value: The cell's value in the baseline year
  ratio: value / baseline_value (doubling ratios)
  target_value: Target in force for the year and cell (see target_basis)
  target_year: Its target year
  comparator: >= or >
  target_version: The version of the indicator's targets the cell is judged against (indicator_target.version; NULL
    without a target)
  target_basis: Where the target comes from: plan (a target row whose scope covers the cell: city, every_cell or the
    district, from the plan or an administrator), apportioned (the city's target shared out by the cell's share of the
    plan's SMEs in the baseline year, docs/indicators.md); NULL without a target
  target_share: The cell's share of the plan's SMEs in the plan's baseline year (0-1) by which the city's target was
    apportioned: target = v0 + (city target − city v0) × share, or city target × share for an annual target; NULL
    unless apportioned
  attainment: ratio (doubling) or value, divided by the target
  trajectory_value: The on-track path for the year: v0 + (target − v0)(y − B)/(T − B), or target^((y − B)/(T − B)) for
    doubling
  status: on_track (>= path, > path for comparator >), at_risk (>= 90% of path), off_track; NULL without a target
  enterprise_count: Distinct enterprises behind the number
  suppression: Why the cell is withheld from non-analysts (confidential indicators only): primary_count (1 or 2
    enterprises), primary_dominance (one contribution over 85% of the sum), secondary (so no withheld cell can be
    recovered from published totals and siblings), baseline (its baseline-year cell is withheld); NULL when published
  small_cell: Withheld from non-analysts (suppression IS NOT NULL): value, ratio, counts, interval and status are not
    shown to them
*/
-- The indicator mart: one row per indicator × year × district (or ALL) × industry group (or ALL) × size class (or
-- ALL) with value, target, attainment, trajectory and status (INDICATORS.md):
--   target row in force: the current (highest) version's row, its number kept as target_version, for the indicator whose scope covers the cell
--     (a district code > 'city', the ALL/ALL/ALL row only > 'every_cell') and whose years cover the reporting year:
--     baseline_year < year <= target_year, or year = target_year for an annual target (no baseline year);
--   apportioned target (indicator_catalog.apportion = 'sme_share'): a cell of one district (or one industry group),
--     all else ALL, without a target of its own, of a year whose city row is judged by a 'city' target, carries its
--     share s of that target — s = its SMEs / the plan's SMEs in the plan's baseline year (int_baseline_sme):
--     v0 + (target − V0)·s with v0, V0 the cell's and the city's values in the target's baseline year (each cell
--     carries its share of the required increase), target·s for an annual target; the same version, years and
--     comparator as the city's, judged below like any target. No SMEs in the plan's baseline year: nothing
--     apportioned; a cell whose apportioned target is 0 (s = 0 and nothing held in B) is not judged either;
--   target_basis: 'plan' for a target row whose scope covers the cell (city, every_cell, its district), 'apportioned'
--     for a derived one (target_share = s), NULL without a target;
--   measure: the ratio value/value(baseline) for doubling ratios, the value otherwise;
--   trajectory: v0 + (target − v0)·(y − B)/(T − B) with v0 the cell's value in the baseline year;
--     target^((y − B)/(T − B)) for doubling ratios; the target itself for annual targets;
--   attainment: measure / target;
--   status: on_track when measure >= trajectory (measure > trajectory for a '>' target: 超过45% is not met by exactly
--     45%), at_risk when >= 90% of it, off_track otherwise; NULL without target. The only place a cell is judged;
--   suppression (docs/disclosure.md): cells of confidential indicators only — primary_count when 1 or 2 enterprises
--     are behind the number, primary_dominance when one contribution is over 85% of a sum; the build then adds the
--     complementary cells (secondary) in C# (Disclosure/SuppressionStep.cs); small_cell = suppression IS NOT NULL.
-- Stored in series order, (district_code, indicator_id, industry_group, size_class, year); a published snapshot
-- rewrites it in 8,192-row groups (Snapshots/MartLayout.cs) so a district's series reads one row group.
WITH targeted AS MATERIALIZED (
    SELECT * EXCLUDE (rn) FROM (
        SELECT v.indicator_id, v.year, v.district_code, v.industry_group, v.size_class,
               t.baseline_year AS target_baseline_year, t.target_year, t.target_value, t.comparator,
               t.version AS target_version, t.scope AS target_scope,
               row_number() OVER (
                   PARTITION BY v.indicator_id, v.year, v.district_code, v.industry_group, v.size_class
                   ORDER BY CASE t.scope WHEN 'every_cell' THEN 3 WHEN 'city' THEN 2 ELSE 1 END, t.target_year) AS rn
        FROM int_indicator_value v
        JOIN indicator_target_current t
          ON t.indicator_id = v.indicator_id AND t.plan = v.plan
         AND ((t.baseline_year IS NULL AND v.year = t.target_year)
              OR (v.year > t.baseline_year AND v.year <= t.target_year))
         AND (t.scope = 'every_cell'
              OR (t.scope = 'city' AND v.district_code = 'ALL' AND v.industry_group = 'ALL' AND v.size_class = 'ALL')
              OR (t.scope = v.district_code AND v.industry_group = 'ALL' AND v.size_class = 'ALL'))
    ) WHERE rn = 1
),
shared AS (
    SELECT v.indicator_id, v.year, v.district_code, v.industry_group, v.size_class,
           c.target_baseline_year, c.target_year, c.target_value AS city_target, c.comparator, c.target_version,
           coalesce(n.sme_count, 0) / CAST(total.sme_count AS DOUBLE) AS target_share
    FROM int_indicator_value v
    JOIN indicator_catalog i ON i.indicator_id = v.indicator_id AND i.apportion = 'sme_share'
    JOIN targeted c
      ON c.indicator_id = v.indicator_id AND c.year = v.year AND c.target_scope = 'city'
     AND c.district_code = 'ALL' AND c.industry_group = 'ALL' AND c.size_class = 'ALL'
    JOIN int_baseline_sme total ON total.plan = v.plan AND total.district_code = 'ALL' AND total.industry_group = 'ALL'
    LEFT JOIN int_baseline_sme n ON n.plan = v.plan AND n.district_code = v.district_code AND n.industry_group = v.industry_group
    ANTI JOIN targeted own
      ON own.indicator_id = v.indicator_id AND own.year = v.year AND own.district_code = v.district_code
     AND own.industry_group = v.industry_group AND own.size_class = v.size_class
    WHERE v.size_class = 'ALL'
      AND ((v.district_code <> 'ALL' AND v.industry_group = 'ALL') OR (v.district_code = 'ALL' AND v.industry_group <> 'ALL'))
),
apportioned AS (
    SELECT a.* EXCLUDE (city_target),
           CASE WHEN a.target_baseline_year IS NULL THEN a.city_target * a.target_share
                ELSE v0.value + (a.city_target - city_v0.value) * a.target_share END AS target_value
    FROM shared a
    LEFT JOIN int_indicator_value v0
      ON v0.indicator_id = a.indicator_id AND v0.year = a.target_baseline_year AND v0.district_code = a.district_code
     AND v0.industry_group = a.industry_group AND v0.size_class = 'ALL'
    LEFT JOIN int_indicator_value city_v0
      ON city_v0.indicator_id = a.indicator_id AND city_v0.year = a.target_baseline_year AND city_v0.district_code = 'ALL'
     AND city_v0.industry_group = 'ALL' AND city_v0.size_class = 'ALL'
),
cell_target AS (
    SELECT * EXCLUDE (target_scope), 'plan' AS target_basis, CAST(NULL AS DOUBLE) AS target_share FROM targeted
    UNION ALL BY NAME
    SELECT *, 'apportioned' AS target_basis FROM apportioned WHERE target_value > 0
),
based AS (
    SELECT v.*, t.target_year, t.target_value, t.comparator, t.target_version, t.target_baseline_year,
           t.target_basis, t.target_share,
           coalesce(t.target_baseline_year, CASE WHEN v.kind = 'doubling_ratio' THEN p.baseline_year END) AS baseline_year
    FROM int_indicator_value v
    JOIN dim_plan p ON p.plan = v.plan
    LEFT JOIN cell_target t
      ON t.indicator_id = v.indicator_id AND t.year = v.year AND t.district_code = v.district_code
     AND t.industry_group = v.industry_group AND t.size_class = v.size_class
),
measured AS (
    SELECT a.*, b.value AS baseline_value,
           CASE WHEN a.kind = 'doubling_ratio' THEN a.value / nullif(b.value, 0) END AS ratio
    FROM based a
    LEFT JOIN int_indicator_value b
      ON b.indicator_id = a.indicator_id AND b.year = a.baseline_year AND b.district_code = a.district_code
     AND b.industry_group = a.industry_group AND b.size_class = a.size_class
),
pathed AS (
    SELECT *,
        CASE WHEN kind = 'doubling_ratio' THEN ratio ELSE value END AS measure,
        CASE
            WHEN target_value IS NULL THEN NULL
            WHEN target_baseline_year IS NULL THEN target_value
            WHEN kind = 'doubling_ratio'
                THEN power(target_value, (year - target_baseline_year) / CAST(target_year - target_baseline_year AS DOUBLE))
            WHEN baseline_value IS NULL THEN CASE WHEN year = target_year THEN target_value END
            ELSE baseline_value + (target_value - baseline_value)
                 * (year - target_baseline_year) / CAST(target_year - target_baseline_year AS DOUBLE)
        END AS trajectory_value
    FROM measured
)
SELECT x.indicator_id, x.plan, x.kind, x.year, x.district_code,
       CASE x.district_code WHEN 'ALL' THEN p.city_zh ELSE coalesce(d.name_zh, '未知') END AS district_name_zh,
       x.industry_group,
       CASE x.industry_group WHEN 'ALL' THEN '全部行业' ELSE g.group_zh END AS industry_group_zh,
       x.size_class,
       x.value, x.numerator, x.denominator, x.sample_size, x.ci_low, x.ci_high,
       x.baseline_year, x.baseline_value, x.ratio,
       x.target_value, x.target_year, x.comparator, x.target_version, x.target_basis, x.target_share,
       x.measure / nullif(x.target_value, 0) AS attainment,
       x.trajectory_value,
       CASE
           WHEN x.trajectory_value IS NULL OR x.measure IS NULL THEN NULL
           WHEN CASE x.comparator WHEN '>' THEN x.measure > x.trajectory_value ELSE x.measure >= x.trajectory_value END
               THEN 'on_track'
           WHEN x.measure >= 0.9 * x.trajectory_value THEN 'at_risk'
           ELSE 'off_track'
       END AS status,
       x.enterprise_count,
       CASE
           WHEN c.disclosure <> 'confidential' THEN NULL
           WHEN x.enterprise_count BETWEEN 1 AND 2 THEN 'primary_count'
           WHEN greatest(coalesce(x.num_top_share, 0), coalesce(x.den_top_share, 0)) > 0.85 THEN 'primary_dominance'
       END AS suppression,
       CASE
           WHEN c.disclosure <> 'confidential' THEN false
           ELSE x.enterprise_count BETWEEN 1 AND 2 OR greatest(coalesce(x.num_top_share, 0), coalesce(x.den_top_share, 0)) > 0.85
       END AS small_cell
FROM pathed x
JOIN dim_plan p ON p.plan = x.plan
JOIN indicator_catalog c ON c.indicator_id = x.indicator_id
LEFT JOIN dim_district d ON d.district_code = x.district_code
LEFT JOIN dim_industry_group g ON g.plan = x.plan AND g.group_code = x.industry_group
ORDER BY x.district_code, x.indicator_id, x.industry_group, x.size_class, x.year
