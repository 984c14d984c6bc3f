/*
materialized: table
description: Size classes (大型/中型/小型/微型, 未知 when it cannot be decided) and whether each is an SME.
columns:
  size_class: Size class
  name_en: English
  is_sme: Whether the class is an SME (中型, 小型, 微型)
  sort_order: Display order
*/
SELECT size_class, name_en, CAST(is_sme AS BOOLEAN) AS is_sme, CAST(sort_order AS INTEGER) AS sort_order
FROM cat_raw_size_classes ORDER BY sort_order
