-- The minute histograms keep durations exactly below 128 minutes and, from there on, rounded down to their
-- seven most significant bits (crm.analytics.domain.MinuteBuckets), so that a histogram's rows no longer grow
-- with the number of distinct durations. Rows booked before are merged into their buckets here.
-- The owner is bound by the tenancy policy (FORCE); it is lifted for this one rewrite across tenants.

create function pg_temp.minute_bucket(minutes integer) returns integer
    language sql immutable as $$
    select case when minutes < 128 then minutes
                else minutes >> (length(ltrim(minutes::bit(32)::text, '0')) - 7)
                             << (length(ltrim(minutes::bit(32)::text, '0')) - 7) end
$$;

alter table funnel_speed no force row level security;

create temporary table funnel_speed_buckets on commit drop as
select tenant_id, unit_id, month, channel, campaign_key, pg_temp.minute_bucket(minutes) as minutes,
       sum(leads)::integer as leads
from funnel_speed where minutes >= 128
group by 1, 2, 3, 4, 5, 6;

delete from funnel_speed where minutes >= 128;

insert into funnel_speed (tenant_id, unit_id, month, channel, campaign_key, minutes, leads)
select tenant_id, unit_id, month, channel, campaign_key, minutes, leads from funnel_speed_buckets where leads <> 0;

alter table funnel_speed force row level security;

alter table service_minutes no force row level security;

create temporary table service_minutes_buckets on commit drop as
select tenant_id, unit_id, month, metric, pg_temp.minute_bucket(minutes) as minutes, sum(tickets)::integer as tickets
from service_minutes where minutes >= 128
group by 1, 2, 3, 4, 5;

delete from service_minutes where minutes >= 128;

insert into service_minutes (tenant_id, unit_id, month, metric, minutes, tickets)
select tenant_id, unit_id, month, metric, minutes, tickets from service_minutes_buckets where tickets <> 0;

alter table service_minutes force row level security;
