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
        fct_job_posting.occupation_key,
        fct_job_posting.region_key,
        fct_job_posting.experience_key,
        fct_job_posting.salary_mid_eur
    from fct_job_posting
    where fct_job_posting.has_salary
        and not fct_job_posting.is_salary_predicted

),

benchmarks as (

    select
        salaries.occupation_key,
        salaries.region_key,
        salaries.experience_key,
        count(*) as count_postings,
        percentile_cont(0.25) within group (order by salaries.salary_mid_eur) as salary_p25_eur,
        percentile_cont(0.50) within group (order by salaries.salary_mid_eur) as salary_median_eur,
        percentile_cont(0.75) within group (order by salaries.salary_mid_eur) as salary_p75_eur,
        avg(salaries.salary_mid_eur) as salary_mean_eur
    from salaries
    group by salaries.occupation_key, salaries.region_key, salaries.experience_key

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
