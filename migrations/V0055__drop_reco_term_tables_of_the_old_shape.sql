-- The reco term tables became incremental models with other columns (one row per posting with term
-- arrays, a kept vocabulary with its fit time, weights with the time they were computed). An
-- incremental model merges into the table it finds, so the old tables are dropped here and the
-- next build creates the new ones (a first build, as on a new warehouse). Nothing else depends on
-- them: reco.similar_postings and reco.match_profile read them at call time.
do $$
begin
    if exists (
        select
        from information_schema.columns
        where table_schema = 'reco'
            and table_name = 'reco_posting_term_frequency'
            and column_name = 'term'
    ) then
        drop table if exists reco.reco_posting_term_frequency;
        drop table if exists reco.reco_term_idf;
        drop table if exists reco.reco_posting_term;
    end if;
end
$$;
