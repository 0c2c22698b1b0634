{{ config(indexes=[{'columns': ['region_code'], 'unique': true}]) }}

select
    region_code,
    amount_total * 2 as score
from {{ ref('mart_region') }}
