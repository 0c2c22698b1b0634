create table raw.numbers (
    n integer primary key,
    label text not null,
    loaded_at timestamptz not null default now()
);

insert into raw.numbers (n, label) select n, 'n' || n from generate_series(1, 1000) as n;
