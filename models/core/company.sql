{{ config(
    materialized='table',
    indexes=[{'columns': ['company_id'], 'unique': true}]
) }}

with

source_posting as (

    select * from {{ ref('source_posting') }}

),

name_counts as (

    -- read from source_posting's (company_id, company_name) index alone, not its wide rows
    select
        source_posting.company_id,
        source_posting.company_name,
        count(*) as count_uses
    from source_posting
    where source_posting.company_id is not null
    group by source_posting.company_id, source_posting.company_name

),

final as (

    -- the spelling used most often names the company (ties: alphabetical); every spelling of one
    -- company has its key (company_id is the key's stable id)
    select distinct on (name_counts.company_id)
        name_counts.company_id,
        core.normalize_company(name_counts.company_name) as company_key,
        name_counts.company_name,
        sum(name_counts.count_uses) over (partition by name_counts.company_id) as count_source_postings
    from name_counts
    order by name_counts.company_id, name_counts.count_uses desc, name_counts.company_name

)

select * from final
