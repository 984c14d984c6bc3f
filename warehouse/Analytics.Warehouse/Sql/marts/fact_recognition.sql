/*
materialized: table
description: Recognitions and programme enrolments (newest batch wins per lake key: credit code + person + type +
  grant date).
columns:
  recognition_id: Surrogate key
  credit_code: Holder's credit code (the employer for INNOV_ENGINEER)
  person_id: Person id (INNOV_ENGINEER only)
  holder_id: person_id or credit_code
  recognition_type: Type code (dim_recognition_type)
  level: 国家/省/市/区县
  granted_on: Grant date
  grant_year: Grant year
  expires_on: Expiry date
  revoked_on: Revocation date
  certificate_no: Certificate number
  batch: 认定批次
  batch_id: Lake batch
*/
SELECT CAST(row_number() OVER (ORDER BY recognition_type, granted_on, coalesce(person_id, credit_code), credit_code) AS BIGINT) AS recognition_id,
       credit_code, person_id, coalesce(person_id, credit_code) AS holder_id,
       recognition_type, level, granted_on, CAST(year(granted_on) AS INTEGER) AS grant_year,
       expires_on, revoked_on, certificate_no, batch, load AS batch_id
FROM stg_recognitions
ORDER BY recognition_type, granted_on
