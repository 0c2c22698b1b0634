-- name: Top hiring companies
-- description: Companies ranked by open postings, then by all postings, with their recent volume and median stated salary.
-- display: table
-- template_tags:
--   top:
--     type: number
--     display_name: How many
--     default: 20
select
    hiring_rank,
    company_name,
    count_active_postings,
    count_postings,
    count_postings_last_30_days,
    count_regions,
    count_occupations,
    salary_median_eur
from marts.mart_top_companies
order by hiring_rank, company_name
limit {{top}}
