{{ config(
    materialized='table',
    indexes=[{'columns': ['rome_code'], 'unique': true}]
) }}

with

rome_occupation as (

    select * from {{ ref('rome_occupation') }}

),

source_posting as (

    select * from {{ ref('source_posting') }}

),

observed as (

    -- ROME codes France Travail uses that the seed does not list, with their label
    select
        source_posting.rome_code,
        min(source_posting.rome_label) as rome_label
    from source_posting
    left join rome_occupation
        on rome_occupation.rome_code = source_posting.rome_code
    where source_posting.rome_code is not null
        and rome_occupation.rome_code is null
    group by source_posting.rome_code

),

final as (

    select
        core.stable_id('rome:' || rome_occupation.rome_code) as occupation_id,
        rome_occupation.rome_code,
        rome_occupation.rome_label as occupation_label,
        rome_occupation.occupation_family,
        true as is_in_seed
    from rome_occupation
    union all
    select
        core.stable_id('rome:' || observed.rome_code),
        observed.rome_code,
        coalesce(observed.rome_label, observed.rome_code),
        'other',
        false
    from observed

)

select * from final
