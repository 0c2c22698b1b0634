-- reco.similar_postings: the 10 nearest active postings of one posting by cosine, read through the
-- (term, weight, posting_id) index of reco.reco_posting_term; models/reco/reco_similar_posting.sql
-- calls it once per posting. A function rather than inline SQL so the work stays per posting
-- (small hash aggregates and top-N sorts instead of one aggregate over every candidate pair) and
-- so the planner runs it in parallel workers (parallel safe, high cost).
--   1. candidates: the postings met in the lists of the posting's probe_terms strongest terms,
--      each list read in weight order up to list_cap entries (the postings where the term weighs
--      most), ranked by that partial dot product;
--   2. the best shortlist candidates are rescored exactly (dot product over all terms, a merge of
--      the two vectors through the (posting_id, term) index) and the best 10 kept.
-- plpgsql binds its queries at first call, so the migration can run before the build creates
-- reco.reco_posting_term.
create or replace function reco.similar_postings(
    posting_id bigint,
    probe_terms integer,
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
begin
    return query
    with candidate as (
        select list_entry.posting_id as similar_posting_id
        from reco.reco_posting_term as probe
        cross join lateral (
            select entry.posting_id, entry.weight
            from reco.reco_posting_term as entry
            where entry.term = probe.term
            order by entry.weight desc
            limit list_cap
        ) as list_entry
        where probe.posting_id = similar_postings.posting_id
            and probe.term_rank <= probe_terms
            and list_entry.posting_id <> similar_postings.posting_id
        group by list_entry.posting_id
        order by sum(probe.weight * list_entry.weight) desc, list_entry.posting_id
        limit shortlist
    ),

    scored as (
        select
            candidate.similar_posting_id,
            (
                select sum(own_term.weight * other_term.weight)::double precision
                from reco.reco_posting_term as own_term
                inner join reco.reco_posting_term as other_term
                    on other_term.posting_id = candidate.similar_posting_id
                    and other_term.term = own_term.term
                where own_term.posting_id = similar_postings.posting_id
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

grant execute on function reco.similar_postings(bigint, integer, integer, integer) to jobmarket_reader;
