-- The read model of analytics-service. Reports read only the pre-aggregated tables below, never raw events.
--
-- Scope convention of the aggregate ("cube") tables: every figure is kept once per unit (unit_id = the unit)
-- and once brand-wide (unit_id null). scope_key is '' for the brand-wide row and the unit id otherwise.
-- Row-level security hides brand-wide rows from franchisee staff (a unit is set) and shows HQ everything, so
-- a report asks for "scope_key = analytics_scope()": HQ gets the brand totals, a franchisee its unit's rows,
-- and neither has to add up rows of many units at read time.
-- TenantScope sets crm.unit_id to '' for HQ staff and event consumers. The function stays a bare
-- current_setting() on purpose: the planner may then use "scope_key = analytics_scope()" as an index
-- condition beneath the row-level security policy (a coalesce() here would be treated as leaky).
create function analytics_scope() returns text
    language sql stable as $$ select current_setting('crm.unit_id', true) $$;

-- Minimal personal data for segments and audiences; erased on crm.contact.erased.v1. version 0 marks a
-- contact only known from other events so far (e.g. a purchase that overtook crm.contact.created.v1).
create table contact_profile (
    tenant_id       text        not null default crm_current_tenant(),
    unit_id         text,
    contact_id      uuid        not null,
    first_name      text,
    last_name       text,
    email           text,
    phone           text,
    street          text,
    postal_code     text,
    city            text,
    lifecycle_stage text,
    tags            text[]      not null default '{}',
    company_id      uuid,
    version         integer     not null default 0,
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, contact_id)
);

create index contact_profile_unit on contact_profile (tenant_id, unit_id, contact_id);
create index contact_profile_tags on contact_profile using gin (tags);

select crm_enable_tenant_scope('contact_profile');

-- Company sizes, a feature of the lookalike profile. Brand-wide: a size is not a figure of a location.
create table company_profile (
    tenant_id  text        not null default crm_current_tenant(),
    company_id uuid        not null,
    size       text,
    version    integer     not null default 0,
    primary key (tenant_id, company_id)
);

select crm_enable_tenant_scope('company_profile', false);

-- The latest consent per person and channel (crm.consent.changed.v1); audiences only contain 'granted'.
create table contact_consent (
    tenant_id  text        not null default crm_current_tenant(),
    contact_id uuid        not null,
    channel    text        not null check (channel in ('email', 'phone', 'sms', 'post')),
    status     text        not null check (status in ('granted', 'withdrawn', 'unknown')),
    changed_at timestamptz not null,
    primary key (tenant_id, contact_id, channel)
);

select crm_enable_tenant_scope('contact_consent', false);

-- Merged contacts: events that still name the merged id are booked on the survivor.
create table contact_merge (
    tenant_id   text        not null default crm_current_tenant(),
    merged_id   uuid        not null,
    survivor_id uuid        not null,
    merged_at   timestamptz not null,
    primary key (tenant_id, merged_id)
);

create index contact_merge_survivor on contact_merge (tenant_id, survivor_id);

select crm_enable_tenant_scope('contact_merge', false);

-- The audit record of each applied erasure. It also stops later events from re-creating the person.
create table erasure_record (
    tenant_id          text        not null default crm_current_tenant(),
    contact_id         uuid        not null,
    erasure_request_id uuid        not null,
    requested_at       timestamptz,
    applied_at         timestamptz not null default now(),
    primary key (tenant_id, contact_id, erasure_request_id)
);

select crm_enable_tenant_scope('erasure_record', false);

-- Freshness per tenant and topic: the newest event time seen and how many distinct events were applied.
create table ingestion_state (
    tenant_id        text        not null default crm_current_tenant(),
    topic            text        not null,
    last_event_time  timestamptz,
    last_received_at timestamptz not null default now(),
    events           bigint      not null default 0,
    primary key (tenant_id, topic)
);

select crm_enable_tenant_scope('ingestion_state', false);

-- Tenants whose scores (RFM, segments, lookalikes) are stale. No row-level security: the scorer works
-- across tenants, like the outbox relay, and no API reaches this table. 'requested' grows with every
-- request, so the scorer only removes a request it has fully seen.
create sequence scoring_request_seq;

create table scoring_request (
    tenant_id text   primary key,
    requested bigint not null
);
