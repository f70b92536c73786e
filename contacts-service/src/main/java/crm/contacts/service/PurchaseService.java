package crm.contacts.service;

import crm.contacts.domain.Purchase;
import crm.contacts.repository.ContactReferences;
import crm.contacts.repository.KeysetPosition;
import crm.contacts.repository.PurchaseRepository;
import crm.platform.db.TenantScope;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.Problem;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Recording single purchases and reading them back. Bulk uploads go through {@link BulkPurchaseImport}. */
@ApplicationScoped
public class PurchaseService {

    static final String SORT = "-purchasedAt";

    /** A recorded order, and whether this request recorded it or it was known already. */
    public record Recorded(Purchase purchase, boolean created) {
    }

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ContactReferences references;
    private final PurchaseRepository purchases;
    private final PurchaseRecorder recorder;

    public PurchaseService(TenantScope scope, CurrentTenant currentTenant, ContactReferences references,
                           PurchaseRepository purchases, PurchaseRecorder recorder) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.references = references;
        this.purchases = purchases;
        this.recorder = recorder;
    }

    /**
     * Records the order once per external order id: a repeat answers the order recorded first. An order
     * known in a unit the caller cannot see is a conflict (its content stays hidden).
     */
    public Uni<Recorded> record(@Valid @NotNull NewPurchase order) {
        List<Problem.FieldError> errors = PurchaseOrder.check(order);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> buyer(tx, order)
                .flatMap(buyer -> recorder.record(tx, context, order, buyer.orElse(null)))
                .flatMap(outcome -> {
                    if (outcome instanceof PurchaseRecorder.Created created) {
                        return Uni.createFrom().item(new Recorded(created.purchase(), true));
                    }
                    if (outcome instanceof PurchaseRecorder.Rejected rejected) {
                        throw ProblemException.badRequest(rejected.field(), rejected.reason());
                    }
                    return purchases.findVisibleByExternalOrderId(tx, order.externalOrderId().strip())
                            .map(known -> new Recorded(known.orElseThrow(() -> ProblemException.conflict(
                                    "Order " + order.externalOrderId().strip() + " was already recorded in another unit")),
                                    false));
                }));
    }

    public Uni<Purchase> find(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> purchases.findById(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Purchase " + id)));
    }

    /** Newest first; with a contact, that contact's purchases (404 if the contact is not visible). */
    public Uni<Page<Purchase>> list(UUID contactId, PageRequest page) {
        page.requireSort(SORT, SORT);
        return scope.inTransaction(currentTenant.get(), tx -> references.contact(tx, contactId).flatMap(contact -> {
            if (contactId != null && contact.isEmpty()) {
                throw ProblemException.notFound("Contact " + contactId);
            }
            return purchases.page(tx, contact.map(ContactReferences.ContactRef::id).orElse(null), page);
        })).map(rows -> Page.of(rows, page, p -> KeysetPosition.cursor(SORT, p.purchasedAt(), p.id())));
    }

    private Uni<Optional<ContactReferences.ContactRef>> buyer(SqlConnection tx, NewPurchase order) {
        return order.contactId() != null ? references.contact(tx, order.contactId())
                : references.contactByEmail(tx, PurchaseOrder.email(order));
    }
}
