-- Every code a seed refers to exists in the seed it names (seeds load in parallel, so these
-- references are checked here, after all of them, rather than as relationships tests in their YAML).
with

commune as (

    select * from {{ ref('commune') }}

),

commune_arrondissement as (

    select * from {{ ref('commune_arrondissement') }}

),

contract_type as (

    select * from {{ ref('contract_type') }}

),

contract_type_map as (

    select * from {{ ref('contract_type_map') }}

),

country as (

    select * from {{ ref('country') }}

),

currency_rate as (

    select * from {{ ref('currency_rate') }}

),

departement as (

    select * from {{ ref('departement') }}

),

experience_level as (

    select * from {{ ref('experience_level') }}

),

experience_map as (

    select * from {{ ref('experience_map') }}

),

occupation_category_map as (

    select * from {{ ref('occupation_category_map') }}

),

occupation_title_keyword as (

    select * from {{ ref('occupation_title_keyword') }}

),

region as (

    select * from {{ ref('region') }}

),

remote_keyword as (

    select * from {{ ref('remote_keyword') }}

),

remote_policy as (

    select * from {{ ref('remote_policy') }}

),

rome_occupation as (

    select * from {{ ref('rome_occupation') }}

),

salary_period as (

    select * from {{ ref('salary_period') }}

),

salary_period_map as (

    select * from {{ ref('salary_period_map') }}

),

skill_alias as (

    select * from {{ ref('skill_alias') }}

),

skill_dictionary as (

    select * from {{ ref('skill_dictionary') }}

),

final as (

    select 'commune.departement_code -> departement.departement_code' as reference, commune.departement_code::text as orphan_value
    from commune
    left join departement
        on departement.departement_code = commune.departement_code
    where commune.departement_code is not null
        and departement.departement_code is null
    union all
    select 'commune_arrondissement.commune_code -> commune.commune_code' as reference, commune_arrondissement.commune_code::text as orphan_value
    from commune_arrondissement
    left join commune
        on commune.commune_code = commune_arrondissement.commune_code
    where commune_arrondissement.commune_code is not null
        and commune.commune_code is null
    union all
    select 'contract_type_map.contract_code -> contract_type.contract_code' as reference, contract_type_map.contract_code::text as orphan_value
    from contract_type_map
    left join contract_type
        on contract_type.contract_code = contract_type_map.contract_code
    where contract_type_map.contract_code is not null
        and contract_type.contract_code is null
    union all
    select 'country.currency_code -> currency_rate.currency_code' as reference, country.currency_code::text as orphan_value
    from country
    left join currency_rate
        on currency_rate.currency_code = country.currency_code
    where country.currency_code is not null
        and currency_rate.currency_code is null
    union all
    select 'departement.region_code -> region.region_code' as reference, departement.region_code::text as orphan_value
    from departement
    left join region
        on region.region_code = departement.region_code
    where departement.region_code is not null
        and region.region_code is null
    union all
    select 'experience_map.experience_code -> experience_level.experience_code' as reference, experience_map.experience_code::text as orphan_value
    from experience_map
    left join experience_level
        on experience_level.experience_code = experience_map.experience_code
    where experience_map.experience_code is not null
        and experience_level.experience_code is null
    union all
    select 'occupation_category_map.rome_code -> rome_occupation.rome_code' as reference, occupation_category_map.rome_code::text as orphan_value
    from occupation_category_map
    left join rome_occupation
        on rome_occupation.rome_code = occupation_category_map.rome_code
    where occupation_category_map.rome_code is not null
        and rome_occupation.rome_code is null
    union all
    select 'occupation_title_keyword.rome_code -> rome_occupation.rome_code' as reference, occupation_title_keyword.rome_code::text as orphan_value
    from occupation_title_keyword
    left join rome_occupation
        on rome_occupation.rome_code = occupation_title_keyword.rome_code
    where occupation_title_keyword.rome_code is not null
        and rome_occupation.rome_code is null
    union all
    select 'region.country_code -> country.country_code' as reference, region.country_code::text as orphan_value
    from region
    left join country
        on country.country_code = region.country_code
    where region.country_code is not null
        and country.country_code is null
    union all
    select 'remote_keyword.remote_code -> remote_policy.remote_code' as reference, remote_keyword.remote_code::text as orphan_value
    from remote_keyword
    left join remote_policy
        on remote_policy.remote_code = remote_keyword.remote_code
    where remote_keyword.remote_code is not null
        and remote_policy.remote_code is null
    union all
    select 'salary_period_map.period_code -> salary_period.period_code' as reference, salary_period_map.period_code::text as orphan_value
    from salary_period_map
    left join salary_period
        on salary_period.period_code = salary_period_map.period_code
    where salary_period_map.period_code is not null
        and salary_period.period_code is null
    union all
    select 'skill_alias.skill_code -> skill_dictionary.skill_code' as reference, skill_alias.skill_code::text as orphan_value
    from skill_alias
    left join skill_dictionary
        on skill_dictionary.skill_code = skill_alias.skill_code
    where skill_alias.skill_code is not null
        and skill_dictionary.skill_code is null

)

select * from final
