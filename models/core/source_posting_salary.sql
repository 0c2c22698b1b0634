{{ config(
    materialized='incremental',
    unique_key=['source_code', 'source_posting_id'],
    indexes=[
        {'columns': ['source_code', 'source_posting_id'], 'unique': true},
        {'columns': ['posting_id']},
        {'columns': ['loaded_at']}
    ],
    pre_hook=["set local enable_nestloop = off"],
    post_hook=["delete from core.source_posting_salary as salary using core.source_posting as resolved where resolved.loaded_at > core.previous_build_at('core.source_posting_salary') and resolved.source_code = salary.source_code and resolved.source_posting_id = salary.source_posting_id and salary.loaded_at < now()"]
) }}

{#
    Each source posting's salary figure, parsed once: a build parses only the source postings
    core.source_posting re-resolved since the last one (core.posting_salary then chooses among
    them per posting). The post-hook drops the figure of a re-resolved source posting that no
    longer states one.
#}

with

source_posting as (

    select * from {{ ref('source_posting') }}
    {% if is_incremental() %}
    where loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
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

final as (

    select
        ---------- ids
        flagged.source_code,
        flagged.source_posting_id,
        flagged.posting_id,

        ---------- attributes
        flagged.salary_form,
        flagged.salary_raw,
        flagged.period_code,
        flagged.currency_code,
        flagged.salary_flag,

        ---------- numerics
        flagged.amount_min,
        flagged.amount_max,
        flagged.count_payments,
        flagged.salary_min_eur,
        flagged.salary_max_eur,
        flagged.salary_mid_eur,
        flagged.source_priority,

        ---------- booleans
        flagged.is_salary_predicted,

        ---------- timestamps
        now() as loaded_at
    from flagged

)

select * from final
