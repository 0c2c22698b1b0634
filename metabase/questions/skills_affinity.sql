-- name: Skills that go together
-- description: Pairs of skills asked for in the same active postings, by lift (how much more often than by chance), from reco.reco_skill_affinity; pick a skill to see its companions.
-- display: table
-- template_tags:
--   skill:
--     type: text
--     display_name: Skill
--   min_together:
--     type: number
--     display_name: Minimum postings together
--     default: 2
--   top:
--     type: number
--     display_name: How many
--     default: 50
select
    skill_name,
    paired_skill_name,
    family,
    paired_family,
    count_postings_together,
    round(confidence::numeric, 3) as confidence,
    round(lift::numeric, 2) as lift,
    round(pmi::numeric, 3) as pmi
from reco.reco_skill_affinity
where count_postings_together >= {{min_together}}
    [[and skill_name = {{skill}}]]
    -- each unordered pair once unless a skill is chosen
    and (skill_id < paired_skill_id [[or skill_name = {{skill}}]])
order by lift desc, count_postings_together desc, skill_name, paired_skill_name
limit {{top}}
