{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[
        {'columns': ['posting_id'], 'unique': true},
        {'columns': ['fingerprint'], 'unique': true},
        {'columns': ['loaded_at']}
    ],
    pre_hook=["set local work_mem = '256MB'"],
    post_hook=["delete from core.posting where posting_id in (select core.postings_left_since_previous_build('core.posting')) and not exists (select from core.source_posting where source_posting.posting_id = core.posting.posting_id)"]
) }}

{#
    Incremental: only the postings whose source postings were re-resolved or changed state since the
    last build are merged again, and those a re-resolved source posting left (its fingerprint
    moved). The post-hook drops such a posting when no source posting points to it any more; it
    looks only at the postings left since this model's previous build (rows older than this
    transaction's).
#}

with

-- `not materialized`: each is read twice (PostgreSQL would otherwise copy every stored row first,
-- and plan the joins blind, without the tables' statistics)
source_posting as not materialized (

    select * from {{ ref('source_posting') }}

),

lifecycle as not materialized (

    select * from {{ ref('source_posting_lifecycle') }}

),

source_system as (

    select * from {{ ref('source_system') }}

),

{% if is_incremental() %}
affected as (

    select source_posting.posting_id
    from source_posting
    where source_posting.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
    union
    select lifecycle.posting_id
    from lifecycle
    where lifecycle.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
    union
    select source_posting.previous_posting_id
    from source_posting
    where source_posting.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
        and source_posting.previous_posting_id <> source_posting.posting_id

),
{% endif %}

ranked as (

    -- narrow on purpose: the wide text is joined once, for the chosen source only
    select
        source_posting.posting_id,
        source_posting.source_code,
        source_posting.source_posting_id,
        source_posting.company_id,
        source_posting.location_id,
        source_posting.rome_code,
        source_posting.contract_code,
        source_posting.experience_code,
        source_posting.working_time_code,
        source_posting.remote_code,
        source_posting.posted_at,
        lifecycle.first_seen_at,
        lifecycle.last_seen_at,
        lifecycle.closed_at,
        source_system.priority as source_priority,
        coalesce(length(source_posting.description), 0) as description_length,
        case source_posting.location_level
            when 'commune' then 1 when 'departement' then 2 when 'region' then 3 when 'country' then 4 else 5
        end as location_precision
    from source_posting
    inner join lifecycle
        on lifecycle.source_code = source_posting.source_code
        and lifecycle.source_posting_id = source_posting.source_posting_id
    inner join source_system
        on source_system.source_code = source_posting.source_code
    {% if is_incremental() %}
    -- an array, not `in (select …)`: the planner then expects a handful of postings and reads them
    -- by index (with the subquery it guesses a third of the table and scans it all); both sides, so
    -- they are joined by hashing rather than by one index probe per source posting
    where source_posting.posting_id = any(array(select affected.posting_id from affected))
        and lifecycle.posting_id = any(array(select affected.posting_id from affected))
    {% endif %}

),

merged as (

    -- text from the highest-priority source (then the longest description); other attributes from
    -- the first source that knows them (ties: the smallest value); the most precise location wins.
    -- "First by an order" is the min of an array led by the ordering keys, zero-padded to sort as
    -- text: ten ordered array_aggs sorted every posting's rows ten times
    select
        ranked.posting_id,
        min(array[
            lpad(ranked.source_priority::text, 5, '0'),
            lpad((999999999 - ranked.description_length)::text, 9, '0'),
            ranked.source_posting_id,
            ranked.source_code
        ]) as primary_source,
        (min(array[ranked.source_priority, ranked.company_id]) filter (where ranked.company_id is not null))[2] as company_id,
        (min(array[ranked.location_precision, ranked.source_priority, ranked.location_id]))[3] as location_id,
        (min(array[lpad(ranked.source_priority::text, 5, '0'), ranked.rome_code]) filter (where ranked.rome_code is not null))[2] as rome_code,
        (min(array[lpad(ranked.source_priority::text, 5, '0'), ranked.contract_code]) filter (where ranked.contract_code is not null))[2] as contract_code,
        (min(array[lpad(ranked.source_priority::text, 5, '0'), ranked.experience_code]) filter (where ranked.experience_code is not null))[2] as experience_code,
        (min(array[lpad(ranked.source_priority::text, 5, '0'), ranked.working_time_code]) filter (where ranked.working_time_code is not null))[2] as working_time_code,
        -- no mention means on site; any source that says remote is believed
        (min(array[case ranked.remote_code when 'full_remote' then '1' when 'hybrid' then '2' else '3' end, ranked.remote_code]))[2] as remote_code,
        count(*) as count_source_postings,
        count(distinct ranked.source_code) as count_sources,
        min(ranked.posted_at) as posted_at,
        min(ranked.first_seen_at) as first_seen_at,
        max(ranked.last_seen_at) as last_seen_at,
        -- closed only when every source posting is closed
        case when bool_and(ranked.closed_at is not null) then max(ranked.closed_at) end as closed_at
    from ranked
    group by ranked.posting_id

),

final as (

    select
        ---------- ids
        merged.posting_id,
        source_posting.fingerprint,

        ---------- foreign keys
        merged.company_id,
        merged.location_id,
        merged.rome_code,
        merged.contract_code,
        merged.experience_code,
        merged.remote_code,
        merged.working_time_code,
        merged.primary_source[4] as primary_source_code,

        ---------- attributes
        source_posting.title,
        source_posting.description,
        source_posting.language,
        source_posting.posting_url,

        ---------- numerics
        merged.count_source_postings,
        merged.count_sources,

        ---------- booleans
        merged.closed_at is null as is_active,

        ---------- timestamps
        merged.posted_at,
        merged.first_seen_at,
        merged.last_seen_at,
        merged.closed_at,
        now() as loaded_at
    from merged
    inner join source_posting
        on source_posting.source_code = merged.primary_source[4]
        and source_posting.source_posting_id = merged.primary_source[3]

)

select * from final
