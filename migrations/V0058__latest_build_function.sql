-- When a model's build wrote, from its loaded_at: core.build_at(model, before) is the newest loaded_at
-- older than `before` (-infinity when there is none). core.previous_build_at (V0056, the hooks' "the
-- model's previous build") now delegates to it with now(); core.latest_build_at is it unbounded, for
-- checks of what the latest build wrote (assert_core_references_resolve).
-- latest_build_at is called as is, not through a scalar subquery: the planner then estimates
-- `loaded_at = core.latest_build_at(…)` with the actual value (after a day's build a few percent of
-- the rows, read by the loaded_at index; after a full build all of them), where a subquery's value is
-- estimated blind and every row was scanned. Its cost keeps it out of a per-row filter: an index
-- condition evaluates it once.
create function core.build_at(model regclass, before timestamptz) returns timestamptz
language plpgsql stable
as $$
declare
    written_at timestamptz;
begin
    execute format('select max(loaded_at) from %s where loaded_at < $1', model) into written_at using before;
    return coalesce(written_at, '-infinity');
end;
$$;

create or replace function core.previous_build_at(model regclass) returns timestamptz
language plpgsql stable
as $$
begin
    return core.build_at(model, now());
end;
$$;

create function core.latest_build_at(model regclass) returns timestamptz
language plpgsql stable cost 10000
as $$
begin
    return core.build_at(model, 'infinity');
end;
$$;
