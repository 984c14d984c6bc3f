-- YY-GIANT 专精特新"小巨人": distinct enterprises (any size) holding a valid national or provincial little-giant
-- recognition on 31 December (int_recognition_held_at_year_end), in business if in that year's registry; one outside
-- the registry is placed by its credit code's division (int_unit_place).
SELECT DISTINCT year, district_code, industry_group, size_class, credit_code AS unit_id, credit_code AS enterprise_id
FROM int_recognition_held_at_year_end
WHERE plan = $plan
  AND recognition_type = 'LITTLE_GIANT'
  AND level IN ('国家', '省')
  AND coalesce(is_active, true)
