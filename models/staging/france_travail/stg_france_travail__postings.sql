with

source as (

    select * from {{ source('france_travail', 'pages') }}

),

offers as (

    select
        source.page_id,
        source.run_id,
        source.partition_key,
        source.fetched_at,
        offer.value as offer
    from source
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(source.body -> 'resultats') = 'array' then source.body -> 'resultats' else '[]'::jsonb end
    ) as offer (value)
    where source.http_status between 200 and 299
        and offer.value ->> 'id' is not null

),

sightings as (

    select
        offers.offer ->> 'id' as source_posting_id,
        offers.offer,
        offers.run_id,
        offers.partition_key,
        row_number() over (
            partition by offers.offer ->> 'id' order by offers.fetched_at desc, offers.page_id desc
        ) as version_rank,
        min(offers.fetched_at) over (partition by offers.offer ->> 'id') as first_seen_at,
        max(offers.fetched_at) over (partition by offers.offer ->> 'id') as last_seen_at
    from offers

),

latest as (

    select
        sightings.*,
        -- the contact's name without its civility, to blank it out of the description
        nullif(trim(regexp_replace(
            sightings.offer -> 'contact' ->> 'nom', '^\s*(m\.|mme\.?|mlle\.?|mr\.?|monsieur|madame)\s+', '', 'i'
        )), '') as contact_name,
        sightings.offer -> 'lieuTravail' ->> 'libelle' as place_label
    from sightings
    where sightings.version_rank = 1

),

final as (

    select
        latest.source_posting_id,

        ---------- text
        nullif(trim(latest.offer ->> 'intitule'), '') as title,
        core.scrub_contacts(
            case
                when length(latest.contact_name) > 3
                    then replace(latest.offer ->> 'description', latest.contact_name, '[name]')
                else latest.offer ->> 'description'
            end
        ) as description,
        nullif(trim(latest.offer -> 'entreprise' ->> 'nom'), '') as company_name,
        latest.offer -> 'origineOffre' ->> 'urlOrigine' as posting_url,

        ---------- location
        latest.place_label as location_text,
        latest.offer -> 'lieuTravail' ->> 'commune' as commune_code,
        latest.offer -> 'lieuTravail' ->> 'codePostal' as postal_code,
        substring(latest.place_label from '^\s*(?:\d{2,3}|2A|2B)\s+-\s+(.+)$') as city_name,
        substring(latest.place_label from '^\s*(\d{2,3}|2A|2B)\s+-\s') as departement_code,
        null::text as departement_name,
        null::text as region_name,
        case
            when latest.offer -> 'lieuTravail' ->> 'commune' is not null
                or latest.place_label ~ '^\s*(\d{2,3}|2A|2B)\s+-\s' then 'France'
        end as country_name,
        null::text as country_code,
        (latest.offer -> 'lieuTravail' ->> 'latitude')::numeric as latitude,
        (latest.offer -> 'lieuTravail' ->> 'longitude')::numeric as longitude,

        ---------- classification
        latest.offer ->> 'romeCode' as rome_code,
        latest.offer ->> 'romeLibelle' as rome_label,
        null::text as category_label,
        latest.offer ->> 'typeContrat' as contract_value,
        case
            when (latest.offer ->> 'alternance')::boolean then 'Contrat apprentissage'
            else latest.offer ->> 'natureContrat'
        end as contract_nature,
        latest.offer ->> 'dureeTravailLibelleConverti' as working_time_value,
        latest.offer ->> 'experienceExige' as experience_value,
        latest.offer ->> 'experienceLibelle' as experience_label,
        null::text as remote_value,

        ---------- salary (France Travail sends free text, parsed in core.posting_salary)
        coalesce(latest.offer -> 'salaire' ->> 'libelle', latest.offer -> 'salaire' ->> 'commentaire') as salary_text,
        null::numeric as salary_min,
        null::numeric as salary_max,
        substring(latest.offer -> 'salaire' ->> 'libelle' from '^\s*(\w+)') as salary_period,
        'EUR' as salary_currency,
        false as is_salary_predicted,

        ---------- timestamps and lifecycle
        (latest.offer ->> 'dateCreation')::timestamptz as posted_at,
        (latest.offer ->> 'dateActualisation')::timestamptz as updated_at,
        latest.first_seen_at,
        latest.last_seen_at,
        latest.run_id as last_run_id,
        latest.partition_key as last_partition_key
    from latest

)

select * from final
