-- reco.match_profile, second version (V0041 read up to 2,000 postings for every profile term and
-- summed them all, 2.8 s p95 at 20,000 postings). Same signature and results contract; the work is
-- now bounded whatever the corpus size:
--   - only the profile's probe_terms strongest terms are probed, each through the (term, weight,
--     posting_id) index of reco.reco_posting_term, in weight order, up to list_cap postings
--     (filtered_list_cap postings passing the filters when filters are given, as each entry then
--     costs a lookup in reco.reco_posting);
--   - the shortlist best partial scores are rescored exactly over all the profile's terms
--     (lookups in the (posting_id, term) index);
--   - filters leaving at most exact_limit postings are scored exactly, without probing.
create or replace function reco.match_profile(
    profile_text text,
    departement text default null,
    contract text default null,
    remote text default null,
    max_results integer default 20,
    language text default null
)
returns table (posting_id bigint, title text, score double precision, matching_skills text[])
language plpgsql
stable
-- The generic plan would read a whole posting list through a bitmap scan and sort it (the planner
-- guesses lists are short); the ordered index scan stops after list_cap entries.
set enable_bitmapscan = off
as $$
declare
    probe_terms constant integer := 8;
    list_cap constant integer := 1000;
    filtered_list_cap constant integer := 100;
    shortlist constant integer := 100;
    exact_limit constant integer := 2000;
    has_filter boolean := departement is not null or contract is not null or remote is not null;
    config regconfig;
    filtered_count bigint;
    is_exact boolean;
begin
    if max_results is null or max_results < 1 then
        raise exception 'reco.match_profile: max_results must be at least 1, got %', coalesce(max_results::text, 'null');
    end if;
    if coalesce(btrim(profile_text), '') = '' then
        return;
    end if;
    config := reco.text_search_config(coalesce(language, reco.detect_language(profile_text)));

    is_exact := false;
    if has_filter then
        -- Counting stops past exact_limit: the question is only "small enough to score exactly?".
        select count(*) into filtered_count
        from (
            select 1
            from reco.reco_posting as candidate_posting
            where (match_profile.departement is null or candidate_posting.departement_code = match_profile.departement)
                and (match_profile.contract is null or candidate_posting.contract_code = match_profile.contract)
                and (match_profile.remote is null or candidate_posting.remote_code = match_profile.remote)
            limit exact_limit + 1
        ) as filtered;
        is_exact := filtered_count <= exact_limit;
    end if;

    return query
    with profile_term as (
        select
            term_frequency.term,
            term_frequency.term_frequency * term_idf.idf as tf_idf
        from reco.term_frequencies(config, null, profile_text) as term_frequency
        inner join reco.reco_term_idf as term_idf
            on term_frequency.term = term_idf.term
    ),

    query_term as (
        select
            profile_term.term,
            profile_term.tf_idf / sqrt(sum(profile_term.tf_idf * profile_term.tf_idf) over ()) as weight,
            row_number() over (order by profile_term.tf_idf desc, profile_term.term) as term_rank
        from profile_term
    ),

    filtered_posting as (
        select candidate_posting.posting_id
        from reco.reco_posting as candidate_posting
        where is_exact
            and (match_profile.departement is null or candidate_posting.departement_code = match_profile.departement)
            and (match_profile.contract is null or candidate_posting.contract_code = match_profile.contract)
            and (match_profile.remote is null or candidate_posting.remote_code = match_profile.remote)
    ),

    -- Each probed term's list in weight order: whole entries without filters, else entries whose
    -- posting passes them (a primary-key lookup per entry; the limit keeps the planner from
    -- turning it into a scan of every posting passing the filters).
    list_entry as (
        select
            query_term.term,
            query_term.weight as query_weight,
            unfiltered.posting_id,
            unfiltered.weight
        from query_term
        cross join lateral (
            select posting_term.posting_id, posting_term.weight
            from reco.reco_posting_term as posting_term
            where posting_term.term = query_term.term
            order by posting_term.weight desc
            limit list_cap
        ) as unfiltered
        where not is_exact and not has_filter and query_term.term_rank <= probe_terms
        union all
        select
            query_term.term,
            query_term.weight,
            filtered.posting_id,
            filtered.weight
        from query_term
        cross join lateral (
            select posting_term.posting_id, posting_term.weight
            from reco.reco_posting_term as posting_term
            cross join lateral (
                select 1
                from reco.reco_posting as candidate_posting
                where candidate_posting.posting_id = posting_term.posting_id
                    and (match_profile.departement is null or candidate_posting.departement_code = match_profile.departement)
                    and (match_profile.contract is null or candidate_posting.contract_code = match_profile.contract)
                    and (match_profile.remote is null or candidate_posting.remote_code = match_profile.remote)
                limit 1
            ) as passes_filters
            where posting_term.term = query_term.term
            order by posting_term.weight desc
            limit filtered_list_cap
        ) as filtered
        where not is_exact and has_filter and query_term.term_rank <= probe_terms
    ),

    probed as (
        select
            list_entry.posting_id,
            sum(list_entry.query_weight * list_entry.weight) as partial_score
        from list_entry
        group by list_entry.posting_id
        order by partial_score desc, list_entry.posting_id
        limit shortlist
    ),

    candidate as (
        select probed.posting_id from probed
        union all
        select filtered_posting.posting_id from filtered_posting
    ),

    scored as (
        select
            candidate.posting_id,
            sum(query_term.weight * posting_term.weight) as score
        from candidate
        cross join query_term
        -- One (posting_id, term) lookup per candidate and profile term, not the candidates' whole vectors.
        cross join lateral (
            select candidate_term.weight
            from reco.reco_posting_term as candidate_term
            where candidate_term.posting_id = candidate.posting_id
                and candidate_term.term = query_term.term
            -- (posting_id, term) is unique; the limit keeps the planner from flattening this
            -- lookup into a scan of the term's whole list.
            limit 1
        ) as posting_term
        group by candidate.posting_id
        order by score desc, candidate.posting_id
        limit max_results
    )

    select
        scored.posting_id,
        matched_posting.title,
        scored.score::double precision,
        array(
            select skill_name
            from unnest(matched_posting.skill_names) as skill_name
            -- The skill as a whole word of the profile; non-alphanumerics escaped (C++, C#, .NET).
            where profile_text ~* ('(^|[^[:alnum:]])' || regexp_replace(skill_name, '([^[:alnum:] ])', '\\\1', 'g') || '($|[^[:alnum:]])')
            order by skill_name
        ) as matching_skills
    from scored
    inner join reco.reco_posting as matched_posting
        on scored.posting_id = matched_posting.posting_id
    order by scored.score desc, scored.posting_id;
end
$$;

grant execute on function reco.match_profile(text, text, text, text, integer, text) to jobmarket_reader;
