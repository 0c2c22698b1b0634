-- name: Salary percentiles by occupation, région and experience
-- description: Annual EUR salaries (mid-point of each posting's stated range; Adzuna predictions and flagged amounts left out) — p25, median, p75 and the posting count behind them. Raise the minimum count for steadier figures.
-- display: table
-- visualization_settings:
--   table.pivot: false
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
--   experience:
--     type: text
--     display_name: Experience
--   min_postings:
--     type: number
--     display_name: Minimum postings
--     default: 1
select
    occupation_label,
    rome_code,
    region_name,
    experience_code,
    count_postings,
    salary_p25_eur,
    salary_median_eur,
    salary_p75_eur
from marts.mart_salary_benchmark
where count_postings >= {{min_postings}}
    [[and region_name = {{region}}]]
    [[and occupation_label = {{occupation}}]]
    [[and experience_code = {{experience}}]]
order by count_postings desc, occupation_label, region_name, experience_code
limit 2000
