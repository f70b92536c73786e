-- Campaign segments: a saved definition; size and audience are evaluated against the read model when asked.
-- A franchisee's segment belongs to its unit; an HQ segment (unit_id null) is visible to HQ only.
create table segment (
    tenant_id  text        not null default crm_current_tenant(),
    unit_id    text,
    id         uuid        not null,
    name       text        not null,
    definition jsonb       not null,
    version    integer     not null default 1,
    created_by text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id)
);

create index segment_updated on segment (tenant_id, updated_at, id);

select crm_enable_tenant_scope('segment');
