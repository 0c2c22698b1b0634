{{ config(
    materialized='table',
    indexes=[
        {'columns': ['posting_id'], 'unique': true},
        {'columns': ['fingerprint'], 'unique': true}
    ]
) }}

with

source_posting as (

    select * from {{ ref('source_posting') }}

),

source_system as (

    select * from {{ ref('source_system') }}

),

ranked as (

    select
        source_posting.*,
        source_system.priority as source_priority,
        row_number() over (
            partition by source_posting.posting_id
            order by source_system.priority, length(source_posting.description) desc nulls last, source_posting.source_posting_id
        ) as source_rank,
        case source_posting.location_level
            when 'commune' then 1 when 'departement' then 2 when 'region' then 3 when 'country' then 4 else 5
        end as location_precision
    from source_posting
    inner join source_system
        on source_system.source_code = source_posting.source_code

),

merged as (

    -- attributes that a lower-priority source may know when the main one does not
    select
        ranked.posting_id,
        (array_agg(ranked.company_id order by ranked.source_priority) filter (where ranked.company_id is not null))[1] as company_id,
        (array_agg(ranked.location_id order by ranked.location_precision, ranked.source_priority))[1] as location_id,
        (array_agg(ranked.rome_code order by ranked.source_priority) filter (where ranked.rome_code is not null))[1] as rome_code,
        (array_agg(ranked.contract_code order by ranked.source_priority) filter (where ranked.contract_code is not null))[1] as contract_code,
        (array_agg(ranked.experience_code order by ranked.source_priority) filter (where ranked.experience_code is not null))[1] as experience_code,
        (array_agg(ranked.working_time_code order by ranked.source_priority) filter (where ranked.working_time_code is not null))[1] as working_time_code,
        -- no mention means on site; any source that says remote is believed
        (array_agg(ranked.remote_code order by case ranked.remote_code when 'full_remote' then 1 when 'hybrid' then 2 else 3 end))[1] as remote_code,
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
        ranked.posting_id,
        ranked.fingerprint,

        ---------- foreign keys
        merged.company_id,
        merged.location_id,
        merged.rome_code,
        merged.contract_code,
        merged.experience_code,
        merged.remote_code,
        merged.working_time_code,
        ranked.source_code as primary_source_code,

        ---------- attributes
        ranked.title,
        ranked.description,
        ranked.language,
        ranked.posting_url,

        ---------- numerics
        merged.count_source_postings,
        merged.count_sources,

        ---------- booleans
        merged.closed_at is null as is_active,

        ---------- timestamps
        merged.posted_at,
        merged.first_seen_at,
        merged.last_seen_at,
        merged.closed_at
    from ranked
    inner join merged
        on merged.posting_id = ranked.posting_id
    where ranked.source_rank = 1

)

select * from final
