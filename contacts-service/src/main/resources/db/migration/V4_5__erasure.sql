-- GDPR Art. 17: one row per erasure request, the audit record that it happened. It holds no personal
-- data: who asked (a staff subject), when, the subject's contact id and the request id.
create table erasure_request (
    id           uuid        primary key,
    tenant_id    text        not null default crm_current_tenant(),
    unit_id      text        default crm_current_unit(),
    -- Named subject_id, not contact_id, on purpose: the audit row keeps the id the request was made for,
    -- and a later merge of contacts does not re-point it.
    subject_id   uuid        not null references contact (id),
    requested_by text        not null,
    requested_at timestamptz not null default now()
);

create index erasure_request_subject on erasure_request (subject_id, requested_at);

select crm_enable_tenant_scope('erasure_request');

-- Which services confirmed (crm.privacy.erasure-applied.v1) that they anonymised the subject.
create table erasure_confirmation (
    erasure_request_id uuid        not null references erasure_request (id),
    tenant_id          text        not null default crm_current_tenant(),
    unit_id            text        default crm_current_unit(),
    service            text        not null,
    applied_at         timestamptz not null,
    recorded_at        timestamptz not null default now(),
    primary key (erasure_request_id, service)
);

select crm_enable_tenant_scope('erasure_confirmation');
