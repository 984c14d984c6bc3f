/*
materialized: temp table
description: Each cell of int_indicator_grid valued by its indicator's aggregate, with the numerator, denominator,
  sample size and 95% interval, and the top contribution's share of a sum (for disclosure control).
*/
-- Each cell's value by the indicator's aggregate:
-- count_distinct  value = distinct units;                     numerator = value
-- sum             value = Σ num;                              numerator = value
-- ratio_of_sums   value = Σ num / Σ den;                      numerator, denominator = the sums
-- weighted_mean   value = Σ w·y / Σ w (y ∈ {0,1});           numerator = Σ w·y, denominator = Σ w
-- For weighted means, the 95% CI uses the Taylor-linearised variance of the ratio estimator (with-replacement,
-- single-stage design): v = n/(n−1) · Σ w²(y−p)² / (Σw)², where Σ w²(y−p)² = Σw²y·(1−2p) + p²·Σw² since y² = y;
-- CI = p ± 1.96·√v clipped to [0, 1]; no CI when n < 2.
WITH joined AS (
    SELECT g.*, i.kind, i.aggregate, coalesce(g.year <= v.data_to_year, false) AS has_data, c.unit_count, c.enterprise_count, c.row_count,
           c.num_sum, c.den_sum, c.num_max, c.den_max, c.w_sum, c.wy_sum, c.w2_sum, c.w2y_sum
    FROM int_indicator_grid g
    JOIN indicator_catalog i ON i.indicator_id = g.indicator_id
    JOIN mart_indicator_coverage v ON v.indicator_id = g.indicator_id
    LEFT JOIN int_indicator_cell c
      ON c.indicator_id = g.indicator_id AND c.year = g.year AND c.district_code = g.district_code
     AND c.industry_group = g.industry_group AND c.size_class = g.size_class
),
valued AS (
    -- Outside the years the data covers (mart_indicator_coverage) every number is NULL, never 0.
    SELECT *,
        CASE WHEN NOT has_data THEN NULL
            WHEN aggregate = 'count_distinct' THEN CAST(coalesce(unit_count, 0) AS DOUBLE)
            WHEN aggregate = 'sum' THEN coalesce(num_sum, 0)
            WHEN aggregate = 'ratio_of_sums' THEN num_sum / nullif(den_sum, 0)
            WHEN aggregate = 'weighted_mean' THEN wy_sum / nullif(w_sum, 0)
        END AS value,
        CASE WHEN NOT has_data THEN NULL
            WHEN aggregate = 'count_distinct' THEN CAST(coalesce(unit_count, 0) AS DOUBLE)
            WHEN aggregate = 'sum' THEN coalesce(num_sum, 0)
            WHEN aggregate = 'ratio_of_sums' THEN num_sum
            WHEN aggregate = 'weighted_mean' THEN wy_sum
        END AS numerator,
        CASE WHEN NOT has_data THEN NULL
            WHEN aggregate = 'ratio_of_sums' THEN den_sum
            WHEN aggregate = 'weighted_mean' THEN w_sum
        END AS denominator,
        CASE WHEN aggregate = 'weighted_mean' AND has_data THEN CAST(coalesce(row_count, 0) AS INTEGER) END AS sample_size
    FROM joined
),
variance AS (
    SELECT *,
        CASE WHEN aggregate = 'weighted_mean' AND row_count >= 2 AND w_sum > 0
             THEN greatest(0.0, (row_count / (row_count - 1.0))
                  * (w2y_sum * (1 - 2 * value) + value * value * w2_sum) / (w_sum * w_sum))
        END AS estimate_variance
    FROM valued
)
SELECT indicator_id, plan, year, district_code, industry_group, size_class, kind, aggregate,
       value, numerator, denominator, sample_size,
       CASE WHEN estimate_variance IS NOT NULL THEN greatest(0.0, value - 1.959963984540054 * sqrt(estimate_variance)) END AS ci_low,
       CASE WHEN estimate_variance IS NOT NULL THEN least(1.0, value + 1.959963984540054 * sqrt(estimate_variance)) END AS ci_high,
       CAST(coalesce(enterprise_count, 0) AS INTEGER) AS enterprise_count,
       -- The largest single contribution's share of a sum (the dominance rule of disclosure control, mart_indicator).
       CASE WHEN aggregate IN ('sum', 'ratio_of_sums') AND num_sum > 0 THEN num_max / num_sum END AS num_top_share,
       CASE WHEN aggregate = 'ratio_of_sums' AND den_sum > 0 THEN den_max / den_sum END AS den_top_share
FROM variance
