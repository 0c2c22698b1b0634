-- The totals agree with the event log.
select region_total.region_code
from {{ ref('region_total') }} as region_total
where region_total.amount_total <> (
    select coalesce(sum(amount), 0) from {{ ref('event_log') }} as event_log
    where event_log.region_code = region_total.region_code
)
