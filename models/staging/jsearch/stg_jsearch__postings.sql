with

source as (

    select * from {{ source('jsearch', 'pages') }}

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
    -- /search sends data as an array of jobs, /search-v2 as {jobs, cursor}
    cross join lateral jsonb_array_elements(
        case
            when jsonb_typeof(source.body -> 'data') = 'array' then source.body -> 'data'
            when jsonb_typeof(source.body -> 'data' -> 'jobs') = 'array' then source.body -> 'data' -> 'jobs'
            else '[]'::jsonb
        end
    ) with ordinality as job (value, position_on_page)
    where source.http_status between 200 and 299
        and job.value ->> 'job_id' is not null

),

sightings as (

    select
        jobs.job ->> 'job_id' as source_posting_id,
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
        -- the enum array is reliable; the singular field is localized text in recent payloads
        coalesce(sightings.job -> 'job_employment_types' ->> 0, sightings.job ->> 'job_employment_type') as employment_type
    from sightings

),

final as (

    select
        shaped.source_posting_id,

        ---------- text
        nullif(trim(shaped.job ->> 'job_title'), '') as title,
        core.scrub_contacts(shaped.job ->> 'job_description') as description,
        nullif(trim(shaped.job ->> 'employer_name'), '') as company_name,
        shaped.job ->> 'job_apply_link' as posting_url,

        ---------- location
        regexp_replace(shaped.job ->> 'job_location', '\s+•\s+via\s+.*$', '') as location_text,
        null::text as commune_code,
        null::text as postal_code,
        shaped.job ->> 'job_city' as city_name,
        null::text as departement_code,
        null::text as departement_name,
        shaped.job ->> 'job_state' as region_name,
        null::text as country_name,
        upper(shaped.job ->> 'job_country') as country_code,
        (shaped.job ->> 'job_latitude')::numeric as latitude,
        (shaped.job ->> 'job_longitude')::numeric as longitude,

        ---------- classification
        null::text as rome_code,
        null::text as rome_label,
        null::text as category_label,
        upper(shaped.employment_type) as contract_value,
        null::text as contract_nature,
        upper(shaped.employment_type) as working_time_value,
        null::text as experience_value,
        null::text as experience_label,
        case when (shaped.job ->> 'job_is_remote')::boolean then 'remote' end as remote_value,

        ---------- salary: amounts per job_salary_period; currency inferred from the country when absent
        shaped.job ->> 'job_salary' as salary_text,
        (shaped.job ->> 'job_min_salary')::numeric as salary_min,
        (shaped.job ->> 'job_max_salary')::numeric as salary_max,
        shaped.job ->> 'job_salary_period' as salary_period,
        shaped.job ->> 'job_salary_currency' as salary_currency,
        false as is_salary_predicted,

        ---------- timestamps and the sighting (which page, when)
        coalesce(
            (shaped.job ->> 'job_posted_at_datetime_utc')::timestamptz,
            to_timestamp((shaped.job ->> 'job_posted_at_timestamp')::bigint)
        ) as posted_at,
        null::timestamptz as updated_at,
        shaped.page_id,
        shaped.position_on_page,
        shaped.fetched_at,
        shaped.run_id,
        shaped.partition_key
    from shaped

)

select * from final
