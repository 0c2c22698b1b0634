with

contract_type as (

    select * from {{ ref('contract_type') }}

),

members as (

    select
        contract_type.contract_key,
        contract_type.contract_code,
        contract_type.contract_label,
        contract_type.contract_label_fr,
        contract_type.is_permanent
    from contract_type
    union all
    select -1, 'unknown', 'Unknown', 'Inconnu', false

),

final as (

    select
        members.contract_key,
        members.contract_code,
        members.contract_label,
        members.contract_label_fr,
        members.is_permanent
    from members

)

select * from final
