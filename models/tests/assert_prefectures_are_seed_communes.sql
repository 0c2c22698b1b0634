-- Every département's préfecture is a commune of the commune seed.
with

departement as (

    select * from {{ ref('departement') }}

),

commune as (

    select * from {{ ref('commune') }}

),

final as (

    select departement.departement_code, departement.prefecture_commune_code
    from departement
    left join commune
        on commune.commune_code = departement.prefecture_commune_code
    where commune.commune_code is null

)

select * from final
