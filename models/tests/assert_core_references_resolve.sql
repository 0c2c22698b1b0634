-- Foreign keys from core.source_posting to the core tables built from it (a relationships test in
-- YAML may only point at a model built before it; the other core and mart keys are tested in YAML,
-- on each build's new rows). Every row here is an orphan.
-- As the YAML tests of an incremental model, it checks what the latest build wrote: the source
-- postings it loaded (every one after a full build) and those sharing a posting one of them left,
-- the one way a stored row can lose its parent (core.location and core.occupation keep every place
-- and code once seen; core.company is rebuilt from all source postings). Rereading the million
-- stored rows took two seconds a day.
with

-- read twice, each time by an index: materialized, PostgreSQL would copy every row first
source_posting as not materialized (

    select * from {{ ref('source_posting') }}

),

latest as (

    -- by the loaded_at index (V0058); read twice, so only the keys are kept
    select
        source_posting.posting_id,
        source_posting.previous_posting_id,
        source_posting.company_id,
        source_posting.location_id,
        source_posting.rome_code
    from source_posting
    where source_posting.loaded_at = core.latest_build_at('core.source_posting')

),

checked as (

    select latest.posting_id, latest.company_id, latest.location_id, latest.rome_code
    from latest
    union all
    select source_posting.posting_id, source_posting.company_id, source_posting.location_id, source_posting.rome_code
    from source_posting
    where source_posting.posting_id = any(array(
        select latest.previous_posting_id
        from latest
        where latest.previous_posting_id <> latest.posting_id
    ))

),

posting as (

    select * from {{ ref('posting') }}

),

company as (

    select * from {{ ref('company') }}

),

location as (

    select * from {{ ref('location') }}

),

occupation as (

    select * from {{ ref('occupation') }}

),

orphans as (

    select
        checked.posting_id,
        checked.company_id,
        checked.location_id,
        checked.rome_code,
        posting.posting_id is null as is_posting_missing,
        checked.company_id is not null and company.company_id is null as is_company_missing,
        checked.location_id is not null and location.location_id is null as is_location_missing,
        checked.rome_code is not null and occupation.rome_code is null as is_occupation_missing
    from checked
    left join posting
        on posting.posting_id = checked.posting_id
    left join company
        on company.company_id = checked.company_id
    left join location
        on location.location_id = checked.location_id
    left join occupation
        on occupation.rome_code = checked.rome_code
    where posting.posting_id is null
        or (checked.company_id is not null and company.company_id is null)
        or (checked.location_id is not null and location.location_id is null)
        or (checked.rome_code is not null and occupation.rome_code is null)

),

final as (

    select checked_reference.reference, checked_reference.orphan_value
    from orphans
    cross join lateral (
        values
            ('source_posting.posting_id -> posting.posting_id', orphans.posting_id::text, orphans.is_posting_missing),
            ('source_posting.company_id -> company.company_id', orphans.company_id::text, orphans.is_company_missing),
            ('source_posting.location_id -> location.location_id', orphans.location_id::text, orphans.is_location_missing),
            ('source_posting.rome_code -> occupation.rome_code', orphans.rome_code, orphans.is_occupation_missing)
    ) as checked_reference (reference, orphan_value, is_orphan)
    where checked_reference.is_orphan

)

select * from final
