-- name: Model duration trend
-- description: Duration of every model build over time (the N slowest models on average, default 8; or the one picked).
-- display: line
-- visualization_settings:
--   graph.dimensions: [started_at, node]
--   graph.metrics: [duration_seconds]
--   graph.y_axis.title_text: Seconds
-- template_tags:
--   model:
--     type: text
--     display_name: Model
--   top:
--     type: number
--     display_name: How many models
--     default: 8
with

models as (

    select durations.node
    from marts.mart_model_durations as durations
    where durations.resource_type <> 'test'
        [[and durations.node = {{model}}]]
    group by durations.node
    order by avg(durations.duration_seconds) desc nulls last, durations.node
    limit {{top}}

)

select
    durations.started_at,
    durations.node,
    durations.duration_seconds
from marts.mart_model_durations as durations
inner join models
    on models.node = durations.node
where durations.resource_type <> 'test'
order by durations.started_at, durations.node
