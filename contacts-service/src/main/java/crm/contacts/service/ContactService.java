package crm.contacts.service;

import crm.contacts.domain.Contact;
import crm.contacts.events.ContactEvents;
import crm.contacts.repository.ContactRepository;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.UUID;

@ApplicationScoped
public class ContactService {

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;

    public ContactService(TenantScope scope, ContactRepository contacts, Outbox outbox, CurrentTenant currentTenant) {
        this.scope = scope;
        this.contacts = contacts;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
    }

    /** Stores the contact and its {@code crm.contact.created.v1} event in one transaction. */
    public Uni<Contact> createContact(@Valid @NotNull NewContact request) {
        TenantContext context = currentTenant.get();
        String unit = unitFor(context, request.unitId());
        Contact draft = new Contact(UUID.randomUUID(), unit, request.firstName().strip(), request.lastName().strip(),
                normaliseEmail(request.email()), request.phone(), 1, context.subject(), null, null);
        return scope.inTransaction(context, tx -> contacts.insert(tx, draft)
                .call(saved -> outbox.append(tx, ContactEvents.created(context, saved))));
    }

    public Uni<Contact> findContact(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> contacts.findById(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Contact " + id)));
    }

    public Uni<Page<Contact>> listContacts(OffsetDateTime updatedSince, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> contacts.list(tx, updatedSince, page))
                .map(rows -> Page.of(rows, page, c -> new Cursor(c.updatedAt().toString(), c.id().toString())));
    }

    /** Franchisee staff work in their own unit only; HQ staff may place a contact in any unit or none. */
    static String unitFor(TenantContext context, String requestedUnit) {
        if (context.isBrandWide()) {
            return requestedUnit;
        }
        if (requestedUnit == null || requestedUnit.equals(context.unitId())) {
            return context.unitId();
        }
        throw ProblemException.forbidden("You can create contacts only in your own unit " + context.unitId());
    }

    private static String normaliseEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
