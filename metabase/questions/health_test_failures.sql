-- name: Data test failures
-- description: Data tests that did not pass (failed, errored or warned), latest first, with the number of failing rows and a sample of them.
-- display: table
-- template_tags:
--   severity:
--     type: text
--     display_name: Severity
--   top:
--     type: number
--     display_name: How many
--     default: 100
select
    started_at,
    run_id,
    test_name,
    model,
    severity,
    status,
    count_failures,
    message
from marts.mart_test_failures
where true
    [[and severity = {{severity}}]]
order by started_at desc, test_name
limit {{top}}
