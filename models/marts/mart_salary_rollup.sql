{{ config(indexes=[{'columns': ['region_name', 'occupation_label', 'experience_code'], 'unique': true}]) }}

{#
    Exact salary percentiles for every combination of région, occupation and experience level that a
    dashboard filter can ask for, '(all)' standing for a level not filtered on. Percentiles do not add
    up, so a question cannot roll mart_salary_benchmark up; at a million postings sorting the facts
    for each question took seconds, reading a row of this mart takes milliseconds. The figures are
    int_salary_percentiles' (all six grouping sets), named here.
#}

with

int_salary_percentiles as (

    select * from {{ ref('int_salary_percentiles') }}

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

final as (

    select
        ---------- grain: région × occupation × experience level, each possibly '(all)'
        case when int_salary_percentiles.is_all_regions then '(all)' else coalesce(dim_location.region_name, 'Unknown') end as region_name,
        case when int_salary_percentiles.is_all_occupations then '(all)' else dim_occupation.occupation_label end as occupation_label,
        case when int_salary_percentiles.is_all_experience then '(all)' else dim_experience.experience_code end as experience_code,

        ---------- labels
        coalesce(dim_experience.experience_label, '(all)') as experience_label,
        dim_experience.min_years,

        ---------- numerics (annual EUR, mid-point of each posting's range)
        int_salary_percentiles.count_postings,
        round(int_salary_percentiles.salary_p25_eur::numeric, 0) as salary_p25_eur,
        round(int_salary_percentiles.salary_median_eur::numeric, 0) as salary_median_eur,
        round(int_salary_percentiles.salary_p75_eur::numeric, 0) as salary_p75_eur
    from int_salary_percentiles
    left join dim_location
        on dim_location.location_key = int_salary_percentiles.region_key
    left join dim_occupation
        on dim_occupation.occupation_key = int_salary_percentiles.occupation_key
    left join dim_experience
        on dim_experience.experience_key = int_salary_percentiles.experience_key

)

select * from final
