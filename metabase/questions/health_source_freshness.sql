-- name: Source freshness
-- description: How old each source's newest landed page is, at its latest check, against the warn/error thresholds of _sources.yml.
-- display: table
-- visualization_settings:
--   table.row_index: false
select
    source,
    relation,
    status,
    age_hours,
    max_loaded_at,
    checked_at
from marts.mart_source_freshness
where is_latest_check
order by age_hours desc nulls first, source
