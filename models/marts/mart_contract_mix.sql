with

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}

),

dim_date as (

    select * from {{ ref('dim_date') }}

),

dim_contract as (

    select * from {{ ref('dim_contract') }}

),

dim_occupation as (

    select * from {{ ref('dim_occupation') }}

),

-- counted per first-seen day first, then per month: the calendar is joined to a few thousand
-- groups, not to every posting
daily as (

    select
        fct_job_posting.first_seen_date_key,
        fct_job_posting.occupation_key,
        fct_job_posting.contract_key,
        count(*) as count_postings
    from fct_job_posting
    group by fct_job_posting.first_seen_date_key, fct_job_posting.occupation_key, fct_job_posting.contract_key

),

monthly as (

    select
        dim_date.month_start_date,
        daily.occupation_key,
        daily.contract_key,
        sum(daily.count_postings)::bigint as count_postings
    from daily
    inner join dim_date
        on dim_date.date_key = daily.first_seen_date_key
    group by dim_date.month_start_date, daily.occupation_key, daily.contract_key

),

final as (

    select
        ---------- grain: month × occupation × contract type (postings first seen that month)
        monthly.month_start_date,
        monthly.occupation_key,
        monthly.contract_key,

        ---------- labels
        dim_occupation.occupation_label,
        dim_contract.contract_code,
        dim_contract.contract_label,

        ---------- numerics
        monthly.count_postings,
        round(
            monthly.count_postings::numeric
            / sum(monthly.count_postings) over (partition by monthly.month_start_date, monthly.occupation_key),
            4
        ) as share_of_occupation_month
    from monthly
    inner join dim_occupation
        on dim_occupation.occupation_key = monthly.occupation_key
    inner join dim_contract
        on dim_contract.contract_key = monthly.contract_key

)

select * from final
