-- name: Remote share per month
-- description: Share of the month's new postings that allow remote work (hybrid or full remote), and full remote alone.
-- display: line
-- visualization_settings:
--   graph.dimensions: [month_start_date]
--   graph.metrics: [share_remote, share_full_remote]
--   graph.y_axis.title_text: Share of new postings
--   column_settings:
--     '["name","share_remote"]': {number_style: percent}
--     '["name","share_full_remote"]': {number_style: percent}
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
select
    month_start_date,
    round(sum(count_hybrid + count_full_remote)::numeric / nullif(sum(count_postings), 0), 4) as share_remote,
    round(sum(count_full_remote)::numeric / nullif(sum(count_postings), 0), 4) as share_full_remote,
    sum(count_postings) as count_postings
from marts.mart_remote_share
where true
    [[and region_name = {{region}}]]
    [[and occupation_label = {{occupation}}]]
group by month_start_date
order by month_start_date
