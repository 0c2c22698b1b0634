-- core.posting keeps where each merged attribute came from (primary_source_posting_id, source_codes,
-- location_level and the *_source_code columns): an incremental build then combines a posting that
-- only gained new source postings with its stored row instead of merging all of its members again.
-- A warehouse built before has the table without them; added here (null), its next incremental
-- build reads them, finds no merge state on the old rows and merges those postings in full as
-- before, so no full refresh is needed. A warehouse without core.posting yet gets them from the model.
do $$
begin
    if to_regclass('core.posting') is not null then
        alter table core.posting
            add column if not exists location_level text,
            add column if not exists primary_source_posting_id text,
            add column if not exists source_codes text[],
            add column if not exists company_source_code text,
            add column if not exists location_source_code text,
            add column if not exists rome_source_code text,
            add column if not exists contract_source_code text,
            add column if not exists experience_source_code text,
            add column if not exists working_time_source_code text;
    end if;
end;
$$;
