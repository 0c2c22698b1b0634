{{ config(
    materialized='table',
    indexes=[{'columns': ['posting_id', 'term'], 'unique': true}],
    pre_hook=["set local parallel_tuple_cost = 0.01"]
) }}

{#
    Tokenising is most of this model's time (about 0.5 ms a posting). The planner prices
    to_tsvector as a cheap call, so at the default parallel_tuple_cost it judges that shipping the
    term rows back from workers costs more than it saves, and tokenises on one core.
#}

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
