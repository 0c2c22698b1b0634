with

location as (

    select * from {{ ref('location') }}

),

members as (

    -- core.location already carries the unknown member (-1)
    select
        location.location_id as location_key,
        location.location_level,
        location.location_name,
        location.commune_code,
        location.commune_name,
        location.departement_code,
        location.departement_name,
        location.region_code,
        location.region_name,
        location.country_code,
        location.country_name,
        location.latitude,
        location.longitude
    from location

),

final as (

    select
        members.location_key,
        members.location_level,
        members.location_name,
        members.commune_code,
        members.commune_name,
        members.departement_code,
        members.departement_name,
        members.region_code,
        members.region_name,
        members.country_code,
        members.country_name,
        members.latitude,
        members.longitude
    from members

)

select * from final
