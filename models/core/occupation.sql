{{ config(
    materialized='incremental',
    unique_key='rome_code',
    indexes=[{'columns': ['rome_code'], 'unique': true}]
) }}

{#
    Incremental, as core.location: the seed's occupations are written again on every build; the ROME
    codes it lacks are looked for only in the source postings loaded since the last build, and the
    ones found before are kept (with the smallest label seen).
#}

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
        sighted.rome_code,
        min(sighted.rome_label) as rome_label
    from (
        select source_posting.rome_code, source_posting.rome_label
        from source_posting
        where source_posting.rome_code is not null
            {% if is_incremental() %}
            and source_posting.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
            {% endif %}
        {% if is_incremental() %}
        union all
        -- the ones seen before (stored unlabelled: the label is the code)
        select stored.rome_code, nullif(stored.occupation_label, stored.rome_code)
        from {{ this }} as stored
        {% endif %}
    ) as sighted
    left join rome_occupation
        on rome_occupation.rome_code = sighted.rome_code
    where rome_occupation.rome_code is null
    group by sighted.rome_code

),

final as (

    select
        core.stable_id('rome:' || rome_occupation.rome_code) as occupation_id,
        rome_occupation.rome_code,
        rome_occupation.rome_label as occupation_label,
        rome_occupation.occupation_family,
        true as is_in_seed,
        now() as loaded_at
    from rome_occupation
    union all
    select
        core.stable_id('rome:' || observed.rome_code),
        observed.rome_code,
        coalesce(observed.rome_label, observed.rome_code),
        'other',
        false,
        now()
    from observed

)

select * from final
