with

source as (

    select * from {{ source('adzuna', 'pages') }}

),

jobs as (

    select
        source.page_id,
        source.run_id,
        source.partition_key,
        source.fetched_at,
        job.position_on_page,
        -- Adzuna ids are unique per country; the country is the path segment of the search endpoint
        coalesce(substring(source.endpoint from '/jobs/([a-z]{2})/'), 'fr') as country_path,
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
        jobs.country_path || ':' || (jobs.job ->> 'id') as source_posting_id,
        jobs.country_path,
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
        sightings.job -> 'location' -> 'area' as area
    from sightings

),

final as (

    select
        shaped.source_posting_id,

        ---------- text (titles carry <strong> search highlights)
        core.strip_html(shaped.job ->> 'title') as title,
        core.scrub_contacts(core.strip_html(shaped.job ->> 'description')) as description,
        nullif(trim(coalesce(
            shaped.job -> 'company' ->> 'display_name', shaped.job -> 'company' ->> 'canonical_name'
        )), '') as company_name,
        shaped.job ->> 'redirect_url' as posting_url,

        ---------- location: area is general → specific (country, région, département, commune)
        shaped.job -> 'location' ->> 'display_name' as location_text,
        null::text as commune_code,
        null::text as postal_code,
        shaped.area ->> 3 as city_name,
        null::text as departement_code,
        shaped.area ->> 2 as departement_name,
        shaped.area ->> 1 as region_name,
        shaped.area ->> 0 as country_name,
        upper(shaped.country_path) as country_code,
        (shaped.job ->> 'latitude')::numeric as latitude,
        (shaped.job ->> 'longitude')::numeric as longitude,

        ---------- classification
        null::text as rome_code,
        null::text as rome_label,
        shaped.job -> 'category' ->> 'tag' as category_label,
        shaped.job ->> 'contract_type' as contract_value,
        null::text as contract_nature,
        shaped.job ->> 'contract_time' as working_time_value,
        null::text as experience_value,
        null::text as experience_label,
        null::text as remote_value,

        ---------- salary: yearly figures in the country's currency (not in the payload)
        null::text as salary_text,
        (shaped.job ->> 'salary_min')::numeric as salary_min,
        (shaped.job ->> 'salary_max')::numeric as salary_max,
        'year' as salary_period,
        null::text as salary_currency,
        coalesce((shaped.job ->> 'salary_is_predicted') in ('1', 'true'), false) as is_salary_predicted,

        ---------- timestamps and the sighting (which page, when)
        (shaped.job ->> 'created')::timestamptz as posted_at,
        null::timestamptz as updated_at,
        shaped.page_id,
        shaped.position_on_page,
        shaped.fetched_at,
        shaped.run_id,
        shaped.partition_key
    from shaped

)

select * from final
