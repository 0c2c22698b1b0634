{{ config(materialized='materialized_view', indexes=[{'columns': ['posting_id', 'similar_posting_id'], 'unique': true}]) }}

{#
    Top 10 neighbours by cosine without the quadratic self-join (method in reco_similar_posting.yml):
    reco.similar_postings (migration V0052) probes each posting's terms weighing at least 0.1,
    reads each one's postings where it also weighs at least 0.1 (at most 10,000, strongest first)
    through the (term, weight, posting_id) index, shortlists the 50 best partial dot products and
    rescores them exactly over all terms. Recall and cost in docs/benchmarks.md.
#}

-- The neighbours are read through reco.similar_postings, which reads {{ ref('reco_posting_term') }}
-- (this reference orders the build). The view itself reads only core.posting: a view reading the
-- term table would be dropped and recomputed whenever the build swaps that table in.
with posting as (

    select * from {{ ref('posting') }}

),

active_posting as (

    select posting_id
    from posting
    where is_active

),

-- The set-returning call sits in the select list so parallel workers run it (a lateral join
-- would keep it in the leader).
neighbour as (

    select
        posting_id,
        reco.similar_postings(posting_id, 0.1, 10000, 50) as neighbour
    from active_posting

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
