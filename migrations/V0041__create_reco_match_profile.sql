-- reco.match_profile: free text (a CV summary, a skill list) → the best active postings, scored
-- by the cosine between the text's TF-IDF vector (the corpus idf of reco.reco_term_idf) and the
-- postings' vectors in reco.reco_posting_term. plpgsql binds its queries at first call, so the
-- function can be created here, before the build creates the reco materialized views it reads.
-- It reads only reco (no core), so the reader role needs nothing but EXECUTE and its reco SELECT.
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
as $$
declare
    -- Postings read per profile term when no filter narrows the corpus: the strongest ones,
    -- through the (term, weight) index. Exact scoring over a filtered set up to exact_limit.
    list_cap constant integer := 2000;
    exact_limit constant integer := 20000;
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
    if departement is not null or contract is not null or remote is not null then
        select count(*) into filtered_count
        from reco.reco_posting as candidate_posting
        where (match_profile.departement is null or candidate_posting.departement_code = match_profile.departement)
            and (match_profile.contract is null or candidate_posting.contract_code = match_profile.contract)
            and (match_profile.remote is null or candidate_posting.remote_code = match_profile.remote);
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
            profile_term.tf_idf / sqrt(sum(profile_term.tf_idf * profile_term.tf_idf) over ()) as weight
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

    exact_hit as (
        select
            posting_term.posting_id,
            query_term.weight * posting_term.weight as contribution
        from filtered_posting
        inner join reco.reco_posting_term as posting_term
            on filtered_posting.posting_id = posting_term.posting_id
        inner join query_term
            on posting_term.term = query_term.term
    ),

    capped_hit as (
        select
            strongest.posting_id,
            query_term.weight * strongest.weight as contribution
        from query_term
        cross join lateral (
            select
                posting_term.posting_id,
                posting_term.weight
            from reco.reco_posting_term as posting_term
            inner join reco.reco_posting as candidate_posting
                on posting_term.posting_id = candidate_posting.posting_id
            where not is_exact
                and posting_term.term = query_term.term
                and (match_profile.departement is null or candidate_posting.departement_code = match_profile.departement)
                and (match_profile.contract is null or candidate_posting.contract_code = match_profile.contract)
                and (match_profile.remote is null or candidate_posting.remote_code = match_profile.remote)
            order by posting_term.weight desc
            limit list_cap
        ) as strongest
    ),

    scored as (
        select
            hit.posting_id,
            sum(hit.contribution) as score
        from (
            select * from exact_hit
            union all
            select * from capped_hit
        ) as hit
        group by hit.posting_id
        order by score desc, hit.posting_id
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

revoke all on function reco.match_profile(text, text, text, text, integer, text) from public;
grant execute on function reco.match_profile(text, text, text, text, integer, text) to jobmarket_reader;
grant execute on function reco.text_search_config(text) to jobmarket_reader;
grant execute on function reco.term_frequencies(regconfig, text, text) to jobmarket_reader;
grant execute on function reco.detect_language(text) to jobmarket_reader;
