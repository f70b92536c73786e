package crm.analytics.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * Reads of the funnel cube. Rows per channel, campaign or month come from the caller's scope; rows per
 * unit from the unit rows the caller may see (all units for HQ, the own unit for franchisee staff).
 */
@ApplicationScoped
public class FunnelReportRepository {

    /** What a funnel can be grouped by, and the column and rows that grouping reads. */
    public enum Dimension {
        CHANNEL("channel", "channel", "scope_key = analytics_scope()"),
        CAMPAIGN("campaign", "campaign_key", "scope_key = analytics_scope()"),
        UNIT("unit", "unit_id", "unit_id is not null"),
        PERIOD("period", "to_char(month, 'YYYY-MM')", "scope_key = analytics_scope()");

        public static final String ALLOWED = "channel, campaign, unit or period";

        private final String value;
        private final String key;
        private final String rows;

        Dimension(String value, String key, String rows) {
            this.value = value;
            this.key = key;
            this.rows = rows;
        }

        public String value() {
            return value;
        }

        public static Dimension of(String value) {
            for (Dimension d : values()) {
                if (d.value.equals(value)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("must be " + ALLOWED);
        }
    }

    private static final String COUNTS = "sum(captured)::integer as captured, sum(contacted)::integer as contacted,"
            + " sum(qualified)::integer as qualified, sum(converted)::integer as converted,"
            + " sum(disqualified)::integer as disqualified, sum(nurtured)::integer as nurtured,"
            + " sum(sla_breached)::integer as sla_breached";

    public Uni<RowSet<Row>> counts(SqlConnection tx, Dimension by, LocalDate from, LocalDate to) {
        return tx.preparedQuery("select " + by.key + " as key, " + COUNTS + " from funnel_cube where " + by.rows
                        + " and month between $1 and $2 group by 1 having sum(captured) <> 0 order by 1")
                .execute(Tuple.of(from, to));
    }

    public Uni<RowSet<Row>> totals(SqlConnection tx, LocalDate from, LocalDate to) {
        return tx.preparedQuery("select " + COUNTS + " from funnel_cube"
                        + " where scope_key = analytics_scope() and month between $1 and $2")
                .execute(Tuple.of(from, to));
    }

    /** Speed-to-lead histograms per group: (key, minutes, leads) in key and minute order; key null = total. */
    public Uni<RowSet<Row>> speed(SqlConnection tx, Dimension by, LocalDate from, LocalDate to) {
        return tx.preparedQuery("select " + by.key + " as key, minutes, sum(leads)::integer as leads from funnel_speed"
                        + " where " + by.rows + " and month between $1 and $2 group by 1, 2 order by 1, 2")
                .execute(Tuple.of(from, to));
    }

    public Uni<RowSet<Row>> totalSpeed(SqlConnection tx, LocalDate from, LocalDate to) {
        return tx.preparedQuery("select minutes, sum(leads)::integer as leads from funnel_speed"
                        + " where scope_key = analytics_scope() and month between $1 and $2 group by 1 order by 1")
                .execute(Tuple.of(from, to));
    }

    public Uni<RowSet<Row>> campaignNames(SqlConnection tx) {
        return tx.query("select campaign_id::text as key, name from campaign").execute();
    }

    /** Every campaign known from the catalogue or from attributed revenue, with its figures in the caller's scope. */
    public Uni<RowSet<Row>> campaignReturns(SqlConnection tx, int limit) {
        return tx.preparedQuery("""
                        with ids as (
                            select campaign_id from campaign
                            union
                            select campaign_id from campaign_revenue where scope_key = analytics_scope()
                        ), leads as (
                            select campaign_key, sum(captured)::integer as captured, sum(converted)::integer as converted
                            from funnel_cube where scope_key = analytics_scope() and campaign_key <> ''
                            group by campaign_key
                        )
                        select ids.campaign_id, c.name, c.channel, c.starts_on, c.ends_on, c.budget_reporting,
                               r.won_revenue, r.won_deals, r.purchase_revenue, r.purchases, l.captured, l.converted
                        from ids
                        left join campaign c on c.campaign_id = ids.campaign_id
                        left join campaign_revenue r on r.scope_key = analytics_scope() and r.campaign_id = ids.campaign_id
                        left join leads l on l.campaign_key = ids.campaign_id::text
                        order by coalesce(r.won_revenue, 0) + coalesce(r.purchase_revenue, 0) desc, ids.campaign_id
                        limit $1""")
                .execute(Tuple.of(limit));
    }
}
