-- The Muse's page_count, kept beside each landed page. stg_landing__partition_runs reads it for every
-- page of every run on each build; read from the body, it unpacked every large page again (half a
-- second a build at 7,700 pages). Stored generated: computed once as the page lands (the landing COPY
-- names its columns), and null, never an error, when the body has no integer page_count.
alter table raw.themuse_pages
    add column page_count integer generated always as (
        case when body ->> 'page_count' ~ '^[0-9]{1,9}$' then (body ->> 'page_count')::integer end
    ) stored;
