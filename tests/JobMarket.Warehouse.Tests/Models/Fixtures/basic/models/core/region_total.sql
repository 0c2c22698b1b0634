{{ config(indexes=[{'columns': ['region_code'], 'unique': true}]) }}

with

events as (
    select * from {{ ref('stg_app__events') }}
),

regions as (
    select * from {{ ref('region') }}
),

final as (
    select
        regions.region_code,
        regions.region_name,
        coalesce(sum(events.amount), 0) as amount_total,
        count(events.event_id) as count_events
    from regions
    left join events on events.region_code = regions.region_code
    group by regions.region_code, regions.region_name
)

select * from final
