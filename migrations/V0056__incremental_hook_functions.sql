-- What an incremental model's post-hooks look at: the rows changed since the model's previous
-- build. Hooks are plain SQL (no Jinja), so the rule is written here once, not in each hook.
-- plpgsql: the bodies name model tables, which the first build creates after the migrations.

-- When the model's previous build wrote: its newest loaded_at older than this transaction (a
-- post-hook runs in the transaction that just merged the new rows); -infinity when there is none,
-- so that a hook then looks at everything.
create function core.previous_build_at(model regclass) returns timestamptz
language plpgsql stable
as $$
declare
    written_at timestamptz;
begin
    execute format('select max(loaded_at) from %s where loaded_at < now()', model) into written_at;
    return coalesce(written_at, '-infinity');
end;
$$;

-- Canonical postings that source postings re-resolved since the model's previous build have left
-- (their fingerprint moved): merged again by core.posting, or dropped when nothing points to them.
create function core.postings_left_since_previous_build(model regclass) returns setof bigint
language plpgsql stable rows 100
as $$
begin
    return query
        select moved.previous_posting_id
        from core.source_posting as moved
        where moved.loaded_at > core.previous_build_at(model)
            and moved.previous_posting_id <> moved.posting_id;
end;
$$;
