package crm.analytics.service;

import crm.analytics.domain.CrossSellFigures.Recommendation;
import crm.analytics.domain.CrossSellFigures.Recommendations;
import crm.analytics.domain.CrossSellFigures.Rule;
import crm.analytics.domain.CrossSellFigures.Rules;
import crm.analytics.domain.Ratio;
import crm.analytics.repository.CrossSellRepository;
import crm.analytics.repository.CustomerReportRepository;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Association rules between SKUs and per-customer recommendations from them. */
@ApplicationScoped
public class CrossSellReports {

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final CrossSellRepository crossSell;
    private final CustomerReportRepository customers;

    public CrossSellReports(TenantScope scope, CurrentTenant currentTenant, CrossSellRepository crossSell,
                            CustomerReportRepository customers) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.crossSell = crossSell;
        this.customers = customers;
    }

    public Uni<Rules> rules(BigDecimal minSupport, BigDecimal minConfidence, String sku, int limit) {
        return scope.inTransaction(currentTenant.get(), tx -> crossSell.baskets(tx).flatMap(total -> total == 0
                ? Uni.createFrom().item(new Rules(0, minSupport, minConfidence, List.of()))
                : crossSell.rules(tx, total, minBaskets(minSupport, total), minConfidence, sku, limit).map(rows -> {
                    List<Rule> items = new ArrayList<>();
                    for (Row r : rows) {
                        int both = r.getInteger("baskets");
                        int withSku = r.getInteger("sku_baskets");
                        int withOther = r.getInteger("other_baskets");
                        items.add(new Rule(r.getString("sku"), r.getString("other_sku"), both, Ratio.of(both, total),
                                Ratio.of(both, withSku), lift(both, total, withSku, withOther)));
                    }
                    return new Rules(total, minSupport, minConfidence, items);
                })));
    }

    /** 404 for a contact the caller cannot see. */
    public Uni<Recommendations> recommendations(UUID contactId, BigDecimal minSupport, BigDecimal minConfidence,
                                                int limit) {
        return scope.inTransaction(currentTenant.get(), tx -> customers.isVisible(tx, contactId).flatMap(visible -> {
            if (!visible) {
                throw ProblemException.notFound("Customer " + contactId);
            }
            return crossSell.baskets(tx);
        }).flatMap(total -> total == 0 ? Uni.createFrom().item(new Recommendations(contactId, List.of()))
                : crossSell.recommendations(tx, contactId, total, minBaskets(minSupport, total), minConfidence, limit)
                        .map(rows -> {
                            List<Recommendation> items = new ArrayList<>();
                            for (Row r : rows) {
                                items.add(new Recommendation(r.getString("sku"), r.getString("name"),
                                        scaled(r.getBigDecimal("confidence")), scaled(r.getBigDecimal("lift")),
                                        Arrays.asList(r.getArrayOfStrings("because_of"))));
                            }
                            return new Recommendations(contactId, items);
                        })));
    }

    /** The smallest number of baskets that reaches the minimum support (at least one). */
    static int minBaskets(BigDecimal minSupport, int total) {
        return Math.max(1, minSupport.multiply(BigDecimal.valueOf(total)).setScale(0, RoundingMode.CEILING).intValue());
    }

    static BigDecimal lift(int both, int total, int withSku, int withOther) {
        return BigDecimal.valueOf((long) both * total)
                .divide(BigDecimal.valueOf((long) withSku * withOther), Ratio.SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.setScale(Ratio.SCALE, RoundingMode.HALF_EVEN);
    }
}
