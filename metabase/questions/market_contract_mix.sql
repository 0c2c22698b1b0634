-- name: Contract mix
-- description: Contract types of the postings first seen over the last N months (default 12).
-- display: pie
-- visualization_settings:
--   pie.dimension: contract_label
--   pie.metric: count_postings
--   pie.show_legend: true
-- template_tags:
--   occupation:
--     type: text
--     display_name: Occupation
--   months:
--     type: number
--     display_name: Months
--     default: 12
with

last_month as (

    select max(month_start_date) as month_start_date
    from marts.mart_contract_mix

)

select
    mix.contract_label,
    sum(mix.count_postings) as count_postings
from marts.mart_contract_mix as mix
cross join last_month
where mix.month_start_date > last_month.month_start_date - make_interval(months => {{months}}::integer)
    [[and mix.occupation_label = {{occupation}}]]
group by mix.contract_label
order by count_postings desc
