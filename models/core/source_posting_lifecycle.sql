{{ config(
    materialized='incremental',
    unique_key=['source_code', 'source_posting_id'],
    indexes=[
        {'columns': ['source_code', 'source_posting_id'], 'unique': true},
        {'columns': ['posting_id']},
        {'columns': ['loaded_at']}
    ],
    pre_hook=["set local enable_nestloop = off"]
) }}

{#
    Open or closed, per source posting. Narrow on purpose: an incremental build re-checks every
    open posting here (a posting closes when pages stop carrying it, so no new page names it)
    without touching the wide core.source_posting, and writes only the rows whose state changed.
#}

with

source_posting as not materialized (

    -- read twice: materialized, every build would copy all of core.source_posting first
    select * from {{ ref('source_posting') }}

),

partition_runs as (

    select * from {{ ref('stg_landing__partition_runs') }}

),

candidates as (

    select
        source_posting.source_code,
        source_posting.source_posting_id,
        source_posting.posting_id,
        source_posting.first_seen_at,
        source_posting.last_seen_at,
        source_posting.last_partition_key,
        true as is_resighted
    from source_posting
    {% if is_incremental() %}
    where source_posting.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)

    union all

    -- postings still open that no new page mentioned: they may have closed since
    select
        stored.source_code,
        stored.source_posting_id,
        stored.posting_id,
        stored.first_seen_at,
        stored.last_seen_at,
        stored.last_partition_key,
        false as is_resighted
    from {{ this }} as stored
    where stored.is_active
        and not exists (
            select
            from source_posting
            where source_posting.source_code = stored.source_code
                and source_posting.source_posting_id = stored.source_posting_id
                and source_posting.loaded_at > (select max(latest.loaded_at) from {{ this }} as latest)
        )
    {% endif %}

),

partition_full_scans as (

    -- per query partition: its full runs (a few dozen), and the latest one
    select
        partition_runs.source_code,
        partition_runs.partition_key,
        max(partition_runs.fetched_at) as latest_fetched_at,
        array_agg(partition_runs.fetched_at) as fetched_ats
    from partition_runs
    where partition_runs.is_full_scan
    group by partition_runs.source_code, partition_runs.partition_key

),

source_last_fetch as (

    select partition_runs.source_code, max(partition_runs.fetched_at) as last_fetched_at
    from partition_runs
    group by partition_runs.source_code

),

judged as (

    select
        candidates.*,
        coalesce(
            -- a later full run of the same query partition no longer returned it: gone since the
            -- first such run (looked up only for postings the latest run per partition missed)
            case when partition_full_scans.latest_fetched_at > candidates.last_seen_at then (
                select min(full_scan.fetched_at)
                from unnest(partition_full_scans.fetched_ats) as full_scan (fetched_at)
                where full_scan.fetched_at > candidates.last_seen_at
            ) end,
            -- not returned by any fetch for 31 days while the source kept being fetched: expired
            case when source_last_fetch.last_fetched_at > candidates.last_seen_at + interval '31 days'
                then candidates.last_seen_at + interval '31 days' end
        ) as closed_at
    from candidates
    left join partition_full_scans
        on partition_full_scans.source_code = candidates.source_code
        and partition_full_scans.partition_key = candidates.last_partition_key
    left join source_last_fetch
        on source_last_fetch.source_code = candidates.source_code

),

final as (

    select
        judged.source_code,
        judged.source_posting_id,
        judged.posting_id,
        judged.closed_at is null as is_active,
        judged.first_seen_at,
        judged.last_seen_at,
        judged.closed_at,
        judged.last_partition_key,
        now() as loaded_at
    from judged
    -- an open posting that stays open is already stored as it is
    where judged.is_resighted or judged.closed_at is not null

)

select * from final
