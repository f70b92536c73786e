-- The current consent of a contact per channel; every change is also a timeline entry (the history).
create table consent (
    id              uuid        primary key,
    tenant_id       text        not null default crm_current_tenant(),
    unit_id         text        default crm_current_unit(),
    contact_id      uuid        not null references contact (id),
    channel         text        not null check (channel in ('email', 'phone', 'sms', 'post')),
    status          text        not null check (status in ('granted', 'withdrawn', 'unknown')),
    source          text        not null,
    wording_version text,
    changed_at      timestamptz not null,
    changed_by      text        not null,
    version         integer     not null default 1,
    unique (contact_id, channel)
);

select crm_enable_tenant_scope('consent');
