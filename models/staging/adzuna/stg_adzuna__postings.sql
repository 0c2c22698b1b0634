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
        -- Adzuna ids are unique per country; the country is the path segment of the search endpoint
        coalesce(substring(source.endpoint from '/jobs/([a-z]{2})/'), 'fr') as country_path,
        job.value as job
    from source
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(source.body -> 'results') = 'array' then source.body -> 'results' else '[]'::jsonb end
    ) as job (value)
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
        row_number() over (
            partition by jobs.country_path, jobs.job ->> 'id' order by jobs.fetched_at desc, jobs.page_id desc
        ) as version_rank,
        min(jobs.fetched_at) over (partition by jobs.country_path, jobs.job ->> 'id') as first_seen_at,
        max(jobs.fetched_at) over (partition by jobs.country_path, jobs.job ->> 'id') as last_seen_at
    from jobs

),

latest as (

    select
        sightings.*,
        sightings.job -> 'location' -> 'area' as area
    from sightings
    where sightings.version_rank = 1

),

final as (

    select
        latest.source_posting_id,

        ---------- text (titles carry <strong> search highlights)
        core.strip_html(latest.job ->> 'title') as title,
        core.scrub_contacts(core.strip_html(latest.job ->> 'description')) as description,
        nullif(trim(coalesce(
            latest.job -> 'company' ->> 'display_name', latest.job -> 'company' ->> 'canonical_name'
        )), '') as company_name,
        latest.job ->> 'redirect_url' as posting_url,

        ---------- location: area is general → specific (country, région, département, commune)
        latest.job -> 'location' ->> 'display_name' as location_text,
        null::text as commune_code,
        null::text as postal_code,
        latest.area ->> 3 as city_name,
        null::text as departement_code,
        latest.area ->> 2 as departement_name,
        latest.area ->> 1 as region_name,
        latest.area ->> 0 as country_name,
        upper(latest.country_path) as country_code,
        (latest.job ->> 'latitude')::numeric as latitude,
        (latest.job ->> 'longitude')::numeric as longitude,

        ---------- classification
        null::text as rome_code,
        null::text as rome_label,
        latest.job -> 'category' ->> 'tag' as category_label,
        latest.job ->> 'contract_type' as contract_value,
        null::text as contract_nature,
        latest.job ->> 'contract_time' as working_time_value,
        null::text as experience_value,
        null::text as experience_label,
        null::text as remote_value,

        ---------- salary: yearly figures in the country's currency (not in the payload)
        null::text as salary_text,
        (latest.job ->> 'salary_min')::numeric as salary_min,
        (latest.job ->> 'salary_max')::numeric as salary_max,
        'year' as salary_period,
        null::text as salary_currency,
        coalesce((latest.job ->> 'salary_is_predicted') in ('1', 'true'), false) as is_salary_predicted,

        ---------- timestamps and lifecycle
        (latest.job ->> 'created')::timestamptz as posted_at,
        null::timestamptz as updated_at,
        latest.first_seen_at,
        latest.last_seen_at,
        latest.run_id as last_run_id,
        latest.partition_key as last_partition_key
    from latest

)

select * from final
