-- CSV import jobs and their per-row error reports. A job belongs to the unit of whoever started it (none
-- for HQ), so a franchisee sees its own unit's jobs and HQ sees all. Neither table holds personal data:
-- errors name the row, the column and the reason, never the value.
create table contact_import (
    id              uuid        primary key,
    tenant_id       text        not null default crm_current_tenant(),
    unit_id         text        default crm_current_unit(),
    status          text        not null default 'running'
                    check (status in ('running', 'completed', 'cancelled', 'failed')),
    rows_read       bigint      not null default 0,
    created_count   bigint      not null default 0,
    updated_count   bigint      not null default 0,
    unchanged_count bigint      not null default 0,
    failed_count    bigint      not null default 0,
    errors_listed   bigint      not null default 0,
    failure_reason  text,
    -- A repeated upload with the same Idempotency-Key is answered with this job (same body) or refused.
    idempotency_key text        check (length(idempotency_key) between 1 and 255),
    body_sha256     text,
    created_by      text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    finished_at     timestamptz
);

create unique index contact_import_idempotency on contact_import (tenant_id, created_by, idempotency_key)
    where idempotency_key is not null;
create index contact_import_recent on contact_import (tenant_id, created_at desc, id desc);

select crm_enable_tenant_scope('contact_import');

create table contact_import_error (
    import_id  uuid    not null references contact_import (id) on delete cascade,
    row_number bigint  not null,
    position   integer not null,
    tenant_id  text    not null default crm_current_tenant(),
    unit_id    text    default crm_current_unit(),
    field      text    not null,
    reason     text    not null,
    primary key (import_id, row_number, position)
);

select crm_enable_tenant_scope('contact_import_error');
