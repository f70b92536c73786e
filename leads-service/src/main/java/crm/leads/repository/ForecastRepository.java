package crm.leads.repository;

import crm.leads.domain.ForecastBucket;
import crm.leads.domain.ForecastGrouping;
import crm.leads.domain.OpportunityStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds up open and won opportunities closing in a date range, per group, currency, status and
 * probability; {@link crm.leads.domain.ForecastCalculator} weighs them. The database does the
 * heavy summing, so the answer stays small however many deals there are.
 */
@ApplicationScoped
public class ForecastRepository {

    public Uni<List<ForecastBucket>> buckets(SqlConnection tx, ForecastGrouping by, LocalDate from, LocalDate until) {
        String key = switch (by) {
            case MONTH -> "to_char(expected_close_on, 'YYYY-MM')";
            case UNIT -> "unit_id";
            case OWNER -> "owner_id";
        };
        return tx.preparedQuery("select " + key + " as key, currency, status, probability, sum(coalesce(amount, 0)) as amount,"
                        + " count(*) as count from opportunity where status in ('open', 'won')"
                        + " and expected_close_on >= $1 and expected_close_on < $2"
                        + " group by 1, currency, status, probability")
                .execute(Tuple.of(from, until))
                .map(rows -> {
                    List<ForecastBucket> buckets = new ArrayList<>();
                    rows.forEach(row -> buckets.add(new ForecastBucket(row.getString("key"), row.getString("currency"),
                            OpportunityStatus.of(row.getString("status")), row.getInteger("probability"),
                            row.getBigDecimal("amount"), row.getLong("count"))));
                    return buckets;
                });
    }
}
