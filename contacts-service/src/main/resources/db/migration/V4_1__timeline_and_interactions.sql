-- The communication history of contacts and companies.
--
-- interaction: what staff logged themselves (a call, an e-mail, a meeting, ...). Immutable once logged.
-- timeline_entry: the one chronological list the API pages through. Every logged interaction, every
-- purchase and consent change of this service, and every event of another service that concerns a known
-- contact (lead captured, ticket resolved, ...) becomes one entry, written in the same transaction as the
-- fact itself (or as the consumed event's inbox record). Entries copy the unit of their contact, so a
-- franchisee sees the history of the contacts of its own unit only.

create table interaction (
    id          uuid        primary key,
    tenant_id   text        not null default crm_current_tenant(),
    unit_id     text        default crm_current_unit(),
    contact_id  uuid        references contact (id),
    company_id  uuid        references company (id),
    kind        text        not null check (kind in ('call', 'email', 'meeting', 'letter', 'chat', 'note', 'web_form')),
    direction   text        check (direction in ('inbound', 'outbound')),
    occurred_at timestamptz not null,
    author_id   text        not null,
    summary     text,
    outcome     text,
    created_at  timestamptz not null default now(),
    check (contact_id is not null or company_id is not null)
);

create index interaction_contact on interaction (contact_id);
create index interaction_company on interaction (company_id);

select crm_enable_tenant_scope('interaction');

create table timeline_entry (
    id              uuid        primary key,
    tenant_id       text        not null default crm_current_tenant(),
    unit_id         text        default crm_current_unit(),
    contact_id      uuid        references contact (id),
    company_id      uuid        references company (id),
    kind            text        not null,
    occurred_at     timestamptz not null,
    author_id       text,
    summary         text,
    outcome         text,
    direction       text        check (direction in ('inbound', 'outbound')),
    source_service  text        not null,
    -- The consumed event an entry was projected from; a redelivered event cannot add a second entry.
    source_event_id text        unique,
    interaction_id  uuid        references interaction (id),
    task_id         uuid,
    purchase_id     uuid,
    lead_id         uuid,
    opportunity_id  uuid,
    ticket_id       uuid,
    created_at      timestamptz not null default now(),
    check (contact_id is not null or company_id is not null)
);

-- Newest first, keyset paged: (occurred_at, id) per contact and per company.
create index timeline_entry_contact on timeline_entry (contact_id, occurred_at desc, id desc);
create index timeline_entry_company on timeline_entry (company_id, occurred_at desc, id desc);

select crm_enable_tenant_scope('timeline_entry');
