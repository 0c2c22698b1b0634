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

benchmarks as (

    -- the finest of int_salary_percentiles' grouping sets: no level rolled up
    select *
    from int_salary_percentiles
    where not int_salary_percentiles.is_all_regions
        and not int_salary_percentiles.is_all_occupations
        and not int_salary_percentiles.is_all_experience

),

final as (

    select
        ---------- grain: occupation × région × experience level
        benchmarks.occupation_key,
        benchmarks.region_key,
        benchmarks.experience_key,

        ---------- labels
        dim_occupation.rome_code,
        dim_occupation.occupation_label,
        coalesce(dim_location.region_name, 'Unknown') as region_name,
        dim_experience.experience_code,

        ---------- numerics (annual EUR, mid-point of each posting's range)
        benchmarks.count_postings,
        round(benchmarks.salary_p25_eur::numeric, 2) as salary_p25_eur,
        round(benchmarks.salary_median_eur::numeric, 2) as salary_median_eur,
        round(benchmarks.salary_p75_eur::numeric, 2) as salary_p75_eur,
        round(benchmarks.salary_mean_eur, 2) as salary_mean_eur
    from benchmarks
    inner join dim_occupation
        on dim_occupation.occupation_key = benchmarks.occupation_key
    inner join dim_location
        on dim_location.location_key = benchmarks.region_key
    inner join dim_experience
        on dim_experience.experience_key = benchmarks.experience_key

)

select * from final
