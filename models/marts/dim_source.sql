with

source_system as (

    select * from {{ ref('source_system') }}

),

members as (

    select
        source_system.source_key,
        source_system.source_code,
        source_system.source_name,
        source_system.priority
    from source_system
    union all
    select -1, 'unknown', 'Unknown', null

),

final as (

    select
        members.source_key,
        members.source_code,
        members.source_name,
        members.priority
    from members

)

select * from final
