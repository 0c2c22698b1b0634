{{ config(materialized='materialized_view', indexes=[{'columns': ['posting_id', 'similar_posting_id'], 'unique': true}]) }}

{#
    Top 10 neighbours by cosine without the quadratic self-join (method in reco_similar_posting.yml):
    probe each posting's 8 strongest terms; join a term's list whole when it holds at most 64
    postings, else sort it by the postings' signature (hashes of their strongest terms, in order)
    and let each posting meet only its own block of 32 and the previous one; keep the 20 best
    candidates by that partial dot product and score them over their 16 strongest weights.
#}

with posting_term as (

    select * from {{ ref('reco_posting_term') }}

),

probe_term as (

    select
        posting_id,
        term,
        weight
    from posting_term
    where term_rank <= 8

),

signature as (

    select
        posting_id,
        array_agg(hashtext(term) order by weight desc, term) as strongest_term_hashes
    from probe_term
    group by posting_id

),

list_entry as (

    select
        probe_term.posting_id,
        probe_term.term,
        probe_term.weight,
        count(*) over (partition by probe_term.term) as list_size,
        row_number() over (
            partition by probe_term.term
            order by signature.strongest_term_hashes, probe_term.posting_id
        ) as list_position
    from probe_term
    inner join signature
        on probe_term.posting_id = signature.posting_id

),

blocked_entry as (

    select
        posting_id,
        term,
        weight,
        case when list_size <= 64 then 0 else list_position / 32 end as block,
        list_size > 64 as is_long_list
    from list_entry

),

reaching_entry as (

    select posting_id, term, weight, block from blocked_entry
    union all
    select posting_id, term, weight, block + 1 from blocked_entry where is_long_list

),

meeting as (

    select
        blocked_entry.posting_id,
        reaching_entry.posting_id as similar_posting_id,
        sum(blocked_entry.weight * reaching_entry.weight) as partial_score
    from blocked_entry
    inner join reaching_entry
        on blocked_entry.term = reaching_entry.term
        and blocked_entry.block = reaching_entry.block
    where blocked_entry.posting_id <> reaching_entry.posting_id
    group by blocked_entry.posting_id, reaching_entry.posting_id

),

shortlist as (

    select
        posting_id,
        similar_posting_id,
        row_number() over (partition by posting_id order by partial_score desc, similar_posting_id) as shortlist_rank
    from meeting

),

score_term as (

    select
        posting_id,
        term,
        weight
    from posting_term
    where term_rank <= 16

),

scored as (

    select
        shortlist.posting_id,
        shortlist.similar_posting_id,
        sum(own_term.weight * other_term.weight) as score
    from shortlist
    inner join score_term as own_term
        on shortlist.posting_id = own_term.posting_id
    inner join score_term as other_term
        on shortlist.similar_posting_id = other_term.posting_id
        and own_term.term = other_term.term
    where shortlist.shortlist_rank <= 20
    group by shortlist.posting_id, shortlist.similar_posting_id

),

ranked as (

    select
        posting_id,
        similar_posting_id,
        score,
        row_number() over (partition by posting_id order by score desc, similar_posting_id) as similarity_rank
    from scored

),

final as (

    select
        posting_id,
        similar_posting_id,
        similarity_rank,
        score::real as score
    from ranked
    where similarity_rank <= 10

)

select * from final
