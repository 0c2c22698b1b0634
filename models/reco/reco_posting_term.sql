{{ config(materialized='table', indexes=[{'columns': ['posting_id', 'term'], 'unique': true}, {'columns': ['term', 'weight', 'posting_id']}]) }}

with posting_term_frequency as (

    select * from {{ ref('reco_posting_term_frequency') }}

),

term_idf as (

    select * from {{ ref('reco_term_idf') }}

),

tf_idf as (

    select
        posting_term_frequency.posting_id,
        posting_term_frequency.term,
        posting_term_frequency.term_frequency * term_idf.idf as tf_idf
    from posting_term_frequency
    inner join term_idf
        on posting_term_frequency.term = term_idf.term

),

-- The norm per posting is a grouped sum joined back, not a window: one hash aggregate instead of a
-- sort of every term row by posting.
norm as (

    select
        posting_id,
        sqrt(sum(tf_idf * tf_idf)) as norm
    from tf_idf
    group by posting_id

),

final as (

    select
        tf_idf.posting_id,
        tf_idf.term,
        (tf_idf.tf_idf / norm.norm)::real as weight
    from tf_idf
    inner join norm
        on tf_idf.posting_id = norm.posting_id

)

-- Stored in list order: the neighbour search reads each term's list in weight order, and until
-- autovacuum sets the visibility map every entry it reads is a heap fetch, now of a few adjacent
-- pages instead of one page per posting.
select * from final
order by term, weight desc
