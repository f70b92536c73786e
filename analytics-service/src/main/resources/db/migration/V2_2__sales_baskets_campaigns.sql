-- Sales: orders are purchases (crm.purchase.recorded.v1) and won opportunities (crm.opportunity.won.v1).
-- Money is in the reporting currency (see AnalyticsConfig); amounts in a currency without a rate count 0.

-- The catalogue (crm.product.upserted.v1), brand-wide. Reports join it at read time, so a sale that
-- arrives before its product is named as soon as the product arrives.
create table product_catalogue (
    tenant_id  text          not null default crm_current_tenant(),
    sku        text          not null,
    product_id uuid          not null,
    name       text,
    category   text,
    kind       text,
    list_price numeric(18, 2),
    currency   text,
    active     boolean       not null default true,
    updated_at timestamptz,
    primary key (tenant_id, sku)
);

create index product_catalogue_product on product_catalogue (tenant_id, product_id);

select crm_enable_tenant_scope('product_catalogue', false);

-- One row per order: deduplicates by business id (a replay under a new event id changes nothing), and
-- holds what the campaign attribution, merges, erasure and the privacy export need.
create table order_fact (
    tenant_id   text          not null default crm_current_tenant(),
    unit_id     text,
    kind        text          not null check (kind in ('purchase', 'opportunity')),
    order_id    uuid          not null,
    contact_id  uuid,
    ordered_at  timestamptz   not null,
    amount      numeric(18, 2) not null,
    currency    text,
    total       numeric(18, 2),
    campaign_id uuid,
    skus        text[]        not null default '{}',
    primary key (tenant_id, kind, order_id)
);

create index order_fact_contact on order_fact (tenant_id, contact_id, ordered_at);

select crm_enable_tenant_scope('order_fact');

-- Customer value per scope; RFM scores and segment are written by the scorer.
create table customer_value (
    tenant_id        text           not null default crm_current_tenant(),
    unit_id          text,
    scope_key        text           generated always as (coalesce(unit_id, '')) stored,
    contact_id       uuid           not null,
    revenue          numeric(18, 2) not null default 0,
    purchase_revenue numeric(18, 2) not null default 0,
    won_revenue      numeric(18, 2) not null default 0,
    orders           integer        not null default 0,
    first_order_at   timestamptz,
    last_order_at    timestamptz,
    r_score          smallint,
    f_score          smallint,
    m_score          smallint,
    segment          text,
    primary key (tenant_id, scope_key, contact_id)
);

create index customer_value_top on customer_value (tenant_id, scope_key, revenue desc, contact_id);
create index customer_value_segment on customer_value (tenant_id, scope_key, segment, contact_id);
create index customer_value_contact on customer_value (tenant_id, contact_id);

select crm_enable_tenant_scope('customer_value');

-- What each customer bought, per scope: segment filters and recommendations.
create table customer_product (
    tenant_id  text           not null default crm_current_tenant(),
    unit_id    text,
    scope_key  text           generated always as (coalesce(unit_id, '')) stored,
    contact_id uuid           not null,
    sku        text           not null,
    quantity   numeric(18, 3) not null default 0,
    revenue    numeric(18, 2) not null default 0,
    orders     integer        not null default 0,
    last_at    timestamptz,
    primary key (tenant_id, scope_key, contact_id, sku)
);

create index customer_product_sku on customer_product (tenant_id, scope_key, sku, contact_id);
create index customer_product_contact on customer_product (tenant_id, contact_id);

select crm_enable_tenant_scope('customer_product');

-- Units and revenue per SKU and calendar period (UTC): 'day', 'week' (ISO, from Monday) and 'month'.
-- A date range is read as its whole months, then whole weeks, then the remaining days, so no report adds
-- up more than about 25 rows per SKU besides the months.
create table product_sales (
    tenant_id    text           not null default crm_current_tenant(),
    unit_id      text,
    scope_key    text           generated always as (coalesce(unit_id, '')) stored,
    period       text           not null check (period in ('day', 'week', 'month')),
    period_start date           not null,
    sku          text           not null,
    units        numeric(18, 3) not null default 0,
    revenue      numeric(18, 2) not null default 0,
    orders       integer        not null default 0,
    primary key (tenant_id, scope_key, period, period_start, sku)
);

create index product_sales_series on product_sales (tenant_id, scope_key, period, sku, period_start);

select crm_enable_tenant_scope('product_sales');

-- Lifetime totals per SKU: when it last sold (slow sellers).
create table product_totals (
    tenant_id     text           not null default crm_current_tenant(),
    unit_id       text,
    scope_key     text           generated always as (coalesce(unit_id, '')) stored,
    sku           text           not null,
    units         numeric(18, 3) not null default 0,
    revenue       numeric(18, 2) not null default 0,
    first_sold_at timestamptz,
    last_sold_at  timestamptz,
    primary key (tenant_id, scope_key, sku)
);

