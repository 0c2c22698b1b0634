-- On the last observed day, the open count of fct_market_daily equals the active canonical postings.
with

fct_market_daily as (

    select * from {{ ref('fct_market_daily') }}

),

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}

),

last_day as (

    select max(fct_market_daily.date_key) as date_key
    from fct_market_daily

),

market_open as (

    select coalesce(sum(fct_market_daily.count_open), 0) as count_open
    from fct_market_daily
    inner join last_day
        on last_day.date_key = fct_market_daily.date_key

),

postings_open as (

    select count(*) as count_open
    from fct_job_posting
    where fct_job_posting.is_active

),

final as (

    select market_open.count_open as market_count_open, postings_open.count_open as postings_count_open
    from market_open
    cross join postings_open
    where market_open.count_open <> postings_open.count_open

)

select * from final
