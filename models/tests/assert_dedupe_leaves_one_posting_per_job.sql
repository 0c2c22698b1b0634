-- The dedupe rule: source postings with the same employer, title and place (département, else
-- région, else country) belong to one canonical posting. Fails with every job split across postings.
with

source_posting as (

    select * from {{ ref('source_posting') }}

),

final as (

    select
        source_posting.company_key,
        source_posting.title_key,
        coalesce(source_posting.departement_code, source_posting.region_code, source_posting.country_code, 'unknown') as place,
        count(distinct source_posting.posting_id) as count_postings
    from source_posting
    where source_posting.company_key is not null
        and source_posting.title_key is not null
    group by 1, 2, 3
    having count(distinct source_posting.posting_id) > 1

)

select * from final
