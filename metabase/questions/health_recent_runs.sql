-- name: Recent warehouse runs
-- description: The latest runs of the warehouse (refresh, build, extract, export…) with their status, duration, node and test counts and the first line of any error.
-- display: table
-- template_tags:
--   status:
--     type: text
--     display_name: Status
--   top:
--     type: number
--     display_name: How many
--     default: 50
select
    run_id,
    command,
    job,
    status,
    started_at,
    duration_seconds,
    count_nodes,
    count_nodes_failed,
    count_tests,
    count_tests_failed,
    count_tests_warned,
    error_summary
from marts.mart_warehouse_runs
where true
    [[and status = {{status}}]]
order by started_at desc, run_id desc
limit {{top}}
