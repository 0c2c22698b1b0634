-- One schema per layer; the folder names under models/ match these.
create schema if not exists raw;
create schema if not exists seeds;
create schema if not exists staging;
create schema if not exists core;
create schema if not exists marts;
create schema if not exists reco;
create schema if not exists audit;

comment on schema raw is 'Landing: API response pages, verbatim jsonb. May hold personal data.';
comment on schema seeds is 'Reference data loaded from models/seeds/*.csv.';
comment on schema staging is 'Views over raw: flattened, renamed, cast, contact details removed.';
comment on schema core is 'Normalized (3NF) job-market entities.';
comment on schema marts is 'Star schema and aggregates for dashboards and exports.';
comment on schema reco is 'Similarity and recommendation materialized views.';
comment on schema audit is 'Run history, model timings and data-test failures.';
