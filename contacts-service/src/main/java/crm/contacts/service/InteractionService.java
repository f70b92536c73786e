package crm.contacts.service;

import crm.contacts.domain.Interaction;
import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import crm.contacts.events.InteractionEvents;
import crm.contacts.repository.InteractionRepository;
import crm.contacts.repository.TimelineRepository;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/** Logging calls, e-mails, meetings and the like: the interaction, its timeline entry and its event in one transaction. */
@ApplicationScoped
public class InteractionService {

    static final String CREATE_OPERATION = "POST /api/v1/interactions";
    static final String SOURCE = "contacts-service";

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;
    private final RecordOwner owners;
    private final InteractionRepository interactions;
    private final TimelineRepository timeline;
    private final Outbox outbox;

    public InteractionService(TenantScope scope, CurrentTenant currentTenant, IdempotentRequests idempotency,
                              RecordOwner owners, InteractionRepository interactions, TimelineRepository timeline,
                              Outbox outbox) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
        this.owners = owners;
        this.interactions = interactions;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    public Uni<StoredResponse> log(@Valid @NotNull NewInteraction request, IdempotencyKey key,
                                   Function<Interaction, StoredResponse> respond) {
        if (request.contactId() == null && request.companyId() == null) {
            throw ProblemException.badRequest("contactId", "name the contact or the company (companyId) the"
                    + " interaction was with");
        }
        Instants.plausible("occurredAt", request.occurredAt());
        TenantContext context = currentTenant.get();
        OffsetDateTime occurredAt = request.occurredAt() == null
                ? OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                : request.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> owners.resolve(tx, request.contactId(), request.companyId())
                        .flatMap(owner -> interactions.insert(tx, new Interaction(UUID.randomUUID(), owner.unitId(),
                                owner.contactId(), owner.companyId(), request.kind(), request.direction(),
                                occurredAt, context.subject(), TextFields.clean(request.summary()),
                                TextFields.clean(request.outcome()), null)))
                        .call(saved -> timeline.insert(tx, entryOf(saved), null))
                        .call(saved -> outbox.append(tx, InteractionEvents.logged(context, saved)))
                        .map(respond)));
    }

    public Uni<Interaction> find(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> interactions.findById(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Interaction " + id)));
    }

    static TimelineEntry entryOf(Interaction i) {
        return new TimelineEntry(UUID.randomUUID(), i.unitId(), i.contactId(), i.companyId(), TimelineKind.of(i.kind()),
                i.occurredAt(), i.authorId(), i.summary(), i.outcome(), i.direction(), SOURCE,
                TimelineEntry.References.interaction(i.id()));
    }
}
