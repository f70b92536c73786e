-- Idempotency keys of creating requests (crm.platform.idempotency.IdempotentRequests). A key belongs to
-- the subject (user or integration client) that sent it, within its tenant, and names the operation, so
-- neither another user nor another endpoint can replay someone's stored response. The row is written in
-- the same transaction as the creation it guards: a creation that rolls back leaves no key behind.
create table idempotency_key (
    tenant_id    text        not null default crm_current_tenant(),
    subject      text        not null,
    operation    text        not null,
    key          text        not null check (length(key) between 1 and 255),
    request_hash text        not null,
    status       integer,
    location     text,
    etag         text,
    body         jsonb,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    primary key (tenant_id, subject, operation, key)
);

-- Lazy cleanup looks for expired keys of the tenant.
create index idempotency_key_expiry on idempotency_key (tenant_id, expires_at);

-- Tenant-wide (not unit-scoped): the subject in the key already separates users.
select crm_enable_tenant_scope('idempotency_key', false);
