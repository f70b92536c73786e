-- Contact core, part 2: custom fields defined per tenant, external ids (imports upsert by them), merge
-- tombstones, and the keys duplicate detection matches on.

-- Definitions hold for the whole franchise system, so they are tenant-wide (not unit-scoped): every unit
-- fills in the same fields.
create table custom_field (
    tenant_id  text        not null default crm_current_tenant(),
    key        text        not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    type       text        not null check (type in ('text', 'number', 'date', 'choice')),
    label_de   text        not null check (length(label_de) between 1 and 100),
    label_en   text        not null check (length(label_en) between 1 and 100),
    required   boolean     not null default false,
    options    text[]      not null default '{}',
    version    integer     not null default 1,
    created_by text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, key)
);

select crm_enable_tenant_scope('custom_field', false);

-- custom_fields: values by definition key, in canonical form (text, choice and date as strings, numbers as
-- JSON numbers). Personal data, like everything else on the row.
-- external_id: the contact's id in a sending system (shop, ERP); one contact per id and tenant.
-- merged_into/merged_at: set on a contact merged into another (a tombstone). A tombstone keeps no personal
-- data; reads of it are redirected to merged_into, and lists, searches and exports skip it.
alter table contact
    add column custom_fields jsonb       not null default '{}' check (jsonb_typeof(custom_fields) = 'object'),
    add column external_id   text        check (length(external_id) between 1 and 100),
    add column merged_into   uuid        references contact (id),
    add column merged_at     timestamptz;

-- The keys a likely duplicate shares with a contact: e:<e-mail> for every address, p:<E.164> for every
-- phone number, n:<folded first and last name>|<postal code> for every postal code. One function computes
-- them for the stored column and for a new contact being checked, so both always agree.
create function contact_match_keys(first_name text, last_name text, emails jsonb, phones jsonb, addresses jsonb)
    returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct key), '{}') from (
        select 'e:' || lower(e ->> 'address') as key from jsonb_array_elements(emails) e
         where coalesce(e ->> 'address', '') <> ''
        union all
        select 'p:' || (p ->> 'number') from jsonb_array_elements(phones) p
         where coalesce(p ->> 'number', '') <> ''
        union all
        select 'n:' || search_fold(first_name || ' ' || last_name) || '|'
                    || upper(regexp_replace(a ->> 'postalCode', '\s', '', 'g'))
          from jsonb_array_elements(addresses) a
         where coalesce(a ->> 'postalCode', '') <> '' and first_name <> '' and last_name <> ''
    ) keys
$$;

alter table contact
    add column match_keys text[] generated always as
        (contact_match_keys(first_name, last_name, emails, phones, addresses)) stored;

-- Duplicate detection: any shared key (match_keys && keys of the new contact).
create index contact_match_keys on contact using gin (match_keys);
-- Search filter cf.<key>=value: custom_fields @> '{"key": value}'.
create index contact_custom_fields on contact using gin (custom_fields jsonb_path_ops);
-- Imports upsert by external id, or by primary e-mail; both lookups are plain equality (btree).
create unique index contact_external_id on contact (tenant_id, external_id) where external_id is not null;
create index contact_email on contact (tenant_id, email);
-- Re-pointing older tombstones when their survivor is merged in turn.
create index contact_merged_into on contact (merged_into) where merged_into is not null;
