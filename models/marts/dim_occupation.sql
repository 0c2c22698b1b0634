with

occupation as (

    select * from {{ ref('occupation') }}

),

members as (

    select
        occupation.occupation_id as occupation_key,
        occupation.rome_code,
        occupation.occupation_label,
        occupation.occupation_family,
        occupation.is_in_seed
    from occupation
    union all
    select -1, null, 'Unknown', 'unknown', false

),

final as (

    select
        members.occupation_key,
        members.rome_code,
        members.occupation_label,
        members.occupation_family,
        members.is_in_seed
    from members

)

select * from final
