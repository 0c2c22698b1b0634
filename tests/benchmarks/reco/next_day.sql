-- One more day for the reco benchmark: the next 2% of the held-back postings (load_corpus.sh's
-- HOLD) arrive, and as many active postings close. core.posting's loaded_at moves for both, as the
-- core model does for the postings a day rewrites.
begin;

create temp table arriving on commit drop as
select *
from bench.next_day_posting
where posting_id not in (select posting_id from core.posting)
order by posting_id
limit (select ceil(0.02 * count(*)) from core.posting where is_active);

insert into core.posting
select posting_id, title, description, language, is_active, location_id, contract_code, remote_code, now()
from arriving;

insert into core.posting_skill
select next_day_posting_skill.*
from bench.next_day_posting_skill
inner join arriving on arriving.posting_id = next_day_posting_skill.posting_id;

update core.posting
set is_active = false, loaded_at = now()
where posting_id in (
    select posting_id
    from core.posting
    where is_active
        and posting_id not in (select posting_id from arriving)
    order by md5(posting_id::text)
    limit (select count(*) from arriving)
);

commit;
analyze core.posting;
