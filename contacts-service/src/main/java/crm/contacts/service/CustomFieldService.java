package crm.contacts.service;

import crm.contacts.domain.CustomField;
import crm.contacts.domain.CustomFieldType;
import crm.contacts.repository.CustomFieldRepository;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The tenant's custom field definitions. Every staff member reads them (forms need them); only a
 * brand-wide admin changes them, because they hold for every unit of the franchise system.
 */
@ApplicationScoped
public class CustomFieldService {

    static final String CREATE_OPERATION = "POST /api/v1/contacts/fields";
    /** Enough for any form people fill in; keeps the per-write check of every definition cheap. */
    static final int MAX_FIELDS = 100;

    private final TenantScope scope;
    private final CustomFieldRepository fields;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;

    public CustomFieldService(TenantScope scope, CustomFieldRepository fields, CurrentTenant currentTenant,
                              IdempotentRequests idempotency) {
        this.scope = scope;
        this.fields = fields;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
    }

    public Uni<List<CustomField>> listFields() {
        return scope.inTransaction(currentTenant.get(), tx -> fields.all(tx)).map(all -> new ArrayList<>(all.values()));
    }

    public Uni<CustomField> findField(String key) {
        return scope.inTransaction(currentTenant.get(), tx -> fields.find(tx, key))
                .map(found -> found.orElseThrow(() -> notFound(key)));
    }

    public Uni<StoredResponse> createField(@Valid @NotNull NewCustomField request, IdempotencyKey key,
                                           Function<CustomField, StoredResponse> respond) {
        TenantContext context = requireBrandWide();
        CustomField field = new CustomField(request.key(), request.type(), request.label().de().strip(),
                request.label().en().strip(), Boolean.TRUE.equals(request.required()),
                options(request.type(), request.options()), 1, null, null);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> fields.count(tx).flatMap(count -> {
                    if (count >= MAX_FIELDS) {
                        throw ProblemException.conflict("Your tenant has " + MAX_FIELDS
                                + " custom fields already, the most there may be; delete one first");
                    }
                    return fields.insert(tx, field, context.subject());
                }).map(saved -> respond.apply(saved.orElseThrow(() -> ProblemException.conflict(
                        "A custom field with the key " + request.key() + " exists already; change it with PUT"))))));
    }

    public Uni<CustomField> changeField(String key, ExpectedVersion expected, @Valid @NotNull CustomFieldChange change) {
        TenantContext context = requireBrandWide();
        return scope.inTransaction(context, tx -> fields.find(tx, key).flatMap(found -> {
            CustomField current = found.orElseThrow(() -> notFound(key));
            expected.check("Custom field " + key, current.version());
            if (change.type() != null && change.type() != current.type()) {
                throw ProblemException.badRequest("type", "cannot change from " + current.type().value()
                        + "; delete the field and create it again with the new type");
            }
            CustomField next = new CustomField(key, current.type(), change.label().de().strip(),
                    change.label().en().strip(), Boolean.TRUE.equals(change.required()),
                    options(current.type(), change.options()), current.version(), current.createdAt(),
                    current.updatedAt());
            return fields.update(tx, next, current.version())
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Custom field " + key)));
        }));
    }

    public Uni<Void> deleteField(String key, ExpectedVersion expected) {
        TenantContext context = requireBrandWide();
        return scope.inTransaction(context, tx -> fields.find(tx, key).flatMap(found -> {
            CustomField current = found.orElseThrow(() -> notFound(key));
            expected.check("Custom field " + key, current.version());
            return fields.delete(tx, key, current.version()).map(deleted -> {
                if (!deleted) {
                    throw ExpectedVersion.stale("Custom field " + key);
                }
                return null;
            });
        }));
    }

    private TenantContext requireBrandWide() {
        TenantContext context = currentTenant.get();
        if (!context.isBrandWide()) {
            throw ProblemException.forbidden("Custom fields hold for every unit; only brand-wide (HQ) admins"
                    + " change them");
        }
        return context;
    }

    /** A choice needs distinct options; other types take none. */
    private static List<String> options(CustomFieldType type, List<String> options) {
        List<String> given = options == null ? List.of() : options;
        if (type != CustomFieldType.CHOICE) {
            if (!given.isEmpty()) {
                throw ProblemException.badRequest("options", "only a field of type choice has options");
            }
            return List.of();
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        given.forEach(o -> distinct.add(o.strip()));
        if (distinct.isEmpty()) {
            throw ProblemException.badRequest("options", "a choice needs at least one option");
        }
        if (distinct.size() != given.size()) {
            throw ProblemException.badRequest("options", "must not repeat an option");
        }
        return new ArrayList<>(distinct);
    }

    private static ProblemException notFound(String key) {
        return ProblemException.notFound("Custom field " + key);
    }
}
