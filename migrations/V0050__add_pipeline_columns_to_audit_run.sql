-- Pipeline runs (refresh, scheduled jobs, demo) hold the pipeline advisory lock; the lock holder
-- marks any other 'running' pipeline run as abandoned. Scheduled runs name their job and the
-- occurrence they stand for, so a missed run is found and an occurrence never runs twice.
alter table audit.run add column is_pipeline boolean not null default false;
alter table audit.run add column trigger text not null default 'manual';
alter table audit.run add column job text;
alter table audit.run add column scheduled_for timestamptz;

alter table audit.run add constraint check_run_trigger check (trigger in ('manual', 'schedule', 'demo'));

create index index_run_on_job_and_scheduled_for on audit.run (job, scheduled_for desc) where job is not null;
create index index_run_on_status on audit.run (status) where status = 'running';
