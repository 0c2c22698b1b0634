{{ config(materialized='materialized_view', indexes=[{'columns': ['posting_id', 'term'], 'unique': true}, {'columns': ['term', 'weight', 'posting_id']}]) }}

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

normalised as (

    select
        posting_id,
        term,
        (tf_idf / sqrt(sum(tf_idf * tf_idf) over (partition by posting_id)))::real as weight
    from tf_idf

),

final as (

    select
        posting_id,
        term,
        weight,
        row_number() over (partition by posting_id order by weight desc, term) as term_rank
    from normalised

)

select * from final
