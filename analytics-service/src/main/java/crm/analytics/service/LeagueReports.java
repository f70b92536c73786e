package crm.analytics.service;

import crm.analytics.domain.LeagueFigures.BrandAverage;
import crm.analytics.domain.LeagueFigures.LeagueRow;
import crm.analytics.domain.LeagueFigures.LeagueTable;
import crm.analytics.domain.Ratio;
import crm.analytics.repository.LeagueRepository;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The franchise league table. HQ staff see every unit, ranked. Franchisee staff see their own row and
 * the brand average, nothing of another unit: the average is computed over all units in a brand-wide
 * read whose rows never leave this class.
 */
@ApplicationScoped
public class LeagueReports {

    /** The figures units are ranked by. */
    public static final List<String> RANKINGS = List.of("revenue", "growth", "conversionRate", "slaCompliance",
            "averageRating");

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final LeagueRepository league;
    private final ReportingCurrency currency;

    public LeagueReports(TenantScope scope, CurrentTenant currentTenant, LeagueRepository league,
                         ReportingCurrency currency) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.league = league;
        this.currency = currency;
    }

    public Uni<LeagueTable> table(YearMonth period, String sortBy) {
        TenantContext context = currentTenant.get();
        YearMonth previous = period.minusMonths(1);
        TenantContext brandWide = new TenantContext(context.tenantId(), null, context.subject(), context.roles());
        return scope.inTransaction(brandWide, tx -> league.units(tx, period.atDay(1), previous.atDay(1)))
                .map(rows -> {
                    List<LeagueRow> all = rows(rows);
                    BrandAverage average = average(all);
                    if (!context.isBrandWide()) {
                        List<LeagueRow> own = all.stream().filter(r -> r.unitId().equals(context.unitId()))
                                .map(r -> withRanks(r, null)).toList();
                        return new LeagueTable(period, previous, sortBy, currency.code(), own, average);
                    }
                    return new LeagueTable(period, previous, sortBy, currency.code(), ranked(all, sortBy), average);
                });
    }

    private static List<LeagueRow> rows(RowSet<Row> rows) {
        List<LeagueRow> result = new ArrayList<>();
        for (Row r : rows) {
            BigDecimal revenue = CustomerValueReports.money(r.getBigDecimal("revenue"));
            BigDecimal previous = r.getBigDecimal("previous_revenue");
            int captured = orZero(r.getInteger("captured"));
            int converted = orZero(r.getInteger("converted"));
            int targets = orZero(r.getInteger("sla_targets"));
            int ratings = orZero(r.getInteger("ratings"));
            result.add(new LeagueRow(r.getString("unit_id"), revenue,
                    previous == null ? null : CustomerValueReports.money(previous), Ratio.change(revenue, previous),
                    orZero(r.getInteger("orders")), captured, converted, Ratio.of(converted, captured), targets,
                    Ratio.of(orZero(r.getInteger("sla_met")), targets), Ratio.of(orZero(r.getInteger("rating_sum")),
                    ratings), ratings, null));
        }
        return result;
    }

    /** Competition ranking per figure ("1224"): equal figures share a rank; units without the figure get none. */
    private static List<LeagueRow> ranked(List<LeagueRow> rows, String sortBy) {
        Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
        rows.forEach(r -> ranks.put(r.unitId(), new LinkedHashMap<>()));
        for (String figure : RANKINGS) {
            Function<LeagueRow, BigDecimal> value = figure(figure);
            List<LeagueRow> present = rows.stream().filter(r -> value.apply(r) != null)
                    .sorted(Comparator.comparing(value).reversed()).toList();
            for (int i = 0; i < present.size(); i++) {
                BigDecimal v = value.apply(present.get(i));
                int rank = i + 1;
                while (rank > 1 && value.apply(present.get(rank - 2)).compareTo(v) == 0) {
                    rank--;
                }
                ranks.get(present.get(i).unitId()).put(figure, rank);
            }
        }
        Function<LeagueRow, BigDecimal> order = figure(sortBy);
        return rows.stream().map(r -> withRanks(r, ranks.get(r.unitId())))
                .sorted(Comparator.comparing(order, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(LeagueRow::unitId))
                .toList();
    }

    private static BrandAverage average(List<LeagueRow> rows) {
        return new BrandAverage(rows.size(), mean(rows, LeagueRow::revenue, 2), mean(rows, LeagueRow::growth, Ratio.SCALE),
                mean(rows, LeagueRow::conversionRate, Ratio.SCALE), mean(rows, LeagueRow::slaCompliance, Ratio.SCALE),
                mean(rows, LeagueRow::averageRating, Ratio.SCALE));
    }

    /** The mean over the units that have the figure; null when none has it. */
    private static BigDecimal mean(List<LeagueRow> rows, Function<LeagueRow, BigDecimal> figure, int scale) {
        List<BigDecimal> values = rows.stream().map(figure).filter(Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64).setScale(scale, RoundingMode.HALF_EVEN);
    }

    static Function<LeagueRow, BigDecimal> figure(String name) {
        switch (name) {
            case "growth":
                return LeagueRow::growth;
            case "conversionRate":
                return LeagueRow::conversionRate;
            case "slaCompliance":
                return LeagueRow::slaCompliance;
            case "averageRating":
                return LeagueRow::averageRating;
            default:
                return LeagueRow::revenue;
        }
    }

    private static LeagueRow withRanks(LeagueRow r, Map<String, Integer> ranks) {
        return new LeagueRow(r.unitId(), r.revenue(), r.previousRevenue(), r.growth(), r.orders(), r.leadsCaptured(),
                r.leadsConverted(), r.conversionRate(), r.slaTargets(), r.slaCompliance(), r.averageRating(),
                r.ratings(), ranks);
    }

    private static int orZero(Integer value) {
        return Objects.requireNonNullElse(value, 0);
    }
}
