-- Faster duplicate keys. The CSV import showed contact_match_keys() as its largest single cost: as a SQL
-- function with a query in it (three jsonb_array_elements, a union and array_agg(distinct)), PostgreSQL
-- cannot inline it, so every row written ran a small query through the SQL-function executor. The stored
-- column match_keys calls it on every insert and on every update that touches names, e-mails, phones or
-- addresses. This PL/pgSQL version computes the same keys with plain expressions, about five times
-- faster (measured on import rows). Same signature, same result (sorted, distinct, '{}' when none), so
-- the stored values stay valid and the duplicate check compares like with like.
create or replace function contact_match_keys(first_name text, last_name text, emails jsonb, phones jsonb,
                                              addresses jsonb)
    returns text[] language plpgsql immutable parallel safe as $$
declare
    keys   text[] := '{}';
    found  text[] := '{}';
    value  text;
    folded text;
    key    text;
    n      integer;
begin
    for i in 0 .. coalesce(jsonb_array_length(emails), 0) - 1 loop
        value := emails -> i ->> 'address';
        if coalesce(value, '') <> '' then
            found := found || ('e:' || lower(value));
        end if;
    end loop;
    for i in 0 .. coalesce(jsonb_array_length(phones), 0) - 1 loop
        value := phones -> i ->> 'number';
        if coalesce(value, '') <> '' then
            found := found || ('p:' || value);
        end if;
    end loop;
    if first_name <> '' and last_name <> '' then
        for i in 0 .. coalesce(jsonb_array_length(addresses), 0) - 1 loop
            value := addresses -> i ->> 'postalCode';
            if coalesce(value, '') <> '' then
                folded := coalesce(folded, search_fold(first_name || ' ' || last_name));
                found := found || ('n:' || folded || '|' || upper(regexp_replace(value, '\s', '', 'g')));
            end if;
        end loop;
    end if;
    -- Sorted and distinct as array_agg(distinct) gave them: an insertion sort, since a contact has few keys.
    foreach key in array found loop
        n := cardinality(keys);
        for i in 1 .. n + 1 loop
            if i > n then
                keys := keys || key;
            elsif keys[i] = key then
                exit;
            elsif keys[i] > key then
                keys := keys[1:i - 1] || key || keys[i:n];
                exit;
            end if;
        end loop;
    end loop;
    return keys;
end $$;
