{{ config(
    materialized='table',
    indexes=[{'columns': ['skill_id'], 'unique': true}]
) }}

with

skill_dictionary as (

    select * from {{ ref('skill_dictionary') }}

),

skill_alias as (

    select * from {{ ref('skill_alias') }}

),

final as (

    select
        skill_dictionary.skill_id,
        skill_dictionary.skill_code,
        skill_dictionary.skill_name,
        skill_dictionary.skill_family,
        count(skill_alias.alias) as count_aliases
    from skill_dictionary
    left join skill_alias
        on skill_alias.skill_code = skill_dictionary.skill_code
    group by skill_dictionary.skill_id, skill_dictionary.skill_code, skill_dictionary.skill_name, skill_dictionary.skill_family

)

select * from final
