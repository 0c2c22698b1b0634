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

    -- stated, sane salaries only: predicted (Adzuna estimates) and flagged amounts stay out. Grouped
    -- by the dimensions' integer keys, named afterwards: sorting 350,000 rows by their text labels
    -- cost a second (each key has one name: région names and ROME labels are unique seeds, and
    -- dim_occupation warns of an observed label that repeats one)
    select
        fct_job_posting.region_key,
        fct_job_posting.occupation_key,
        fct_job_posting.experience_key,
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
        grouping(salaries.region_key) = 1 as is_all_regions,
        grouping(salaries.occupation_key) = 1 as is_all_occupations,
        grouping(salaries.experience_key) = 1 as is_all_experience,
        salaries.region_key,
        salaries.occupation_key,
        salaries.experience_key,
        count(*) as count_postings,
        percentile_cont(0.25) within group (order by salaries.salary_mid_eur) as salary_p25_eur,
        percentile_cont(0.50) within group (order by salaries.salary_mid_eur) as salary_median_eur,
        percentile_cont(0.75) within group (order by salaries.salary_mid_eur) as salary_p75_eur
    from salaries
    group by grouping sets (
        (salaries.region_key),
        (salaries.experience_key),
        (salaries.region_key, salaries.occupation_key),
        (salaries.region_key, salaries.experience_key),
        (salaries.experience_key, salaries.occupation_key),
        (salaries.region_key, salaries.occupation_key, salaries.experience_key)
    )

),

final as (

    select
        ---------- grain: région × occupation × experience level, each possibly '(all)'
        case when rolled_up.is_all_regions then '(all)' else coalesce(dim_location.region_name, 'Unknown') end as region_name,
        case when rolled_up.is_all_occupations then '(all)' else dim_occupation.occupation_label end as occupation_label,
        case when rolled_up.is_all_experience then '(all)' else dim_experience.experience_code end as experience_code,

        ---------- labels
        coalesce(dim_experience.experience_label, '(all)') as experience_label,
        dim_experience.min_years,

        ---------- numerics (annual EUR, mid-point of each posting's range)
        rolled_up.count_postings,
        round(rolled_up.salary_p25_eur::numeric, 0) as salary_p25_eur,
        round(rolled_up.salary_median_eur::numeric, 0) as salary_median_eur,
        round(rolled_up.salary_p75_eur::numeric, 0) as salary_p75_eur
    from rolled_up
    left join dim_location
        on dim_location.location_key = rolled_up.region_key
    left join dim_occupation
        on dim_occupation.occupation_key = rolled_up.occupation_key
    left join dim_experience
        on dim_experience.experience_key = rolled_up.experience_key

)

select * from final
