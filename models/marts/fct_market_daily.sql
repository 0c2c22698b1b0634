{{ config(
    materialized='table',
    indexes=[{'columns': ['date_key', 'occupation_key', 'departement_key'], 'unique': true}],
    pre_hook=["set local parallel_tuple_cost = 0.01"]
) }}

{# parallel_tuple_cost: the planner expects a group of openings for every tenth posting (there is one
   for every few hundred), so it would count them on one core rather than pay for passing the
   workers' groups up. #}

with

-- read twice (openings, closings): materialized, PostgreSQL would first copy every fact
fct_job_posting as not materialized (

    select * from {{ ref('fct_job_posting') }}

),

-- openings (first day) and closings (last day) counted straight from the facts by parallel workers,
-- then added up: a materialized CTE of every posting, read three times, took two seconds at a
-- million postings
opened as (

    select
        fct_job_posting.occupation_key,
        fct_job_posting.departement_key,
        (fct_job_posting.first_seen_at at time zone 'UTC')::date as event_day,
        count(*) as count_new,
        max(fct_job_posting.last_seen_at) as last_seen_at
    from fct_job_posting
    group by 1, 2, 3

),

closed as (

    select
        fct_job_posting.occupation_key,
        fct_job_posting.departement_key,
        (fct_job_posting.closed_at at time zone 'UTC')::date as event_day,
        count(*) as count_closed
    from fct_job_posting
    where fct_job_posting.closed_at is not null
    group by 1, 2, 3

),

daily_events as (

    select
        coalesce(opened.occupation_key, closed.occupation_key) as occupation_key,
        coalesce(opened.departement_key, closed.departement_key) as departement_key,
        coalesce(opened.event_day, closed.event_day) as event_day,
        coalesce(opened.count_new, 0) as count_new,
        coalesce(closed.count_closed, 0) as count_closed
    from opened
    full join closed
        on closed.occupation_key = opened.occupation_key
        and closed.departement_key = opened.departement_key
        and closed.event_day = opened.event_day

),

observed_until as (

    -- the last day the warehouse saw anything: the market is known up to there
    select greatest(
        (select (max(opened.last_seen_at) at time zone 'UTC')::date from opened),
        (select max(closed.event_day) from closed)
    ) as last_day

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
