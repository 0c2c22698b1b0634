-- name: Skill families in demand
-- description: Postings first seen per month asking for at least one skill of each family (languages, databases, cloud, BI, ML, soft skills…); a posting counts once per skill it asks for.
-- display: bar
-- visualization_settings:
--   graph.dimensions: [month_start_date, skill_family]
--   graph.metrics: [count_skill_mentions]
--   stackable.stack_type: stacked
-- template_tags:
--   region:
--     type: text
--     display_name: Région
--   occupation:
--     type: text
--     display_name: Occupation
select
    month_start_date,
    skill_family,
    sum(count_postings_with_skill) as count_skill_mentions
from marts.mart_skill_demand_monthly
where true
    [[and region_name = {{region}}]]
    [[and occupation_label = {{occupation}}]]
group by month_start_date, skill_family
order by month_start_date, skill_family
