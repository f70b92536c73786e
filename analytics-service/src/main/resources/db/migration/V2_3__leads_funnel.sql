-- Leads: one row per lead with its current state, and the funnel cube its state contributes to.
-- A lead counts in the month it was captured (its cohort), in its current unit, channel and campaign.
-- Every lead event re-derives the lead's contribution and books the difference to the cube, so events
-- that overtake the capture, a unit change and repeated transitions all end in the same figures.
create table lead_fact (
    tenant_id            text        not null default crm_current_tenant(),
    unit_id              text,
    lead_id              uuid        not null,
    captured             boolean     not null default false,
    captured_at          timestamptz,
    channel              text,
    campaign_id          uuid,
    form_key             text,
    postal_code          text,
    country_code         text,
    company_name         text,
    company_size         text,
    products_of_interest text[]      not null default '{}',
    status               text        not null default 'new',
    contacted            boolean     not null default false,
    qualified            boolean     not null default false,
    converted            boolean     not null default false,
    disqualified         boolean     not null default false,
    nurtured             boolean     not null default false,
    sla_breached         boolean     not null default false,
    first_contact_at     timestamptz,
    converted_at         timestamptz,
    contact_id           uuid,
    converted_contact_id uuid,
    is_open              boolean     generated always as (captured and not converted and not disqualified) stored,
    lookalike_score      numeric(5, 4),
    lookalike_features   jsonb,
    primary key (tenant_id, lead_id)
);

create index lead_fact_lookalike on lead_fact (tenant_id, lookalike_score desc, lead_id) where is_open;
create index lead_fact_unit_lookalike on lead_fact (tenant_id, unit_id, lookalike_score desc, lead_id) where is_open;
create index lead_fact_contact on lead_fact (tenant_id, contact_id);
create index lead_fact_converted_contact on lead_fact (tenant_id, converted_contact_id);

select crm_enable_tenant_scope('lead_fact');

-- Funnel counters per scope, cohort month, channel and campaign ('' = none).
create table funnel_cube (
    tenant_id    text    not null default crm_current_tenant(),
    unit_id      text,
    scope_key    text    generated always as (coalesce(unit_id, '')) stored,
    month        date    not null,
    channel      text    not null,
    campaign_key text    not null,
    captured     integer not null default 0,
    contacted    integer not null default 0,
    qualified    integer not null default 0,
    converted    integer not null default 0,
    disqualified integer not null default 0,
    nurtured     integer not null default 0,
    sla_breached integer not null default 0,
    primary key (tenant_id, scope_key, month, channel, campaign_key)
);

create index funnel_cube_unit on funnel_cube (tenant_id, unit_id, month) where unit_id is not null;

select crm_enable_tenant_scope('funnel_cube');

-- Speed to lead (whole minutes from capture to first contact) as a histogram: exact medians from counts.
create table funnel_speed (
    tenant_id    text    not null default crm_current_tenant(),
    unit_id      text,
    scope_key    text    generated always as (coalesce(unit_id, '')) stored,
    month        date    not null,
    channel      text    not null,
    campaign_key text    not null,
    minutes      integer not null,
    leads        integer not null default 0,
    primary key (tenant_id, scope_key, month, channel, campaign_key, minutes)
);

select crm_enable_tenant_scope('funnel_speed');
