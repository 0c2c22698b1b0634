{{ config(materialized='view') }}
-- A view, not a table: health must show the tests and timings of the build that is running it.

with

run as (

    select * from {{ source('audit', 'run') }}

),

model_run as (

    select * from {{ source('audit', 'model_run') }}

),

test_result as (

    select * from {{ source('audit', 'test_result') }}

),

node_counts as (

    select
        model_run.run_id,
        count(*) filter (where model_run.resource_type <> 'test') as count_nodes,
        count(*) filter (where model_run.resource_type <> 'test' and model_run.status = 'error') as count_nodes_failed,
        count(*) filter (where model_run.resource_type <> 'test' and model_run.status = 'skipped') as count_nodes_skipped
    from model_run
    group by model_run.run_id

),

test_counts as (

    select
        test_result.run_id,
        count(*) as count_tests,
        count(*) filter (where test_result.status in ('fail', 'error')) as count_tests_failed,
        count(*) filter (where test_result.status = 'warn') as count_tests_warned
    from test_result
    group by test_result.run_id

),

final as (

    select
        ---------- ids
        run.run_id,

        ---------- attributes
        run.command,
        run.job,
        run.trigger,
        run.status,
        split_part(run.error, E'\n', 1) as error_summary,

        ---------- numerics
        round(extract(epoch from (run.finished_at - run.started_at))::numeric, 3) as duration_seconds,
        coalesce(node_counts.count_nodes, 0) as count_nodes,
        coalesce(node_counts.count_nodes_failed, 0) as count_nodes_failed,
        coalesce(node_counts.count_nodes_skipped, 0) as count_nodes_skipped,
        coalesce(test_counts.count_tests, 0) as count_tests,
        coalesce(test_counts.count_tests_failed, 0) as count_tests_failed,
        coalesce(test_counts.count_tests_warned, 0) as count_tests_warned,

        ---------- booleans
        run.is_pipeline,

        ---------- timestamps
        run.scheduled_for,
        run.started_at,
        run.finished_at
    from run
    left join node_counts
        on node_counts.run_id = run.run_id
    left join test_counts
        on test_counts.run_id = run.run_id

)

select * from final
