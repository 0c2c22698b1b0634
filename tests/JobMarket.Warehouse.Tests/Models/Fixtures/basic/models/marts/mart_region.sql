select
    region_code,
    region_name,
    amount_total
from {{ ref('region_total') }}
