-- tickets-service: tickets with comments and attachment metadata, queues and routing, SLA settings, the
-- knowledge base and a local projection of contacts-service's contacts and companies.
--
-- Every table carries tenant_id defaulted from the transaction's scope and sits behind
-- crm_enable_tenant_scope. Tickets and what hangs off them belong to a unit; their children copy the
-- ticket's unit so that row-level security keeps franchisees on their own unit's comments too.
-- Configuration (queues, settings) and the projection are brand-wide within a tenant.

-- What contacts-service told us about its contacts (crm.contacts events). A ticket may name a contact
-- this projection does not know yet; it is then flagged unverified until the contact's event arrives.
create table contact_ref (
    tenant_id    text        not null default crm_current_tenant(),
    contact_id   uuid        not null,
    unit_id      text,
    company_id   uuid,
    email        text,
    tags         text[]      not null default '{}',
    tier         text,
    merged_into  uuid,
    erased       boolean     not null default false,
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, contact_id)
);
select crm_enable_tenant_scope('contact_ref', false);

create table company_ref (
    tenant_id    text        not null default crm_current_tenant(),
    company_id   uuid        not null,
    unit_id      text,
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, company_id)
);
select crm_enable_tenant_scope('company_ref', false);

-- Queues and their members (agents with skills and a capacity of open tickets). Members are read and
-- replaced with their queue, so they live in a jsonb array on the queue row.
create table queue (
    id          uuid        primary key,
    tenant_id   text        not null default crm_current_tenant(),
    name        text        not null,
    description text,
    strategy    text        not null check (strategy in ('round_robin', 'least_loaded', 'skill')),
    members     jsonb       not null default '[]',
    is_default  boolean     not null default false,
    version     integer     not null default 1,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
-- At most one default queue per tenant: the lazy creation relies on this index to stay single.
create unique index queue_default on queue (tenant_id) where is_default;
create index queue_tenant_updated on queue (tenant_id, updated_at, id);
select crm_enable_tenant_scope('queue', false);

-- Round-robin position per queue, kept apart from the queue so that routing does not bump its version.
create table queue_rotation (
    tenant_id      text not null default crm_current_tenant(),
    queue_id       uuid not null references queue (id) on delete cascade,
    last_agent_id  text not null,
    primary key (tenant_id, queue_id)
);
select crm_enable_tenant_scope('queue_rotation', false);

-- Open tickets per agent across all units, for least-loaded routing and capacity. A counter rather than a
-- count(*): a franchisee's transaction sees only its unit's tickets, the load must cover all of them.
create table agent_load (
    tenant_id     text    not null default crm_current_tenant(),
    agent_id      text    not null,
    open_tickets  integer not null default 0,
    primary key (tenant_id, agent_id)
);
select crm_enable_tenant_scope('agent_load', false);

-- Tenant configuration documents: routing rules, SLA policies, business calendars. Each is read and
-- replaced whole (GET/PUT with ETag), validated by the service before it is stored.
create table tenant_setting (
    tenant_id   text        not null default crm_current_tenant(),
    kind        text        not null check (kind in ('routing-rules', 'sla-policies', 'calendars')),
    document    jsonb       not null,
    version     integer     not null default 1,
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, kind)
);
select crm_enable_tenant_scope('tenant_setting', false);

-- Ticket numbers count up per tenant (the number customers quote on the phone).
create table ticket_counter (
    tenant_id    text   primary key default crm_current_tenant(),
    last_number  bigint not null
);
select crm_enable_tenant_scope('ticket_counter', false);

