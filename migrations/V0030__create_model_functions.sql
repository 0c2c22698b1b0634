-- Pure text helpers shared by the models (staging and core). They live here, not in a model, so that
-- every model normalizes the same way. All are immutable: same input, same output.

-- Lowercase and strip French/Latin accents without the unaccent extension (not always installed).
create function core.fold_text(value text) returns text
language sql immutable parallel safe
return translate(
    replace(replace(replace(replace(lower(value), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss'), '’', ''''),
    'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ',
    'aaaaaaceeeeiiiinooooouuuuyy'
);

-- A comparison key: folded, gender marks such as (H/F), F/H/X, m/w/d removed, punctuation to spaces.
create function core.normalize_key(value text) returns text
language sql immutable parallel safe
return nullif(trim(regexp_replace(
    regexp_replace(
        core.fold_text(value),
        '\(?\m[hfmw]\s*/\s*[hfmwdx](\s*/\s*[hfmwdx])?\M\)?', ' ', 'g'),
    '[^a-z0-9]+', ' ', 'g')), '');

-- Company comparison key: normalize_key without legal forms (ACME SAS = Acme).
create function core.normalize_company(value text) returns text
language sql immutable parallel safe
return nullif(trim(regexp_replace(
    regexp_replace(core.normalize_key(value), '\m(sas|sasu|sarl|sa|eurl|snc|sca|inc|ltd|llc|gmbh|plc|ag|bv|nv|srl)\M', ' ', 'g'),
    '\s+', ' ', 'g')), '');

-- A stable positive bigint (60 bits of md5) for a natural key: the same key gives the same id on every run.
create function core.stable_id(natural_key text) returns bigint
language sql immutable parallel safe
return ('x' || substr(md5(natural_key), 1, 15))::bit(60)::bigint;

-- HTML to plain text: block ends become new lines, tags go, common entities are decoded.
create function core.strip_html(value text) returns text
language sql immutable parallel safe
return nullif(btrim(regexp_replace(regexp_replace(regexp_replace(
    replace(replace(replace(replace(replace(replace(replace(replace(
        regexp_replace(
            regexp_replace(value, '<\s*(br|/p|/li|/div|/h[1-6]|/tr|/ul|/ol)\s*/?\s*>', E'\n', 'gi'),
            '<[^>]*>', '', 'g'),
        '&nbsp;', ' '), '&amp;', '&'), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&apos;', ''''), '&rsquo;', ''''),
    '[ \t\r\u00a0]+', ' ', 'g'),
    ' ?\n ?', E'\n', 'g'),
    '\n{3,}', E'\n\n', 'g'), E' \n'), '');

-- Contact details out of free text: e-mail addresses and phone numbers (French and international forms).
create function core.scrub_contacts(value text) returns text
language sql immutable parallel safe
return regexp_replace(
    regexp_replace(
        regexp_replace(value, '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', '[email]', 'g'),
        '(\+33\s?(\(0\)\s?)?|0033\s?|\m0)[1-9]([\s.-]?[0-9]{2}){4}\M', '[phone]', 'g'),
    '\+[1-9][0-9]{0,2}[\s.-]?\(?[0-9]{1,4}\)?([\s.-]?[0-9]{2,4}){2,4}', '[phone]', 'g');

-- A number written in a salary text: "38000.0", "1 800,50", "45,000" → numeric; anything else → null.
create function core.parse_number(value text) returns numeric
language sql immutable parallel safe
as $$
    select case when s ~ '^\d+(\.\d+)?$' then s::numeric end
    from (
        select case
            when t ~ ',' and t ~ '\.' then replace(t, ',', '')
            when t ~ '^\d{1,3}(,\d{3})+$' then replace(t, ',', '')
            else replace(t, ',', '.')
        end as s
        from (select regexp_replace(value, '[\s\u00a0\u202f]', '', 'g') as t) as stripped
    ) as cleaned
$$;

-- Text prepared for skill matching with the 'simple' text-search parser: folded, symbols that the
-- parser would drop spelled out (c++, c#, .net), other punctuation to spaces (ci/cd = ci cd).
create function core.skill_text(value text) returns text
language sql immutable parallel safe
return regexp_replace(
    replace(replace(replace(replace(core.fold_text(value), 'c++', ' cplusplus '), 'c#', ' csharp '), 'f#', ' fsharp '), '.net', ' dotnet '),
    '[^a-z0-9.+]+', ' ', 'g');

-- 'fr' or 'en' by counting common function words of each language.
create function core.detect_language(value text) returns text
language sql immutable parallel safe
return case
    when value is null then null
    when regexp_count(core.fold_text(value), '\m(le|la|les|des|du|et|vous|nous|une|pour|avec|est|sur|dans|au|aux)\M')
        >= regexp_count(core.fold_text(value), '\m(the|and|you|we|to|of|with|for|is|are|our|in|will|your)\M') then 'fr'
    else 'en'
end;
