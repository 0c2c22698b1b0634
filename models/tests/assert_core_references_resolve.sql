-- Foreign keys from core.source_posting to the core tables built from it (a relationships test in
-- YAML may only point at a model built before it; the other core and mart keys are tested in YAML,
-- on each build's new rows). Every row here is an orphan. One pass over core.source_posting: the
-- parents are small, or read by their unique index.
with

source_posting as (

    select * from {{ ref('source_posting') }}

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
        source_posting.posting_id,
        source_posting.company_id,
        source_posting.location_id,
        source_posting.rome_code,
        posting.posting_id is null as is_posting_missing,
        source_posting.company_id is not null and company.company_id is null as is_company_missing,
        source_posting.location_id is not null and location.location_id is null as is_location_missing,
        source_posting.rome_code is not null and occupation.rome_code is null as is_occupation_missing
    from source_posting
    left join posting
        on posting.posting_id = source_posting.posting_id
    left join company
        on company.company_id = source_posting.company_id
    left join location
        on location.location_id = source_posting.location_id
    left join occupation
        on occupation.rome_code = source_posting.rome_code
    where posting.posting_id is null
        or (source_posting.company_id is not null and company.company_id is null)
        or (source_posting.location_id is not null and location.location_id is null)
        or (source_posting.rome_code is not null and occupation.rome_code is null)

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
