-- Durable timers (a task falls due, a lead or ticket SLA breaches). The row holds no personal data, only
-- what the scheduler needs to find due timers of every tenant; it is therefore not behind row-level
-- security. Firing claims the row (FOR UPDATE SKIP LOCKED), runs the handler with the timer's tenant as
-- scope and deletes the row in one transaction: a timer fires once, also with several replicas.
create table scheduled_timer (
    tenant_id  text        not null default crm_current_tenant(),
    kind       text        not null,
    timer_key  text        not null,
    due_at     timestamptz not null,
    attempts   integer     not null default 0,
    primary key (tenant_id, kind, timer_key)
);

create index scheduled_timer_due on scheduled_timer (due_at);
