{{ config(materialized='view') }}
-- A view, not a table: health must show the tests and timings of the build that is running it.

with

test_result as (

    select * from {{ source('audit', 'test_result') }}

),

test_failure as (

    select * from {{ source('audit', 'test_failure') }}

),

final as (

    select
        ---------- ids
        test_result.run_id,
        test_result.test_name,

        ---------- attributes
        test_result.model,
        test_result.severity,
        test_result.status,
        test_result.message,
        -- a few failing rows from core/marts (scrubbed layers: no contact details)
        test_failure.sample as failing_rows_sample,

        ---------- numerics
        test_result.failures as count_failures,

        ---------- timestamps
        test_result.started_at,
        test_result.finished_at
    from test_result
    left join test_failure
        on test_failure.run_id = test_result.run_id
        and test_failure.test_name = test_result.test_name
    where test_result.status <> 'pass'

)

select * from final
