{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[{'columns': ['posting_id'], 'unique': true}, {'columns': ['loaded_at']}],
    pre_hook=["set local enable_nestloop = off"]
) }}

{# Incremental: the salaries of the postings core.posting rewrote since the last build. #}

with

source_posting as (

    select * from {{ ref('source_posting') }}
    {% if is_incremental() %}
    where posting_id in (
        select posting_id from {{ ref('posting') }}
        where loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
    )
    {% endif %}

),

source_system as (

    select * from {{ ref('source_system') }}

),

salary_period as (

    select * from {{ ref('salary_period') }}

),

salary_period_map as (

    select * from {{ ref('salary_period_map') }}

),

currency_rate as (

    select * from {{ ref('currency_rate') }}

),

france_travail_forms as materialized (

    -- "<Annuel|Mensuel|Horaire> de X Euros[ à Y Euros][ sur N mois]": one small regex per part, as
    -- one pattern with four captures and lazy quantifiers cost ~0.3 ms a posting in PostgreSQL's
    -- regex engine; materialized so each part is computed once per posting
    select
        source_posting.source_code,
        source_posting.source_posting_id,
        case when source_posting.salary_text ~* '^\s*\w+\s+de\s+[0-9][0-9\s.,]*euros' then array[
            substring(source_posting.salary_text from '^\s*(\w+)'),
            substring(source_posting.salary_text from '(?i)^\s*\w+\s+de\s+([0-9][0-9\s.,]*[0-9]|[0-9])\s*Euros'),
            substring(source_posting.salary_text from '(?i)euros\s+à\s+([0-9][0-9\s.,]*[0-9]|[0-9])\s*Euros'),
            substring(source_posting.salary_text from '(?i)euros\s+sur\s+([0-9.,]+)\s*mois')
        ] end as parts
    from source_posting
    where source_posting.source_code = 'france_travail'
        and source_posting.salary_text is not null

),

amounts as materialized (

    select
        source_posting.posting_id,
        source_posting.source_code,
        source_posting.source_posting_id,
        case source_posting.source_code
            when 'france_travail' then 'france_travail_text'
            when 'adzuna' then 'adzuna_yearly_amounts'
            when 'jsearch' then 'jsearch_period_amounts'
        end as salary_form,
        case
            when source_posting.source_code = 'france_travail' then source_posting.salary_text
            else concat_ws(' ',
                'min=' || source_posting.salary_min,
                'max=' || source_posting.salary_max,
                'period=' || source_posting.salary_period,
                'currency=' || source_posting.salary_currency,
                case when source_posting.is_salary_predicted then 'predicted' end)
        end as salary_raw,
        case
            when source_posting.source_code = 'france_travail' then core.parse_number(france_travail_forms.parts[2])
            else source_posting.salary_min
        end as amount_min,
        case
            when source_posting.source_code = 'france_travail'
                then coalesce(core.parse_number(france_travail_forms.parts[3]), core.parse_number(france_travail_forms.parts[2]))
            else source_posting.salary_max
        end as amount_max,
        core.parse_number(france_travail_forms.parts[4]) as count_payments,
        case
            when source_posting.source_code = 'adzuna' then 'year'
            else salary_period_map.period_code
        end as period_code,
        source_posting.salary_currency as currency_code,
        source_posting.is_salary_predicted,
        source_system.priority as source_priority
    from source_posting
    inner join source_system
        on source_system.source_code = source_posting.source_code
    left join france_travail_forms
        on france_travail_forms.source_code = source_posting.source_code
        and france_travail_forms.source_posting_id = source_posting.source_posting_id
    left join salary_period_map
        on salary_period_map.source_code = source_posting.source_code
        and salary_period_map.source_value = case
            when source_posting.source_code = 'france_travail' then france_travail_forms.parts[1]
            else source_posting.salary_period
        end
    where source_posting.salary_min is not null
        or source_posting.salary_max is not null
        or france_travail_forms.parts is not null

),

annualized as (

    select
        amounts.*,
        -- a monthly France Travail salary is paid N times a year ("sur 13.0 mois"), twelve by default
        case
            when amounts.period_code = 'month' and amounts.count_payments is not null then amounts.count_payments
            else salary_period.annual_factor
        end * currency_rate.rate_to_eur as to_annual_eur
    from amounts
    left join salary_period
        on salary_period.period_code = amounts.period_code
    left join currency_rate
        on currency_rate.currency_code = amounts.currency_code

),

bounded as (

    select
        annualized.*,
        round(least(annualized.amount_min, annualized.amount_max) * annualized.to_annual_eur, 2) as salary_min_eur,
        round(greatest(annualized.amount_min, annualized.amount_max) * annualized.to_annual_eur, 2) as salary_max_eur
    from annualized

),

flagged as (

    select
        bounded.*,
        round((bounded.salary_min_eur + bounded.salary_max_eur) / 2, 2) as salary_mid_eur,
        case
            when bounded.to_annual_eur is null then 'not_annualizable'
            when bounded.amount_min > bounded.amount_max then 'min_above_max'
            when (bounded.salary_min_eur + bounded.salary_max_eur) / 2 < 10000 then 'below_sane_range'
            when (bounded.salary_min_eur + bounded.salary_max_eur) / 2 > 500000 then 'above_sane_range'
        end as salary_flag
    from bounded

),

ranked as (

    -- one salary per posting: stated before predicted, sane before absurd, then source priority
    select
        flagged.*,
        row_number() over (
            partition by flagged.posting_id
            order by flagged.is_salary_predicted, (flagged.salary_flag is not null), flagged.source_priority, flagged.source_posting_id
        ) as salary_rank
    from flagged

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
