/*
materialized: temp view
description: Each survey response of an SME of a plan's city in a plan year, with a positive weight, placed by that
  year's district, industry group and size class. The adoption indicators choose one answer from it.
columns:
  plan: Plan id
  year: Survey year
  district_code: Reporting district that year
  industry_group: Industry group that year
  size_class: Size class that year
  credit_code: The surveyed SME
  weight: Survey weight (> 0)
  it_in_rd: IT in R&D
  it_in_management: IT in management
  it_in_production_control: IT in production control
  ecommerce_purchase: E-commerce for purchasing
  ecommerce_sales: E-commerce for sales
  cloud_services: Cloud services
  has_website: Has a website
  it_any: IT in at least one of the three (fact_survey_response)
  ecom_any: E-commerce for purchasing or sales (fact_survey_response)
*/
SELECT py.plan, py.year, e.district_code, e.industry_group, e.size_class, s.credit_code, s.weight,
       s.it_in_rd, s.it_in_management, s.it_in_production_control, s.ecommerce_purchase, s.ecommerce_sales,
       s.cloud_services, s.has_website, s.it_any, s.ecom_any
FROM fact_survey_response s
JOIN plan_year py ON s.survey_year = py.year
JOIN enterprise_plan_year e ON e.plan = py.plan AND e.credit_code = s.credit_code AND e.year = s.survey_year
WHERE e.is_sme
  AND s.weight > 0
