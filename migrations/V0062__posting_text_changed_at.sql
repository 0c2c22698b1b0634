-- core.posting.text_changed_at: when the posting's title or description last changed. An incremental
-- build of core.posting_skill reads only the postings whose text changed, not every posting
-- core.posting rewrote (a posting that only gained a listing keeps its text, and so its skills).
-- A warehouse built before has rows without it (null): such a posting counts as changed the next time
-- core.posting rewrites it, so its skills are read again as before and no full refresh is needed.
do $$
begin
    if to_regclass('core.posting') is not null then
        alter table core.posting add column if not exists text_changed_at timestamptz;
    end if;
end;
$$;