create table ticket (
    id                          uuid        primary key,
    tenant_id                   text        not null default crm_current_tenant(),
    unit_id                     text        default crm_current_unit(),
    number                      bigint      not null,
    subject                     text        not null,
    description                 text,
    channel                     text        not null check (channel in ('email', 'phone', 'web', 'portal', 'in_store')),
    category                    text,
    priority                    text        not null check (priority in ('low', 'normal', 'high', 'urgent')),
    status                      text        not null default 'new'
                                check (status in ('new', 'open', 'pending_customer', 'on_hold', 'resolved', 'closed')),
    contact_id                  uuid,
    contact_verified            boolean     not null default false,
    company_id                  uuid,
    company_verified            boolean     not null default false,
    requester_email             text,
    customer_tier               text        not null,
    queue_id                    uuid        references queue (id),
    assignee_id                 text,
    routing_rule                text,
    tags                        text[]      not null default '{}',
    custom_fields               jsonb       not null default '{}',
    watchers                    text[]      not null default '{}',
    -- SLA: the policy's terms as they were when the ticket opened, and one business-minute clock that
    -- runs except while the ticket waits for the customer (or is resolved or closed).
    sla_terms                   jsonb,
    clock_elapsed_minutes       bigint      not null default 0,
    clock_running_since         timestamptz,
    first_response_due_at       timestamptz,
    resolution_due_at           timestamptz,
    first_response_warned_at    timestamptz,
    first_response_breached_at  timestamptz,
    resolution_warned_at        timestamptz,
    resolution_breached_at      timestamptz,
    first_response_minutes      bigint,
    resolution_minutes          bigint,
    first_response_at           timestamptz,
    resolved_at                 timestamptz,
    closed_at                   timestamptz,
    reopened_at                 timestamptz,
    rating                      integer     check (rating between 1 and 5),
    rating_comment              text,
    rated_at                    timestamptz,
    version                     integer     not null default 1,
    created_by                  text        not null,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    unique (tenant_id, number)
);
create index ticket_tenant_updated on ticket (tenant_id, updated_at, id);
create index ticket_contact on ticket (tenant_id, contact_id);
create index ticket_company on ticket (tenant_id, company_id);
create index ticket_assignee on ticket (tenant_id, assignee_id) where status not in ('resolved', 'closed');
create index ticket_queue on ticket (queue_id) where status not in ('resolved', 'closed');
select crm_enable_tenant_scope('ticket');

create table ticket_comment (
    id          uuid        primary key,
    tenant_id   text        not null default crm_current_tenant(),
    unit_id     text,
    ticket_id   uuid        not null references ticket (id),
    author_id   text        not null,
    visibility  text        not null check (visibility in ('public', 'internal')),
    body        text        not null,
    created_at  timestamptz not null default now()
);
create index ticket_comment_ticket on ticket_comment (ticket_id, created_at, id);
select crm_enable_tenant_scope('ticket_comment');

create table ticket_attachment (
    id            uuid        primary key,
    tenant_id     text        not null default crm_current_tenant(),
    unit_id       text,
    ticket_id     uuid        not null references ticket (id),
    name          text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes >= 0),
    uploaded_by   text        not null,
    created_at    timestamptz not null default now()
);
create index ticket_attachment_ticket on ticket_attachment (ticket_id, created_at, id);
select crm_enable_tenant_scope('ticket_attachment');

-- Knowledge base: brand-wide articles, searchable in German (stemmed) and as plain words (product
-- names, error codes) at once. to_tsvector with a fixed configuration is immutable, so the vector can be
-- a stored generated column behind a GIN index. Tags are joined by an immutable wrapper because
-- array_to_string is only stable in general.
create function article_words(tags text[]) returns text
    language sql immutable parallel safe as $$ select coalesce(array_to_string(tags, ' '), '') $$;

create table article (
    id            uuid        primary key,
    tenant_id     text        not null default crm_current_tenant(),
    title         text        not null,
    body          text        not null,
    category      text,
    tags          text[]      not null default '{}',
    solved_count  integer     not null default 0,
    version       integer     not null default 1,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    search_vector tsvector    generated always as (
        setweight(to_tsvector('german', title), 'A')
        || setweight(to_tsvector('simple', title || ' ' || coalesce(category, '') || ' ' || article_words(tags)), 'A')
        || setweight(to_tsvector('german', body), 'B')
        || setweight(to_tsvector('simple', body), 'C')) stored
);
create index article_search on article using gin (search_vector);
create index article_tenant_updated on article (tenant_id, updated_at, id);
create index article_tenant_useful on article (tenant_id, solved_count, id);
select crm_enable_tenant_scope('article', false);

-- Which articles solved which ticket; the link belongs to the ticket's unit, the count to the article.
create table ticket_solution (
    tenant_id   text        not null default crm_current_tenant(),
    unit_id     text,
    ticket_id   uuid        not null references ticket (id),
    article_id  uuid        not null references article (id),
    linked_by   text        not null,
    linked_at   timestamptz not null default now(),
    primary key (ticket_id, article_id)
);
select crm_enable_tenant_scope('ticket_solution');
