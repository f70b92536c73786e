-- Tickets: one row per ticket with its current state, and the service figures it contributes to. As with
-- leads, every ticket event re-derives the ticket's contribution and books the difference, so a reopened
-- and resolved-again ticket or a changed rating counts once, with its latest values.
create table ticket_fact (
    tenant_id              text        not null default crm_current_tenant(),
    unit_id                text,
    ticket_id              uuid        not null,
    contact_id             uuid,
    queue_key              text        not null default '',
    queue_name             text,
    category               text,
    priority               text,
    opened_at              timestamptz,
    is_open                boolean     not null default false,
    resolved_at            timestamptz,
    first_response_minutes integer,
    resolution_minutes     integer,
    first_response_met     boolean,
    resolution_met         boolean,
    rating                 smallint,
    rated_at               timestamptz,
    primary key (tenant_id, ticket_id)
);

create index ticket_fact_contact on ticket_fact (tenant_id, contact_id);

select crm_enable_tenant_scope('ticket_fact');

-- Per scope and month: tickets opened (by opening month), resolved with SLA results (by resolution
-- month) and ratings (by rating month).
create table service_month (
    tenant_id              text    not null default crm_current_tenant(),
    unit_id                text,
    scope_key              text    generated always as (coalesce(unit_id, '')) stored,
    month                  date    not null,
    opened                 integer not null default 0,
    resolved               integer not null default 0,
    first_response_measured integer not null default 0,
    first_response_met     integer not null default 0,
    resolution_measured    integer not null default 0,
    resolution_met         integer not null default 0,
    rating_sum             integer not null default 0,
    ratings                integer not null default 0,
    primary key (tenant_id, scope_key, month)
);

select crm_enable_tenant_scope('service_month');

-- Business minutes as histograms per scope, month and metric: exact p50/p90 from counts.
create table service_minutes (
    tenant_id text    not null default crm_current_tenant(),
    unit_id   text,
    scope_key text    generated always as (coalesce(unit_id, '')) stored,
    month     date    not null,
    metric    text    not null check (metric in ('first_response', 'resolution')),
    minutes   integer not null,
    tickets   integer not null default 0,
    primary key (tenant_id, scope_key, month, metric, minutes)
);

select crm_enable_tenant_scope('service_minutes');

-- Open tickets now, per unit (none = '') and queue. Small enough that HQ adds up the unit rows.
create table ticket_backlog (
    tenant_id  text    not null default crm_current_tenant(),
    unit_id    text,
    unit_key   text    generated always as (coalesce(unit_id, '')) stored,
    queue_key  text    not null,
    queue_name text,
    open       integer not null default 0,
    primary key (tenant_id, unit_key, queue_key)
);

select crm_enable_tenant_scope('ticket_backlog');

-- Tickets opened per category, scope and period ('day', 'week', 'month'): the most requested services.
create table ticket_category (
    tenant_id    text    not null default crm_current_tenant(),
    unit_id      text,
    scope_key    text    generated always as (coalesce(unit_id, '')) stored,
    period       text    not null check (period in ('day', 'week', 'month')),
    period_start date    not null,
    category     text    not null,
    tickets      integer not null default 0,
    primary key (tenant_id, scope_key, period, period_start, category)
);

select crm_enable_tenant_scope('ticket_category');
