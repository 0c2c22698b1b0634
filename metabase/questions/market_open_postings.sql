-- name: Open postings
-- description: Canonical postings open at the end of the last observed week, optionally for one région and one occupation.
-- display: scalar
-- visualization_settings:
--   scalar.suffix: " open"
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
with

last_week as (

    select max(week_start_date) as week_start_date
    from marts.mart_posting_trends_weekly

)

select coalesce(sum(trends.count_open_at_week_end), 0) as open_postings
from marts.mart_posting_trends_weekly as trends
inner join last_week
    on last_week.week_start_date = trends.week_start_date
where true
    [[and trends.region_name = {{region}}]]
    [[and trends.occupation_label = {{occupation}}]]
