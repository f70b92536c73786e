-- Leads, their history, web forms, per-tenant rules, import jobs and the projection of known contacts.
-- Every table is behind the tenant wall (crm_enable_tenant_scope) except web_form_key, the one lookup
-- anonymous form visitors need, which holds no personal data.

create table lead (
    id                   uuid        primary key,
    tenant_id            text        not null default crm_current_tenant(),
    -- null: the lead sits at headquarters (HQ queue); franchisee users never see those.
    unit_id              text        default crm_current_unit(),
    status               text        not null default 'new'
                         check (status in ('new', 'contacted', 'qualified', 'converted', 'disqualified', 'nurture')),
    salutation           text        check (salutation in ('Herr', 'Frau', 'Divers', 'Mr', 'Ms', 'Mx')),
    first_name           text,
    last_name            text,
    email                text,
    phone                text,
    company_name         text,
    company_domain       text,
    company_size         text        check (company_size in ('1-9', '10-49', '50-249', '250-999', '1000+')),
    postal_code          text,
    city                 text,
    country_code         text,
    products_of_interest text[]      not null default '{}',
    campaign_id          uuid,
    source_details       text,
    message              text,
    channel              text        not null check (channel in ('website', 'cold_call', 'direct_mail', 'field_sales',
                                     'social_media', 'trade_fair', 'event', 'referral', 'partner', 'other')),
    form_key             text,
    -- Matching keys for dedupe and contact recognition: lower-case e-mail, E.164 digits of the phone.
    email_key            text,
    phone_key            text,
    consent              jsonb,
    owner_id             text,
    queue                text        not null check (queue in ('unit', 'hq')),
    routing_reason       text,
    territory_id         text,
    score                integer     not null default 0,
    score_explanation    jsonb       not null default '[]',
    contact_id           uuid,
    upsell               boolean     not null default false,
    form_fills           integer     not null default 0,
    last_engaged_at      timestamptz,
    sla_minutes          integer,
    sla_warn_at          timestamptz,
    sla_due_at           timestamptz,
    sla_breached_at      timestamptz,
    first_contact_at     timestamptz,
    status_reason        text,
    nurture_until        date,
    converted_at         timestamptz,
    opportunity_id       uuid,
    captured_at          timestamptz not null default now(),
    anonymised_at        timestamptz,
    version              integer     not null default 1,
    created_by           text        not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

-- Keyset paging and delta sync: (updated_at, id) after the tenant, which every row-level check pins.
create index lead_tenant_updated on lead (tenant_id, updated_at, id);
-- Dedupe looks for an open lead with the same e-mail or phone.
create index lead_open_email on lead (tenant_id, email_key)
    where status in ('new', 'contacted', 'qualified', 'nurture') and email_key is not null;
create index lead_open_phone on lead (tenant_id, phone_key)
    where status in ('new', 'contacted', 'qualified', 'nurture') and phone_key is not null;
-- Least-loaded routing counts open leads per owner; the "mine" view lists them.
create index lead_owner on lead (tenant_id, owner_id) where status in ('new', 'contacted', 'qualified', 'nurture');
create index lead_contact on lead (tenant_id, contact_id) where contact_id is not null;
-- At-risk and breached views.
create index lead_sla_running on lead (tenant_id, sla_warn_at) where status = 'new' and first_contact_at is null;

select crm_enable_tenant_scope('lead');

create table lead_activity (
    id          uuid        primary key,
    tenant_id   text        not null default crm_current_tenant(),
    -- The lead's unit, moved along when the lead moves, so a unit sees the whole history of its leads.
    unit_id     text        default crm_current_unit(),
    lead_id     uuid        not null references lead (id),
    kind        text        not null check (kind in ('call_attempt', 'call', 'email', 'meeting', 'note', 'capture',
                            'capture_attached', 'status_changed', 'assigned', 'sla_breached')),
    outcome     text,
    note        text,
    occurred_at timestamptz not null,
    author_id   text        not null,
    created_at  timestamptz not null default now()
);

create index lead_activity_lead on lead_activity (lead_id, occurred_at, id);

select crm_enable_tenant_scope('lead_activity');

-- Contacts as contacts-service announces them (crm.contacts events), reduced to what recognition needs.
create table contact_ref (
    contact_id  uuid        not null,
    tenant_id   text        not null default crm_current_tenant(),
    unit_id     text,
    first_name  text,
    last_name   text,
    email_key   text,
    phone_key   text,
    -- Merged into another contact, or erased: kept so that a late created/updated event cannot revive it.
    merged_into uuid,
    erased_at   timestamptz,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, contact_id)
);

create index contact_ref_email on contact_ref (tenant_id, email_key) where email_key is not null;
create index contact_ref_phone on contact_ref (tenant_id, phone_key) where phone_key is not null;

select crm_enable_tenant_scope('contact_ref');

-- Web forms. unit_id is the form's default unit: franchisee admins see and manage their unit's forms,
-- headquarters all of them.
create table web_form (
    form_key             text        primary key,
    tenant_id            text        not null default crm_current_tenant(),
    unit_id              text        default crm_current_unit(),
    name                 text        not null,
    title                text        not null,
    fields               jsonb       not null,
    campaign_id          uuid,
    channel              text        not null,
    products_of_interest text[]      not null default '{}',
    consent_text         text,
    consent_version      text,
    consent_required     boolean     not null default false,
    minimum_fill_seconds integer     not null,
    honeypot_field       text        not null,
    enabled              boolean     not null default true,
    version              integer     not null default 1,
    created_by           text        not null,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create index web_form_tenant_updated on web_form (tenant_id, updated_at, form_key);

select crm_enable_tenant_scope('web_form');

-- The public form endpoints know only the key in the URL. This table tells them the tenant, so they can
-- then work inside that tenant's scope like any request. Deliberately without row-level security and
-- without anything personal: a key and a tenant id.
create table web_form_key (
    form_key  text primary key,
    tenant_id text not null
);

-- Per-tenant rules (scoring, territories, routing, sla), each one JSON document with a version.
create table lead_config (
    tenant_id  text        not null default crm_current_tenant(),
    kind       text        not null check (kind in ('scoring', 'territories', 'routing', 'sla')),
    body       jsonb       not null,
    version    integer     not null default 1,
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, kind)
);

-- Tenant-wide: a franchisee's capture is scored and routed by the tenant's rules.
select crm_enable_tenant_scope('lead_config', false);

-- Round robin: who in a unit got the last lead.
create table rep_rotation (
    tenant_id     text        not null default crm_current_tenant(),
    unit_id       text        not null,
    last_owner_id text        not null,
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, unit_id)
);

select crm_enable_tenant_scope('rep_rotation');

-- CSV import jobs (trade-fair and event lists) with their per-row errors.
create table lead_import (
    id          uuid        primary key,
    tenant_id   text        not null default crm_current_tenant(),
    unit_id     text        default crm_current_unit(),
    status      text        not null check (status in ('running', 'completed', 'failed')),
    channel     text        not null,
    campaign_id uuid,
    total_rows  integer     not null default 0,
    created     integer     not null default 0,
    attached    integer     not null default 0,
    failed      integer     not null default 0,
    errors      jsonb       not null default '[]',
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    finished_at timestamptz
);

select crm_enable_tenant_scope('lead_import');
