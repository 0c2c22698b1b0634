{{ config(
    materialized='incremental',
    unique_key=['posting_id', 'similar_posting_id'],
    indexes=[{'columns': ['posting_id', 'similar_posting_id'], 'unique': true}],
    post_hook=[
        "delete from reco.reco_posting_neighbour as stored where not exists (select from reco.reco_posting_term_frequency as document where document.posting_id = stored.posting_id and document.changed_at <= stored.computed_at)",
        "delete from reco.reco_posting_neighbour as stored where not exists (select from reco.reco_posting_term_frequency as document where document.posting_id = stored.similar_posting_id and document.changed_at <= stored.computed_at)",
        "delete from reco.reco_posting_neighbour where computed_at < (select max(fitted_at) from reco.reco_term_idf)"
    ]
) }}

{#
    About 20 nearest postings of every active posting, kept up to date without computing every
    posting's neighbours again (reco_similar_posting ranks them and shows 10; method in the YAML):
    - a posting whose text changed (every posting, after the vocabulary was fitted again) gets its
      20 nearest from reco.similar_postings (migration V0054), which rescores 50 candidates exactly;
    - those 50 exact cosines are offered to the other postings' lists too (a cosine is
      symmetric), and an offer that ranks among a list's 20 best joins it;
    - a list that lost entries (their posting closed or changed) and kept fewer than 10 is
      computed afresh.
    Stored as pairs, so a day writes only the new pairs. The post-hook drops the stale ones: pairs
    whose posting or neighbour closed or changed after they were scored, and pairs scored before
    the vocabulary was fitted again.
#}

-- The vectors are read through reco.similar_postings, which reads {{ ref('reco_posting_term') }}
-- (this reference orders the build). Every CTE that feeds the neighbour search is `not materialized`:
-- a scan of a materialized CTE cannot run in parallel workers, and the search is nearly all the work.
with posting_term_frequency as not materialized (

    select * from {{ ref('reco_posting_term_frequency') }}

),

term_idf as not materialized (

    select * from {{ ref('reco_term_idf') }}

),

{% if is_incremental() %}
stored as not materialized (

    select * from {{ this }}

),

watermark as not materialized (

    select max(computed_at) as computed_at
    from stored

),
{% endif %}

fresh_posting as not materialized (

    select posting_id
    from posting_term_frequency
    {% if is_incremental() %}
    where posting_term_frequency.changed_at > (select watermark.computed_at from watermark)
        or (select max(term_idf.fitted_at) from term_idf) > (select watermark.computed_at from watermark)
        or (select watermark.computed_at from watermark) is null
    {% endif %}

),

-- The set-returning call sits in the select list so parallel workers run it (a lateral join
-- would keep it in the leader).
fresh_neighbour as (

    select
        posting_id,
        reco.similar_postings(posting_id, 0.1, 10000, 50, 50) as neighbour
    from fresh_posting

),

fresh_pair as (

    select
        posting_id,
        (neighbour).similar_posting_id as similar_posting_id,
        (neighbour).similarity_rank as similarity_rank,
        (neighbour).score as score
    from fresh_neighbour

),

{% if is_incremental() %}
-- Stored pairs whose neighbour closed or changed since they were scored.
stale_pair as (

    select
        stored.posting_id,
        stored.similar_posting_id
    from stored
    left join posting_term_frequency as neighbour_document
        on neighbour_document.posting_id = stored.similar_posting_id
    where neighbour_document.posting_id is null
        or neighbour_document.changed_at > stored.computed_at

),

-- Each fresh posting offered to the lists of the postings it was scored against.
offer as (

    select
        fresh_pair.similar_posting_id as posting_id,
        fresh_pair.posting_id as similar_posting_id,
        fresh_pair.score
    from fresh_pair
    where not exists (
        select
        from fresh_posting
        where fresh_posting.posting_id = fresh_pair.similar_posting_id
    )

),

-- The lists that get an offer or lost a pair: their pairs still valid, and the offers.
candidate as (

    select
        stored.posting_id,
        stored.similar_posting_id,
        stored.score,
        false as is_offer
    from stored
    where stored.posting_id in (select offer.posting_id from offer union select stale_pair.posting_id from stale_pair)
        and not exists (
            select
            from stale_pair
            where stale_pair.posting_id = stored.posting_id
                and stale_pair.similar_posting_id = stored.similar_posting_id
        )
    union all
    select
        offer.posting_id,
        offer.similar_posting_id,
        offer.score,
        true as is_offer
    from offer

),

ranked_candidate as (

    select
        candidate.*,
        row_number() over (
            partition by candidate.posting_id
            order by candidate.score desc, candidate.similar_posting_id
        ) as similarity_rank
    from candidate

),

accepted_offer as (

    select
        posting_id,
        similar_posting_id,
        score
    from ranked_candidate
    where is_offer
        and similarity_rank <= 20

),

-- Active postings, not computed afresh above, whose list lost pairs and kept fewer than 10.
short_list as (

    select stale_owner.posting_id
    from (select distinct stale_pair.posting_id from stale_pair) as stale_owner
    inner join posting_term_frequency as document
        on document.posting_id = stale_owner.posting_id
    left join (
        select
            ranked_candidate.posting_id,
            count(*) as count_pairs
        from ranked_candidate
        where ranked_candidate.similarity_rank <= 20
        group by ranked_candidate.posting_id
    ) as kept
        on kept.posting_id = stale_owner.posting_id
    where coalesce(kept.count_pairs, 0) < 10
        and not exists (
            select
            from fresh_posting
            where fresh_posting.posting_id = stale_owner.posting_id
        )

),

refilled as (

    select
        posting_id,
        reco.similar_postings(posting_id, 0.1, 10000, 50, 20) as neighbour
    from short_list

),
{% endif %}

new_pair as (

    select
        posting_id,
        similar_posting_id,
        score
    from fresh_pair
    where similarity_rank <= 20
    {% if is_incremental() %}
    union all
    select
        posting_id,
        similar_posting_id,
        score
    from accepted_offer
    union all
    select
        posting_id,
        (neighbour).similar_posting_id,
        (neighbour).score
    from refilled
    {% endif %}

),

final as (

    -- an accepted offer can come again in a refilled list: the same exact cosine, kept once
    select distinct on (posting_id, similar_posting_id)
        posting_id,
        similar_posting_id,
        score,
        now() as computed_at
    from new_pair
    order by posting_id, similar_posting_id

)

select * from final
