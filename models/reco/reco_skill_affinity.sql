{{ config(materialized='materialized_view', indexes=[{'columns': ['skill_id', 'paired_skill_id'], 'unique': true}]) }}

with posting as (

    select * from {{ ref('posting') }}

),

posting_skill as (

    select * from {{ ref('posting_skill') }}

),

skill as (

    select * from {{ ref('skill') }}

),

active_posting_skill as (

    select distinct
        posting_skill.posting_id,
        posting_skill.skill_id
    from posting_skill
    inner join posting
        on posting_skill.posting_id = posting.posting_id
    where posting.is_active

),

corpus as (

    select count(distinct posting_id) as count_postings
    from active_posting_skill

),

skill_count as (

    select
        skill_id,
        count(*) as count_postings
    from active_posting_skill
    group by skill_id

),

pair_count as (

    select
        active_posting_skill.skill_id,
        paired_posting_skill.skill_id as paired_skill_id,
        count(*) as count_postings_together
    from active_posting_skill
    inner join active_posting_skill as paired_posting_skill
        on active_posting_skill.posting_id = paired_posting_skill.posting_id
        and active_posting_skill.skill_id <> paired_posting_skill.skill_id
    group by active_posting_skill.skill_id, paired_posting_skill.skill_id

),

final as (

    select
        pair_count.skill_id,
        pair_count.paired_skill_id,
        skill.skill_name,
        paired_skill.skill_name as paired_skill_name,
        skill.skill_family as family,
        paired_skill.skill_family as paired_family,
        pair_count.count_postings_together,
        skill_count.count_postings as count_postings_with_skill,
        paired_skill_count.count_postings as count_postings_with_paired_skill,
        corpus.count_postings,
        -- Share of the skill's postings that also ask for the paired skill.
        pair_count.count_postings_together::double precision / skill_count.count_postings as confidence,
        pair_count.count_postings_together::double precision * corpus.count_postings
            / (skill_count.count_postings * paired_skill_count.count_postings) as lift,
        ln(
            pair_count.count_postings_together::double precision * corpus.count_postings
            / (skill_count.count_postings * paired_skill_count.count_postings)
        ) as pmi
    from pair_count
    cross join corpus
    inner join skill_count
        on pair_count.skill_id = skill_count.skill_id
    inner join skill_count as paired_skill_count
        on pair_count.paired_skill_id = paired_skill_count.skill_id
    inner join skill
        on pair_count.skill_id = skill.skill_id
    inner join skill as paired_skill
        on pair_count.paired_skill_id = paired_skill.skill_id

)

select * from final
