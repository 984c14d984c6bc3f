/*
materialized: table
description: Informatization survey responses with sampling weights; NULL = not answered (left out of that flag's
  denominator).
columns:
  credit_code: 统一社会信用代码
  survey_year: Survey year
  weight: Sampling weight
  it_in_rd: IT used in R&D
  it_in_management: IT used in management
  it_in_production_control: IT used in production control
  ecommerce_purchase: E-commerce for purchasing
  ecommerce_sales: E-commerce for sales
  cloud_services: Uses cloud services
  has_website: Has a website
  it_any: Any of the three IT uses (NULL when none is yes and one is unanswered)
  ecom_any: Purchasing or sales by e-commerce (NULL when neither is yes and one is unanswered)
  batch_id: Lake batch
*/
-- it_any / ecom_any: true when any component is true; false when all components were answered false; NULL (left
-- out of the denominator) when none is true and some is unanswered.
SELECT credit_code, survey_year, weight,
       it_in_rd, it_in_management, it_in_production_control,
       ecommerce_purchase, ecommerce_sales, cloud_services, has_website,
       CASE WHEN it_in_rd OR it_in_management OR it_in_production_control THEN true
            WHEN it_in_rd IS NOT NULL AND it_in_management IS NOT NULL AND it_in_production_control IS NOT NULL THEN false
       END AS it_any,
       CASE WHEN ecommerce_purchase OR ecommerce_sales THEN true
            WHEN ecommerce_purchase IS NOT NULL AND ecommerce_sales IS NOT NULL THEN false
       END AS ecom_any,
       load AS batch_id
FROM stg_survey
ORDER BY survey_year, credit_code
