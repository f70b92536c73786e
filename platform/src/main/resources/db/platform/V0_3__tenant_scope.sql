-- The central tenancy wall. TenantScope sets crm.tenant_id and crm.unit_id at the start of every
-- transaction; these policies admit a row only when it belongs to that tenant and, for franchisee
-- staff (a unit is set), to that unit. A transaction that set nothing sees nothing.
create function crm_in_scope(row_tenant text, row_unit text) returns boolean
    language sql stable as $$
    select row_tenant = current_setting('crm.tenant_id', true)
       and (coalesce(current_setting('crm.unit_id', true), '') = ''
            or row_unit = current_setting('crm.unit_id', true))
$$;

create function crm_current_tenant() returns text
    language sql stable as $$ select nullif(current_setting('crm.tenant_id', true), '') $$;

create function crm_current_unit() returns text
    language sql stable as $$ select nullif(current_setting('crm.unit_id', true), '') $$;

-- Every tenant table of every service is put behind the wall with this one call in its migration:
--   select crm_enable_tenant_scope('contact');
-- FORCE binds the table owner too, which is the role the service connects as.
create function crm_enable_tenant_scope(target regclass, unit_scoped boolean default true) returns void
    language plpgsql as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    if unit_scoped then
        execute format('create policy tenant_scope on %s using (crm_in_scope(tenant_id, unit_id))'
                       ' with check (crm_in_scope(tenant_id, unit_id))', target);
    else
        execute format('create policy tenant_scope on %s using (tenant_id = crm_current_tenant())'
                       ' with check (tenant_id = crm_current_tenant())', target);
    end if;
end $$;
