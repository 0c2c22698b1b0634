-- Tokenisation shared by the reco models and reco.match_profile, so postings and profiles are
-- weighted by the very same rules. The models call these functions; the migration runs first.

-- French is the default: most postings are French, and an unknown language must still stem.
create or replace function reco.text_search_config(language text)
returns regconfig
language sql
immutable
parallel safe
as $$
    select case lower(coalesce(language, '')) when 'en' then 'english'::regconfig else 'french'::regconfig end
$$;

-- Stemmed, stop-word-free term frequencies of one document; title terms count three times
-- (a title names the job, a description pads it). to_tsvector keeps at most 256 positions per
-- lexeme, which caps a term's frequency; that is far above anything a posting repeats.
create or replace function reco.term_frequencies(config regconfig, title text, description text)
returns table (term text, term_frequency real)
language sql
immutable
parallel safe
as $$
    select
        lexeme.lexeme as term,
        sum(source.weight * coalesce(array_length(lexeme.positions, 1), 1))::real as term_frequency
    from (values (3, title), (1, description)) as source (weight, body)
    cross join lateral unnest(to_tsvector(config, coalesce(source.body, ''))) as lexeme
    group by lexeme.lexeme
$$;

-- The language of free text (a profile): the configuration that drops more stop words wins.
create or replace function reco.detect_language(body text)
returns text
language sql
immutable
parallel safe
as $$
    select case
        when length(to_tsvector('english', coalesce(body, ''))) < length(to_tsvector('french', coalesce(body, '')))
            then 'en'
        else 'fr'
    end
$$;
