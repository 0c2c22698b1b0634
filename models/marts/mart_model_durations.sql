{{ config(materialized='view') }}
-- A view, not a table: health must show the tests and timings of the build that is running it.

with

model_run as (

    select * from {{ source('audit', 'model_run') }}

),

final as (

    select
        ---------- ids
        model_run.run_id,
        model_run.node,

        ---------- attributes
        model_run.resource_type,
        model_run.relation,
        model_run.materialization,
        model_run.action,
        model_run.status,
        split_part(model_run.error, E'\n', 1) as error_summary,

        ---------- numerics
        model_run.rows_affected,
        round(extract(epoch from (model_run.finished_at - model_run.started_at))::numeric, 3) as duration_seconds,

        ---------- booleans
        model_run.selected as is_selected,

        ---------- timestamps
        model_run.started_at,
        model_run.finished_at
    from model_run

)

select * from final
