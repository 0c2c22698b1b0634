{{ config(
    materialized='incremental',
    unique_key='location_id',
    indexes=[{'columns': ['location_id'], 'unique': true}]
) }}

{#
    Incremental: the seeds' places are written again on every build (a few hundred rows); the
    communes the seeds lack are looked for only in the source postings loaded since the last build,
    and the ones found before are kept. A place, once seen, stays (as a dimension member may); a
    full refresh keeps only the places source postings still name. Scanning every source posting
    for them took a second a day at a million.
#}

with

commune as (

    select * from {{ ref('commune') }}

),

departement as (

    select * from {{ ref('departement') }}

),

region as (

    select * from {{ ref('region') }}

),

country as (

    select * from {{ ref('country') }}

),

source_posting as (

    select * from {{ ref('source_posting') }}

),

observed_communes as (

    -- communes that France Travail sends but the seed does not list (named from the offer's place label)
    select
        sighted.commune_code,
        sighted.departement_code,
        min(sighted.commune_name) as commune_name
    from (
        select
            source_posting.commune_code,
            source_posting.departement_code,
            initcap(substring(source_posting.location_text from '^\s*(?:\d{2,3}|2A|2B)\s+-\s+(.+)$')) as commune_name
        from source_posting
        where source_posting.location_level = 'commune'
            {% if is_incremental() %}
            and source_posting.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
            {% endif %}
        {% if is_incremental() %}
        union all
        -- the ones seen before (stored unnamed: the name is the code)
        select
            stored.commune_code,
            stored.departement_code,
            nullif(stored.commune_name, stored.commune_code)
        from {{ this }} as stored
        where stored.location_level = 'commune'
        {% endif %}
    ) as sighted
    left join commune
        on commune.commune_code = sighted.commune_code
    where commune.commune_code is null
    group by sighted.commune_code, sighted.departement_code

),

all_communes as (

    select
        commune.commune_code,
        commune.commune_name,
        commune.departement_code,
        commune.latitude,
        commune.longitude
    from commune
    union all
    select
        observed_communes.commune_code,
        coalesce(observed_communes.commune_name, observed_communes.commune_code),
        observed_communes.departement_code,
        null::numeric,
        null::numeric
    from observed_communes

),

levels as (

    select
        core.stable_id('country:' || country.country_code) as location_id,
        'country' as location_level,
        country.country_name as location_name,
        null::text as commune_code,
        null::text as commune_name,
        null::text as departement_code,
        null::text as departement_name,
        null::text as region_code,
        null::text as region_name,
        country.country_code,
        country.country_name,
        null::numeric as latitude,
        null::numeric as longitude
    from country
    union all
    select
        core.stable_id('region:' || region.region_code),
        'region',
        region.region_name,
        null,
        null,
        null,
        null,
        region.region_code,
        region.region_name,
        country.country_code,
        country.country_name,
        null,
        null
    from region
    inner join country
        on country.country_code = region.country_code
    union all
    select
        core.stable_id('departement:' || departement.departement_code),
        'departement',
        departement.departement_name,
        null,
        null,
        departement.departement_code,
        departement.departement_name,
        region.region_code,
        region.region_name,
        country.country_code,
        country.country_name,
        null,
        null
    from departement
    inner join region
        on region.region_code = departement.region_code
    inner join country
        on country.country_code = region.country_code
    union all
    select
        core.stable_id('commune:' || all_communes.commune_code),
        'commune',
        all_communes.commune_name,
        all_communes.commune_code,
        all_communes.commune_name,
        departement.departement_code,
        departement.departement_name,
        region.region_code,
        region.region_name,
        country.country_code,
        country.country_name,
        all_communes.latitude,
        all_communes.longitude
    from all_communes
    inner join departement
        on departement.departement_code = all_communes.departement_code
    inner join region
        on region.region_code = departement.region_code
    inner join country
        on country.country_code = region.country_code

),

places as (

    select * from levels
    union all
    select
        -1,
        'unknown',
        'Unknown',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null

),

final as (

    select
        places.*,
        now() as loaded_at
    from places

)

select * from final
