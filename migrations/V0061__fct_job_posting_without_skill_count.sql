-- marts.fct_job_posting no longer carries count_skills: the fact waited for core.posting_skill (the
-- day's slowest text pass) only to count rows that marts.fct_posting_skill holds. A built warehouse
-- drops the column here rather than keep it, null on every posting written from now on. A view of
-- yours that reads it stops this migration, with PostgreSQL naming the view.
do $$
begin
    if to_regclass('marts.fct_job_posting') is not null then
        alter table marts.fct_job_posting drop column if exists count_skills;
    end if;
end;
$$;
