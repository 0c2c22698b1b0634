-- name: Skill trends
-- description: Monthly share of new postings asking for each of the N most demanded skills (default 6); pick one with the skill filter.
-- display: line
-- visualization_settings:
--   graph.dimensions: [month_start_date, skill_name]
--   graph.metrics: [share_of_postings]
--   graph.y_axis.title_text: Share of new postings
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
--   skill:
--     type: text
--     display_name: Skill
--   top:
--     type: number
--     display_name: How many skills
--     default: 6
with

filtered as (

    select
        skills.month_start_date,
        skills.skill_name,
        skills.count_postings_with_skill
    from marts.mart_skill_demand_monthly as skills
    where true
        [[and skills.region_name = {{region}}]]
        [[and skills.occupation_label = {{occupation}}]]

),

cells as (

    -- each month × occupation × région once: its posting count repeats on every skill row
    select distinct
        skills.month_start_date,
        skills.occupation_key,
        skills.region_key,
        skills.count_postings
    from marts.mart_skill_demand_monthly as skills
    where true
        [[and skills.region_name = {{region}}]]
        [[and skills.occupation_label = {{occupation}}]]

),

postings as (

    select
        cells.month_start_date,
        sum(cells.count_postings) as count_postings
    from cells
    group by cells.month_start_date

),

chosen as (

    select filtered.skill_name
    from filtered
    where true
        [[and filtered.skill_name = {{skill}}]]
    group by filtered.skill_name
    order by sum(filtered.count_postings_with_skill) desc, filtered.skill_name
    limit {{top}}

)

select
    filtered.month_start_date,
    filtered.skill_name,
    sum(filtered.count_postings_with_skill) as count_postings_with_skill,
    round(sum(filtered.count_postings_with_skill)::numeric / nullif(postings.count_postings, 0), 4) as share_of_postings
from filtered
inner join chosen
    on chosen.skill_name = filtered.skill_name
inner join postings
    on postings.month_start_date = filtered.month_start_date
group by filtered.month_start_date, filtered.skill_name, postings.count_postings
order by filtered.month_start_date, filtered.skill_name
