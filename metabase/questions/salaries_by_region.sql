-- name: Median salary by région
-- description: p25, median and p75 of stated annual salaries (EUR) per région, over every posting with a stated, sane salary.
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
    coalesce(dim_location.region_name, 'Unknown') as region_name,
    count(*) as count_postings,
    round(percentile_cont(0.25) within group (order by fct_job_posting.salary_mid_eur)::numeric, 0) as salary_p25_eur,
    round(percentile_cont(0.50) within group (order by fct_job_posting.salary_mid_eur)::numeric, 0) as salary_median_eur,
    round(percentile_cont(0.75) within group (order by fct_job_posting.salary_mid_eur)::numeric, 0) as salary_p75_eur
from marts.fct_job_posting
inner join marts.dim_location
    on dim_location.location_key = fct_job_posting.region_key
inner join marts.dim_occupation
    on dim_occupation.occupation_key = fct_job_posting.occupation_key
inner join marts.dim_experience
    on dim_experience.experience_key = fct_job_posting.experience_key
where fct_job_posting.has_salary
    and not fct_job_posting.is_salary_predicted
    [[and dim_occupation.occupation_label = {{occupation}}]]
    [[and dim_experience.experience_code = {{experience}}]]
group by coalesce(dim_location.region_name, 'Unknown')
order by salary_median_eur desc
