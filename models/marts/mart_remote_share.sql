with

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}

),

dim_date as (

    select * from {{ ref('dim_date') }}

),

dim_remote as (

    select * from {{ ref('dim_remote') }}

),

dim_occupation as (

    select * from {{ ref('dim_occupation') }}

),

dim_location as (

    select * from {{ ref('dim_location') }}

),

monthly as (

    select
        dim_date.month_start_date,
        fct_job_posting.occupation_key,
        fct_job_posting.region_key,
        count(*) as count_postings,
        count(*) filter (where dim_remote.remote_code = 'on_site') as count_on_site,
        count(*) filter (where dim_remote.remote_code = 'hybrid') as count_hybrid,
        count(*) filter (where dim_remote.remote_code = 'full_remote') as count_full_remote
    from fct_job_posting
    inner join dim_date
        on dim_date.date_key = fct_job_posting.first_seen_date_key
    inner join dim_remote
        on dim_remote.remote_key = fct_job_posting.remote_key
    group by dim_date.month_start_date, fct_job_posting.occupation_key, fct_job_posting.region_key

),

final as (

    select
        ---------- grain: month × occupation × région (postings first seen that month)
        monthly.month_start_date,
        monthly.occupation_key,
        monthly.region_key,

        ---------- labels
        dim_occupation.occupation_label,
        coalesce(dim_location.region_name, 'Unknown') as region_name,

        ---------- numerics
        monthly.count_postings,
        monthly.count_on_site,
        monthly.count_hybrid,
        monthly.count_full_remote,
        round((monthly.count_hybrid + monthly.count_full_remote)::numeric / monthly.count_postings, 4) as share_remote,
        round(monthly.count_full_remote::numeric / monthly.count_postings, 4) as share_full_remote
    from monthly
    inner join dim_occupation
        on dim_occupation.occupation_key = monthly.occupation_key
    inner join dim_location
        on dim_location.location_key = monthly.region_key

)

select * from final
