with

experience_level as (

    select * from {{ ref('experience_level') }}

),

members as (

    select
        experience_level.experience_key,
        experience_level.experience_code,
        experience_level.experience_label,
        experience_level.min_years,
        experience_level.max_years
    from experience_level
    union all
    select -1, 'unknown', 'Unknown', null, null

),

final as (

    select
        members.experience_key,
        members.experience_code,
        members.experience_label,
        members.min_years,
        members.max_years
    from members

)

select * from final
