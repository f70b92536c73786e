-- Contacts get their full details, companies (accounts) arrive, and both become searchable.
--
-- Storage choice: a contact's e-mails, phones and postal addresses are jsonb arrays on the contact row,
-- tags a text[]. They are always read and replaced together with the contact (PUT/PATCH replace whole
-- lists), a contact has a handful of each, and search does not need them as rows: it reads one folded
-- text column per row (search_text, below) that includes every e-mail, phone and city, so a single GIN
-- trigram index answers a query over all of them. Child tables would buy per-item constraints and
-- indexes at the price of joins on every read and write; if a later feature (duplicate detection) needs
-- per-address lookups, an expression index on the jsonb (or a derived table) can be added then.
-- The primary e-mail and phone stay in the columns email and phone as well (events and the list view
-- use them), kept in step by the repository.

-- Both are trusted extensions: the service's owning role may create them.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- The one normalisation of text for search and name sorting: lower case, German umlauts transliterated
-- (ä -> ae, ß -> ss: "Müller" and "Mueller" become the same word, as in DIN 5007-2 name sorting) and all
-- other accents removed. unaccent() is only STABLE (its dictionary could change); pinning the dictionary
-- lets us declare this IMMUTABLE so that generated columns and indexes may use it.
create function search_fold(value text) returns text
    language sql immutable parallel safe strict as $$
    select lower(public.unaccent('public.unaccent'::regdictionary,
        replace(replace(replace(replace(replace(replace(replace(value,
            'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue'), 'ß', 'ss')))
$$;

create table company (
    id                uuid        primary key,
    tenant_id         text        not null default crm_current_tenant(),
    unit_id           text        default crm_current_unit(),
    name              text        not null,
    domain            text,
    industry          text,
    size              text        check (size in ('1-9', '10-49', '50-249', '250-999', '1000+')),
    address           jsonb,
    parent_company_id uuid        references company (id),
    version           integer     not null default 1,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    search_text       text        generated always as (search_fold(name || ' ' || coalesce(domain, ''))) stored,
    check (parent_company_id <> id)
);

create index company_tenant_updated on company (tenant_id, updated_at, id);
create index company_parent on company (parent_company_id);
-- Contact search matches company names through this index and joins on contact.company_id.
create index company_search on company using gin (search_text gin_trgm_ops);

select crm_enable_tenant_scope('company');

alter table contact
    add column salutation      text check (salutation in ('Herr', 'Frau', 'Divers', 'Mr', 'Ms', 'Mx')),
    add column academic_title  text,
    add column emails          jsonb  not null default '[]',
    add column phones          jsonb  not null default '[]',
    add column addresses       jsonb  not null default '[]',
    add column company_id      uuid   references company (id),
    add column lifecycle_stage text   not null default 'prospect'
                               check (lifecycle_stage in ('prospect', 'customer', 'former_customer')),
    add column owner_id        text,
    add column tags            text[] not null default '{}',
    add column source          text;

-- Contacts created before this migration keep their single e-mail and phone as the primary ones.
update contact set emails = jsonb_build_array(jsonb_build_object('type', 'other', 'address', email, 'primary', true))
 where email is not null;
update contact set phones = jsonb_build_array(jsonb_build_object('type', 'other', 'number', phone, 'primary', true))
 where phone is not null;

-- What search and name sorting read. Generated, so no write path can forget to maintain them.
-- search_text holds names, every e-mail address, every phone number (E.164, so digits match) and every
-- city, folded; company names are matched through the company table instead, because a renamed company
-- would otherwise have to rewrite contacts in units the renaming user cannot even see.
alter table contact
    add column sort_name   text generated always as (search_fold(last_name || ' ' || first_name)) stored,
    add column search_text text generated always as (search_fold(
        first_name || ' ' || last_name
        || ' ' || jsonb_path_query_array(emails, '$[*].address')::text
        || ' ' || jsonb_path_query_array(phones, '$[*].number')::text
        || ' ' || jsonb_path_query_array(addresses, '$[*].city')::text)) stored;

-- Search: GIN trigram indexes serve both the fuzzy word-similarity operator (<%) and substring LIKE,
-- so neither a typo-tolerant name query nor a partial phone number or e-mail scans the table. GIN
-- rather than GiST: the table is read far more than written, and GIN lookups are faster; we rank the
-- (already small) candidate set ourselves instead of relying on GiST's distance ordering.
create index contact_search on contact using gin (search_text gin_trgm_ops);
-- Filters: tag containment (tags @> '{vip}') and exact owner/company/stage lookups.
create index contact_tags on contact using gin (tags);
create index contact_owner on contact (tenant_id, owner_id);
create index contact_company on contact (company_id);
-- Keyset paging for each sort: (key, id) after the tenant, which every row-level security check pins.
create index contact_tenant_created on contact (tenant_id, created_at, id);
create index contact_tenant_name on contact (tenant_id, sort_name, id);
