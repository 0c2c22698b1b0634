{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[{'columns': ['posting_id'], 'unique': true}, {'columns': ['loaded_at']}],
    post_hook=[
        "delete from core.posting_salary as salary where salary.loaded_at < now() and salary.posting_id = any(array(select posting.posting_id from core.posting where posting.loaded_at > (select core.previous_build_at('core.posting_salary'))))",
        "delete from core.posting_salary as salary where salary.posting_id in (select core.postings_left_since_previous_build('core.posting_salary')) and not exists (select from core.posting where posting.posting_id = salary.posting_id)"
    ]
) }}

{#
    Incremental: the salaries of the postings core.posting rewrote since the last build, chosen among
    their source postings' figures (parsed once each, in core.source_posting_salary). Post-hooks
    drop the salary of such a posting when none of its source postings states one any more, and the
    salary of a posting core.posting dropped.
#}

with

posting as (

    select * from {{ ref('posting') }}
    {% if is_incremental() %}
    where loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
    {% endif %}

),

source_posting_salary as (

    select * from {{ ref('source_posting_salary') }}
    {% if is_incremental() %}
    -- an array of ids: read by index, not by hashing every stored figure
    where posting_id = any(array(select posting.posting_id from posting))
    {% endif %}

),

ranked as (

    -- one salary per posting: stated before predicted, sane before absurd, then source priority
    select
        source_posting_salary.*,
        row_number() over (
            partition by source_posting_salary.posting_id
            order by source_posting_salary.is_salary_predicted, (source_posting_salary.salary_flag is not null), source_posting_salary.source_priority, source_posting_salary.source_posting_id
        ) as salary_rank
    from source_posting_salary

),

final as (

    select
        ---------- ids
        ranked.posting_id,
        ranked.source_code,
        ranked.source_posting_id,

        ---------- attributes
        ranked.salary_form,
        ranked.salary_raw,
        ranked.period_code,
        ranked.currency_code,
        ranked.salary_flag,

        ---------- numerics
        ranked.amount_min,
        ranked.amount_max,
        ranked.count_payments,
        ranked.salary_min_eur,
        ranked.salary_max_eur,
        ranked.salary_mid_eur,

        ---------- booleans
        ranked.is_salary_predicted,
        ranked.salary_flag is not null as is_salary_absurd,

        ---------- timestamps
        now() as loaded_at
    from ranked
    where ranked.salary_rank = 1

)

select * from final
