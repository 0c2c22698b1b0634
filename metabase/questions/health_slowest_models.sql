-- name: Slowest models in the last build
-- description: Model durations and rows in the most recent run that built models (see Model duration trend for one model over time).
-- display: row
-- visualization_settings:
--   graph.dimensions: [node]
--   graph.metrics: [duration_seconds]
--   graph.show_values: true
-- template_tags:
--   top:
--     type: number
--     display_name: How many
--     default: 20
with

last_build as (

    select max(run_id) as run_id
    from marts.mart_model_durations
    where resource_type <> 'test'

)

select
    durations.node,
    durations.materialization,
    durations.status,
    durations.duration_seconds,
    durations.rows_affected
from marts.mart_model_durations as durations
inner join last_build
    on last_build.run_id = durations.run_id
where durations.resource_type <> 'test'
order by durations.duration_seconds desc nulls last, durations.node
limit {{top}}
