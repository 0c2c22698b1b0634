-- name: Postings per week
-- description: New and closed canonical postings per ISO week, and those open at the week's end.
-- display: line
-- visualization_settings:
--   graph.dimensions: [week_start_date]
--   graph.metrics: [count_new, count_closed, count_open_at_week_end]
--   graph.x_axis.title_text: Week
--   graph.y_axis.title_text: Postings
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
select
    week_start_date,
    sum(count_new) as count_new,
    sum(count_closed) as count_closed,
    sum(count_open_at_week_end) as count_open_at_week_end
from marts.mart_posting_trends_weekly
where true
    [[and region_name = {{region}}]]
    [[and occupation_label = {{occupation}}]]
group by week_start_date
order by week_start_date
