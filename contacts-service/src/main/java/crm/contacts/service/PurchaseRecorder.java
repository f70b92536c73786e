package crm.contacts.service;

import crm.contacts.domain.Purchase;
import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import crm.contacts.events.PurchaseEvents;
import crm.contacts.repository.ContactReferences.ContactRef;
import crm.contacts.repository.PurchaseRepository;
import crm.contacts.repository.TimelineRepository;
import crm.platform.events.Outbox;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Records one checked order inside the caller's transaction: the purchase with its lines, its timeline
 * entry and {@code crm.purchase.recorded.v1}, or nothing when the tenant already knows the external order id.
 * Single and bulk recording share it, so both follow the same rules.
 */
@ApplicationScoped
public class PurchaseRecorder {

    /** What became of an order. */
    public sealed interface Outcome {
    }

    public record Created(Purchase purchase) implements Outcome {
    }

    public record Duplicate(String externalOrderId) implements Outcome {
    }

    public record Rejected(String field, String reason) implements Outcome {
    }

    private final PurchaseRepository purchases;
    private final TimelineRepository timeline;
    private final Outbox outbox;

    public PurchaseRecorder(PurchaseRepository purchases, TimelineRepository timeline, Outbox outbox) {
        this.purchases = purchases;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    /**
     * {@code order} passed bean validation and {@link PurchaseOrder#check}; {@code buyer} is the contact it
     * names, or null when no such contact is visible to the caller.
     */
    public Uni<Outcome> record(SqlConnection tx, TenantContext context, NewPurchase order, ContactRef buyer) {
        if (buyer == null) {
            return rejected(order.contactId() != null ? "contactId" : "contactEmail",
                    "no such contact in your tenant and unit");
        }
        String sellingUnit;
        if (context.isBrandWide()) {
            sellingUnit = order.unitId() != null ? order.unitId() : buyer.unitId();
        } else if (order.unitId() == null || order.unitId().equals(context.unitId())) {
            sellingUnit = context.unitId();
        } else {
            return rejected("unitId", "you can record purchases only for your own unit " + context.unitId());
        }
        var lines = PurchaseOrder.lines(order);
        Purchase purchase = new Purchase(UUID.randomUUID(), buyer.unitId(), sellingUnit, buyer.id(),
                order.externalOrderId().strip(), PurchaseOrder.purchasedAt(order), order.channel(), order.currency(),
                PurchaseOrder.total(lines), PurchaseOrder.email(order), lines, context.subject(), null);
        return purchases.insertUnlessKnown(tx, purchase).flatMap(stored -> {
            if (stored.isEmpty()) {
                return Uni.createFrom().item(new Duplicate(purchase.externalOrderId()));
            }
            Purchase saved = stored.get();
            return timeline.insert(tx, entryOf(saved), null)
                    .flatMap(ignored -> outbox.append(tx, PurchaseEvents.recorded(context, saved)))
                    .replaceWith(new Created(saved));
        });
    }

    private static Uni<Outcome> rejected(String field, String reason) {
        return Uni.createFrom().item(new Rejected(field, reason));
    }

    private static TimelineEntry entryOf(Purchase p) {
        int items = p.lines().stream().mapToInt(Purchase.Line::quantity).sum();
        String summary = "Order " + p.externalOrderId() + ": " + items + (items == 1 ? " item, " : " items, ")
                + p.total().toPlainString() + " " + p.currency() + " (" + p.channel().value() + ")";
        return new TimelineEntry(UUID.randomUUID(), p.unitId(), p.contactId(), null, TimelineKind.PURCHASE,
                p.purchasedAt(), p.createdBy(), summary, null, null, InteractionService.SOURCE,
                TimelineEntry.References.purchase(p.id()));
    }
}
