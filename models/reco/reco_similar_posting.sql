{{ config(materialized='view') }}

{#
    The 10 nearest of the pairs reco_posting_neighbour keeps up to date. A view, not a materialized
    view: the build merges the day's pairs into that table in one transaction, so readers see the
    previous build's neighbours or the new ones, never a mix, and there is nothing to refresh.
    (A concurrent refresh of its 950,000 rows at 100,000 postings takes about 36 s, more than half
    the day's whole similarity refresh; docs/reco.md.) Reading one posting's neighbours uses the
    table's (posting_id, similar_posting_id) index: the filter on posting_id goes below the window.
#}

with posting_neighbour as (

    select * from {{ ref('reco_posting_neighbour') }}

),

ranked as (

    select
        posting_id,
        similar_posting_id,
        row_number() over (
            partition by posting_id
            order by score desc, similar_posting_id
        ) as similarity_rank,
        score::real as score
    from posting_neighbour

),

final as (

    select *
    from ranked
    where similarity_rank <= 10

)

select * from final
