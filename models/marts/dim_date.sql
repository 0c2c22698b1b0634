with

days as (

    select day::date as date_day
    from generate_series(date '2020-01-01', date '2030-12-31', interval '1 day') as calendar (day)

),

members as (

    select
        to_char(days.date_day, 'YYYYMMDD')::integer as date_key,
        days.date_day,
        extract(isoyear from days.date_day)::integer as iso_year,
        extract(week from days.date_day)::integer as iso_week,
        date_trunc('week', days.date_day)::date as week_start_date,
        date_trunc('month', days.date_day)::date as month_start_date,
        extract(year from days.date_day)::integer as year_number,
        extract(quarter from days.date_day)::integer as quarter_number,
        extract(month from days.date_day)::integer as month_number,
        to_char(days.date_day, 'YYYY-MM') as year_month,
        extract(isodow from days.date_day)::integer as iso_day_of_week,
        extract(isodow from days.date_day) in (6, 7) as is_weekend
    from days
    union all
    select -1, null, null, null, null, null, null, null, null, 'Unknown', null, null

),

final as (

    select
        members.date_key,
        members.date_day,
        members.iso_year,
        members.iso_week,
        members.week_start_date,
        members.month_start_date,
        members.year_number,
        members.quarter_number,
        members.month_number,
        members.year_month,
        members.iso_day_of_week,
        members.is_weekend
    from members

)

select * from final
