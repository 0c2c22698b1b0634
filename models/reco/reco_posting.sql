{{ config(materialized='materialized_view', indexes=[{'columns': ['posting_id'], 'unique': true}, {'columns': ['departement_code']}]) }}

with posting as (

    select * from {{ ref('posting') }}

),

location as (

    select * from {{ ref('location') }}

),

posting_skill as (

    select * from {{ ref('posting_skill') }}

),

skill as (

    select * from {{ ref('skill') }}

),

posting_skill_name as (

    select
        posting_skill.posting_id,
        array_agg(skill.skill_name order by skill.skill_name) as skill_names
    from posting_skill
    inner join skill
        on posting_skill.skill_id = skill.skill_id
    group by posting_skill.posting_id

),

final as (

    select
        posting.posting_id,
        posting.title,
        posting.language,
        location.departement_code,
        posting.contract_code,
        posting.remote_code,
        coalesce(posting_skill_name.skill_names, '{}') as skill_names
    from posting
    left join location
        on posting.location_id = location.location_id
    left join posting_skill_name
        on posting.posting_id = posting_skill_name.posting_id
    where posting.is_active

)

select * from final
