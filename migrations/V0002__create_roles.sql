-- Roles are cluster-wide, so creation is guarded: several warehouses (or test databases)
-- can share one cluster.
do $$
begin
    if not exists (select from pg_catalog.pg_roles where rolname = 'jobmarket_reader') then
        -- LOGIN without a password: it can connect only where pg_hba allows it (the embedded
        -- cluster's trust on 127.0.0.1); deployments set a password from their environment.
        create role jobmarket_reader login;
    end if;
end
$$;

-- Nothing outside marts and reco: raw and staging may hold personal data.
revoke all on schema raw, seeds, staging, core, audit from public;
revoke create on schema public from public;

grant usage on schema marts, reco to jobmarket_reader;
grant select on all tables in schema marts to jobmarket_reader;
grant select on all tables in schema reco to jobmarket_reader;

-- Default privileges cover every table the runner creates later (they apply to objects
-- created by the role that runs this script, which is the runner's own role).
alter default privileges in schema marts grant select on tables to jobmarket_reader;
alter default privileges in schema reco grant select on tables to jobmarket_reader;
