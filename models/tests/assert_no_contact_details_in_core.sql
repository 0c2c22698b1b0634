-- Contact details never leave staging: no e-mail address or French phone number in core text.
with

posting as (

    select * from {{ ref('posting') }}

),

final as (

    select posting.posting_id, posting.title
    from posting
    where posting.description ~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'
        or posting.description ~ '(\+33\s?|\m0)[1-9]([\s.-]?[0-9]{2}){4}\M'
        or posting.title ~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'

)

select * from final
