create table raw.app_events (
    event_id bigint primary key,
    region_code text not null,
    amount numeric not null,
    loaded_at timestamptz not null
);

insert into raw.app_events values
    (1, '11', 10, now() - interval '3 hours'),
    (2, '11', 5, now() - interval '2 hours'),
    (3, '84', 7, now() - interval '30 minutes');
