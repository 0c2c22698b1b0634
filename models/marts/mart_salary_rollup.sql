{{ config(indexes=[{'columns': ['region_name', 'occupation_label', 'experience_code'], 'unique': true}]) }}

{#
    Exact salary percentiles for every combination of région, occupation and experience level that a
    dashboard filter can ask for, '(all)' standing for a level not filtered on. Percentiles do not add
    up, so a question cannot roll mart_salary_benchmark up; at a million postings sorting the facts
    for each question took seconds, reading a row of this mart takes milliseconds.
#}

with

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}

),

dim_occupation as (

    select * from {{ ref('dim_occupation') }}

),

dim_location as (

    select * from {{ ref('dim_location') }}

),

dim_experience as (

    select * from {{ ref('dim_experience') }}

),

salaries as (

    -- stated, sane salaries only: predicted (Adzuna estimates) and flagged amounts stay out
    select
        coalesce(dim_location.region_name, 'Unknown') as region_name,
        dim_occupation.occupation_label,
        dim_experience.experience_code,
        fct_job_posting.salary_mid_eur
    from fct_job_posting
    inner join dim_location
        on dim_location.location_key = fct_job_posting.region_key
    inner join dim_occupation
        on dim_occupation.occupation_key = fct_job_posting.occupation_key
    inner join dim_experience
        on dim_experience.experience_key = fct_job_posting.experience_key
    where fct_job_posting.has_salary
        and not fct_job_posting.is_salary_predicted

),

rolled_up as (

    select
        case when grouping(salaries.region_name) = 1 then '(all)' else salaries.region_name end as region_name,
        case when grouping(salaries.occupation_label) = 1 then '(all)' else salaries.occupation_label end as occupation_label,
        case when grouping(salaries.experience_code) = 1 then '(all)' else salaries.experience_code end as experience_code,
        count(*) as count_postings,
        percentile_cont(0.25) within group (order by salaries.salary_mid_eur) as salary_p25_eur,
        percentile_cont(0.50) within group (order by salaries.salary_mid_eur) as salary_median_eur,
        percentile_cont(0.75) within group (order by salaries.salary_mid_eur) as salary_p75_eur
    from salaries
    group by grouping sets (
        (salaries.region_name),
        (salaries.experience_code),
        (salaries.region_name, salaries.occupation_label),
        (salaries.region_name, salaries.experience_code),
        (salaries.experience_code, salaries.occupation_label),
        (salaries.region_name, salaries.occupation_label, salaries.experience_code)
    )

),

final as (

    select
        ---------- grain: région × occupation × experience level, each possibly '(all)'
        rolled_up.region_name,
        rolled_up.occupation_label,
        rolled_up.experience_code,

        ---------- labels
        coalesce(dim_experience.experience_label, '(all)') as experience_label,
        dim_experience.min_years,

        ---------- numerics (annual EUR, mid-point of each posting's range)
        rolled_up.count_postings,
        round(rolled_up.salary_p25_eur::numeric, 0) as salary_p25_eur,
        round(rolled_up.salary_median_eur::numeric, 0) as salary_median_eur,
        round(rolled_up.salary_p75_eur::numeric, 0) as salary_p75_eur
    from rolled_up
    left join dim_experience
        on dim_experience.experience_code = rolled_up.experience_code

)

select * from final
