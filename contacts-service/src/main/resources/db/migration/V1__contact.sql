create table contact (
    id          uuid        primary key,
    tenant_id   text        not null default crm_current_tenant(),
    unit_id     text        default crm_current_unit(),
    first_name  text        not null,
    last_name   text        not null,
    email       text,
    phone       text,
    version     integer     not null default 1,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create index contact_tenant_updated on contact (tenant_id, updated_at, id);

select crm_enable_tenant_scope('contact');
