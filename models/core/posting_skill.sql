{{ config(
    materialized='incremental',
    unique_key='posting_id',
    indexes=[{'columns': ['posting_id', 'skill_id'], 'unique': true}, {'columns': ['skill_id']}, {'columns': ['loaded_at']}],
    pre_hook=["set local enable_nestloop = off", "set local work_mem = '256MB'"],
    post_hook=[
        "delete from core.posting_skill as skill where skill.loaded_at < now() and skill.posting_id = any(array(select posting.posting_id from core.posting where posting.loaded_at > (select core.previous_build_at('core.posting_skill')) and posting.text_changed_at > (select core.previous_build_at('core.posting_skill'))))",
        "delete from core.posting_skill as skill where skill.posting_id in (select core.postings_left_since_previous_build('core.posting_skill')) and not exists (select from core.posting where posting.posting_id = skill.posting_id)"
    ]
) }}

{#
    Incremental: the skills of the postings whose title or description core.posting changed since
    the last build replace theirs (unique_key is the posting: delete + insert of its whole skill
    set); a posting rewritten with the same text keeps its skills. Post-hooks drop the skills of a
    posting whose new text names none, and those of a posting core.posting dropped.
#}

with

posting as (

    select * from {{ ref('posting') }}
    {% if is_incremental() %}
    -- text_changed_at is never after loaded_at: the loaded_at index finds the rewritten postings
    where loaded_at > (select max(stored.loaded_at) from {{ this }} as stored)
        and text_changed_at > (select max(stored.loaded_at) from {{ this }} as stored)
    {% endif %}

),

skill as (

    select * from {{ ref('skill') }}

),

skill_alias as (

    select * from {{ ref('skill_alias') }}

),

alias_queries as (

    -- each alias as a phrase query on the 'simple' parser: words must follow each other, whole words only
    select
        skill.skill_id,
        skill_alias.alias,
        phraseto_tsquery('simple', core.skill_text(skill_alias.alias)) as alias_query,
        to_tsvector('simple', core.skill_text(skill_alias.alias)) as alias_vector
    from skill_alias
    inner join skill
        on skill.skill_code = skill_alias.skill_code

),

alias_anchors as (

    -- the longest word of each alias: a posting must contain it before the phrase is checked
    select distinct on (alias_queries.alias)
        alias_queries.skill_id,
        alias_queries.alias,
        alias_queries.alias_query,
        anchor.lexeme as anchor_lexeme
    from alias_queries
    cross join lateral unnest(alias_queries.alias_vector) as anchor
    order by alias_queries.alias, length(anchor.lexeme) desc, anchor.lexeme

),

posting_documents as materialized (

    -- materialized: inlined, the to_tsvector below would be computed again for every word row
    select
        posting.posting_id,
        to_tsvector('simple', core.skill_text(coalesce(posting.title, '') || ' ' || coalesce(posting.description, ''))) as document
    from posting

),

posting_words as (

    select
        posting_documents.posting_id,
        posting_documents.document,
        word.lexeme
    from posting_documents
    cross join lateral unnest(posting_documents.document) as word

),

matches as (

    select
        posting_words.posting_id,
        alias_anchors.skill_id,
        alias_anchors.alias
    from posting_words
    inner join alias_anchors
        on alias_anchors.anchor_lexeme = posting_words.lexeme
    where posting_words.document @@ alias_anchors.alias_query

),

final as (

    select
        matches.posting_id,
        matches.skill_id,
        count(*) as count_aliases_matched,
        min(matches.alias) as first_alias_matched,
        now() as loaded_at
    from matches
    group by matches.posting_id, matches.skill_id

)

select * from final
