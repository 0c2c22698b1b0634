-- When the latest build of an incremental model wrote: its newest loaded_at; -infinity when empty.
-- For checks of what that build wrote (assert_core_references_resolve). Called as is, not through
-- a scalar subquery: the planner then estimates `loaded_at = core.latest_build_at(…)` with the
-- actual value (after a day's build a few percent of the rows, read by the loaded_at index; after a
-- full build all of them), where a subquery's value is estimated blind and every row was scanned.
-- Its cost keeps it out of a per-row filter: an index condition evaluates it once.
create function core.latest_build_at(model regclass) returns timestamptz
language plpgsql stable cost 10000
as $$
declare
    written_at timestamptz;
begin
    execute format('select max(loaded_at) from %s', model) into written_at;
    return coalesce(written_at, '-infinity');
end;
$$;
