package crm.contacts.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.contacts.config.PrivacyConfig;
import crm.contacts.events.PrivacyEvents;
import crm.contacts.repository.ConsentRepository;
import crm.contacts.repository.ContactReferences;
import crm.contacts.repository.ErasureRepository;
import crm.contacts.repository.InteractionRepository;
import crm.contacts.repository.PersonalDataEraser;
import crm.contacts.repository.PurchaseRepository;
import crm.contacts.repository.TaskRepository;
import crm.contacts.repository.TimelineRepository;
import crm.platform.db.TenantScope;
import crm.platform.events.Outbox;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * GDPR for the people this service knows: the export of everything held about one of them (Art. 15/20) and
 * erasure (Art. 17), which anonymises them here at once, keeps an audit record without personal data, tells
 * every other service by {@code crm.contact.erased.v1} and tracks their confirmations.
 */
@ApplicationScoped
public class PrivacyService {

    static final String SERVICE = "contacts-service";

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ContactReferences references;
    private final TimelineRepository timeline;
    private final InteractionRepository interactions;
    private final TaskRepository tasks;
    private final PurchaseRepository purchases;
    private final ConsentRepository consents;
    private final ErasureRepository erasures;
    private final PersonalDataEraser eraser;
    private final Outbox outbox;
    private final PrivacyConfig config;
    private final ObjectMapper mapper;

    public PrivacyService(TenantScope scope, CurrentTenant currentTenant, ContactReferences references,
                          TimelineRepository timeline, InteractionRepository interactions, TaskRepository tasks,
                          PurchaseRepository purchases, ConsentRepository consents, ErasureRepository erasures,
                          PersonalDataEraser eraser, Outbox outbox, PrivacyConfig config, ObjectMapper mapper) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.references = references;
        this.timeline = timeline;
        this.interactions = interactions;
        this.tasks = tasks;
        this.purchases = purchases;
        this.consents = consents;
        this.erasures = erasures;
        this.eraser = eraser;
        this.outbox = outbox;
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * Everything this service holds about the person as one JSON document: the contact row with every
     * column (so nothing added later is forgotten), the company it works for, timeline, interactions, tasks,
     * purchases, consents and the state of an erasure.
     */
    public Uni<JsonNode> export(UUID contactId) {
        return scope.inTransaction(currentTenant.get(), tx -> subject(tx, contactId).flatMap(subject -> {
            ObjectNode doc = mapper.createObjectNode();
            doc.put("service", SERVICE);
            doc.put("subjectId", subject.id().toString());
            doc.put("exportedAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).toString());
            return row(tx, "select to_jsonb(c) - 'search_text' - 'sort_name' - 'match_keys' from contact c where id = $1",
                    subject.id())
                    .invoke(contact -> doc.set("contact", contact))
                    .flatMap(ignored -> row(tx, "select to_jsonb(co) - 'search_text' from company co where id = $1",
                            subject.companyId()))
                    .invoke(company -> doc.set("company", company))
                    .flatMap(ignored -> timeline.allOfContact(tx, subject.id()))
                    .invoke(entries -> doc.set("timeline", mapper.valueToTree(entries)))
                    .flatMap(ignored -> interactions.allOfContact(tx, subject.id()))
                    .invoke(all -> doc.set("interactions", mapper.valueToTree(all)))
                    .flatMap(ignored -> tasks.allOfContact(tx, subject.id()))
                    .invoke(all -> doc.set("tasks", mapper.valueToTree(all)))
                    .flatMap(ignored -> purchases.allOfContact(tx, subject.id()))
                    .invoke(all -> doc.set("purchases", mapper.valueToTree(all)))
                    .flatMap(ignored -> consents.allOfContact(tx, subject.id()))
                    .invoke(all -> doc.set("consents", mapper.valueToTree(all)))
                    .flatMap(ignored -> erasures.findBySubject(tx, subject.id()))
                    .map(request -> {
                        doc.set("erasure", request.map(r -> (JsonNode) mapper.valueToTree(status(r)))
                                .orElse(mapper.nullNode()));
                        return (JsonNode) doc;
                    });
        }));
    }

    /**
     * Erases the person here and asks every other service to do the same. A second request for the same
     * person answers the first one's status: the data is gone already.
     */
    public Uni<ErasureStatus> requestErasure(UUID contactId) {
        TenantContext context = currentTenant.get();
        return scope.inTransaction(context, tx -> subject(tx, contactId).flatMap(subject ->
                // The row lock serialises two concurrent requests for one person.
                tx.preparedQuery("select id from contact where id = $1 for update").execute(Tuple.of(subject.id()))
                        .flatMap(locked -> erasures.findBySubject(tx, subject.id()))
                        .flatMap(existing -> existing.isPresent() ? Uni.createFrom().item(existing.get())
                                : erase(tx, context, subject))))
                .map(this::status);
    }

    public Uni<ErasureStatus> erasureStatus(UUID contactId) {
        return scope.inTransaction(currentTenant.get(), tx -> subject(tx, contactId)
                        .flatMap(subject -> erasures.findBySubject(tx, subject.id())))
                .map(request -> status(request.orElseThrow(() ->
                        ProblemException.notFound("An erasure request for contact " + contactId))));
    }

    private Uni<ErasureRepository.Request> erase(SqlConnection tx, TenantContext context,
                                                 ContactReferences.ContactRef subject) {
        return eraser.erase(tx, subject.id())
                .flatMap(ignored -> erasures.insert(tx, UUID.randomUUID(), subject.id(), subject.unitId(),
                        context.subject()))
                .call(request -> outbox.append(tx, PrivacyEvents.erased(context, subject.unitId(), subject.id(),
                        request.id(), request.requestedAt())));
    }

    private ErasureStatus status(ErasureRepository.Request r) {
        List<ErasureStatus.ServiceState> services = new ArrayList<>();
        services.add(new ErasureStatus.ServiceState(SERVICE, "applied", r.requestedAt()));
        boolean complete = true;
        for (String service : config.confirmingServices()) {
            OffsetDateTime applied = r.confirmations().get(service);
            complete &= applied != null;
            services.add(new ErasureStatus.ServiceState(service, applied == null ? "pending" : "applied", applied));
        }
        return new ErasureStatus(r.id(), r.subjectId(), r.requestedAt(), r.requestedBy(),
                complete ? ErasureStatus.COMPLETE : ErasureStatus.REQUESTED, services);
    }

    private Uni<ContactReferences.ContactRef> subject(SqlConnection tx, UUID contactId) {
        return references.contact(tx, contactId).map(found -> found.orElseThrow(() ->
                ProblemException.notFound("Contact " + contactId)));
    }

    private Uni<JsonNode> row(SqlConnection tx, String sql, UUID id) {
        if (id == null) {
            return Uni.createFrom().item(mapper.nullNode());
        }
        return tx.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return mapper.nullNode();
            }
            Optional<Object> value = Optional.ofNullable(rows.iterator().next().getValue(0));
            try {
                return value.isEmpty() ? mapper.nullNode() : mapper.readTree(value.get().toString());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored row cannot be exported", e);
            }
        });
    }
}
