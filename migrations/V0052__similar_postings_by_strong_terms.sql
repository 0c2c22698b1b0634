-- reco.similar_postings, second version. V0042 probed a posting's 12 strongest terms and read each
-- term's 1,000 strongest postings: an absolute cap, so as the corpus grew each list read covered a
-- smaller share of the term's postings (recall@10 0.92 at 20,000 postings, 0.68 at 100,000).
-- Candidates now come from the terms that are strong on both sides:
--   1. probe: the posting's terms weighing at least min_weight (and at least its min_probe
--      strongest terms, so a posting with flat weights still probes something);
--   2. lists: each probed term's postings where it also weighs at least min_weight, read through
--      the (term, weight, posting_id) index in weight order, at most list_cap entries. A term
--      common to many postings has a low idf and weighs little in most of them, so its strong list
--      is short; only title words of large occupations reach the cap;
--   3. the shortlist best partial dot products are rescored exactly over all terms (a merge of the
--      two vectors through the (posting_id, term) index) and the best 10 kept.
-- min_weight 0 with caps above the corpus size makes it exact (tested).
drop function if exists reco.similar_postings(bigint, integer, integer, integer);

create function reco.similar_postings(
    posting_id bigint,
    min_weight real,
    list_cap integer,
    shortlist integer
)
returns table (similar_posting_id bigint, similarity_rank bigint, score double precision)
language plpgsql
stable
parallel safe
-- Expensive per call: without it the planner keeps the calls in the leader, out of the workers.
cost 1000000
rows 10
as $$
declare
    min_probe constant integer := 4;
begin
    return query
    with own_term as (
        select own.term, own.weight
        from reco.reco_posting_term as own
        where own.posting_id = similar_postings.posting_id
    ),

    probe as (
        select ranked.term, ranked.weight
        from (
            select
                own_term.term,
                own_term.weight,
                row_number() over (order by own_term.weight desc, own_term.term) as term_rank
            from own_term
        ) as ranked
        where ranked.weight >= min_weight or ranked.term_rank <= min_probe
    ),

    candidate as (
        select list_entry.posting_id as similar_posting_id
        from probe
        cross join lateral (
            select entry.posting_id, entry.weight
            from reco.reco_posting_term as entry
            where entry.term = probe.term
                and entry.weight >= min_weight
            order by entry.weight desc
            limit list_cap
        ) as list_entry
        where list_entry.posting_id <> similar_postings.posting_id
        group by list_entry.posting_id
        order by sum(probe.weight * list_entry.weight) desc, list_entry.posting_id
        limit shortlist
    ),

    scored as (
        select
            candidate.similar_posting_id,
            (
                select sum(own_term.weight * other_term.weight)::double precision
                from own_term
                inner join reco.reco_posting_term as other_term
                    on other_term.term = own_term.term
                where other_term.posting_id = candidate.similar_posting_id
            ) as score
        from candidate
    )

    select
        scored.similar_posting_id,
        row_number() over (order by scored.score desc, scored.similar_posting_id),
        scored.score
    from scored
    order by scored.score desc, scored.similar_posting_id
    limit 10;
end
$$;

revoke execute on function reco.similar_postings(bigint, real, integer, integer) from public;
grant execute on function reco.similar_postings(bigint, real, integer, integer) to jobmarket_reader;
