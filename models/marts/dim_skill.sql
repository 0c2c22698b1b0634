with

skill as (

    select * from {{ ref('skill') }}

),

members as (

    select
        skill.skill_id as skill_key,
        skill.skill_code,
        skill.skill_name,
        skill.skill_family,
        skill.count_aliases
    from skill
    union all
    select -1, 'unknown', 'Unknown', 'unknown', 0

),

final as (

    select
        members.skill_key,
        members.skill_code,
        members.skill_name,
        members.skill_family,
        members.count_aliases
    from members

)

select * from final
