package crm.analytics.service;

import crm.analytics.domain.Order;
import crm.analytics.events.EventPayload;
import crm.analytics.repository.CampaignRepository;
import crm.analytics.repository.ContactRepository;
import crm.analytics.repository.SalesRepository;
import crm.analytics.repository.Statements;
import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Books purchases and won opportunities: the order fact (deduplicated by order id) and campaign revenue
 * here; sales per SKU and period, customer value, what each customer bought, baskets and monthly revenue
 * through {@link AggregateBatches}.
 */
@ApplicationScoped
public class OrderProjector {

    private final ContactRepository contacts;
    private final SalesRepository sales;
    private final CampaignRepository campaigns;
    private final AggregateBatches aggregates;
    private final ReportingCurrency currency;

    public OrderProjector(ContactRepository contacts, SalesRepository sales, CampaignRepository campaigns,
                          AggregateBatches aggregates, ReportingCurrency currency) {
        this.contacts = contacts;
        this.sales = sales;
        this.campaigns = campaigns;
        this.aggregates = aggregates;
        this.currency = currency;
    }

    /** crm.purchase.recorded.v1: the unitid extension is the selling unit. */
    public Uni<Void> purchaseRecorded(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        String code = p.optionalText("currency");
        List<Order.Line> lines = new ArrayList<>();
        BigDecimal lineSum = BigDecimal.ZERO;
        for (EventPayload line : p.objects("lines")) {
            BigDecimal quantity = line.decimal("quantity");
            BigDecimal lineTotal = lineTotal(line, quantity);
            lineSum = lineSum.add(lineTotal);
            lines.add(new Order.Line(line.text("sku"), quantity, currency.convert(lineTotal, code)));
        }
        BigDecimal total = p.optionalDecimal("total");
        BigDecimal amount = total != null ? total : lineSum;
        String unit = event.unitid() != null ? event.unitid() : p.optionalText("sellingUnitId");
        return book(tx, new Order(Order.Kind.PURCHASE, p.uuid("purchaseId"), p.optionalUuid("contactId"), unit,
                p.instantOrEventTime("purchasedAt"), currency.convert(amount, code), code, amount, null, null,
                Order.bySku(lines)));
    }

    /** crm.opportunity.won.v1: a won deal is an order of its contact; its lines are a basket. */
    public Uni<Void> opportunityWon(SqlConnection tx, CloudEvent event) {
        EventPayload p = EventPayload.of(event);
        String code = p.optionalText("currency");
        List<Order.Line> lines = new ArrayList<>();
        for (EventPayload line : p.objects("lines")) {
            BigDecimal quantity = line.decimal("quantity");
            lines.add(new Order.Line(line.text("sku"), quantity, currency.convert(lineTotal(line, quantity), code)));
        }
        BigDecimal amount = p.decimal("amount");
        String unit = event.unitid() != null ? event.unitid() : p.optionalText("unitId");
        OffsetDateTime wonAt = p.instantOrEventTime("wonAt");
        return book(tx, new Order(Order.Kind.OPPORTUNITY, p.uuid("opportunityId"), p.optionalUuid("contactId"), unit,
                wonAt, currency.convert(amount, code), code, amount, p.optionalUuid("campaignId"),
                p.optionalUuid("leadId"), Order.bySku(lines)));
    }

    private static BigDecimal lineTotal(EventPayload line, BigDecimal quantity) {
        BigDecimal lineTotal = line.optionalDecimal("lineTotal");
        if (lineTotal != null) {
            return lineTotal;
        }
        BigDecimal unitPrice = line.optionalDecimal("unitPrice");
        return unitPrice == null ? BigDecimal.ZERO : unitPrice.multiply(quantity);
    }

    /**
     * Books the order once. The contact is resolved first (a merged id books on the survivor; an erased
     * person's order is booked without the person) and locked, so that a campaign link or an erasure of
     * the same person runs before or after this transaction, never interleaved with it.
     */
    Uni<Void> book(SqlConnection tx, Order order) {
        return forContact(tx, order).flatMap(resolved -> sales.insertOrder(tx, resolved).flatMap(booked -> {
            if (booked.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Uni<?>> statements = new ArrayList<>();
            statements.add(aggregates.addOrder(tx, resolved));
            UUID campaign = booked.get().campaignId();
            if (campaign != null) {
                statements.add(resolved.kind() == Order.Kind.OPPORTUNITY
                        ? campaigns.addWonRevenue(tx, campaign, resolved.unitId(), resolved.amount())
                        : campaigns.addPurchaseRevenue(tx, campaign, resolved.unitId(), resolved.amount()));
            }
            statements.add(aggregates.requestScoring(tx));
            return Statements.together(statements);
        }));
    }

    private Uni<Order> forContact(SqlConnection tx, Order order) {
        if (order.contactId() == null) {
            return Uni.createFrom().item(order);
        }
        return contacts.resolveAndLock(tx, order.contactId())
                .map(contact -> order.withContact(contact.erased() ? null : contact.id()));
    }
}
