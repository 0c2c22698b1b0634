{{ config(
    materialized='table',
    indexes=[{'columns': ['date_key', 'occupation_key', 'departement_key'], 'unique': true}]
) }}

with

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}

),

postings as (

    select
        fct_job_posting.occupation_key,
        fct_job_posting.departement_key,
        (fct_job_posting.first_seen_at at time zone 'UTC')::date as opened_on,
        (fct_job_posting.closed_at at time zone 'UTC')::date as closed_on,
        (fct_job_posting.last_seen_at at time zone 'UTC')::date as last_seen_on
    from fct_job_posting

),

events as (

    select postings.occupation_key, postings.departement_key, postings.opened_on as event_day, 1 as count_new, 0 as count_closed
    from postings
    union all
    select postings.occupation_key, postings.departement_key, postings.closed_on, 0, 1
    from postings
    where postings.closed_on is not null

),

daily_events as (

    select
        events.occupation_key,
        events.departement_key,
        events.event_day,
        sum(events.count_new) as count_new,
        sum(events.count_closed) as count_closed
    from events
    group by events.occupation_key, events.departement_key, events.event_day

),

observed_until as (

    -- the last day the warehouse saw anything: the market is known up to there
    select greatest(max(postings.last_seen_on), max(postings.closed_on)) as last_day
    from postings

),

group_spans as (

    select
        daily_events.occupation_key,
        daily_events.departement_key,
        min(daily_events.event_day) as first_day
    from daily_events
    group by daily_events.occupation_key, daily_events.departement_key

),

calendar as (

    select
        group_spans.occupation_key,
        group_spans.departement_key,
        day::date as calendar_day
    from group_spans
    cross join observed_until
    cross join lateral generate_series(group_spans.first_day, observed_until.last_day, interval '1 day') as span (day)

),

running as (

    select
        calendar.occupation_key,
        calendar.departement_key,
        calendar.calendar_day,
        coalesce(daily_events.count_new, 0) as count_new,
        coalesce(daily_events.count_closed, 0) as count_closed,
        sum(coalesce(daily_events.count_new, 0) - coalesce(daily_events.count_closed, 0)) over (
            partition by calendar.occupation_key, calendar.departement_key
            order by calendar.calendar_day
        ) as count_open
    from calendar
    left join daily_events
        on daily_events.occupation_key = calendar.occupation_key
        and daily_events.departement_key = calendar.departement_key
        and daily_events.event_day = calendar.calendar_day

),

final as (

    select
        ---------- keys
        to_char(running.calendar_day, 'YYYYMMDD')::integer as date_key,
        running.occupation_key,
        running.departement_key,

        ---------- numerics: open at the end of the day, opened and closed during it
        running.count_open,
        running.count_new,
        running.count_closed
    from running
    where running.count_open > 0
        or running.count_new > 0
        or running.count_closed > 0

)

select * from final
