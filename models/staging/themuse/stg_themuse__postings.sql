with

source as (

    select * from {{ source('themuse', 'pages') }}

),

jobs as (

    select
        source.page_id,
        source.run_id,
        source.partition_key,
        source.fetched_at,
        job.position_on_page,
        job.value as job
    from source
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(source.body -> 'results') = 'array' then source.body -> 'results' else '[]'::jsonb end
    ) with ordinality as job (value, position_on_page)
    where source.http_status between 200 and 299
        and job.value ->> 'id' is not null

),

sightings as (

    select
        jobs.job ->> 'id' as source_posting_id,
        jobs.job,
        jobs.run_id,
        jobs.partition_key,
        jobs.page_id,
        jobs.fetched_at,
        jobs.position_on_page
    from jobs

),

shaped as (

    select
        sightings.*,
        -- the first place that is not the remote marker, and whether the remote marker is there
        (
            jsonb_path_query_first(sightings.job, '$.locations[*] ? (@.name != "Flexible / Remote").name') #>> '{}'
        ) as place_name,
        coalesce(jsonb_path_exists(sightings.job, '$.locations[*] ? (@.name == "Flexible / Remote")'), false) as has_remote
    from sightings

),

places as (

    select
        shaped.*,
        nullif(trim(split_part(shaped.place_name, ',', 1)), '') as place_city,
        nullif(trim(split_part(shaped.place_name, ',', 2)), '') as place_tail
    from shaped

),

final as (

    select
        places.source_posting_id,

        ---------- text (contents is HTML)
        nullif(trim(places.job ->> 'name'), '') as title,
        core.scrub_contacts(core.strip_html(places.job ->> 'contents')) as description,
        nullif(trim(places.job -> 'company' ->> 'name'), '') as company_name,
        places.job -> 'refs' ->> 'landing_page' as posting_url,

        ---------- location: "City, Country" or "City, ST" (a US state)
        places.place_name as location_text,
        null::text as commune_code,
        null::text as postal_code,
        places.place_city as city_name,
        null::text as departement_code,
        null::text as departement_name,
        null::text as region_name,
        case when places.place_tail !~ '^[A-Z]{2}$' then places.place_tail end as country_name,
        case when places.place_tail ~ '^[A-Z]{2}$' then 'US' end as country_code,
        null::numeric as latitude,
        null::numeric as longitude,

        ---------- classification
        null::text as rome_code,
        null::text as rome_label,
        places.job -> 'categories' -> 0 ->> 'name' as category_label,
        places.job -> 'levels' -> 0 ->> 'name' as contract_value,
        null::text as contract_nature,
        null::text as working_time_value,
        places.job -> 'levels' -> 0 ->> 'name' as experience_value,
        null::text as experience_label,
        case
            when places.has_remote and places.place_name is null then 'remote'
            when places.has_remote then 'remote_or_onsite'
        end as remote_value,

        ---------- salary: The Muse publishes none
        null::text as salary_text,
        null::numeric as salary_min,
        null::numeric as salary_max,
        null::text as salary_period,
        null::text as salary_currency,
        false as is_salary_predicted,

        ---------- timestamps and the sighting (which page, when)
        (places.job ->> 'publication_date')::timestamptz as posted_at,
        null::timestamptz as updated_at,
        places.page_id,
        places.position_on_page,
        places.fetched_at,
        places.run_id,
        places.partition_key
    from places

)

select * from final
