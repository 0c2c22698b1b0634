{{ config(materialized='materialized_view', indexes=[{'columns': ['posting_id', 'term'], 'unique': true}]) }}

with posting as (

    select * from {{ ref('posting') }}

),

active_posting as (

    select
        posting_id,
        reco.text_search_config(language) as text_search_config,
        title,
        description
    from posting
    where is_active

),

final as (

    select
        active_posting.posting_id,
        term_frequency.term,
        term_frequency.term_frequency
    from active_posting
    cross join lateral reco.term_frequencies(
        active_posting.text_search_config,
        active_posting.title,
        active_posting.description
    ) as term_frequency

)

select * from final
