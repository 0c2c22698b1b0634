with

fct_job_posting as (

    select * from {{ ref('fct_job_posting') }}

),

fct_posting_skill as (

    select * from {{ ref('fct_posting_skill') }}

),

dim_date as (

    select * from {{ ref('dim_date') }}

),

dim_skill as (

    select * from {{ ref('dim_skill') }}

),

dim_occupation as (

    select * from {{ ref('dim_occupation') }}

),

dim_location as (

    select * from {{ ref('dim_location') }}

),

-- counted per first-seen day, then per month: the join with the calendar then reads thousands
-- of groups, not millions of rows (which it sorted)
postings_by_day as (

    select
        fct_job_posting.first_seen_date_key,
        fct_job_posting.occupation_key,
        fct_job_posting.region_key,
        count(*) as count_postings
    from fct_job_posting
    group by fct_job_posting.first_seen_date_key, fct_job_posting.occupation_key, fct_job_posting.region_key

),

postings_by_month as (

    select
        dim_date.month_start_date,
        postings_by_day.occupation_key,
        postings_by_day.region_key,
        sum(postings_by_day.count_postings)::bigint as count_postings
    from postings_by_day
    inner join dim_date
        on dim_date.date_key = postings_by_day.first_seen_date_key
    group by dim_date.month_start_date, postings_by_day.occupation_key, postings_by_day.region_key

),

skills_by_day as (

    select
        fct_posting_skill.first_seen_date_key,
        fct_posting_skill.occupation_key,
        fct_posting_skill.region_key,
        fct_posting_skill.skill_key,
        count(*) as count_postings_with_skill
    from fct_posting_skill
    group by fct_posting_skill.first_seen_date_key, fct_posting_skill.occupation_key, fct_posting_skill.region_key, fct_posting_skill.skill_key

),

skills_by_month as (

    select
        dim_date.month_start_date,
        skills_by_day.occupation_key,
        skills_by_day.region_key,
        skills_by_day.skill_key,
        sum(skills_by_day.count_postings_with_skill)::bigint as count_postings_with_skill
    from skills_by_day
    inner join dim_date
        on dim_date.date_key = skills_by_day.first_seen_date_key
    group by dim_date.month_start_date, skills_by_day.occupation_key, skills_by_day.region_key, skills_by_day.skill_key

),

final as (

    select
        ---------- grain: month × occupation × région × skill (postings first seen that month)
        skills_by_month.month_start_date,
        skills_by_month.occupation_key,
        skills_by_month.region_key,
        skills_by_month.skill_key,

        ---------- labels
        dim_occupation.rome_code,
        dim_occupation.occupation_label,
        coalesce(dim_location.region_name, 'Unknown') as region_name,
        dim_skill.skill_name,
        dim_skill.skill_family,

        ---------- numerics
        skills_by_month.count_postings_with_skill,
        postings_by_month.count_postings,
        -- six decimals: one posting in 24,814 rounded to four was 0, which reads as "never asked for"
        round(skills_by_month.count_postings_with_skill::numeric / postings_by_month.count_postings, 6) as share_of_postings
    from skills_by_month
    inner join postings_by_month
        on postings_by_month.month_start_date = skills_by_month.month_start_date
        and postings_by_month.occupation_key = skills_by_month.occupation_key
        and postings_by_month.region_key = skills_by_month.region_key
    inner join dim_skill
        on dim_skill.skill_key = skills_by_month.skill_key
    inner join dim_occupation
        on dim_occupation.occupation_key = skills_by_month.occupation_key
    inner join dim_location
        on dim_location.location_key = skills_by_month.region_key

)

select * from final
