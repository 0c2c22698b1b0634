{{ config(materialized='materialized_view', indexes=[{'columns': ['posting_id', 'similar_posting_id'], 'unique': true}]) }}

{#
    Top 10 neighbours by cosine without the quadratic self-join (method in reco_similar_posting.yml):
    reco.similar_postings (migration V0042) probes each posting's 12 strongest terms, reads each
    term's 1,000 strongest postings through the (term, weight, posting_id) index, shortlists the 30
    best partial dot products and rescores them exactly over all terms. Defaults measured in
    docs/benchmarks.md (recall against scikit-learn's exact top 10 versus cost).
#}

with posting_term as (

    select * from {{ ref('reco_posting_term') }}

),

posting as (

    select posting_id
    from posting_term
    where term_rank = 1

),

-- The set-returning call sits in the select list so parallel workers run it (a lateral join
-- would keep it in the leader).
neighbour as (

    select
        posting_id,
        reco.similar_postings(posting_id, 12, 1000, 30) as neighbour
    from posting

),

final as (

    select
        posting_id,
        (neighbour).similar_posting_id as similar_posting_id,
        (neighbour).similarity_rank as similarity_rank,
        (neighbour).score::real as score
    from neighbour

)

select * from final
