with

-- read twice: materialized, PostgreSQL would first copy every fact into a work table
fct_job_posting as not materialized (

    select * from {{ ref('fct_job_posting') }}

),

dim_company as (

    select * from {{ ref('dim_company') }}

),

observed_until as (

    select max(fct_job_posting.last_seen_at) as last_seen_at
    from fct_job_posting

),

by_company as (

    select
        fct_job_posting.company_key,
        count(*) as count_postings,
        count(*) filter (where fct_job_posting.is_active) as count_active_postings,
        count(*) filter (
            where fct_job_posting.first_seen_at > observed_until.last_seen_at - interval '30 days'
        ) as count_postings_last_30_days,
        count(distinct fct_job_posting.region_key) filter (where fct_job_posting.region_key <> -1) as count_regions,
        count(distinct fct_job_posting.occupation_key) filter (where fct_job_posting.occupation_key <> -1) as count_occupations,
        percentile_cont(0.5) within group (order by fct_job_posting.salary_mid_eur)
            filter (where fct_job_posting.has_salary and not fct_job_posting.is_salary_predicted) as salary_median_eur
    from fct_job_posting
    cross join observed_until
    where fct_job_posting.company_key <> -1
    group by fct_job_posting.company_key

),

final as (

    select
        ---------- grain: one row per known company
        by_company.company_key,
        dim_company.company_name,

        ---------- numerics
        by_company.count_postings,
        by_company.count_active_postings,
        by_company.count_postings_last_30_days,
        by_company.count_regions,
        by_company.count_occupations,
        round(by_company.salary_median_eur::numeric, 2) as salary_median_eur,
        rank() over (order by by_company.count_active_postings desc, by_company.count_postings desc) as hiring_rank
    from by_company
    inner join dim_company
        on dim_company.company_key = by_company.company_key

)

select * from final
