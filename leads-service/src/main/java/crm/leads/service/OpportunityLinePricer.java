package crm.leads.service;

import crm.leads.domain.OpportunityLine;
import crm.leads.domain.OpportunityPricing;
import crm.leads.domain.Product;
import crm.leads.repository.ProductRepository;
import crm.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns requested line items into priced lines against the catalogue: each SKU must exist, a new line
 * must name an active item (a line already on the deal may keep an item that was retired since), and a
 * line without a unit price takes the list price, which must then be in the opportunity's currency.
 */
@ApplicationScoped
public class OpportunityLinePricer {

    private final ProductRepository products;

    public OpportunityLinePricer(ProductRepository products) {
        this.products = products;
    }

    public Uni<List<OpportunityLine>> price(SqlConnection tx, List<NewOpportunity.Line> lines, String currency,
                                            List<OpportunityLine> current) {
        if (lines == null || lines.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> skus = lines.stream().map(l -> l.sku().strip()).collect(Collectors.toSet());
        Set<String> alreadyOnTheDeal = current.stream().map(OpportunityLine::sku).collect(Collectors.toSet());
        return products.findBySkus(tx, skus).map(found -> {
            Map<String, Product> bySku = found.stream()
                    .collect(Collectors.toMap(p -> p.details().sku(), Function.identity()));
            List<OpportunityLine> priced = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                priced.add(priceLine(i, lines.get(i), bySku, currency, alreadyOnTheDeal));
            }
            if (OpportunityPricing.amount(priced).compareTo(OpportunityPricing.MAX_AMOUNT) > 0) {
                throw ProblemException.badRequest("lines", "add up to more than " + OpportunityPricing.MAX_AMOUNT);
            }
            return priced;
        });
    }

    private static OpportunityLine priceLine(int index, NewOpportunity.Line line, Map<String, Product> bySku,
                                             String currency, Set<String> alreadyOnTheDeal) {
        String sku = line.sku().strip();
        Product product = bySku.get(sku);
        if (product == null) {
            throw ProblemException.badRequest("lines[" + index + "].sku", "is not in the catalogue");
        }
        if (!product.details().active() && !alreadyOnTheDeal.contains(sku)) {
            throw ProblemException.badRequest("lines[" + index + "].sku", "is no longer sold (inactive)");
        }
        BigDecimal unitPrice = line.unitPrice();
        if (unitPrice == null) {
            if (!product.details().currency().equals(currency)) {
                throw ProblemException.badRequest("lines[" + index + "].unitPrice", "is required: the list price is in "
                        + product.details().currency() + ", the opportunity in " + currency);
            }
            unitPrice = product.details().listPrice();
        }
        BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
        return new OpportunityLine(product.id(), sku, product.details().name(), product.details().kind(),
                line.quantity(), OpportunityPricing.money(unitPrice), discount,
                OpportunityPricing.lineTotal(line.quantity(), unitPrice, discount));
    }
}
