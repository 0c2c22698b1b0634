{{ config(
    materialized='incremental',
    unique_key=['source_code', 'source_posting_id'],
    indexes=[
        {'columns': ['source_code', 'source_posting_id'], 'unique': true},
        {'columns': ['posting_id']},
        {'columns': ['loaded_at']}
    ],
    pre_hook=["set local enable_nestloop = off", "set local work_mem = '256MB'"]
) }}

{#
    Incremental: a build reads only the pages landed since the last one (page_id above the
    source's highest last_page_id) and re-resolves the postings they carry; first_seen_at keeps the
    earliest sighting. Lifecycle (open or closed) lives in core.source_posting_lifecycle, which
    also re-checks postings that no page mentions any more. Nested loops are off: the row estimates
    of flattened jsonb are far too low, and a nested loop over a million sightings never ends.
#}

with

france_travail as (

    select * from {{ ref('stg_france_travail__postings') }}
    {% if is_incremental() %}
    where page_id > (select coalesce(max(last_page_id), 0) from {{ this }} where source_code = 'france_travail')
    {% endif %}

),

adzuna as (

    select * from {{ ref('stg_adzuna__postings') }}
    {% if is_incremental() %}
    where page_id > (select coalesce(max(last_page_id), 0) from {{ this }} where source_code = 'adzuna')
    {% endif %}

),

jsearch as (

    select * from {{ ref('stg_jsearch__postings') }}
    {% if is_incremental() %}
    where page_id > (select coalesce(max(last_page_id), 0) from {{ this }} where source_code = 'jsearch')
    {% endif %}

),

themuse as (

    select * from {{ ref('stg_themuse__postings') }}
    {% if is_incremental() %}
    where page_id > (select coalesce(max(last_page_id), 0) from {{ this }} where source_code = 'themuse')
    {% endif %}

),

commune as (

    select * from {{ ref('commune') }}

),

commune_arrondissement as (

    select * from {{ ref('commune_arrondissement') }}

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

contract_type as (

    select * from {{ ref('contract_type') }}

),

contract_type_map as (

    select * from {{ ref('contract_type_map') }}

),

working_time_map as (

    select * from {{ ref('working_time_map') }}

),

experience_map as (

    select * from {{ ref('experience_map') }}

),

remote_keyword as (

    select * from {{ ref('remote_keyword') }}

),

occupation_title_keyword as (

    select * from {{ ref('occupation_title_keyword') }}

),

occupation_category_map as (

    select * from {{ ref('occupation_category_map') }}

),

---------- one shape for the four sources

sightings as (

    select 'france_travail' as source_code, france_travail.* from france_travail
    union all
    select 'adzuna' as source_code, adzuna.* from adzuna
    union all
    select 'jsearch' as source_code, jsearch.* from jsearch
    union all
    select 'themuse' as source_code, themuse.* from themuse

),

sighting_spans as (

    -- a hash aggregate and a join rather than a sort of every wide sighting
    select
        sightings.source_code,
        sightings.source_posting_id,
        min(sightings.fetched_at) as first_seen_at,
        max(sightings.fetched_at) as last_seen_at,
        max(sightings.page_id) as last_page_id,
        -- the latest landed page carries the version kept (position breaks a tie within one page)
        max(sightings.page_id * 1000 + sightings.position_on_page) as last_sighting
    from sightings
    group by sightings.source_code, sightings.source_posting_id

),

unioned as (

    select
        sightings.*,
        sighting_spans.first_seen_at,
        sighting_spans.last_seen_at,
        sighting_spans.last_page_id
    from sightings
    inner join sighting_spans
        on sighting_spans.source_code = sightings.source_code
        and sighting_spans.source_posting_id = sightings.source_posting_id
        and sighting_spans.last_sighting = sightings.page_id * 1000 + sightings.position_on_page

),

keyed as (

    select
        unioned.*,
        core.normalize_key(unioned.title) as title_key,
        core.normalize_company(unioned.company_name) as company_key,
        -- "Paris 15e Arrondissement" → paris, "ST DENIS" → saint denis
        regexp_replace(regexp_replace(regexp_replace(
            core.normalize_key(unioned.city_name), ' \d+ ?(e|er|eme) arrondissement$', ''),
            '^st\M', 'saint'), '^ste\M', 'sainte') as city_key,
        core.normalize_key(unioned.departement_name) as departement_key,
        core.normalize_key(unioned.region_name) as region_key,
        core.normalize_key(unioned.country_name) as country_key,
        core.normalize_key(unioned.location_text) as place_key,
        ' ' || coalesce(core.normalize_key(unioned.title), '') || ' ' as title_words,
        -- folded, not normalized: a regex pass over a long text costs more than the keyword test itself
        core.fold_text(unioned.title || ' ' || coalesce(unioned.description, '')) as folded_text
    from unioned

),

---------- lookups by folded name

commune_names as (

    select
        core.normalize_key(commune.commune_name) as name_key,
        commune.commune_code,
        commune.departement_code,
        commune.population
    from commune

),

departement_names as (

    select core.normalize_key(departement.departement_name) as name_key, departement.departement_code
    from departement

),

region_names as (

    select core.normalize_key(region.region_name) as name_key, region.region_code
    from region

),

country_names as (

    select distinct
        core.normalize_key(country_name_variant.name) as name_key,
        country.country_code
    from country
    cross join lateral unnest(
        array[country.country_name, country.country_name_fr, country.country_code]
        || string_to_array(coalesce(country.aliases, ''), ';')
    ) as country_name_variant (name)
    where core.normalize_key(country_name_variant.name) is not null

),

---------- location: commune → département → région → country

place_levels as (

    select
        keyed.source_code,
        keyed.source_posting_id,
        coalesce(commune_arrondissement.commune_code, keyed.commune_code) as given_commune_code,
        coalesce(keyed.departement_code, departement_names.departement_code) as given_departement_code,
        coalesce(region_names.region_code, place_region_names.region_code) as given_region_code,
        coalesce(country.country_code, country_names.country_code, place_country_names.country_code) as given_country_code
    from keyed
    left join commune_arrondissement
        on commune_arrondissement.arrondissement_code = keyed.commune_code
    left join departement_names
        on departement_names.name_key = keyed.departement_key
    left join region_names
        on region_names.name_key = keyed.region_key
    left join region_names as place_region_names
        on place_region_names.name_key = keyed.place_key
    left join country
        on country.country_code = keyed.country_code
    left join country_names
        on country_names.name_key = keyed.country_key
    left join country_names as place_country_names
        on place_country_names.name_key = keyed.place_key

),

city_matches as (

    -- a city name resolves to the commune of that name, preferring the known département, then the largest
    select distinct on (keyed.source_code, keyed.source_posting_id)
        keyed.source_code,
        keyed.source_posting_id,
        commune_names.commune_code
    from keyed
    inner join place_levels
        on place_levels.source_code = keyed.source_code
        and place_levels.source_posting_id = keyed.source_posting_id
    inner join commune_names
        on commune_names.name_key = keyed.city_key
    where place_levels.given_commune_code is null
        and coalesce(place_levels.given_country_code, 'FR') = 'FR'
    order by
        keyed.source_code,
        keyed.source_posting_id,
        (commune_names.departement_code = place_levels.given_departement_code) desc nulls last,
        commune_names.population desc

),

located as (

    select
        place_levels.source_code,
        place_levels.source_posting_id,
        located_commune.commune_code,
        coalesce(
            commune.departement_code,
            case when located_commune.commune_code like '97%' then left(located_commune.commune_code, 3) end,
            left(located_commune.commune_code, 2),
            place_levels.given_departement_code
        ) as departement_code,
        place_levels.given_region_code,
        place_levels.given_country_code
    from place_levels
    left join city_matches
        on city_matches.source_code = place_levels.source_code
        and city_matches.source_posting_id = place_levels.source_posting_id
    cross join lateral (
        select coalesce(place_levels.given_commune_code, city_matches.commune_code) as commune_code
    ) as located_commune
    left join commune
        on commune.commune_code = located_commune.commune_code

),

location_keys as (

    select
        located.source_code,
        located.source_posting_id,
        located.commune_code,
        departement.departement_code,
        coalesce(departement.region_code, located.given_region_code) as region_code,
        case
            when departement.departement_code is not null or located.given_region_code is not null then 'FR'
            else located.given_country_code
        end as country_code,
        case
            when located.commune_code is not null and departement.departement_code is not null then 'commune'
            when departement.departement_code is not null then 'departement'
            when located.given_region_code is not null then 'region'
            when located.given_country_code is not null then 'country'
            else 'unknown'
        end as location_level
    from located
    left join departement
        on departement.departement_code = located.departement_code

),

---------- classification: contract, working time, experience, remote, occupation

contract_keyword_patterns as (

    select
        contract_type_map.contract_code,
        '\m(' || string_agg(contract_type_map.source_value, '|') || ')\M' as pattern
    from contract_type_map
    where contract_type_map.source_code = 'keyword'
    group by contract_type_map.contract_code

),

contract_by_keyword as (

    select distinct on (keyed.source_code, keyed.source_posting_id)
        keyed.source_code,
        keyed.source_posting_id,
        contract_keyword_patterns.contract_code
    from keyed
    inner join contract_keyword_patterns
        on keyed.title_words ~ contract_keyword_patterns.pattern
    inner join contract_type
        on contract_type.contract_code = contract_keyword_patterns.contract_code
    -- the most specific kind wins: internship, apprenticeship, freelance … before permanent
    order by keyed.source_code, keyed.source_posting_id, contract_type.contract_key desc

),

experience_keyword_patterns as (

    select
        experience_map.experience_code,
        '\m(' || string_agg(experience_map.source_value, '|') || ')\M' as pattern,
        case experience_map.experience_code
            when 'internship' then 1 when 'management' then 2 when 'senior' then 3 when 'entry' then 4 else 5
        end as precedence
    from experience_map
    where experience_map.source_code = 'keyword'
    group by experience_map.experience_code

),

experience_by_keyword as (

    select distinct on (keyed.source_code, keyed.source_posting_id)
        keyed.source_code,
        keyed.source_posting_id,
        experience_keyword_patterns.experience_code
    from keyed
    inner join experience_keyword_patterns
        on keyed.title_words ~ experience_keyword_patterns.pattern
    order by keyed.source_code, keyed.source_posting_id, experience_keyword_patterns.precedence

),

remote_patterns as (

    select
        remote_keyword.remote_code,
        -- words of a keyword may be joined by any punctuation in the text ("full-remote")
        '\m(' || string_agg(replace(remote_keyword.keyword, ' ', '[^a-z0-9]+'), '|') || ')\M' as pattern
    from remote_keyword
    group by remote_keyword.remote_code

),

remote_by_keyword as (

    select distinct on (keyed.source_code, keyed.source_posting_id)
        keyed.source_code,
        keyed.source_posting_id,
        remote_patterns.remote_code
    from keyed
    inner join remote_patterns
        on keyed.folded_text ~ remote_patterns.pattern
    order by keyed.source_code, keyed.source_posting_id, (remote_patterns.remote_code = 'full_remote') desc

),

occupation_by_title as (

    select distinct on (keyed.source_code, keyed.source_posting_id)
        keyed.source_code,
        keyed.source_posting_id,
        occupation_title_keyword.rome_code
    from keyed
    inner join occupation_title_keyword
        on keyed.title_words like '% ' || occupation_title_keyword.keyword || ' %'
    order by
        keyed.source_code,
        keyed.source_posting_id,
        occupation_title_keyword.priority,
        length(occupation_title_keyword.keyword) desc

),

classified as (

    select
        keyed.source_code,
        keyed.source_posting_id,
        coalesce(nature_map.contract_code, value_map.contract_code, contract_by_keyword.contract_code) as contract_code,
        working_time_map.working_time_code,
        coalesce(
            experience_value_map.experience_code,
            -- France Travail S/E: the level follows the years in experienceLibelle ("4 An(s)", "6 Mois")
            case
                when keyed.source_code = 'france_travail' and experience_years.years < 2 then 'entry'
                when keyed.source_code = 'france_travail' and experience_years.years < 5 then 'mid'
                when keyed.source_code = 'france_travail' and experience_years.years >= 5 then 'senior'
            end,
            experience_by_keyword.experience_code
        ) as experience_code,
        case
            when keyed.remote_value = 'remote' then 'full_remote'
            when keyed.remote_value = 'remote_or_onsite' then 'hybrid'
            else coalesce(remote_by_keyword.remote_code, 'on_site')
        end as remote_code,
        coalesce(
            keyed.rome_code,
            occupation_by_title.rome_code,
            occupation_category_map.rome_code
        ) as rome_code
    from keyed
    left join contract_type_map as nature_map
        on nature_map.source_code = keyed.source_code
        and nature_map.source_value = keyed.contract_nature
    left join contract_type_map as value_map
        on value_map.source_code = keyed.source_code
        and value_map.source_value = keyed.contract_value
    left join contract_by_keyword
        on contract_by_keyword.source_code = keyed.source_code
        and contract_by_keyword.source_posting_id = keyed.source_posting_id
    left join working_time_map
        on working_time_map.source_code = keyed.source_code
        and working_time_map.source_value = keyed.working_time_value
    left join experience_map as experience_value_map
        on experience_value_map.source_code = keyed.source_code
        and experience_value_map.source_value = keyed.experience_value
    cross join lateral (
        select case
            when keyed.experience_label ~* '\d+\s*an' then substring(keyed.experience_label from '(\d+)\s*[Aa]n')::numeric
            when keyed.experience_label ~* '\d+\s*mois' then substring(keyed.experience_label from '(\d+)\s*[Mm]ois')::numeric / 12
        end as years
    ) as experience_years
    left join experience_by_keyword
        on experience_by_keyword.source_code = keyed.source_code
        and experience_by_keyword.source_posting_id = keyed.source_posting_id
    left join remote_by_keyword
        on remote_by_keyword.source_code = keyed.source_code
        and remote_by_keyword.source_posting_id = keyed.source_posting_id
    left join occupation_by_title
        on occupation_by_title.source_code = keyed.source_code
        and occupation_by_title.source_posting_id = keyed.source_posting_id
    left join occupation_category_map
        on occupation_category_map.source_code = keyed.source_code
        and occupation_category_map.category_label = keyed.category_label

),

---------- dedupe: one fingerprint per job

fingerprinted as (

    select
        keyed.*,
        location_keys.commune_code as resolved_commune_code,
        location_keys.departement_code as resolved_departement_code,
        location_keys.region_code as resolved_region_code,
        location_keys.country_code as resolved_country_code,
        location_keys.location_level,
        coalesce(location_keys.departement_code, location_keys.region_code, location_keys.country_code, 'unknown') as fingerprint_place,
        left(core.normalize_key(left(keyed.description, 300)), 80) as description_head
    from keyed
    inner join location_keys
        on location_keys.source_code = keyed.source_code
        and location_keys.source_posting_id = keyed.source_posting_id

),

own_fingerprints as (

    select
        fingerprinted.*,
        case
            when fingerprinted.company_key is not null and fingerprinted.title_key is not null
                then 'job:' || fingerprinted.company_key || '|' || fingerprinted.title_key || '|' || fingerprinted.fingerprint_place
            else 'source:' || fingerprinted.source_code || ':' || fingerprinted.source_posting_id
        end as own_fingerprint
    from fingerprinted

),

france_travail_heads as (

    -- what an Adzuna re-list can be matched to: France Travail postings of this build and, when
    -- incremental, those already stored (a France Travail offer landing after its re-list stays apart)
    select own_fingerprints.own_fingerprint, own_fingerprints.title_key, own_fingerprints.fingerprint_place, own_fingerprints.description_head
    from own_fingerprints
    where own_fingerprints.source_code = 'france_travail'
    {% if is_incremental() %}
    union all
    select stored.fingerprint, stored.title_key, coalesce(stored.departement_code, stored.region_code, stored.country_code, 'unknown'), stored.description_head
    from {{ this }} as stored
    where stored.source_code = 'france_travail'
    {% endif %}

),

adzuna_relists as (

    -- Adzuna re-lists France Travail offers without the employer: same title, same place, same opening text
    select distinct on (relist.source_posting_id)
        relist.source_posting_id,
        original.own_fingerprint as original_fingerprint
    from own_fingerprints as relist
    inner join france_travail_heads as original
        on original.title_key = relist.title_key
        and original.fingerprint_place = relist.fingerprint_place
        and original.description_head = relist.description_head
    where relist.source_code = 'adzuna'
        and relist.company_key is null
        and length(relist.description_head) >= 40
    order by relist.source_posting_id, original.own_fingerprint

),

final as (

    select
        ---------- ids
        core.stable_id(coalesce(adzuna_relists.original_fingerprint, own_fingerprints.own_fingerprint)) as posting_id,
        own_fingerprints.source_code,
        own_fingerprints.source_posting_id,
        coalesce(adzuna_relists.original_fingerprint, own_fingerprints.own_fingerprint) as fingerprint,

        ---------- foreign keys
        case when own_fingerprints.company_key is not null
            then core.stable_id('company:' || own_fingerprints.company_key) end as company_id,
        case own_fingerprints.location_level
            when 'commune' then core.stable_id('commune:' || own_fingerprints.resolved_commune_code)
            when 'departement' then core.stable_id('departement:' || own_fingerprints.resolved_departement_code)
            when 'region' then core.stable_id('region:' || own_fingerprints.resolved_region_code)
            when 'country' then core.stable_id('country:' || own_fingerprints.resolved_country_code)
            else -1
        end as location_id,
        classified.rome_code,
        classified.contract_code,
        classified.experience_code,
        classified.remote_code,
        classified.working_time_code,

        ---------- attributes
        own_fingerprints.title,
        own_fingerprints.description,
        case
            when own_fingerprints.source_code = 'france_travail' then 'fr'
            else coalesce(core.detect_language(own_fingerprints.title || ' ' || coalesce(own_fingerprints.description, '')), 'en')
        end as language,
        own_fingerprints.company_name,
        own_fingerprints.company_key,
        own_fingerprints.title_key,
        own_fingerprints.posting_url,
        own_fingerprints.location_text,
        own_fingerprints.location_level,
        own_fingerprints.resolved_commune_code as commune_code,
        own_fingerprints.resolved_departement_code as departement_code,
        own_fingerprints.resolved_region_code as region_code,
        own_fingerprints.resolved_country_code as country_code,
        own_fingerprints.rome_label,
        own_fingerprints.category_label,
        own_fingerprints.contract_value,
        own_fingerprints.experience_value,

        ---------- salary as sent (normalized in core.posting_salary)
        own_fingerprints.salary_text,
        own_fingerprints.salary_min,
        own_fingerprints.salary_max,
        own_fingerprints.salary_period,
        coalesce(own_fingerprints.salary_currency, country.currency_code) as salary_currency,
        own_fingerprints.is_salary_predicted,

        ---------- dedupe helper: the opening of the description, folded (Adzuna re-lists)
        own_fingerprints.description_head,

        ---------- sightings (open or closed: core.source_posting_lifecycle)
        own_fingerprints.posted_at,
        own_fingerprints.updated_at,
        {% if is_incremental() %}
        least(stored.first_seen_at, own_fingerprints.first_seen_at) as first_seen_at,
        {% else %}
        own_fingerprints.first_seen_at,
        {% endif %}
        own_fingerprints.last_seen_at,
        own_fingerprints.run_id as last_run_id,
        own_fingerprints.partition_key as last_partition_key,
        own_fingerprints.last_page_id,
        now() as loaded_at
    from own_fingerprints
    inner join classified
        on classified.source_code = own_fingerprints.source_code
        and classified.source_posting_id = own_fingerprints.source_posting_id
    left join adzuna_relists
        on own_fingerprints.source_code = 'adzuna'
        and adzuna_relists.source_posting_id = own_fingerprints.source_posting_id
    left join country
        on country.country_code = coalesce(own_fingerprints.country_code, own_fingerprints.resolved_country_code)
    {% if is_incremental() %}
    left join {{ this }} as stored
        on stored.source_code = own_fingerprints.source_code
        and stored.source_posting_id = own_fingerprints.source_posting_id
    {% endif %}

)

select * from final
