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
        job.value as job
    from source
    -- /search sends data as an array of jobs, /search-v2 as {jobs, cursor}
    cross join lateral jsonb_array_elements(
        case
            when jsonb_typeof(source.body -> 'data') = 'array' then source.body -> 'data'
            when jsonb_typeof(source.body -> 'data' -> 'jobs') = 'array' then source.body -> 'data' -> 'jobs'
            else '[]'::jsonb
        end
    ) as job (value)
    where source.http_status between 200 and 299
        and job.value ->> 'job_id' is not null

),

sightings as (

    select
        jobs.job ->> 'job_id' as source_posting_id,
        jobs.job,
        jobs.run_id,
        jobs.partition_key,
        row_number() over (
            partition by jobs.job ->> 'job_id' order by jobs.fetched_at desc, jobs.page_id desc
        ) as version_rank,
        min(jobs.fetched_at) over (partition by jobs.job ->> 'job_id') as first_seen_at,
        max(jobs.fetched_at) over (partition by jobs.job ->> 'job_id') as last_seen_at
    from jobs

),

latest as (

    select
        sightings.*,
        -- the enum array is reliable; the singular field is localized text in recent payloads
        coalesce(sightings.job -> 'job_employment_types' ->> 0, sightings.job ->> 'job_employment_type') as employment_type
    from sightings
    where sightings.version_rank = 1

),

final as (

    select
        latest.source_posting_id,

        ---------- text
        nullif(trim(latest.job ->> 'job_title'), '') as title,
        core.scrub_contacts(latest.job ->> 'job_description') as description,
        nullif(trim(latest.job ->> 'employer_name'), '') as company_name,
        latest.job ->> 'job_apply_link' as posting_url,

        ---------- location
        regexp_replace(latest.job ->> 'job_location', '\s+•\s+via\s+.*$', '') as location_text,
        null::text as commune_code,
        null::text as postal_code,
        latest.job ->> 'job_city' as city_name,
        null::text as departement_code,
        null::text as departement_name,
        latest.job ->> 'job_state' as region_name,
        null::text as country_name,
        upper(latest.job ->> 'job_country') as country_code,
        (latest.job ->> 'job_latitude')::numeric as latitude,
        (latest.job ->> 'job_longitude')::numeric as longitude,

        ---------- classification
        null::text as rome_code,
        null::text as rome_label,
        null::text as category_label,
        upper(latest.employment_type) as contract_value,
        null::text as contract_nature,
        upper(latest.employment_type) as working_time_value,
        null::text as experience_value,
        null::text as experience_label,
        case when (latest.job ->> 'job_is_remote')::boolean then 'remote' end as remote_value,

        ---------- salary: amounts per job_salary_period; currency inferred from the country when absent
        latest.job ->> 'job_salary' as salary_text,
        (latest.job ->> 'job_min_salary')::numeric as salary_min,
        (latest.job ->> 'job_max_salary')::numeric as salary_max,
        latest.job ->> 'job_salary_period' as salary_period,
        latest.job ->> 'job_salary_currency' as salary_currency,
        false as is_salary_predicted,

        ---------- timestamps and lifecycle
        coalesce(
            (latest.job ->> 'job_posted_at_datetime_utc')::timestamptz,
            to_timestamp((latest.job ->> 'job_posted_at_timestamp')::bigint)
        ) as posted_at,
        null::timestamptz as updated_at,
        latest.first_seen_at,
        latest.last_seen_at,
        latest.run_id as last_run_id,
        latest.partition_key as last_partition_key
    from latest

)

select * from final
