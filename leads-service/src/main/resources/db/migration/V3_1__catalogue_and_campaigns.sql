-- The brand's catalogue of products and services, and its marketing campaigns.

-- Products are brand-wide: every unit sells from the same catalogue, so the table is scoped by tenant
-- only. Who may change it (HQ admins and managers) is decided by the service, not by the policy.
create table product (
    id         uuid          primary key,
    tenant_id  text          not null default crm_current_tenant(),
    sku        text          not null check (length(sku) between 1 and 64),
    name       text          not null,
    category   text,
    kind       text          not null check (kind in ('product', 'service')),
    list_price numeric(14,2) not null check (list_price >= 0),
    currency   char(3)       not null,
    active     boolean       not null default true,
    version    integer       not null default 1,
    created_by text          not null,
    created_at timestamptz   not null default now(),
    updated_at timestamptz   not null default now(),
    -- The SKU is what shops, POS systems and analytics know an item by: one per tenant.
    constraint product_sku_unique unique (tenant_id, sku)
);

create index product_tenant_updated on product (tenant_id, updated_at, id);

select crm_enable_tenant_scope('product', false);

-- A campaign is either brand-wide (unit_id null, run by HQ) or a unit's own local campaign.
create table campaign (
    id         uuid          primary key,
    tenant_id  text          not null default crm_current_tenant(),
    unit_id    text          default crm_current_unit(),
    name       text          not null,
    channel    text          not null check (channel in ('website', 'cold_call', 'direct_mail', 'field_sales',
                             'social_media', 'trade_fair', 'event', 'referral', 'partner', 'other')),
    starts_on  date          not null,
    ends_on    date,
    budget     numeric(14,2) check (budget >= 0),
    currency   char(3)       not null,
    version    integer       not null default 1,
    created_by text          not null,
    created_at timestamptz   not null default now(),
    updated_at timestamptz   not null default now(),
    check (ends_on is null or ends_on >= starts_on)
);

create index campaign_tenant_updated on campaign (tenant_id, updated_at, id);

-- The usual tenant wall, plus a unit wall that differs from the standard one: franchisee staff see
-- their own unit's campaigns and the brand-wide ones (a national campaign brings leads to every unit),
-- but may write only their own unit's. Restrictive, so it narrows the tenant policy rather than widening it.
select crm_enable_tenant_scope('campaign', false);
create policy unit_scope on campaign as restrictive
    using (crm_current_unit() is null or unit_id is null or unit_id = crm_current_unit())
    with check (crm_current_unit() is null or unit_id = crm_current_unit());
