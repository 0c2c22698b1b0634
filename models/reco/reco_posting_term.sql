{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[{'columns': ['posting_id', 'term'], 'unique': true}, {'columns': ['term', 'weight', 'posting_id']}],
    post_hook=[
        "delete from reco.reco_posting_term as stored where not exists (select from reco.reco_posting_term_frequency as document where document.posting_id = stored.posting_id and document.changed_at <= stored.computed_at)",
        "delete from reco.reco_posting_term where computed_at < (select max(fitted_at) from reco.reco_term_idf)"
    ]
) }}

{#
    Incremental: the postings whose text changed since the last build are weighed (with the kept
    idf, so every other weight stays valid), and all of them after the vocabulary was fitted
    again. The post-hook drops the weights left behind: of postings that closed, and of postings
    whose new text (or new vocabulary) kept no term.
#}

with posting_term_frequency as (

    select * from {{ ref('reco_posting_term_frequency') }}

),

term_idf as (

    select * from {{ ref('reco_term_idf') }}

),

{% if is_incremental() %}
watermark as (

    select max(computed_at) as computed_at
    from {{ this }}

),
{% endif %}

changed_document as (

    select posting_term_frequency.*
    from posting_term_frequency
    {% if is_incremental() %}
    where posting_term_frequency.changed_at > (select watermark.computed_at from watermark)
        or (select max(term_idf.fitted_at) from term_idf) > (select watermark.computed_at from watermark)
        or (select watermark.computed_at from watermark) is null
    {% endif %}

),

tf_idf as (

    select
        changed_document.posting_id,
        document_term.term,
        document_term.term_frequency * term_idf.idf as tf_idf
    from changed_document
    cross join unnest(changed_document.terms, changed_document.term_frequencies) as document_term (term, term_frequency)
    inner join term_idf
        on document_term.term = term_idf.term

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
        (tf_idf.tf_idf / norm.norm)::real as weight,
        now() as computed_at
    from tf_idf
    inner join norm
        on tf_idf.posting_id = norm.posting_id

)

-- Stored in list order: the neighbour search reads each term's list in weight order, and until
-- autovacuum sets the visibility map every entry it reads is a heap fetch, now of a few adjacent
-- pages instead of one page per posting.
select * from final
order by term, weight desc
