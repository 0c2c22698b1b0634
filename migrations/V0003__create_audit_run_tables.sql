create table audit.run (
    run_id bigint generated always as identity,
    command text not null,
    arguments jsonb not null default '{}'::jsonb,
    status text not null default 'running',
    host text not null default '',
    pid integer,
    error text,
    started_at timestamptz not null default clock_timestamp(),
    finished_at timestamptz,
    constraint pk_run primary key (run_id),
    constraint check_run_status check (status in ('running', 'success', 'failed', 'cancelled', 'skipped'))
);

create index index_run_on_started_at on audit.run (started_at desc);

create table audit.run_step (
    run_id bigint not null,
    ordinal integer not null,
    step text not null,
    status text not null default 'running',
    rows_affected bigint,
    detail jsonb not null default '{}'::jsonb,
    error text,
    started_at timestamptz not null default clock_timestamp(),
    finished_at timestamptz,
    constraint pk_run_step primary key (run_id, ordinal),
    constraint fk_run_step_run_id_run foreign key (run_id) references audit.run (run_id),
    constraint check_run_step_status check (status in ('running', 'success', 'failed', 'cancelled', 'skipped'))
);
