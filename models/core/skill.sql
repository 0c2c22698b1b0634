{{ config(
    materialized='table',
    indexes=[{'columns': ['skill_id'], 'unique': true}]
) }}

with

skill as (

    select * from {{ ref('skill') }}

),

skill_alias as (

    select * from {{ ref('skill_alias') }}

),

final as (

    select
        skill.skill_id,
        skill.skill_code,
        skill.skill_name,
        skill.skill_family,
        count(skill_alias.alias) as count_aliases
    from skill
    left join skill_alias
        on skill_alias.skill_code = skill.skill_code
    group by skill.skill_id, skill.skill_code, skill.skill_name, skill.skill_family

)

select * from final
