/*
materialized: table
description: Recognition and programme types the recognitions feed carries.
columns:
  recognition_type: Type code
  name_zh: Chinese name
  name_en: English name
  holder: enterprise, unit (may be a public institution) or person
  is_programme: A programme enrolment rather than a recognition
*/
SELECT recognition_type, name_zh, name_en, holder, CAST(is_programme AS BOOLEAN) AS is_programme
FROM cat_raw_recognition_types
