-- Pre-aggregated contact counts per tenant and unit: reports read these rows, never raw events.
create table contact_stats (
    tenant_id  text        not null default crm_current_tenant(),
    unit_id    text,
    contacts   bigint      not null default 0,
    updated_at timestamptz not null default now()
);

create unique index contact_stats_key on contact_stats (tenant_id, coalesce(unit_id, ''));

select crm_enable_tenant_scope('contact_stats');
