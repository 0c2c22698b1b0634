with

company as (

    select * from {{ ref('company') }}

),

members as (

    select
        company.company_id as company_key,
        company.company_name,
        company.count_source_postings
    from company
    union all
    select -1, 'Unknown', 0

),

final as (

    select
        members.company_key,
        members.company_name,
        members.count_source_postings
    from members

)

select * from final
