{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[{'columns': ['posting_id'], 'unique': true}, {'columns': ['posting_loaded_at']}],
    pre_hook=["set local parallel_tuple_cost = 0.01"],
    post_hook=["delete from reco.reco_posting_term_frequency as stored where not exists (select from core.posting as posting where posting.posting_id = stored.posting_id and posting.is_active and posting.loaded_at = stored.posting_loaded_at)"]
) }}

{#
    One row per active posting: its stemmed terms and their frequencies, and a hash of the text
    they came from. Incremental: core.posting rewrites a posting whenever a source sees it again,
    so only the rewritten postings are read, and only those whose text changed are tokenised
    again and get a new changed_at, the watermark of the models downstream. The post-hook drops
    the postings that closed (or lost every term): their old row kept an older posting_loaded_at.

    Tokenising is most of a full build (about 0.5 ms a posting). The planner prices to_tsvector as
    a cheap call, so at the default parallel_tuple_cost it tokenises on one core.
#}

with posting as (

    select * from {{ ref('posting') }}
    {% if is_incremental() %}
    where loaded_at > (select coalesce(max(stored.posting_loaded_at), '-infinity') from {{ this }} as stored)
    {% endif %}

),

active_posting as (

    select
        posting_id,
        loaded_at,
        reco.text_search_config(language) as text_search_config,
        title,
        description,
        md5(concat_ws(chr(31), language, title, description))::uuid as document_md5
    from posting
    where is_active

),

{% if is_incremental() %}
-- not materialized: read twice, by posting_id (a materialized CTE would copy every stored row)
stored as not materialized (

    select * from {{ this }}

),

unchanged as (

    select
        stored.posting_id,
        stored.document_md5,
        stored.terms,
        stored.term_frequencies,
        active_posting.loaded_at as posting_loaded_at,
        stored.changed_at
    from active_posting
    inner join stored
        on stored.posting_id = active_posting.posting_id
        and stored.document_md5 = active_posting.document_md5

),
{% endif %}

tokenised as (

    select
        document.posting_id,
        document.document_md5,
        (document.terms).terms,
        (document.terms).term_frequencies,
        document.posting_loaded_at,
        now() as changed_at
    from (
        select
            active_posting.posting_id,
            active_posting.document_md5,
            active_posting.loaded_at as posting_loaded_at,
            reco.document_terms(
                active_posting.text_search_config,
                active_posting.title,
                active_posting.description
            ) as terms
        from active_posting
        {% if is_incremental() %}
        where not exists (
            select
            from stored
            where stored.posting_id = active_posting.posting_id
                and stored.document_md5 = active_posting.document_md5
        )
        {% endif %}
        -- offset 0 keeps the call one per posting (expanded, it would run once per field)
        offset 0
    ) as document
    where (document.terms).terms is not null

),

final as (

    select * from tokenised
    {% if is_incremental() %}
    union all
    select * from unchanged
    {% endif %}

)

select * from final
