package crm.e2e.bench;

import java.util.List;

/**
 * Every report endpoint of analytics-service (docs/api.md) beside an equivalent SQL query over the raw
 * events table: what the report would cost without the service's pre-aggregated read model. Parameters:
 * {@code ?1} the tenant, {@code ?2} a contact id. The SQL answers the same question in the plainest way;
 * where the service's figure is richer (lift, RFM names, similarity), the query computes its core.
 */
final class AnalyticsReports {

    /** A report: its name, its path (with {@code {contactId}}), and the raw-table SQL. */
    record Report(String name, String path, String sql) {
    }

    static final String PURCHASES = "type = 'crm.purchase.recorded.v1' and tenant_id = ?1";
    static final String LINES = "from bench_raw_event e, jsonb_array_elements(e.data -> 'lines') l where e." + PURCHASES;

    static final List<Report> ALL = List.of(
            new Report("status", "/api/v1/analytics/status",
                    "select topic, count(*), max(time) from bench_raw_event where tenant_id = ?1 group by topic"),
            new Report("customer value", "/api/v1/analytics/customers/{contactId}/value",
                    "select sum((data ->> 'total')::numeric), count(*), max(time) from bench_raw_event"
                            + " where " + PURCHASES + " and subject = ?2"),
            new Report("top customers", "/api/v1/analytics/customers/top?limit=10",
                    "select subject, sum((data ->> 'total')::numeric) as revenue from bench_raw_event where " + PURCHASES
                            + " group by subject order by revenue desc limit 10"),
            new Report("RFM segments", "/api/v1/analytics/customers/segments",
                    "with c as (select subject, max(time) as r, count(*) as f, sum((data ->> 'total')::numeric) as m"
                            + " from bench_raw_event where " + PURCHASES + " group by subject),"
                            + " s as (select ntile(5) over (order by r) as rs, ntile(5) over (order by f) as fs,"
                            + " ntile(5) over (order by m) as ms from c)"
                            + " select rs, fs, count(*), avg(ms) from s group by rs, fs"),
            new Report("demand per month", "/api/v1/analytics/demand/products?period=month",
                    "select date_trunc('month', e.time), l ->> 'sku', sum((l ->> 'quantity')::int),"
                            + " sum((l ->> 'lineTotal')::numeric) " + LINES + " group by 1, 2"),
            new Report("top sellers", "/api/v1/analytics/demand/top-sellers",
                    "select l ->> 'sku', sum((l ->> 'lineTotal')::numeric) as revenue " + LINES
                            + " group by 1 order by revenue desc limit 10"),
            new Report("slow sellers", "/api/v1/analytics/demand/slow-sellers?days=30",
                    "with sold as (select l ->> 'sku' as sku, sum((l ->> 'quantity')::int) as units " + LINES
                            + " and e.time > (select max(time) from bench_raw_event where tenant_id = ?1)"
                            + " - interval '30 days' group by 1),"
                            + " products as (select distinct data ->> 'sku' as sku from bench_raw_event"
                            + " where type = 'crm.product.upserted.v1' and tenant_id = ?1)"
                            + " select p.sku, coalesce(s.units, 0) as units from products p left join sold s"
                            + " on s.sku = p.sku order by units, p.sku limit 10"),
            new Report("requested services", "/api/v1/analytics/demand/services",
                    "select data ->> 'category', count(*) from bench_raw_event where type = 'crm.ticket.opened.v1'"
                            + " and tenant_id = ?1 group by 1 order by 2 desc"),
            new Report("cross-sell rules", "/api/v1/analytics/cross-sell/rules",
                    "select a ->> 'sku', b ->> 'sku', count(*) from bench_raw_event e,"
                            + " jsonb_array_elements(e.data -> 'lines') a, jsonb_array_elements(e.data -> 'lines') b"
                            + " where e." + PURCHASES + " and a ->> 'sku' < b ->> 'sku'"
                            + " group by 1, 2 order by 3 desc limit 20"),
            new Report("recommendations", "/api/v1/analytics/customers/{contactId}/recommendations",
                    "with mine as (select distinct l ->> 'sku' as sku " + LINES + " and e.subject = ?2),"
                            + " alike as (select distinct e.subject " + LINES
                            + " and l ->> 'sku' in (select sku from mine) and e.subject <> ?2)"
                            + " select l ->> 'sku', count(*) " + LINES + " and e.subject in (select subject from alike)"
                            + " and l ->> 'sku' not in (select sku from mine) group by 1 order by 2 desc limit 5"),
            new Report("funnel by channel", "/api/v1/analytics/funnel?by=channel",
                    "with captured as (select subject, data ->> 'channel' as channel from bench_raw_event"
                            + " where type = 'crm.lead.captured.v1' and tenant_id = ?1),"
                            + " converted as (select distinct subject from bench_raw_event where type ="
                            + " 'crm.lead.status-changed.v1' and tenant_id = ?1 and data ->> 'to' = 'converted')"
                            + " select channel, count(*), count(v.subject) from captured c left join converted v"
                            + " on v.subject = c.subject group by channel"),
            new Report("campaign return", "/api/v1/analytics/campaigns/return",
                    "select data ->> 'campaignId', sum((data ->> 'amount')::numeric), count(*) from bench_raw_event"
                            + " where type = 'crm.opportunity.won.v1' and tenant_id = ?1 group by 1"),
            new Report("lookalike leads", "/api/v1/analytics/leads/lookalikes",
                    "with best as (select subject from bench_raw_event where " + PURCHASES
                            + " group by subject order by sum((data ->> 'total')::numeric) desc limit 100),"
                            + " sizes as (select distinct data ->> 'companySize' as size from bench_raw_event"
                            + " where type = 'crm.lead.captured.v1' and tenant_id = ?1 limit 2)"
                            + " select subject, data ->> 'score' from bench_raw_event where type = 'crm.lead.captured.v1'"
                            + " and tenant_id = ?1 and data ->> 'companySize' in (select size from sizes)"
                            + " and (select count(*) from best) > 0 order by (data ->> 'score')::int desc limit 20"),
            new Report("service figures", "/api/v1/analytics/service",
                    "select percentile_cont(0.5) within group (order by (data ->> 'firstResponseBusinessMinutes')::int),"
                            + " percentile_cont(0.9) within group (order by (data ->> 'resolutionBusinessMinutes')::int),"
                            + " avg(((data ->> 'resolutionSlaMet')::boolean)::int) from bench_raw_event"
                            + " where type = 'crm.ticket.resolved.v1' and tenant_id = ?1"),
            new Report("franchise league", "/api/v1/analytics/league",
                    "select unit_id, sum((data ->> 'total')::numeric) as revenue from bench_raw_event where " + PURCHASES
                            + " group by unit_id order by revenue desc"));

    private AnalyticsReports() {
    }
}
