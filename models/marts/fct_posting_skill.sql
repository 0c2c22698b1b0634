{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[{'columns': ['posting_id', 'skill_key'], 'unique': true}, {'columns': ['skill_key']}, {'columns': ['loaded_at']}],
    post_hook=[
        "delete from marts.fct_posting_skill as bridge where bridge.loaded_at < now() and bridge.posting_id = any(array(select fact.posting_id from marts.fct_job_posting as fact where fact.loaded_at > (select core.previous_build_at('marts.fct_posting_skill')))) and not exists (select from core.posting_skill as skill where skill.posting_id = bridge.posting_id and skill.skill_id = bridge.skill_key)",
        "delete from marts.fct_posting_skill as bridge where bridge.posting_id in (select core.postings_left_since_previous_build('marts.fct_posting_skill')) and not exists (select from marts.fct_job_posting as fact where fact.posting_id = bridge.posting_id)"
    ]
) }}

{#
    Incremental: the skill rows of the facts fct_job_posting rewrote since the last build, when
    core.posting_skill read the posting's skills again or a column the bridge copies from the fact
    changed (a posting that only gained a listing keeps its rows). Post-hooks drop the rows of a
    skill a rewritten posting no longer names, and those of a posting that left the fact.
#}

with

posting_skill as (

    select * from {{ ref('posting_skill') }}

),

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}
    {% if is_incremental() %}
    -- an array of ids: the planner expects a few rows and joins them by index (docs/models.md)
    where posting_id = any(array(
        select fact.posting_id
        from {{ ref('fct_job_posting') }} as fact
        where fact.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
            and (
                exists (
                    select
                    from {{ ref('posting_skill') }} as skill
                    where skill.posting_id = fact.posting_id
                        and skill.loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
                )
                -- the columns final copies from the fact: a column added there belongs here too
                or exists (
                    select
                    from {{ this }} as stored
                    where stored.posting_id = fact.posting_id
                        and (stored.occupation_key, stored.location_key, stored.region_key, stored.first_seen_date_key, stored.is_active)
                            is distinct from (fact.occupation_key, fact.location_key, fact.region_key, fact.first_seen_date_key, fact.is_active)
                )
            )
    ))
    {% endif %}

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
        fct_job_posting.is_active,

        ---------- timestamps
        now() as loaded_at
    from posting_skill
    inner join fct_job_posting
        on fct_job_posting.posting_id = posting_skill.posting_id

)

select * from final
