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
        offer.position_on_page,
        offer.value as offer
    from source
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(source.body -> 'resultats') = 'array' then source.body -> 'resultats' else '[]'::jsonb end
    ) with ordinality as offer (value, position_on_page)
    where source.http_status between 200 and 299
        and offer.value ->> 'id' is not null

),

sightings as (

    select
        offers.offer ->> 'id' as source_posting_id,
        offers.offer,
        offers.run_id,
        offers.partition_key,
        offers.page_id,
        offers.fetched_at,
        offers.position_on_page
    from offers

),

shaped as (

    select
        sightings.*,
        -- the contact's name without its civility, to blank it out of the description
        nullif(trim(regexp_replace(
            sightings.offer -> 'contact' ->> 'nom', '^\s*(m\.|mme\.?|mlle\.?|mr\.?|monsieur|madame)\s+', '', 'i'
        )), '') as contact_name,
        sightings.offer -> 'lieuTravail' ->> 'libelle' as place_label
    from sightings

),

final as (

    select
        shaped.source_posting_id,

        ---------- text
        nullif(trim(shaped.offer ->> 'intitule'), '') as title,
        core.scrub_contacts(
            case
                when length(shaped.contact_name) > 3
                    then replace(shaped.offer ->> 'description', shaped.contact_name, '[name]')
                else shaped.offer ->> 'description'
            end
        ) as description,
        nullif(trim(shaped.offer -> 'entreprise' ->> 'nom'), '') as company_name,
        shaped.offer -> 'origineOffre' ->> 'urlOrigine' as posting_url,

        ---------- location
        shaped.place_label as location_text,
        shaped.offer -> 'lieuTravail' ->> 'commune' as commune_code,
        shaped.offer -> 'lieuTravail' ->> 'codePostal' as postal_code,
        substring(shaped.place_label from '^\s*(?:\d{2,3}|2A|2B)\s+-\s+(.+)$') as city_name,
        substring(shaped.place_label from '^\s*(\d{2,3}|2A|2B)\s+-\s') as departement_code,
        null::text as departement_name,
        null::text as region_name,
        case
            when shaped.offer -> 'lieuTravail' ->> 'commune' is not null
                or shaped.place_label ~ '^\s*(\d{2,3}|2A|2B)\s+-\s' then 'France'
        end as country_name,
        null::text as country_code,
        (shaped.offer -> 'lieuTravail' ->> 'latitude')::numeric as latitude,
        (shaped.offer -> 'lieuTravail' ->> 'longitude')::numeric as longitude,

        ---------- classification
        shaped.offer ->> 'romeCode' as rome_code,
        shaped.offer ->> 'romeLibelle' as rome_label,
        null::text as category_label,
        shaped.offer ->> 'typeContrat' as contract_value,
        case
            when (shaped.offer ->> 'alternance')::boolean then 'Contrat apprentissage'
            else shaped.offer ->> 'natureContrat'
        end as contract_nature,
        shaped.offer ->> 'dureeTravailLibelleConverti' as working_time_value,
        shaped.offer ->> 'experienceExige' as experience_value,
        shaped.offer ->> 'experienceLibelle' as experience_label,
        null::text as remote_value,

        ---------- salary (France Travail sends free text, parsed in core.posting_salary)
        coalesce(shaped.offer -> 'salaire' ->> 'libelle', shaped.offer -> 'salaire' ->> 'commentaire') as salary_text,
        null::numeric as salary_min,
        null::numeric as salary_max,
        substring(shaped.offer -> 'salaire' ->> 'libelle' from '^\s*(\w+)') as salary_period,
        'EUR' as salary_currency,
        false as is_salary_predicted,

        ---------- timestamps and the sighting (which page, when)
        (shaped.offer ->> 'dateCreation')::timestamptz as posted_at,
        (shaped.offer ->> 'dateActualisation')::timestamptz as updated_at,
        shaped.page_id,
        shaped.position_on_page,
        shaped.fetched_at,
        shaped.run_id,
        shaped.partition_key
    from shaped

)

select * from final
