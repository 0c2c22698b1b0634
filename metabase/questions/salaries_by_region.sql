-- name: Median salary by région
-- description: p25, median and p75 of stated annual salaries (EUR) per région, over every posting with a stated, sane salary (exact, precomputed for every filter in marts.mart_salary_rollup).
-- display: bar
-- visualization_settings:
--   graph.dimensions: [region_name]
--   graph.metrics: [salary_p25_eur, salary_median_eur, salary_p75_eur]
-- template_tags:
--   occupation:
--     type: text
--     display_name: Occupation
--   experience:
--     type: text
--     display_name: Experience
select
    mart_salary_rollup.region_name,
    mart_salary_rollup.count_postings,
    mart_salary_rollup.salary_p25_eur,
    mart_salary_rollup.salary_median_eur,
    mart_salary_rollup.salary_p75_eur
from marts.mart_salary_rollup
where mart_salary_rollup.region_name <> '(all)'
    -- a filter left empty reads the rows rolled up over that level
    and mart_salary_rollup.occupation_label = coalesce([[{{occupation}},]] '(all)')
    and mart_salary_rollup.experience_code = coalesce([[{{experience}},]] '(all)')
order by mart_salary_rollup.salary_median_eur desc
