-- reco.term_frequencies without its grouped subquery: the title's lexemes are tagged with weight A
-- and the two tsvectors merged, so one row per lexeme comes straight out of unnest and its
-- frequency is counted from the weights array (title positions count three times, as before).
-- A lateral call of the V0040 body was a subquery with an aggregate, which PostgreSQL 15 keeps out
-- of parallel workers; this body inlines into a function scan that the workers run, so the
-- tokenisation of a corpus is shared between cores (reco_posting_term_frequency).
-- One difference at the edges: to_tsvector keeps at most 256 positions per lexeme, now counted over
-- title and description together instead of each; no posting repeats a word that often.
create or replace function reco.term_frequencies(config regconfig, title text, description text)
returns table (term text, term_frequency real)
language sql
immutable
parallel safe
as $$
    select
        lexeme.lexeme as term,
        (
            3 * coalesce(cardinality(array_positions(lexeme.weights, 'A')), 0)
            + coalesce(cardinality(array_positions(lexeme.weights, 'D')), 0)
        )::real as term_frequency
    from unnest(
        setweight(to_tsvector(config, coalesce(title, '')), 'A')
        || to_tsvector(config, coalesce(description, ''))
    ) as lexeme
$$;
