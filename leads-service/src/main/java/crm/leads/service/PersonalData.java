package crm.leads.service;

import crm.leads.domain.Lead;
import crm.leads.domain.LeadActivity;
import crm.leads.events.LeadEvents;
import crm.leads.repository.ContactRefRepository;
import crm.leads.repository.LeadActivityRepository;
import crm.leads.repository.LeadRepository;
import crm.platform.events.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What leads-service holds about a person (GDPR Art. 15/20) and its erasure (Art. 17). A person is a
 * contact of contacts-service; their leads are those linked to the contact and those carrying the
 * contact's e-mail or phone (known from the contact projection), linked or not.
 */
@ApplicationScoped
public class PersonalData {

    /** One lead of the person and its history. */
    public record LeadRecord(Lead lead, List<LeadActivity> activities) {
    }

    /** Everything held about the person here; {@code opportunities} as the opportunities side exports them. */
    public record Holdings(UUID subjectId, List<LeadRecord> leads, JsonArray opportunities) {
    }

    private final LeadRepository leads;
    private final LeadActivityRepository activities;
    private final ContactRefRepository contacts;
    private final OpportunitiesOfLeads opportunities;
    private final Outbox outbox;

    public PersonalData(LeadRepository leads, LeadActivityRepository activities, ContactRefRepository contacts,
                        OpportunitiesOfLeads opportunities, Outbox outbox) {
        this.leads = leads;
        this.activities = activities;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.outbox = outbox;
    }

    public Uni<Holdings> export(SqlConnection tx, UUID contactId) {
        return leadsOf(tx, contactId)
                .flatMap(found -> Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(lead -> activities.listAll(tx, lead.id())
                                .map(history -> new LeadRecord(lead, history)))
                        .collect().asList())
                .flatMap(records -> opportunities.exportFor(tx, contactId)
                        .map(opps -> new Holdings(contactId, records, opps)));
    }

    /**
     * Anonymises the person's leads and their histories and forgets the contact's keys, then confirms
     * with {@code crm.privacy.erasure-applied.v1}, all in the consumer's transaction.
     */
    public Uni<Void> erase(SqlConnection tx, String tenantId, UUID contactId, UUID erasureRequestId) {
        OffsetDateTime now = Leads.now();
        return leadsOf(tx, contactId)
                .flatMap(found -> Multi.createFrom().iterable(found)
                        .filter(lead -> lead.anonymisedAt() == null)
                        .onItem().transformToUniAndConcatenate(lead -> leads.update(tx, Leads.anonymised(lead, now))
                                .flatMap(ignored -> activities.anonymise(tx, lead.id())))
                        .collect().asList())
                .flatMap(ignored -> opportunities.anonymise(tx, contactId))
                .flatMap(ignored -> contacts.markErased(tx, contactId))
                .flatMap(ignored -> outbox.append(tx, LeadEvents.erasureApplied(tenantId, contactId, erasureRequestId,
                        now)));
    }

    private Uni<List<Lead>> leadsOf(SqlConnection tx, UUID contactId) {
        return contacts.find(tx, contactId).flatMap(ref -> {
            Optional<ContactRefRepository.ContactRef> known = ref.filter(r -> !r.erased());
            return leads.findOfPerson(tx, contactId, known.map(ContactRefRepository.ContactRef::emailKey).orElse(null),
                    known.map(ContactRefRepository.ContactRef::phoneKey).orElse(null));
        });
    }
}
