with

source as (
    select * from {{ source('app', 'events') }}
),

final as (
    select
        event_id,
        region_code,
        amount,
        loaded_at
    from source
)

select * from final
