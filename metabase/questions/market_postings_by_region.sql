-- name: New postings by région
-- description: Canonical postings first seen over the last N weeks (default 12), per région.
-- display: row
-- visualization_settings:
--   graph.dimensions: [region_name]
--   graph.metrics: [count_new]
--   graph.show_values: true
-- template_tags:
--   occupation:
--     type: text
--     display_name: Occupation
--   weeks:
--     type: number
--     display_name: Weeks
--     default: 12
with

last_week as (

    select max(week_start_date) as week_start_date
    from marts.mart_posting_trends_weekly

)

select
    trends.region_name,
    sum(trends.count_new) as count_new
from marts.mart_posting_trends_weekly as trends
cross join last_week
where trends.week_start_date > last_week.week_start_date - ({{weeks}} * 7)::integer
    [[and trends.occupation_label = {{occupation}}]]
group by trends.region_name
order by count_new desc
