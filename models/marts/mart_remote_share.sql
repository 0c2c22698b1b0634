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

-- counted per first-seen day first, then per month: the calendar and remote policy are joined to
-- a few thousand groups, not to every posting
daily as (

    select
        fct_job_posting.first_seen_date_key,
        fct_job_posting.occupation_key,
        fct_job_posting.region_key,
        fct_job_posting.remote_key,
        count(*) as count_postings
    from fct_job_posting
    group by fct_job_posting.first_seen_date_key, fct_job_posting.occupation_key, fct_job_posting.region_key, fct_job_posting.remote_key

),

monthly as (

    select
        dim_date.month_start_date,
        daily.occupation_key,
        daily.region_key,
        sum(daily.count_postings)::bigint as count_postings,
        coalesce(sum(daily.count_postings) filter (where dim_remote.remote_code = 'on_site'), 0)::bigint as count_on_site,
        coalesce(sum(daily.count_postings) filter (where dim_remote.remote_code = 'hybrid'), 0)::bigint as count_hybrid,
        coalesce(sum(daily.count_postings) filter (where dim_remote.remote_code = 'full_remote'), 0)::bigint as count_full_remote
    from daily
    inner join dim_date
        on dim_date.date_key = daily.first_seen_date_key
    inner join dim_remote
        on dim_remote.remote_key = daily.remote_key
    group by dim_date.month_start_date, daily.occupation_key, daily.region_key

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
