-- name: Salary by experience level
-- description: p25, median and p75 of stated annual salaries (EUR) per experience level (exact, precomputed for every filter in marts.mart_salary_rollup).
-- display: bar
-- visualization_settings:
--   graph.dimensions: [experience_label]
--   graph.metrics: [salary_p25_eur, salary_median_eur, salary_p75_eur]
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
select
    mart_salary_rollup.experience_label,
    mart_salary_rollup.count_postings,
    mart_salary_rollup.salary_p25_eur,
    mart_salary_rollup.salary_median_eur,
    mart_salary_rollup.salary_p75_eur
from marts.mart_salary_rollup
where mart_salary_rollup.experience_code <> '(all)'
    -- a filter left empty reads the rows rolled up over that level
    and mart_salary_rollup.region_name = coalesce([[{{region}},]] '(all)')
    and mart_salary_rollup.occupation_label = coalesce([[{{occupation}},]] '(all)')
order by mart_salary_rollup.min_years nulls last, mart_salary_rollup.experience_label
