-- One row per (source, partition, run) that landed pages: when each query partition was fetched.
-- core.source_posting_lifecycle uses it to notice postings that a later full run of their partition no longer returned.
with

adzuna as (

    select * from {{ source('adzuna', 'pages') }}

),

france_travail as (

    select * from {{ source('france_travail', 'pages') }}

),

jsearch as (

    select * from {{ source('jsearch', 'pages') }}

),

themuse as (

    select * from {{ source('themuse', 'pages') }}

),

pages as (

    select 'adzuna' as source_code, adzuna.partition_key, adzuna.run_id, adzuna.fetched_at, adzuna.http_status, adzuna.request_params,
        null::integer as page_number, null::integer as page_count
    from adzuna
    union all
    select 'france_travail', france_travail.partition_key, france_travail.run_id, france_travail.fetched_at, france_travail.http_status, france_travail.request_params,
        null, null
    from france_travail
    union all
    select 'jsearch', jsearch.partition_key, jsearch.run_id, jsearch.fetched_at, jsearch.http_status, jsearch.request_params,
        null, null
    from jsearch
    union all
    -- The Muse has no date filter: an incremental run stops at the first page older than its window
    select 'themuse', themuse.partition_key, themuse.run_id, themuse.fetched_at, themuse.http_status, themuse.request_params,
        -- the page asked for from the request, the page count stored beside the body (V0057): each
        -- read of the large body unpacks it again
        (themuse.request_params ->> 'page')::integer, themuse.page_count
    from themuse

),

final as (

    select
        pages.source_code,
        pages.partition_key,
        pages.run_id,
        min(pages.fetched_at) as fetched_at,
        count(*) as count_pages,
        -- an incremental fetch (a date filter) lists only new postings: it cannot show that one is gone
        bool_and(not (
            pages.request_params ?| array['max_days_old', 'publieeDepuis', 'minCreationDate']
            or coalesce(pages.request_params ->> 'date_posted', 'all') in ('today', '3days', 'week')
        ))
        -- and, where the body says how many pages there are, the run read up to the last one
        and coalesce(max(pages.page_number) + 1 >= max(pages.page_count), true) as is_full_scan
    from pages
    where pages.http_status between 200 and 299
    group by pages.source_code, pages.partition_key, pages.run_id

)

select * from final
