-- The model engine's run records: one row per node per run, one per data test, failing-row
-- samples, and the state materialized views are compared against (their definition's hash).

create table audit.model_run (
    run_id bigint not null,
    node text not null,
    resource_type text not null,
    relation text,
    materialization text not null,
    status text not null default 'running',
    rows_affected bigint,
    selected boolean not null default true,
    action text,
    error text,
    started_at timestamptz not null default clock_timestamp(),
    finished_at timestamptz,
    constraint pk_model_run primary key (run_id, node),
    constraint fk_model_run_run_id_run foreign key (run_id) references audit.run (run_id),
    constraint check_model_run_status check (status in ('running', 'success', 'warn', 'error', 'skipped', 'cancelled'))
);

create index index_model_run_on_node_started_at on audit.model_run (node, started_at desc);

create table audit.test_result (
    run_id bigint not null,
    test_name text not null,
    model text,
    severity text not null,
    status text not null,
    failures bigint not null default 0,
    message text,
    compiled_sql text not null,
    started_at timestamptz not null,
    finished_at timestamptz not null,
    constraint pk_test_result primary key (run_id, test_name),
    constraint fk_test_result_run_id_run foreign key (run_id) references audit.run (run_id),
    constraint check_test_result_severity check (severity in ('warn', 'error')),
    constraint check_test_result_status check (status in ('pass', 'warn', 'fail', 'error'))
);

create index index_test_result_on_test_name_started_at on audit.test_result (test_name, started_at desc);

create table audit.test_failure (
    run_id bigint not null,
    test_name text not null,
    failures bigint not null,
    sample jsonb not null,
    recorded_at timestamptz not null default clock_timestamp(),
    constraint pk_test_failure primary key (run_id, test_name),
    constraint fk_test_failure_run_id_test_name_test_result foreign key (run_id, test_name)
        references audit.test_result (run_id, test_name)
);

create table audit.model_state (
    relation text not null,
    materialization text not null,
    definition_sha256 text not null,
    updated_at timestamptz not null default clock_timestamp(),
    constraint pk_model_state primary key (relation)
);

create table audit.source_freshness (
    run_id bigint not null,
    source text not null,
    relation text not null,
    max_loaded_at timestamptz,
    age interval,
    status text not null,
    checked_at timestamptz not null default clock_timestamp(),
    constraint pk_source_freshness primary key (run_id, source),
    constraint fk_source_freshness_run_id_run foreign key (run_id) references audit.run (run_id),
    constraint check_source_freshness_status check (status in ('pass', 'warn', 'error', 'runtime error'))
);
