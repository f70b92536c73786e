-- Follow-ups (Wiedervorlage). A task belongs to the unit of its contact or company (or, without either,
-- to the unit of whoever created it). The due event is driven by the platform's scheduled timers: one
-- timer per open task, moved on snooze, cancelled on completion.
create table task (
    id           uuid        primary key,
    tenant_id    text        not null default crm_current_tenant(),
    unit_id      text        default crm_current_unit(),
    title        text        not null,
    notes        text,
    due_at       timestamptz not null,
    assignee_id  text        not null,
    priority     text        not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
    contact_id   uuid        references contact (id),
    company_id   uuid        references company (id),
    status       text        not null default 'open' check (status in ('open', 'done')),
    completed_at timestamptz,
    completed_by text,
    version      integer     not null default 1,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);

-- "My open tasks" and "overdue": by assignee and due time; the unit view and delta sync by unit/updated.
create index task_assignee_due on task (tenant_id, assignee_id, status, due_at, id);
create index task_tenant_due on task (tenant_id, status, due_at, id);
create index task_tenant_updated on task (tenant_id, updated_at, id);
create index task_contact on task (contact_id);
create index task_company on task (company_id);

select crm_enable_tenant_scope('task');
