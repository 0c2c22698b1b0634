{{ config(materialized='table', indexes=[{'columns': ['term'], 'unique': true}]) }}

with posting_term_frequency as (

    select * from {{ ref('reco_posting_term_frequency') }}

),

corpus as (

    select count(distinct posting_id) as count_postings
    from posting_term_frequency

),

document_frequency as (

    select
        term,
        count(*) as count_postings_with_term
    from posting_term_frequency
    group by term

),

final as (

    select
        document_frequency.term,
        document_frequency.count_postings_with_term,
        -- scikit-learn's smooth idf, so the weights compare one to one with TfidfVectorizer's.
        (ln((1 + corpus.count_postings)::double precision / (1 + document_frequency.count_postings_with_term)) + 1)::real
            as idf
    from document_frequency
    cross join corpus
    -- A term in one posting links nothing; a term in more than half of them separates nothing.
    where document_frequency.count_postings_with_term >= 2
        and document_frequency.count_postings_with_term <= 0.5 * corpus.count_postings

)

select * from final
