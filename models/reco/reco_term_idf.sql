{{ config(
    materialized='incremental',
    unique_key='term',
    indexes=[{'columns': ['term'], 'unique': true}],
    post_hook=["delete from reco.reco_term_idf where fitted_at < (select max(fitted_at) from reco.reco_term_idf)"]
) }}

{#
    The vocabulary and its idf, fitted on the active postings and then kept: a new idf would change
    every weight and so every posting's neighbours, the whole similarity computation, where keeping
    it lets a daily build compute only the new postings' neighbours. It is fitted again once fewer
    than half of the postings with terms were part of the fit (the corpus doubled, or half of it
    turned over), and on --full-refresh; the weights and the neighbours downstream then recompute
    everything. The post-hook drops the terms of the previous fit.
#}

with posting_term_frequency as (

    select * from {{ ref('reco_posting_term_frequency') }}

),

{% if is_incremental() %}
fit as (

    select
        max(fitted_at) as fitted_at,
        max(count_postings) as count_postings
    from {{ this }}

),

refit as (

    select
        fit.fitted_at is null
        or count(*) filter (where posting_term_frequency.changed_at <= fit.fitted_at)
            < 0.5 * greatest(count(*), fit.count_postings) as is_due
    from posting_term_frequency
    cross join fit
    group by fit.fitted_at, fit.count_postings

),
{% endif %}

corpus as (

    select count(*) as count_postings
    from posting_term_frequency

),

document_frequency as (

    select
        term,
        count(*) as count_postings_with_term
    from posting_term_frequency
    cross join unnest(posting_term_frequency.terms) as term
    group by term

),

final as (

    select
        document_frequency.term,
        document_frequency.count_postings_with_term,
        corpus.count_postings,
        -- scikit-learn's smooth idf, so the weights compare one to one with TfidfVectorizer's.
        (ln((1 + corpus.count_postings)::double precision / (1 + document_frequency.count_postings_with_term)) + 1)::real
            as idf,
        now() as fitted_at
    from document_frequency
    cross join corpus
    -- A term in one posting links nothing; a term in more than half of them separates nothing.
    where document_frequency.count_postings_with_term >= 2
        and document_frequency.count_postings_with_term <= 0.5 * corpus.count_postings
        {% if is_incremental() %}
        and (select refit.is_due from refit)
        {% endif %}

)

select * from final
