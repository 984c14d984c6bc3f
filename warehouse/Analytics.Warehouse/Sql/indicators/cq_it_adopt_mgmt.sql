-- CQ-IT-ADOPT-MGMT IT in management
-- Weighted adoption: one row per surveyed SME of the year (int_survey_sme_response) with its survey weight and 0/1
-- answer; unanswered (NULL) answers are left out of the denominator. The roll-up gives Σw·y/Σw with its 95% CI.
SELECT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id,
       weight, CASE WHEN it_in_management THEN 1.0 ELSE 0.0 END AS flag
FROM int_survey_sme_response
WHERE plan = $plan
  AND it_in_management IS NOT NULL
