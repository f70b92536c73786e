-- Transactional outbox: a business write and its event commit together; the relay publishes later.
-- No row-level security here: the relay reads across tenants, and no API reaches this table.
create table outbox_event (
    position     bigserial primary key,
    id           uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    type         text        not null,
    tenant_id    text        not null,
    envelope     jsonb       not null,
    status       text        not null default 'PENDING'
                 check (status in ('PENDING', 'PUBLISHED', 'FAILED')),
    attempts     integer     not null default 0,
    last_error   text,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (position) where status = 'PENDING';

-- Wakes the relay at commit time; the relay also polls, so a lost notification only delays.
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('crm_outbox', '');
    return null;
end $$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();
