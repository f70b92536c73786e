-- Opportunities (deals) in a per-tenant pipeline, with line items and stage history.

-- One row per tenant once it configured its pipeline (or first changed it); without a row the service
-- uses its built-in default. stages is the ordered list of open stages [{key, name, probability}].
create table pipeline (
    tenant_id  text        primary key default crm_current_tenant(),
    stages     jsonb       not null,
    version    integer     not null default 1,
    updated_by text        not null,
    updated_at timestamptz not null default now()
);

select crm_enable_tenant_scope('pipeline', false);

-- Line items are a jsonb array on the row: they are always read, priced and replaced together with the
-- opportunity, and no query looks into them (analytics learns them from crm.opportunity.won.v1).
-- probability is the stage's probability when the deal entered it (re-applied when HQ changes the
-- pipeline), so forecasts add up in SQL without reading the configuration.
create table opportunity (
    id                uuid          primary key,
    tenant_id         text          not null default crm_current_tenant(),
    unit_id           text          default crm_current_unit(),
    lead_id           uuid,
    contact_id        uuid,
    company_id        uuid,
    campaign_id       uuid          references campaign (id),
    name              text          not null,
    stage             text          not null,
    probability       integer       not null check (probability between 0 and 100),
    status            text          not null default 'open' check (status in ('open', 'won', 'lost')),
    amount            numeric(16,2) check (amount >= 0),
    currency          char(3)       not null,
    expected_close_on date          not null,
    owner_id          text,
    lines             jsonb         not null default '[]',
    lost_reason       text,
    closed_at         timestamptz,
    version           integer       not null default 1,
    created_by        text          not null,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    check ((status = 'open') = (closed_at is null))
);

create index opportunity_tenant_updated on opportunity (tenant_id, updated_at, id);
-- The forecast reads open and won deals by expected close date.
create index opportunity_forecast on opportunity (tenant_id, expected_close_on) where status <> 'lost';
create index opportunity_contact on opportunity (contact_id);
create index opportunity_lead on opportunity (lead_id);

select crm_enable_tenant_scope('opportunity');

-- Append-only history. unit_id follows the opportunity (set explicitly, also when HQ moves the deal to
-- another unit), so a unit sees the history of exactly the deals it sees.
create table opportunity_stage_change (
    id             bigserial     primary key,
    tenant_id      text          not null default crm_current_tenant(),
    unit_id        text,
    opportunity_id uuid          not null references opportunity (id),
    from_stage     text,
    to_stage       text          not null,
    probability    integer       not null,
    amount         numeric(16,2),
    currency       char(3)       not null,
    reason         text,
    changed_by     text          not null,
    changed_at     timestamptz   not null default now()
);

create index opportunity_stage_change_opportunity on opportunity_stage_change (opportunity_id, id);

select crm_enable_tenant_scope('opportunity_stage_change');
