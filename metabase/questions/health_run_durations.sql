-- name: Run durations
-- description: How long each finished run took, by command, over time.
-- display: line
-- visualization_settings:
--   graph.dimensions: [started_at, command]
--   graph.metrics: [duration_seconds]
--   graph.y_axis.title_text: Seconds
-- template_tags:
--   command:
--     type: text
--     display_name: Command
select
    started_at,
    command,
    duration_seconds
from marts.mart_warehouse_runs
where finished_at is not null
    [[and command = {{command}}]]
order by started_at
