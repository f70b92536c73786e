package crm.contacts.service;

import static crm.contacts.service.ConsumedEventTypes.LEAD_ASSIGNED;
import static crm.contacts.service.ConsumedEventTypes.LEAD_CAPTURED;
import static crm.contacts.service.ConsumedEventTypes.LEAD_SLA_BREACHED;
import static crm.contacts.service.ConsumedEventTypes.LEAD_STATUS_CHANGED;
import static crm.contacts.service.ConsumedEventTypes.OPPORTUNITY_LOST;
import static crm.contacts.service.ConsumedEventTypes.OPPORTUNITY_OPENED;
import static crm.contacts.service.ConsumedEventTypes.OPPORTUNITY_WON;
import static crm.contacts.service.ConsumedEventTypes.TICKET_ASSIGNED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_CLOSED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_COMMENTED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_OPENED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_RATED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_REOPENED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_RESOLVED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_SLA_BREACHED;
import static crm.contacts.service.ConsumedEventTypes.TICKET_SLA_WARNING;
import static crm.contacts.service.ConsumedEventTypes.TICKET_STATUS_CHANGED;

import crm.contacts.domain.TimelineEntry;
import crm.contacts.domain.TimelineKind;
import crm.contacts.repository.ContactReferences;
import crm.contacts.repository.TimelineRepository;
import crm.platform.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Puts what other services report about a contact onto its timeline: leads, opportunities and tickets.
 * Only events naming a contact this tenant knows become entries (in the contact's unit); others are
 * ignored. The entry remembers the event id, so a redelivery cannot add it twice.
 */
@ApplicationScoped
public class TimelineProjector {

    /** How one event type becomes an entry: its kind, the payload field with the time, and the summary. */
    record Rule(TimelineKind kind, String timeField, String authorField, Function<EventData, String> summary,
                Function<EventData, String> outcome) {
    }

    private static final int SUMMARY = 300;

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(LEAD_CAPTURED, new Rule(TimelineKind.LEAD_CAPTURED, "capturedAt", null,
                    d -> "Lead captured via " + or(d.text("channel"), "unknown channel")
                            + (d.text("score") == null ? "" : ", score " + d.text("score")), d -> null)),
            Map.entry(LEAD_ASSIGNED, new Rule(TimelineKind.LEAD_ASSIGNED, "assignedAt", null,
                    d -> d.text("ownerId") != null ? "Lead assigned to " + d.text("ownerId", 200)
                            : "Lead put into the " + or(d.text("queue"), "unit") + " queue", d -> d.text("reason", 200))),
            Map.entry(LEAD_STATUS_CHANGED, new Rule(TimelineKind.LEAD_STATUS_CHANGED, "changedAt", "changedBy",
                    d -> "Lead status " + or(d.text("from"), "?") + " -> " + or(d.text("to"), "?"),
                    d -> d.text("reason", SUMMARY))),
            Map.entry(LEAD_SLA_BREACHED, new Rule(TimelineKind.LEAD_SLA_BREACHED, "breachedAt", null,
                    d -> "Lead not contacted in time (SLA breached)", d -> null)),
            Map.entry(OPPORTUNITY_OPENED, new Rule(TimelineKind.OPPORTUNITY_OPENED, "openedAt", "ownerId",
                    d -> "Opportunity opened: " + or(d.text("name", SUMMARY), "unnamed") + money(d), d -> d.text("stage"))),
            Map.entry(OPPORTUNITY_WON, new Rule(TimelineKind.OPPORTUNITY_WON, "wonAt", "ownerId",
                    d -> "Opportunity won" + money(d), d -> "won")),
            Map.entry(OPPORTUNITY_LOST, new Rule(TimelineKind.OPPORTUNITY_LOST, "lostAt", null,
                    d -> "Opportunity lost" + money(d), d -> d.text("reason", SUMMARY))),
            Map.entry(TICKET_OPENED, new Rule(TimelineKind.TICKET_OPENED, "openedAt", null,
                    d -> "Ticket " + or(d.text("number"), "") + " opened: " + or(d.text("subject", SUMMARY), ""),
                    d -> d.text("priority"))),
            Map.entry(TICKET_ASSIGNED, new Rule(TimelineKind.TICKET_ASSIGNED, "assignedAt", null,
                    d -> "Ticket assigned to " + or(d.text("queueName", SUMMARY), "a queue"), d -> d.text("assigneeId"))),
            Map.entry(TICKET_STATUS_CHANGED, new Rule(TimelineKind.TICKET_STATUS_CHANGED, "changedAt", "changedBy",
                    d -> "Ticket status " + or(d.text("from"), "?") + " -> " + or(d.text("to"), "?"), d -> d.text("to"))),
            Map.entry(TICKET_COMMENTED, new Rule(TimelineKind.TICKET_COMMENTED, "commentedAt", "authorId",
                    d -> "Reply sent on the ticket", d -> null)),
            Map.entry(TICKET_SLA_WARNING, new Rule(TimelineKind.TICKET_SLA_WARNING, "warnedAt", null,
                    d -> "Ticket " + or(d.text("target"), "SLA") + " target at risk", d -> null)),
            Map.entry(TICKET_SLA_BREACHED, new Rule(TimelineKind.TICKET_SLA_BREACHED, "breachedAt", null,
                    d -> "Ticket " + or(d.text("target"), "SLA") + " target missed", d -> null)),
            Map.entry(TICKET_RESOLVED, new Rule(TimelineKind.TICKET_RESOLVED, "resolvedAt", null,
                    d -> "Ticket resolved", d -> "resolved")),
            Map.entry(TICKET_REOPENED, new Rule(TimelineKind.TICKET_REOPENED, "reopenedAt", null,
                    d -> "Ticket reopened", d -> null)),
            Map.entry(TICKET_CLOSED, new Rule(TimelineKind.TICKET_CLOSED, "closedAt", null,
                    d -> "Ticket closed", d -> "closed")),
            Map.entry(TICKET_RATED, new Rule(TimelineKind.TICKET_RATED, "ratedAt", null,
                    d -> "Ticket rated " + or(d.text("rating"), "?") + " of 5", d -> d.text("rating"))));

    private final ContactReferences references;
    private final TimelineRepository timeline;

    public TimelineProjector(ContactReferences references, TimelineRepository timeline) {
        this.references = references;
        this.timeline = timeline;
    }

    /** Whether events of this type become timeline entries. */
    public static boolean projects(String type) {
        return RULES.containsKey(type);
    }

    public Uni<Void> apply(SqlConnection tx, CloudEvent event, String sourceService) {
        Rule rule = RULES.get(event.type());
        if (rule == null) {
            return Uni.createFrom().voidItem();
        }
        EventData data = new EventData(event.data());
        UUID contactId = data.uuid("contactId");
        if (contactId == null) {
            return Uni.createFrom().voidItem();
        }
        return references.contact(tx, contactId).flatMap(contact -> {
            if (contact.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return timeline.insert(tx, entry(event, rule, data, contact.get(), sourceService), event.id())
                    .replaceWithVoid();
        });
    }

    private static TimelineEntry entry(CloudEvent event, Rule rule, EventData data, ContactReferences.ContactRef contact,
                                       String sourceService) {
        OffsetDateTime at = data.time(rule.timeField());
        if (at == null) {
            at = event.time() != null ? event.time() : OffsetDateTime.now(ZoneOffset.UTC);
        }
        String summary = rule.summary().apply(data);
        return new TimelineEntry(UUID.randomUUID(), contact.unitId(), contact.id(), null, rule.kind(),
                at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                rule.authorField() == null ? null : data.text(rule.authorField(), 200),
                summary.length() > SUMMARY ? summary.substring(0, SUMMARY) : summary, rule.outcome().apply(data), null,
                sourceService, new TimelineEntry.References(null, null, null, data.uuid("leadId"),
                        data.uuid("opportunityId"), data.uuid("ticketId")));
    }

    private static String money(EventData d) {
        String amount = d.money("amount");
        return amount == null ? "" : " (" + amount + " " + or(d.text("currency"), "") + ")";
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
