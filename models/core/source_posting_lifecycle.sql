{{ config(
    materialized='incremental',
    unique_key=['source_code', 'source_posting_id'],
    indexes=[
        {'columns': ['source_code', 'source_posting_id'], 'unique': true},
        {'columns': ['posting_id']},
        {'columns': ['loaded_at']},
        {'columns': ['source_code', 'last_partition_key', 'last_seen_at']},
        {'columns': ['last_seen_at']}
    ]
) }}

{#
    Open or closed, per source posting. A posting closes when pages stop carrying it, so no new
    page names it: an incremental build also re-checks the open postings that can have closed since
    (a full run of their partition came after their last sighting, or their source was fetched for
    31 days without them), found by index, and writes only the rows whose state changed.
#}

with

source_posting as not materialized (

    -- read twice: materialized, every build would copy all of core.source_posting first
    select * from {{ ref('source_posting') }}

),

partition_runs as (

    select * from {{ ref('stg_landing__partition_runs') }}

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

    -- open postings that no new page mentioned and that `judged` may close; every other open
    -- posting would be judged open again, as it is stored
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
        and (stored.source_code, stored.source_posting_id) in (
            -- a full run of their partition came after their last sighting
            select open_posting.source_code, open_posting.source_posting_id
            from partition_full_scans
            inner join {{ this }} as open_posting
                on open_posting.source_code = partition_full_scans.source_code
                and open_posting.last_partition_key = partition_full_scans.partition_key
                and open_posting.last_seen_at < partition_full_scans.latest_fetched_at
            union
            -- not seen for 31 days before the latest fetch (of any source: the rule in `judged` is per source)
            select open_posting.source_code, open_posting.source_posting_id
            from {{ this }} as open_posting
            where open_posting.last_seen_at < (select max(partition_runs.fetched_at) from partition_runs) - interval '31 days'
        )
        and not exists (
            select
            from source_posting
            where source_posting.source_code = stored.source_code
                and source_posting.source_posting_id = stored.source_posting_id
                and source_posting.loaded_at > (select max(latest.loaded_at) from {{ this }} as latest)
        )
    {% endif %}

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
