{{ config(materialized='incremental', unique_key='event_id') }}

select
    event_id,
    region_code,
    amount,
    loaded_at
from {{ ref('stg_app__events') }}
{% if is_incremental() %}
where loaded_at > (select coalesce(max(loaded_at), '-infinity') from {{ this }})
{% endif %}
