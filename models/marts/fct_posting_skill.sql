{{ config(
    materialized='table',
    indexes=[{'columns': ['posting_id', 'skill_key'], 'unique': true}, {'columns': ['skill_key']}]
) }}

with

posting_skill as (

    select * from {{ ref('posting_skill') }}

),

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}

),

final as (

    select
        ---------- ids
        posting_skill.posting_id,

        ---------- keys
        posting_skill.skill_id as skill_key,
        fct_job_posting.occupation_key,
        fct_job_posting.location_key,
        fct_job_posting.region_key,
        fct_job_posting.first_seen_date_key,

        ---------- numerics
        posting_skill.count_aliases_matched,

        ---------- booleans
        fct_job_posting.is_active
    from posting_skill
    inner join fct_job_posting
        on fct_job_posting.posting_id = posting_skill.posting_id

)

select * from final
