-- Stand-in for the core models' contract (core.posting, core.posting_skill, core.skill, core.location),
-- used by the reco benchmark when the corpus is generated straight into core-shaped tables.
create schema if not exists core;
drop table if exists core.posting_skill, core.posting, core.skill, core.location;
create table core.location (
    location_id bigint primary key,
    departement_code text
);
create table core.skill (
    skill_id bigint primary key,
    skill_name text not null,
    skill_family text
);
create table core.posting (
    posting_id bigint primary key,
    title text,
    description text,
    language text,
    is_active boolean not null,
    location_id bigint,
    contract_code text,
    remote_code text,
    -- when the core model last wrote the posting (the watermark the reco models read from)
    loaded_at timestamptz not null default now()
);
create index on core.posting (loaded_at);
create table core.posting_skill (
    posting_id bigint not null,
    skill_id bigint not null,
    primary key (posting_id, skill_id)
);
