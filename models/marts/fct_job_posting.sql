{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[
        {'columns': ['posting_id'], 'unique': true},
        {'columns': ['occupation_key']},
        {'columns': ['first_seen_date_key']},
        {'columns': ['loaded_at']}
    ],
    pre_hook=["set local enable_nestloop = off", "set local work_mem = '256MB'"],
    post_hook=["delete from marts.fct_job_posting as fact where fact.posting_id in (select core.postings_left_since_previous_build('marts.fct_job_posting')) and not exists (select from core.posting where posting.posting_id = fact.posting_id)"]
) }}

{#
    Incremental: the postings core.posting rewrote since the last build. Dimension keys are the
    core's stable ids, so a stored row never points at a key that moved. The post-hook drops the
    facts of postings core.posting dropped (a source posting left them since this model's previous
    build and none is left).
#}

with

posting as (

    select * from {{ ref('posting') }}
    {% if is_incremental() %}
    where loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
    {% endif %}

),

posting_salary as (

    select * from {{ ref('posting_salary') }}
    {% if is_incremental() %}
    -- the day's postings by index (docs/models.md), not a hash of every stored row
    where posting_id = any(array(select posting.posting_id from posting))
    {% endif %}

),

dim_company as (

    select * from {{ ref('dim_company') }}

),

dim_location as (

    select * from {{ ref('dim_location') }}

),

dim_occupation as (

    select * from {{ ref('dim_occupation') }}

),

dim_date as (

    select * from {{ ref('dim_date') }}

),

dim_contract as (

    select * from {{ ref('dim_contract') }}

),

dim_experience as (

    select * from {{ ref('dim_experience') }}

),

dim_source as (

    select * from {{ ref('dim_source') }}

),

dim_remote as (

    select * from {{ ref('dim_remote') }}

),

final as (

    select
        ---------- ids
        posting.posting_id,

        ---------- keys (-1 = unknown member; never null)
        coalesce(dim_company.company_key, -1) as company_key,
        coalesce(dim_location.location_key, -1) as location_key,
        coalesce(departement_location.location_key, -1) as departement_key,
        coalesce(region_location.location_key, -1) as region_key,
        coalesce(dim_occupation.occupation_key, -1) as occupation_key,
        coalesce(dim_contract.contract_key, -1) as contract_key,
        coalesce(dim_experience.experience_key, -1) as experience_key,
        coalesce(dim_source.source_key, -1) as source_key,
        coalesce(dim_remote.remote_key, -1) as remote_key,
        coalesce(posted_date.date_key, -1) as posted_date_key,
        coalesce(first_seen_date.date_key, -1) as first_seen_date_key,
        coalesce(closed_date.date_key, -1) as closed_date_key,

        ---------- attributes
        posting.title,
        posting.language,
        coalesce(posting.working_time_code, 'unknown') as working_time_code,
        posting_salary.salary_flag,

        ---------- numerics (salaries: annual EUR, only when sane)
        case when not posting_salary.is_salary_absurd then posting_salary.salary_min_eur end as salary_min_eur,
        case when not posting_salary.is_salary_absurd then posting_salary.salary_max_eur end as salary_max_eur,
        case when not posting_salary.is_salary_absurd then posting_salary.salary_mid_eur end as salary_mid_eur,
        posting.count_sources,

        ---------- booleans
        posting.is_active,
        coalesce(not posting_salary.is_salary_absurd, false) as has_salary,
        coalesce(posting_salary.is_salary_predicted, false) as is_salary_predicted,

        ---------- timestamps
        posting.first_seen_at,
        posting.last_seen_at,
        posting.closed_at,
        now() as loaded_at
    from posting
    left join dim_company
        on dim_company.company_key = posting.company_id
    left join dim_location
        on dim_location.location_key = posting.location_id
    left join dim_location as departement_location
        on departement_location.location_level = 'departement'
        and departement_location.departement_code = dim_location.departement_code
    left join dim_location as region_location
        on region_location.location_level = 'region'
        and region_location.region_code = dim_location.region_code
    left join dim_occupation
        on dim_occupation.rome_code = posting.rome_code
    left join posting_salary
        on posting_salary.posting_id = posting.posting_id
    left join dim_contract
        on dim_contract.contract_code = posting.contract_code
    left join dim_experience
        on dim_experience.experience_code = posting.experience_code
    left join dim_source
        on dim_source.source_code = posting.primary_source_code
    left join dim_remote
        on dim_remote.remote_code = posting.remote_code
    left join dim_date as posted_date
        on posted_date.date_day = (posting.posted_at at time zone 'UTC')::date
    left join dim_date as first_seen_date
        on first_seen_date.date_day = (posting.first_seen_at at time zone 'UTC')::date
    left join dim_date as closed_date
        on closed_date.date_day = (posting.closed_at at time zone 'UTC')::date

)

select * from final