select crm_enable_tenant_scope('product_totals');

-- Revenue and orders per month: the league table's revenue and growth.
create table sales_month (
    tenant_id text           not null default crm_current_tenant(),
    unit_id   text,
    scope_key text           generated always as (coalesce(unit_id, '')) stored,
    month     date           not null,
    revenue   numeric(18, 2) not null default 0,
    orders    integer        not null default 0,
    primary key (tenant_id, scope_key, month)
);

select crm_enable_tenant_scope('sales_month');

-- Basket counts for association rules: baskets, baskets per SKU, baskets per ordered SKU pair (both
-- directions, so that the rules of one antecedent are one index range).
create table basket_count (
    tenant_id text    not null default crm_current_tenant(),
    unit_id   text,
    scope_key text    generated always as (coalesce(unit_id, '')) stored,
    baskets   integer not null default 0,
    primary key (tenant_id, scope_key)
);

select crm_enable_tenant_scope('basket_count');

create table basket_item (
    tenant_id text    not null default crm_current_tenant(),
    unit_id   text,
    scope_key text    generated always as (coalesce(unit_id, '')) stored,
    sku       text    not null,
    baskets   integer not null default 0,
    primary key (tenant_id, scope_key, sku)
);

select crm_enable_tenant_scope('basket_item');

create table basket_pair (
    tenant_id text    not null default crm_current_tenant(),
    unit_id   text,
    scope_key text    generated always as (coalesce(unit_id, '')) stored,
    sku       text    not null,
    other_sku text    not null,
    baskets   integer not null default 0,
    primary key (tenant_id, scope_key, sku, other_sku)
);

create index basket_pair_support on basket_pair (tenant_id, scope_key, baskets desc);

select crm_enable_tenant_scope('basket_pair');

-- Campaigns (crm.campaign.upserted.v1), brand-wide; the budget also in the reporting currency.
create table campaign (
    tenant_id        text           not null default crm_current_tenant(),
    campaign_id      uuid           not null,
    name             text,
    channel          text,
    starts_on        date,
    ends_on          date,
    budget           numeric(18, 2),
    currency         text,
    budget_reporting numeric(18, 2),
    updated_at       timestamptz,
    primary key (tenant_id, campaign_id)
);

select crm_enable_tenant_scope('campaign', false);

-- Which campaign won a contact: the first converted lead with a campaign that became this contact.
create table contact_campaign (
    tenant_id    text        not null default crm_current_tenant(),
    contact_id   uuid        not null,
    campaign_id  uuid        not null,
    lead_id      uuid        not null,
    converted_at timestamptz not null,
    primary key (tenant_id, contact_id)
);

select crm_enable_tenant_scope('contact_campaign', false);

-- Revenue attributed to campaigns per scope.
create table campaign_revenue (
    tenant_id        text           not null default crm_current_tenant(),
    unit_id          text,
    scope_key        text           generated always as (coalesce(unit_id, '')) stored,
    campaign_id      uuid           not null,
    won_revenue      numeric(18, 2) not null default 0,
    won_deals        integer        not null default 0,
    purchase_revenue numeric(18, 2) not null default 0,
    purchases        integer        not null default 0,
    primary key (tenant_id, scope_key, campaign_id)
);

select crm_enable_tenant_scope('campaign_revenue');

-- Customers and revenue per RFM segment and scope, refreshed by the scorer.
create table segment_summary (
    tenant_id text           not null default crm_current_tenant(),
    unit_id   text,
    scope_key text           generated always as (coalesce(unit_id, '')) stored,
    segment   text           not null,
    customers integer        not null,
    revenue   numeric(18, 2) not null,
    scored_at timestamptz    not null default now(),
    primary key (tenant_id, scope_key, segment)
);

select crm_enable_tenant_scope('segment_summary');

-- The named RFM segments. Evaluated in this order; the first match wins:
--   champions           R >= 4 and F >= 4 and M >= 4
--   loyal               R >= 3 and F >= 4
--   potential_loyalists R >= 4 and F in 2..3
--   new                 R >= 4 and F = 1
--   at_risk             R <= 2 and F >= 3
--   lost                R = 1 and F <= 2
--   hibernating         everything else (R = 3 and F <= 3, R = 2 and F <= 2)
create function analytics_rfm_segment(r integer, f integer, m integer) returns text
    language sql immutable as $$
    select case
        when r >= 4 and f >= 4 and m >= 4 then 'champions'
        when r >= 3 and f >= 4 then 'loyal'
        when r >= 4 and f between 2 and 3 then 'potential_loyalists'
        when r >= 4 and f = 1 then 'new'
        when r <= 2 and f >= 3 then 'at_risk'
        when r = 1 and f <= 2 then 'lost'
        else 'hibernating'
    end
$$;
