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
    Incremental: the postings whose source postings were re-resolved or changed state since the last
    build are merged again from all their source postings, and so are those a re-resolved source
    posting left (its fingerprint moved). A posting that only gained source postings new to the
    warehouse is combined with its stored row instead: every merged attribute is the first by an
    order (or a count, a min, a max), and the stored row keeps each attribute's source, so it stands
    for the members merged before. The post-hook drops a posting no source posting points to any
    more; it looks only at the postings left since this model's previous build (rows older than this
    transaction's).
#}

with

-- `not materialized`: each is read more than once (PostgreSQL would otherwise copy every stored row
-- first, and plan the joins blind, without the tables' statistics)
source_posting as not materialized (

    select * from {{ ref('source_posting') }}

),

lifecycle as not materialized (

    select * from {{ ref('source_posting_lifecycle') }}

),

source_system as (

    select * from {{ ref('source_system') }}

),

sources as (

    select
        jsonb_object_agg(source_system.source_code, source_system.priority) as priority_of_source,
        jsonb_object_agg(source_system.priority::text, source_system.source_code) as source_of_priority
    from source_system

),

members as not materialized (

    -- the merge's sort keys of each source posting, built as arrays led by the ordering keys:
    -- "first by an order" is then the min of the array (zero-padded to sort as text; ten ordered
    -- array_aggs sorted every posting's rows ten times). Narrow on purpose: the wide text is joined
    -- once, for the chosen source only
    select
        source_posting.posting_id,
        lifecycle.posting_id as lifecycle_posting_id,
        source_posting.previous_posting_id,
        source_posting.loaded_at,
        lifecycle.loaded_at as lifecycle_loaded_at,
        -- text from the highest-priority source, then the longest description
        array[
            lpad(source_system.priority::text, 5, '0'),
            lpad((999999999 - coalesce(length(source_posting.description), 0))::text, 9, '0'),
            source_posting.source_posting_id,
            source_posting.source_code
        ] as primary_order,
        -- other attributes from the first source that knows them (ties: the smallest value)
        case when source_posting.company_id is not null
            then array[source_system.priority, source_posting.company_id] end as company_order,
        -- the most precise location wins
        array[
            case source_posting.location_level
                when 'commune' then 1 when 'departement' then 2 when 'region' then 3 when 'country' then 4 else 5
            end,
            source_system.priority,
            source_posting.location_id
        ] as location_order,
        case when source_posting.rome_code is not null
            then array[lpad(source_system.priority::text, 5, '0'), source_posting.rome_code] end as rome_order,
        case when source_posting.contract_code is not null
            then array[lpad(source_system.priority::text, 5, '0'), source_posting.contract_code] end as contract_order,
        case when source_posting.experience_code is not null
            then array[lpad(source_system.priority::text, 5, '0'), source_posting.experience_code] end as experience_order,
        case when source_posting.working_time_code is not null
            then array[lpad(source_system.priority::text, 5, '0'), source_posting.working_time_code] end as working_time_order,
        -- no mention means on site; any source that says remote is believed
        array[
            case source_posting.remote_code when 'full_remote' then '1' when 'hybrid' then '2' else '3' end,
            source_posting.remote_code
        ] as remote_order,
        1 as count_source_postings,
        1 << source_system.source_key as source_mask,
        source_posting.posted_at,
        lifecycle.first_seen_at,
        lifecycle.last_seen_at,
        lifecycle.closed_at
    from source_posting
    inner join lifecycle
        on lifecycle.source_code = source_posting.source_code
        and lifecycle.source_posting_id = source_posting.source_posting_id
    inner join source_system
        on source_system.source_code = source_posting.source_code

),

{% if is_incremental() %}
day_source_postings as (

    select source_posting.posting_id, source_posting.previous_posting_id, source_posting.source_code, source_posting.source_posting_id
    from source_posting
    where source_posting.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)

),

merged_again as (

    -- merged from all their source postings: those a known source posting was re-resolved into or
    -- left, those one of whose known source postings changed state, and stored rows written before
    -- the merge state was kept
    select day_source_postings.posting_id
    from day_source_postings
    where day_source_postings.previous_posting_id is not null
    union
    select day_source_postings.previous_posting_id
    from day_source_postings
    where day_source_postings.previous_posting_id is not null
    union
    select lifecycle.posting_id
    from lifecycle
    where lifecycle.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
        and not exists (
            select
            from day_source_postings
            where day_source_postings.source_code = lifecycle.source_code
                and day_source_postings.source_posting_id = lifecycle.source_posting_id
                and day_source_postings.previous_posting_id is null
        )
    union
    select stored.posting_id
    from {{ this }} as stored
    where stored.posting_id = any(array(select day_source_postings.posting_id from day_source_postings))
        and stored.primary_source_posting_id is null

),

combined as (

    -- postings that only gained source postings new to the warehouse: the stored row, if any,
    -- stands for the members merged before (a posting not stored has no other members)
    select day_source_postings.posting_id
    from day_source_postings
    where day_source_postings.previous_posting_id is null
    except
    select merged_again.posting_id
    from merged_again

),
{% endif %}

ranked as (

    select
        members.posting_id,
        members.primary_order,
        members.company_order,
        members.location_order,
        members.rome_order,
        members.contract_order,
        members.experience_order,
        members.working_time_order,
        members.remote_order,
        members.count_source_postings,
        members.source_mask,
        members.posted_at,
        members.first_seen_at,
        members.last_seen_at,
        members.closed_at
    from members
    {% if is_incremental() %}
    -- an array, not `in (select …)`: the planner then expects a handful of postings and reads them
    -- by index (with the subquery it guesses a third of the table and scans it all); both sides, so
    -- they are joined by hashing rather than by one index probe per source posting
    where members.posting_id = any(array(select merged_again.posting_id from merged_again))
        and members.lifecycle_posting_id = any(array(select merged_again.posting_id from merged_again))

    union all

    -- a combined posting's new source postings
    select
        members.posting_id,
        members.primary_order,
        members.company_order,
        members.location_order,
        members.rome_order,
        members.contract_order,
        members.experience_order,
        members.working_time_order,
        members.remote_order,
        members.count_source_postings,
        members.source_mask,
        members.posted_at,
        members.first_seen_at,
        members.last_seen_at,
        members.closed_at
    from members
    -- found by the loaded_at indexes: a posting's new members are a few of its many
    where members.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
        and members.lifecycle_loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
        and members.previous_posting_id is null
        and not exists (select from merged_again where merged_again.posting_id = members.posting_id)

    union all

    -- … and its stored row, standing for the source postings merged before
    select
        stored.posting_id,
        array[
            lpad((sources.priority_of_source ->> stored.primary_source_code), 5, '0'),
            lpad((999999999 - coalesce(length(stored.description), 0))::text, 9, '0'),
            stored.primary_source_posting_id,
            stored.primary_source_code
        ],
        case when stored.company_id is not null
            then array[(sources.priority_of_source ->> stored.company_source_code)::bigint, stored.company_id] end,
        array[
            case stored.location_level
                when 'commune' then 1 when 'departement' then 2 when 'region' then 3 when 'country' then 4 else 5
            end,
            (sources.priority_of_source ->> stored.location_source_code)::bigint,
            stored.location_id
        ],
        case when stored.rome_code is not null
            then array[lpad(sources.priority_of_source ->> stored.rome_source_code, 5, '0'), stored.rome_code] end,
        case when stored.contract_code is not null
            then array[lpad(sources.priority_of_source ->> stored.contract_source_code, 5, '0'), stored.contract_code] end,
        case when stored.experience_code is not null
            then array[lpad(sources.priority_of_source ->> stored.experience_source_code, 5, '0'), stored.experience_code] end,
        case when stored.working_time_code is not null
            then array[lpad(sources.priority_of_source ->> stored.working_time_source_code, 5, '0'), stored.working_time_code] end,
        array[
            case stored.remote_code when 'full_remote' then '1' when 'hybrid' then '2' else '3' end,
            stored.remote_code
        ],
        stored.count_source_postings,
        (
            select bit_or(1 << source_system.source_key)
            from source_system
            where source_system.source_code = any(stored.source_codes)
        ),
        stored.posted_at,
        stored.first_seen_at,
        stored.last_seen_at,
        stored.closed_at
    from {{ this }} as stored
    cross join sources
    where stored.posting_id = any(array(select combined.posting_id from combined))
    {% endif %}

),

merged as (

    select
        ranked.posting_id,
        min(ranked.primary_order) as primary_order,
        min(ranked.company_order) as company_order,
        min(ranked.location_order) as location_order,
        min(ranked.rome_order) as rome_order,
        min(ranked.contract_order) as contract_order,
        min(ranked.experience_order) as experience_order,
        min(ranked.working_time_order) as working_time_order,
        min(ranked.remote_order) as remote_order,
        sum(ranked.count_source_postings) as count_source_postings,
        bit_or(ranked.source_mask) as source_mask,
        min(ranked.posted_at) as posted_at,
        min(ranked.first_seen_at) as first_seen_at,
        max(ranked.last_seen_at) as last_seen_at,
        -- closed only when every source posting is closed (a stored row is closed only when all of
        -- its members were)
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
        merged.company_order[2] as company_id,
        merged.location_order[3] as location_id,
        merged.rome_order[2] as rome_code,
        merged.contract_order[2] as contract_code,
        merged.experience_order[2] as experience_code,
        merged.remote_order[2] as remote_code,
        merged.working_time_order[2] as working_time_code,
        merged.primary_order[4] as primary_source_code,

        ---------- attributes
        source_posting.title,
        source_posting.description,
        source_posting.language,
        source_posting.posting_url,
        case merged.location_order[1]
            when 1 then 'commune' when 2 then 'departement' when 3 then 'region' when 4 then 'country' else 'unknown'
        end as location_level,

        ---------- lineage: where each attribute came from
        merged.primary_order[3] as primary_source_posting_id,
        source_codes.source_codes,
        sources.source_of_priority ->> merged.company_order[1]::text as company_source_code,
        sources.source_of_priority ->> merged.location_order[2]::text as location_source_code,
        sources.source_of_priority ->> merged.rome_order[1]::integer::text as rome_source_code,
        sources.source_of_priority ->> merged.contract_order[1]::integer::text as contract_source_code,
        sources.source_of_priority ->> merged.experience_order[1]::integer::text as experience_source_code,
        sources.source_of_priority ->> merged.working_time_order[1]::integer::text as working_time_source_code,

        ---------- numerics
        merged.count_source_postings,
        cardinality(source_codes.source_codes)::bigint as count_sources,

        ---------- booleans
        merged.closed_at is null as is_active,

        ---------- timestamps
        merged.posted_at,
        merged.first_seen_at,
        merged.last_seen_at,
        merged.closed_at,
        {% if is_incremental() %}
        -- kept while the title and description stay as stored: core.posting_skill reads only the
        -- postings whose text changed (a posting that gained a listing usually keeps its text)
        coalesce((
            select stored.text_changed_at
            from {{ this }} as stored
            where stored.posting_id = merged.posting_id
                and stored.title is not distinct from source_posting.title
                and stored.description is not distinct from source_posting.description
        ), now()) as text_changed_at,
        {% else %}
        now() as text_changed_at,
        {% endif %}
        now() as loaded_at
    from merged
    cross join sources
    cross join lateral (
        select array_agg(source_system.source_code order by source_system.source_code) as source_codes
        from source_system
        where merged.source_mask & (1 << source_system.source_key) <> 0
    ) as source_codes
    inner join source_posting
        on source_posting.source_code = merged.primary_order[4]
        and source_posting.source_posting_id = merged.primary_order[3]

)

select * from final
