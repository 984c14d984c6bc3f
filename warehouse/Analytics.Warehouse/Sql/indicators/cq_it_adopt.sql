-- CQ-IT-ADOPT IT in R&D, management or production control (at least one)
-- Weighted adoption: one row per surveyed SME of the year with its survey weight and 0/1 answer; unanswered
-- (NULL) answers are left out of the denominator. The engine's roll-up gives Σw·y/Σw with its 95% CI.
SELECT py.year, e.district_code, e.industry_group, e.size_class,
       s.credit_code AS unit_id, s.credit_code AS enterprise_id,
       s.weight AS weight, CASE WHEN s.it_any THEN 1.0 ELSE 0.0 END AS flag
FROM fact_survey_response s
JOIN plan_year py ON py.plan = $plan AND s.survey_year = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = s.credit_code AND e.year = s.survey_year
WHERE e.is_sme
  AND s.weight > 0
  AND s.it_any IS NOT NULL
