-- What customers bought, from shops and point-of-sale systems. An order is recorded once per tenant and
-- external order id, whichever unit or channel sends it again. Like everything about a customer, a purchase
-- is visible in the unit of its contact (unit_id); the unit that sold it is selling_unit_id, which the
-- event names as its unit for analytics.
create table purchase (
    id                uuid          primary key,
    tenant_id         text          not null default crm_current_tenant(),
    unit_id           text          default crm_current_unit(),
    selling_unit_id   text,
    contact_id        uuid          not null references contact (id),
    external_order_id text          not null check (length(external_order_id) between 1 and 100),
    purchased_at      timestamptz   not null,
    channel           text          not null check (channel in ('online', 'in_store', 'phone', 'marketplace', 'other')),
    currency          text          not null check (currency ~ '^[A-Z]{3}$'),
    total             numeric(14, 2) not null,
    -- The e-mail address the sending system named the buyer by, as sent (personal; erased with the contact).
    buyer_email       text,
    created_by        text          not null,
    created_at        timestamptz   not null default now(),
    unique (tenant_id, external_order_id)
);

create index purchase_contact on purchase (contact_id, purchased_at desc, id desc);

select crm_enable_tenant_scope('purchase');

create table purchase_line (
    purchase_id uuid           not null references purchase (id) on delete cascade,
    line_no     integer        not null,
    tenant_id   text           not null default crm_current_tenant(),
    unit_id     text           default crm_current_unit(),
    sku         text           not null check (length(sku) between 1 and 64),
    quantity    integer        not null check (quantity > 0),
    unit_price  numeric(14, 2) not null check (unit_price >= 0),
    line_total  numeric(14, 2) not null,
    primary key (purchase_id, line_no)
);

select crm_enable_tenant_scope('purchase_line');
