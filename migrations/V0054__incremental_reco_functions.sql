-- Functions of the incremental reco models.
-- reco.similar_postings with the number of neighbours to return (top_n): the neighbour model keeps
-- about 20 per posting (so a closed neighbour leaves 19, not 9) and offers a new posting to the
-- lists of all 50 postings it rescored exactly (a cosine is symmetric). Same method
-- as V0052: probe the strong terms, read their strong lists, rescore the best `shortlist` partial
-- dot products exactly over all terms, keep the best top_n.
create function reco.similar_postings(
    posting_id bigint,
    min_weight real,
    list_cap integer,
    shortlist integer,
    top_n integer
)
returns table (similar_posting_id bigint, similarity_rank bigint, score double precision)
language plpgsql
stable
parallel safe
-- Expensive per call: without it the planner keeps the calls in the leader, out of the workers.
cost 1000000
rows 20
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
    limit top_n;
end
$$;

-- The four-argument form (V0052) stays for callers that want the top 10; one body serves both.
create or replace function reco.similar_postings(
    posting_id bigint,
    min_weight real,
    list_cap integer,
    shortlist integer
)
returns table (similar_posting_id bigint, similarity_rank bigint, score double precision)
language sql
stable
parallel safe
cost 1000000
rows 10
as $$
    select * from reco.similar_postings(posting_id, min_weight, list_cap, shortlist, 10)
$$;

revoke execute on function reco.similar_postings(bigint, real, integer, integer, integer) from public;
grant execute on function reco.similar_postings(bigint, real, integer, integer, integer) to jobmarket_reader;

-- A posting's terms and frequencies as two sorted arrays (reco_posting_term_frequency keeps one
-- row per posting). A function in the select list of a plain scan runs in parallel workers; the
-- same aggregate as a lateral subquery would keep the tokenising on one core.
create function reco.document_terms(
    config regconfig,
    title text,
    description text,
    out terms text[],
    out term_frequencies real[]
)
language sql
immutable
parallel safe
as $$
    select
        array_agg(term_frequency.term order by term_frequency.term),
        array_agg(term_frequency.term_frequency order by term_frequency.term)
    from reco.term_frequencies(config, title, description) as term_frequency
$$;
