-- One landing table per source. Each row is one API response page, verbatim.
-- The same body twice is one row (unique sha256). Requests are stored without secrets.
create table raw.adzuna_pages (
    page_id bigint generated always as identity,
    run_id bigint not null,
    endpoint text not null,
    partition_key text not null,
    request_params jsonb not null,
    http_status smallint not null,
    body_sha256 bytea not null,
    body jsonb not null,
    fetched_at timestamptz not null,
    constraint pk_adzuna_pages primary key (page_id),
    constraint unique_adzuna_pages_body_sha256 unique (body_sha256)
);

create table raw.france_travail_pages (like raw.adzuna_pages including all);
create table raw.jsearch_pages (like raw.adzuna_pages including all);
create table raw.themuse_pages (like raw.adzuna_pages including all);

-- Pages that are not JSON, or that jsonb refuses (a \u0000 escape): kept as bytes with the reason.
create table raw.rejected_pages (
    rejected_page_id bigint generated always as identity,
    run_id bigint not null,
    source text not null,
    endpoint text not null,
    partition_key text not null,
    request_params jsonb not null,
    http_status smallint not null,
    body_sha256 bytea not null,
    reason text not null,
    body bytea not null,
    fetched_at timestamptz not null,
    constraint pk_rejected_pages primary key (rejected_page_id),
    constraint unique_rejected_pages_source_body_sha256 unique (source, body_sha256)
);

-- Incremental position per source and partition; advanced only after its page has landed.
create table raw.extract_watermark (
    source text not null,
    partition_key text not null,
    state jsonb not null default '{}'::jsonb,
    watermark_at timestamptz,
    updated_at timestamptz not null default clock_timestamp(),
    constraint pk_extract_watermark primary key (source, partition_key)
);

create index index_adzuna_pages_on_fetched_at on raw.adzuna_pages (fetched_at);
create index index_france_travail_pages_on_fetched_at on raw.france_travail_pages (fetched_at);
create index index_jsearch_pages_on_fetched_at on raw.jsearch_pages (fetched_at);
create index index_themuse_pages_on_fetched_at on raw.themuse_pages (fetched_at);
