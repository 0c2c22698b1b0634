with

fct_market_daily as (

    select * from {{ ref('fct_market_daily') }}

),

dim_date as (

    select * from {{ ref('dim_date') }}

),

dim_location as (

    select * from {{ ref('dim_location') }}

),

dim_occupation as (

    select * from {{ ref('dim_occupation') }}

),

daily as (

    select
        dim_date.week_start_date,
        dim_date.date_day,
        fct_market_daily.occupation_key,
        coalesce(region_location.location_key, -1) as region_key,
        fct_market_daily.count_open,
        fct_market_daily.count_new,
        fct_market_daily.count_closed
    from fct_market_daily
    inner join dim_date
        on dim_date.date_key = fct_market_daily.date_key
    inner join dim_location as departement_location
        on departement_location.location_key = fct_market_daily.departement_key
    left join dim_location as region_location
        on region_location.location_level = 'region'
        and region_location.region_code = departement_location.region_code

),

week_ends as (

    -- the last observed day of each week (the current week may be partial)
    select daily.week_start_date, max(daily.date_day) as last_day
    from daily
    group by daily.week_start_date

),

weekly as (

    select
        daily.week_start_date,
        daily.occupation_key,
        daily.region_key,
        sum(daily.count_new) as count_new,
        sum(daily.count_closed) as count_closed,
        sum(daily.count_open) filter (where daily.date_day = week_ends.last_day) as count_open_at_week_end
    from daily
    inner join week_ends
        on week_ends.week_start_date = daily.week_start_date
    group by daily.week_start_date, daily.occupation_key, daily.region_key

),

final as (

    select
        ---------- grain: ISO week × occupation × région
        weekly.week_start_date,
        weekly.occupation_key,
        weekly.region_key,

        ---------- labels
        dim_occupation.occupation_label,
        coalesce(dim_location.region_name, 'Unknown') as region_name,

        ---------- numerics
        weekly.count_new,
        weekly.count_closed,
        coalesce(weekly.count_open_at_week_end, 0) as count_open_at_week_end
    from weekly
    inner join dim_occupation
        on dim_occupation.occupation_key = weekly.occupation_key
    inner join dim_location
        on dim_location.location_key = weekly.region_key

)

select * from final
