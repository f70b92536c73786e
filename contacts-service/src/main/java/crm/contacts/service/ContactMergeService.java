package crm.contacts.service;

import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.events.ContactEvents;
import crm.contacts.repository.ContactRepository;
import crm.contacts.repository.ContactRepository.Locked;
import crm.contacts.repository.RelatedRecords;
import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merges duplicates into one surviving contact, in one transaction: the survivor takes what it lacks
 * from the merged contacts (ContactMerger), everything that pointed at them (timeline, interactions,
 * tasks, purchases, consents) moves to it, and each merged contact becomes a tombstone that redirects to
 * the survivor. Other services learn of it from {@code crm.contact.merged.v1}, one per merged contact.
 */
@ApplicationScoped
public class ContactMergeService {

    private final TenantScope scope;
    private final ContactRepository contacts;
    private final RelatedRecords related;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;

    public ContactMergeService(TenantScope scope, ContactRepository contacts, RelatedRecords related, Outbox outbox,
                               CurrentTenant currentTenant) {
        this.scope = scope;
        this.contacts = contacts;
        this.related = related;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
    }

    public Uni<Contact> merge(UUID survivorId, ExpectedVersion expected, @Valid @NotNull MergeRequest request) {
        TenantContext context = currentTenant.get();
        List<UUID> mergeIds = request.mergeIds();
        if (new HashSet<>(mergeIds).size() != mergeIds.size()) {
            throw ProblemException.badRequest("mergeIds", "must not name a contact twice");
        }
        if (mergeIds.contains(survivorId)) {
            throw ProblemException.badRequest("mergeIds", "must not contain the surviving contact itself");
        }
        List<UUID> all = new ArrayList<>(mergeIds);
        all.add(survivorId);
        return scope.inTransaction(context, tx -> contacts.lockForMerge(tx, all).flatMap(locked -> {
            Contact survivor = survivorOf(survivorId, locked);
            expected.check("Contact " + survivorId, survivor.version());
            List<ContactDetails> merged = new ArrayList<>();
            for (int i = 0; i < mergeIds.size(); i++) {
                merged.add(mergedOf(i, mergeIds.get(i), locked).details());
            }
            ContactDetails next = ContactMerger.merge(survivor.details(), merged);
            return contacts.markMerged(tx, survivorId, mergeIds)
                    .call(ignored -> related.repoint(tx, survivorId, mergeIds))
                    .flatMap(mergedAt -> update(tx, context, survivor, next)
                            .call(updated -> publishMerged(tx, context, updated, mergeIds, mergedAt)));
        }));
    }

    private static Contact survivorOf(UUID id, Map<UUID, Locked> locked) {
        Locked survivor = locked.get(id);
        if (survivor == null) {
            throw ProblemException.notFound("Contact " + id);
        }
        if (survivor.mergedInto() != null) {
            throw new ContactMergedException(id, survivor.mergedInto());
        }
        return survivor.contact();
    }

    private static Contact mergedOf(int index, UUID id, Map<UUID, Locked> locked) {
        Locked merged = locked.get(id);
        if (merged == null) {
            throw ProblemException.badRequest("mergeIds[" + index + "]", "no such contact");
        }
        if (merged.mergedInto() != null) {
            throw ProblemException.badRequest("mergeIds[" + index + "]", "was merged into " + merged.mergedInto()
                    + " already");
        }
        return merged.contact();
    }

    /** The survivor with what it gained; its version moves on only if its own fields changed. */
    private Uni<Contact> update(SqlConnection tx, TenantContext context, Contact survivor, ContactDetails next) {
        List<String> changed = Changes.between(survivor.details(), next);
        if (changed.isEmpty()) {
            return Uni.createFrom().item(survivor);
        }
        return contacts.update(tx, survivor.id(), survivor.version(), next)
                .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Contact " + survivor.id())))
                .call(updated -> outbox.append(tx, ContactEvents.updated(context, survivor, updated, changed)));
    }

    private Uni<Void> publishMerged(SqlConnection tx, TenantContext context, Contact survivor, List<UUID> mergedIds,
                                    OffsetDateTime mergedAt) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID merged : mergedIds) {
            chain = chain.call(() -> outbox.append(tx, ContactEvents.merged(context, survivor, merged, mergedAt)));
        }
        return chain;
    }
}
