{{ config(materialized='view') }}
-- A view, not a table: health must show the tests and timings of the build that is running it.

with

source_freshness as (

    select * from {{ source('audit', 'source_freshness') }}

),

final as (

    select
        ---------- ids
        source_freshness.run_id,
        source_freshness.source,

        ---------- attributes
        source_freshness.relation,
        source_freshness.status,

        ---------- numerics
        round((extract(epoch from source_freshness.age) / 3600)::numeric, 2) as age_hours,

        ---------- booleans
        row_number() over (
            partition by source_freshness.source order by source_freshness.checked_at desc, source_freshness.run_id desc
        ) = 1 as is_latest_check,

        ---------- timestamps
        source_freshness.max_loaded_at,
        source_freshness.checked_at
    from source_freshness

)

select * from final
