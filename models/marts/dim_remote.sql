with

remote_policy as (

    select * from {{ ref('remote_policy') }}

),

members as (

    select
        remote_policy.remote_key,
        remote_policy.remote_code,
        remote_policy.remote_label
    from remote_policy
    union all
    select -1, 'unknown', 'Unknown'

),

final as (

    select
        members.remote_key,
        members.remote_code,
        members.remote_label
    from members

)

select * from final
