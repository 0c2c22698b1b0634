-- name: Top skills
-- description: Skills asked for by the most postings first seen over the last N months (default 12), with their share of those postings.
-- display: row
-- visualization_settings:
--   graph.dimensions: [skill_name]
--   graph.metrics: [count_postings_with_skill]
--   graph.show_values: true
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
--   months:
--     type: number
--     display_name: Months
--     default: 12
--   top:
--     type: number
--     display_name: How many
--     default: 20
with

last_month as (

    select max(month_start_date) as month_start_date
    from marts.mart_skill_demand_monthly

),

demand as (

    select
        skills.skill_name,
        skills.skill_family,
        sum(skills.count_postings_with_skill) as count_postings_with_skill
    from marts.mart_skill_demand_monthly as skills
    cross join last_month
    where skills.month_start_date > last_month.month_start_date - make_interval(months => {{months}}::integer)
        [[and skills.region_name = {{region}}]]
        [[and skills.occupation_label = {{occupation}}]]
    group by skills.skill_name, skills.skill_family

)

select
    skill_name,
    skill_family,
    count_postings_with_skill
from demand
order by count_postings_with_skill desc, skill_name
limit {{top}}
