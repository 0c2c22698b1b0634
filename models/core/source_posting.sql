{{ config(
    materialized='incremental',
    unique_key=['source_code', 'source_posting_id'],
    on_schema_change='append_new_columns',
    indexes=[
        {'columns': ['source_code', 'source_posting_id'], 'unique': true},
        {'columns': ['posting_id']},
        {'columns': ['loaded_at']},
        {'columns': ['source_code', 'last_page_id']},
        {'columns': ['description_head']},
        {'columns': ['company_id', 'company_name']}
    ],
    pre_hook=["set local enable_nestloop = off", "set local work_mem = '512MB'"]
) }}

{#
    Incremental: a build reads only the pages landed since the last one (page_id above the
    source's highest last_page_id) and re-resolves the postings they carry; first_seen_at keeps the
    earliest sighting. Lifecycle (open or closed) lives in core.source_posting_lifecycle, which
    also re-checks postings that no page mentions any more.

    One pass per posting: every seed lookup is a jsonb map built once (`lookups`), every keyword
    rule a scalar subquery over a few patterns, so no step joins or sorts the wide rows by key
    (at a million postings, each such join spilled gigabytes). Nested loops stay off: row
    estimates of flattened jsonb are far too low, and the re-list match below would otherwise
    loop over every France Travail posting for each Adzuna one.
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

---------- seeds as maps, built once: a lookup per row is a jsonb key probe, never a join

lookups as (

    select
        (select jsonb_object_agg(arrondissement_code, commune_code) from commune_arrondissement)
            as commune_of_arrondissement,
        (select jsonb_object_agg(commune_code, departement_code) from commune)
            as departement_of_commune,
        -- a commune name → its communes, largest first: [[commune_code, departement_code], …]
        (select jsonb_object_agg(name_key, communes) from (
            select
                core.normalize_key(commune.commune_name) as name_key,
                jsonb_agg(jsonb_build_array(commune.commune_code, commune.departement_code)
                    order by commune.population desc, commune.commune_code) as communes
            from commune
            group by 1
        ) as named) as communes_of_name,
        (select jsonb_object_agg(core.normalize_key(departement_name), departement_code) from departement)
            as departement_of_name,
        (select jsonb_object_agg(departement_code, region_code) from departement)
            as region_of_departement,
        (select jsonb_object_agg(core.normalize_key(region_name), region_code) from region)
            as region_of_name,
        (select jsonb_object_agg(country_code, currency_code) from country)
            as currency_of_country,
        (select jsonb_object_agg(name_key, country_code) from (
            select distinct core.normalize_key(variant.name) as name_key, country.country_code
            from country
            cross join lateral unnest(
                array[country.country_name, country.country_name_fr, country.country_code]
                || string_to_array(coalesce(country.aliases, ''), ';')
            ) as variant (name)
            where core.normalize_key(variant.name) is not null
        ) as names) as country_of_name,
        (select jsonb_object_agg(source_code || '|' || source_value, contract_code) from contract_type_map)
            as contract_of_value,
        (select jsonb_object_agg(source_code || '|' || source_value, working_time_code) from working_time_map)
            as working_time_of_value,
        (select jsonb_object_agg(source_code || '|' || source_value, experience_code) from experience_map)
            as experience_of_value,
        (select jsonb_object_agg(source_code || '|' || category_label, rome_code) from occupation_category_map)
            as rome_of_category

),

-- the keyword patterns are materialized: each posting's rule reads them, and inlined every posting
-- would aggregate them again
contract_keyword_patterns as materialized (

    select
        contract_type_map.contract_code,
        '\m(' || string_agg(contract_type_map.source_value, '|') || ')\M' as pattern,
        contract_type.contract_key
    from contract_type_map
    inner join contract_type
        on contract_type.contract_code = contract_type_map.contract_code
    where contract_type_map.source_code = 'keyword'
    group by contract_type_map.contract_code, contract_type.contract_key

),

experience_keyword_patterns as materialized (

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

remote_patterns as materialized (

    select
        remote_keyword.remote_code,
        -- words of a keyword may be joined by any punctuation in the text ("full-remote")
        '\m(' || string_agg(replace(remote_keyword.keyword, ' ', '[^a-z0-9]+'), '|') || ')\M' as pattern
    from remote_keyword
    group by remote_keyword.remote_code

),

---------- one shape for the four sources

sightings as materialized (

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

latest as (

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
        latest.*,
        core.normalize_key(latest.title) as title_key,
        core.normalize_company(latest.company_name) as company_key,
        -- "Paris 15e Arrondissement" → paris, "ST DENIS" → saint denis
        regexp_replace(regexp_replace(regexp_replace(
            core.normalize_key(latest.city_name), ' \d+ ?(e|er|eme) arrondissement$', ''),
            '^st\M', 'saint'), '^ste\M', 'sainte') as city_key,
        core.normalize_key(latest.departement_name) as departement_key,
        core.normalize_key(latest.region_name) as region_key,
        core.normalize_key(latest.country_name) as country_key,
        core.normalize_key(latest.location_text) as place_key,
        -- folded, not normalized: a regex pass over a long text costs more than the keyword test itself
        core.fold_text(latest.title || ' ' || coalesce(latest.description, '')) as folded_text,
        -- France Travail's experienceLibelle: "4 An(s)", "6 Mois"
        case
            when latest.experience_label ~* '\d+\s*an' then substring(latest.experience_label from '(\d+)\s*[Aa]n')::numeric
            when latest.experience_label ~* '\d+\s*mois' then substring(latest.experience_label from '(\d+)\s*[Mm]ois')::numeric / 12
        end as experience_years
    from latest
    -- offset 0 (here and below) keeps each step a computed row: otherwise the planner pastes every
    -- expression into each place the next step uses it, and runs it again there
    offset 0

),

---------- location: commune → département → région → country

place_levels as (

    select
        keyed.*,
        coalesce(lookups.commune_of_arrondissement ->> keyed.commune_code, keyed.commune_code) as given_commune_code,
        coalesce(keyed.departement_code, lookups.departement_of_name ->> keyed.departement_key) as given_departement_code,
        coalesce(lookups.region_of_name ->> keyed.region_key, lookups.region_of_name ->> keyed.place_key) as given_region_code,
        coalesce(
            case when lookups.currency_of_country ? keyed.country_code then keyed.country_code end,
            lookups.country_of_name ->> keyed.country_key,
            lookups.country_of_name ->> keyed.place_key
        ) as given_country_code,
        lookups.communes_of_name -> keyed.city_key as city_communes,
        ' ' || coalesce(keyed.title_key, '') || ' ' as title_words
    from keyed
    cross join lookups
    offset 0

),

located as (

    select
        place_levels.*,
        coalesce(
            place_levels.given_commune_code,
            -- a city name resolves to the commune of that name, preferring the known département, then the largest
            case when coalesce(place_levels.given_country_code, 'FR') = 'FR' then coalesce(
                (
                    select city_commune ->> 0
                    from jsonb_array_elements(place_levels.city_communes) as city_commune
                    where city_commune ->> 1 = place_levels.given_departement_code
                    limit 1
                ),
                place_levels.city_communes -> 0 ->> 0
            ) end
        ) as resolved_commune_code
    from place_levels
    offset 0

),

located_departement as (

    select
        located.*,
        coalesce(
            lookups.departement_of_commune ->> located.resolved_commune_code,
            case when located.resolved_commune_code like '97%' then left(located.resolved_commune_code, 3) end,
            left(located.resolved_commune_code, 2),
            located.given_departement_code
        ) as located_departement_code
    from located
    cross join lookups
    offset 0

),

location_keys as (

    select
        located_departement.*,
        -- a département the seeds know, else none
        case when lookups.region_of_departement ? located_departement.located_departement_code
            then located_departement.located_departement_code end as resolved_departement_code
    from located_departement
    cross join lookups
    offset 0

),

---------- classification: contract, working time, experience, remote, occupation

classified as (

    select
        location_keys.*,
        coalesce(lookups.region_of_departement ->> location_keys.resolved_departement_code, location_keys.given_region_code)
            as resolved_region_code,
        case
            when location_keys.resolved_departement_code is not null or location_keys.given_region_code is not null then 'FR'
            else location_keys.given_country_code
        end as resolved_country_code,
        case
            when location_keys.resolved_commune_code is not null and location_keys.resolved_departement_code is not null then 'commune'
            when location_keys.resolved_departement_code is not null then 'departement'
            when location_keys.given_region_code is not null then 'region'
            when location_keys.given_country_code is not null then 'country'
            else 'unknown'
        end as location_level,
        coalesce(
            lookups.contract_of_value ->> (location_keys.source_code || '|' || location_keys.contract_nature),
            lookups.contract_of_value ->> (location_keys.source_code || '|' || location_keys.contract_value),
            -- the most specific kind wins: internship, apprenticeship, freelance … before permanent
            (
                select contract_keyword_patterns.contract_code
                from contract_keyword_patterns
                where location_keys.title_words ~ contract_keyword_patterns.pattern
                order by contract_keyword_patterns.contract_key desc
                limit 1
            )
        ) as resolved_contract_code,
        lookups.working_time_of_value ->> (location_keys.source_code || '|' || location_keys.working_time_value)
            as resolved_working_time_code,
        coalesce(
            lookups.experience_of_value ->> (location_keys.source_code || '|' || location_keys.experience_value),
            -- France Travail S/E: the level follows the years in experienceLibelle
            case
                when location_keys.source_code = 'france_travail' and location_keys.experience_years < 2 then 'entry'
                when location_keys.source_code = 'france_travail' and location_keys.experience_years < 5 then 'mid'
                when location_keys.source_code = 'france_travail' and location_keys.experience_years >= 5 then 'senior'
            end,
            (
                select experience_keyword_patterns.experience_code
                from experience_keyword_patterns
                where location_keys.title_words ~ experience_keyword_patterns.pattern
                order by experience_keyword_patterns.precedence
                limit 1
            )
        ) as resolved_experience_code,
        case
            when location_keys.remote_value = 'remote' then 'full_remote'
            when location_keys.remote_value = 'remote_or_onsite' then 'hybrid'
            else coalesce((
                select remote_patterns.remote_code
                from remote_patterns
                where location_keys.folded_text ~ remote_patterns.pattern
                order by (remote_patterns.remote_code = 'full_remote') desc
                limit 1
            ), 'on_site')
        end as resolved_remote_code,
        coalesce(
            location_keys.rome_code,
            (
                select occupation_title_keyword.rome_code
                from occupation_title_keyword
                where location_keys.title_words like '% ' || occupation_title_keyword.keyword || ' %'
                order by occupation_title_keyword.priority, length(occupation_title_keyword.keyword) desc,
                    occupation_title_keyword.keyword
                limit 1
            ),
            lookups.rome_of_category ->> (location_keys.source_code || '|' || location_keys.category_label)
        ) as resolved_rome_code
    from location_keys
    cross join lookups
    offset 0

),

---------- dedupe: one fingerprint per job

resolved as materialized (

    -- the wide rows are written once here; the re-list match below reads a few narrow columns
    select
        classified.source_code,
        classified.source_posting_id,
        fingerprint_parts.own_fingerprint,
        fingerprint_parts.fingerprint_place,
        classified.company_key,
        classified.title_key,
        classified.location_level,
        classified.resolved_commune_code,
        classified.resolved_departement_code,
        classified.resolved_region_code,
        classified.resolved_country_code,
        classified.resolved_rome_code,
        classified.resolved_contract_code,
        classified.resolved_experience_code,
        classified.resolved_remote_code,
        classified.resolved_working_time_code,
        case
            when classified.source_code = 'france_travail' then 'fr'
            else coalesce(core.detect_language(classified.title || ' ' || coalesce(classified.description, '')), 'en')
        end as language,
        -- only the two sides of the Adzuna re-list match need it (a regex pass over 300 characters)
        case when classified.source_code = 'france_travail'
                or (classified.source_code = 'adzuna' and classified.company_key is null)
            then left(core.normalize_key(left(classified.description, 300)), 80)
        end as description_head,
        classified.title,
        classified.description,
        classified.company_name,
        classified.posting_url,
        classified.location_text,
        classified.rome_label,
        classified.category_label,
        classified.contract_value,
        classified.experience_value,
        classified.salary_text,
        classified.salary_min,
        classified.salary_max,
        classified.salary_period,
        coalesce(
            classified.salary_currency,
            lookups.currency_of_country ->> coalesce(classified.country_code, classified.resolved_country_code)
        ) as salary_currency,
        classified.is_salary_predicted,
        classified.posted_at,
        classified.updated_at,
        classified.first_seen_at,
        classified.last_seen_at,
        classified.run_id,
        classified.partition_key,
        classified.last_page_id
    from classified
    cross join lookups
    cross join lateral (
        select
            coalesce(classified.resolved_departement_code, classified.resolved_region_code,
                classified.resolved_country_code, 'unknown') as fingerprint_place
    ) as place
    cross join lateral (
        select
            place.fingerprint_place,
            case
                when classified.company_key is not null and classified.title_key is not null
                    then 'job:' || classified.company_key || '|' || classified.title_key || '|' || place.fingerprint_place
                else 'source:' || classified.source_code || ':' || classified.source_posting_id
            end as own_fingerprint
    ) as fingerprint_parts

),

france_travail_heads as (

    -- what an Adzuna re-list can be matched to: France Travail postings of this build and, when
    -- incremental, those already stored (a France Travail offer landing after its re-list stays apart)
    select resolved.own_fingerprint, resolved.title_key, resolved.fingerprint_place, resolved.description_head
    from resolved
    where resolved.source_code = 'france_travail'
    {% if is_incremental() %}
    union all
    select stored.fingerprint, stored.title_key, coalesce(stored.departement_code, stored.region_code, stored.country_code, 'unknown'), stored.description_head
    from {{ this }} as stored
    where stored.source_code = 'france_travail'
        -- only the openings this build's re-list candidates carry: an index probe, not every stored row
        and stored.description_head = any(array(
            select resolved.description_head
            from resolved
            where resolved.source_code = 'adzuna'
                and resolved.company_key is null
                and length(resolved.description_head) >= 40
        ))
    {% endif %}

),

adzuna_relists as (

    -- Adzuna re-lists France Travail offers without the employer: same title, same place, same opening text
    select distinct on (relist.source_posting_id)
        relist.source_posting_id,
        original.own_fingerprint as original_fingerprint
    from resolved as relist
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
        core.stable_id(coalesce(adzuna_relists.original_fingerprint, resolved.own_fingerprint)) as posting_id,
        resolved.source_code,
        resolved.source_posting_id,
        coalesce(adzuna_relists.original_fingerprint, resolved.own_fingerprint) as fingerprint,
        {% if is_incremental() %}
        -- the posting it belonged to before this build: core.posting merges that one again (it lost
        -- a member, or all of them when its fingerprint moved)
        (
            select stored.posting_id
            from {{ this }} as stored
            where stored.source_code = resolved.source_code
                and stored.source_posting_id = resolved.source_posting_id
        ) as previous_posting_id,
        {% else %}
        null::bigint as previous_posting_id,
        {% endif %}

        ---------- foreign keys
        case when resolved.company_key is not null
            then core.stable_id('company:' || resolved.company_key) end as company_id,
        case resolved.location_level
            when 'commune' then core.stable_id('commune:' || resolved.resolved_commune_code)
            when 'departement' then core.stable_id('departement:' || resolved.resolved_departement_code)
            when 'region' then core.stable_id('region:' || resolved.resolved_region_code)
            when 'country' then core.stable_id('country:' || resolved.resolved_country_code)
            else -1
        end as location_id,
        resolved.resolved_rome_code as rome_code,
        resolved.resolved_contract_code as contract_code,
        resolved.resolved_experience_code as experience_code,
        resolved.resolved_remote_code as remote_code,
        resolved.resolved_working_time_code as working_time_code,

        ---------- attributes
        resolved.title,
        resolved.description,
        resolved.language,
        resolved.company_name,
        resolved.company_key,
        resolved.title_key,
        resolved.posting_url,
        resolved.location_text,
        resolved.location_level,
        resolved.resolved_commune_code as commune_code,
        resolved.resolved_departement_code as departement_code,
        resolved.resolved_region_code as region_code,
        resolved.resolved_country_code as country_code,
        resolved.rome_label,
        resolved.category_label,
        resolved.contract_value,
        resolved.experience_value,

        ---------- salary as sent (normalized in core.posting_salary)
        resolved.salary_text,
        resolved.salary_min,
        resolved.salary_max,
        resolved.salary_period,
        resolved.salary_currency,
        resolved.is_salary_predicted,

        ---------- dedupe helper: the opening of the description, folded (Adzuna re-lists)
        resolved.description_head,

        ---------- sightings (open or closed: core.source_posting_lifecycle)
        resolved.posted_at,
        resolved.updated_at,
        {% if is_incremental() %}
        -- an index probe per posting of the day, not a join with every stored row
        least((
            select stored.first_seen_at
            from {{ this }} as stored
            where stored.source_code = resolved.source_code
                and stored.source_posting_id = resolved.source_posting_id
        ), resolved.first_seen_at) as first_seen_at,
        {% else %}
        resolved.first_seen_at,
        {% endif %}
        resolved.last_seen_at,
        resolved.run_id as last_run_id,
        resolved.partition_key as last_partition_key,
        resolved.last_page_id,
        now() as loaded_at
    from resolved
    left join adzuna_relists
        on resolved.source_code = 'adzuna'
        and adzuna_relists.source_posting_id = resolved.source_posting_id

)

select * from final
