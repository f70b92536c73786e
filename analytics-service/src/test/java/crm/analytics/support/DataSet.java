package crm.analytics.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.devstack.TestTenant;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

/**
 * A hand-made set of CloudEvents for one test tenant, as the other services would publish them (types and
 * payload fields per docs/events/README.md). Every event of a data set is keyed by the tenant id, so each
 * topic delivers them in the order they were published; {@link #awaitApplied} waits until the service has
 * applied all of them, which the status endpoint shows per topic.
 */
public final class DataSet {

    public static final String CONTACTS = "crm.contacts";
    public static final String LEADS = "crm.leads";
    public static final String TICKETS = "crm.tickets";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A published event: where it went and its envelope as sent. */
    public record Sent(String topic, String id, String json) {
    }

    private final TestTenant tenant;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Integer> distinct = new HashMap<>();
    /** Events kept back instead of published, or null while events are published at once. */
    private List<Sent> held;

    public DataSet(TestTenant tenant) {
        this.tenant = tenant;
    }

    public TestTenant tenant() {
        return tenant;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Publishes an event with a fresh id; {@code unit} is the unit's short name (null: no unitid extension). */
    public Sent publish(String topic, String type, String unit, String subject, String time, Map<String, Object> data) {
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("source", "/crm/test");
        envelope.put("type", type);
        envelope.put("subject", subject);
        envelope.put("time", time);
        envelope.put("datacontenttype", "application/json");
        envelope.put("tenantid", tenant.id());
        if (unit != null) {
            envelope.put("unitid", tenant.unit(unit));
        }
        envelope.set("data", MAPPER.valueToTree(data));
        Sent event = new Sent(topic, id, envelope.toString());
        send(event);
        distinct.merge(topic, 1, Integer::sum);
        return event;
    }

    /**
     * Sends an event again under a new id, as a producer that published twice would: the payload is the
     * same, so the read model must not count it again.
     */
    public Sent repeatWithNewId(Sent event) {
        try {
            ObjectNode envelope = (ObjectNode) MAPPER.readTree(event.json());
            String id = UUID.randomUUID().toString();
            envelope.put("id", id);
            Sent again = new Sent(event.topic(), id, envelope.toString());
            send(again);
            distinct.merge(event.topic(), 1, Integer::sum);
            return again;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event of a type nobody handles, counted as applied: once it is, everything published before it is too. */
    public void publishMarkers() {
        for (String topic : List.copyOf(distinct.keySet())) {
            publish(topic, "crm.test.marker.v1", null, id(), "2026-11-01T00:00:00Z", data("marker", true));
        }
    }

    /** Sends an event again exactly as before (same id): a redelivery. */
    public void repeat(Sent event) {
        send(event);
    }

    private void send(Sent event) {
        if (held != null) {
            held.add(event);
        } else {
            EventPublisher.publish(event.topic(), tenant.id(), event.json());
        }
        sent.add(event);
    }

    /** From now on, events are kept back for {@link #heldAsOnePoll} instead of being published. */
    public DataSet holdBack() {
        held = new ArrayList<>();
        return this;
    }

    /**
     * The events kept back as one poll of the consumer returns them: each topic's in the order they were
     * made, topic after topic. For tests of what the service does with events that arrive together. Events
     * made after this are published again.
     */
    public ConsumerRecords<String, String> heldAsOnePoll() {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> partitions = new LinkedHashMap<>();
        for (int i = 0; i < held.size(); i++) {
            Sent event = held.get(i);
            partitions.computeIfAbsent(new TopicPartition(event.topic(), 0), p -> new ArrayList<>())
                    .add(new ConsumerRecord<>(event.topic(), 0, i, tenant.id(), event.json()));
        }
        held = null;
        return new ConsumerRecords<>(partitions);
    }

    /** Waits until the service has applied every distinct event published to each topic. */
    public void awaitApplied(String hqToken) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath status = given().auth().oauth2(hqToken).when().get("/api/v1/analytics/status")
                    .then().statusCode(200).extract().jsonPath();
            for (Map.Entry<String, Integer> topic : distinct.entrySet()) {
                Integer applied = status.getInt("topics.find { it.topic == '" + topic.getKey() + "' }.eventsApplied");
                if (applied == null || applied != topic.getValue().intValue()) {
                    throw new AssertionError(topic.getKey() + ": " + applied + " of " + topic.getValue() + " applied");
                }
            }
        });
    }

    /** A data map in field order; null values are kept (the contract sends them). */
    public static Map<String, Object> data(Object... fieldsAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            data.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return data;
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    // ---- crm.contacts -------------------------------------------------------------------------------------

    public Sent contactCreated(String contactId, String unit, String firstName, String lastName, String email,
                               String phone, String postalCode, String city, String stage, List<String> tags,
                               String companyId) {
        return publish(CONTACTS, "crm.contact.created.v1", unit, contactId, "2026-11-01T08:00:00Z", data(
                "contactId", contactId, "unitId", unit == null ? null : tenant.unit(unit), "firstName", firstName,
                "lastName", lastName, "email", email, "lifecycleStage", stage, "companyId", companyId, "ownerId", null,
                "createdAt", "2026-11-01T08:00:00Z", "phone", phone, "postalCode", postalCode, "city", city,
                "tags", tags));
    }

    public Sent contact(String contactId, String unit, String firstName, String lastName) {
        return contactCreated(contactId, unit, firstName, lastName, null, null, null, null, "customer", List.of(), null);
    }

    public Sent companyCreated(String companyId, String size) {
        return publish(CONTACTS, "crm.company.created.v1", null, companyId, "2026-11-01T08:00:00Z", data(
                "companyId", companyId, "name", "Company " + companyId.substring(0, 4), "size", size,
                "createdAt", "2026-11-01T08:00:00Z"));
    }

    /** A purchase; {@code lines} are {sku, quantity, lineTotal} triples. */
    public Sent purchase(String purchaseId, String contactId, String unit, String purchasedAt, String currency,
                         String total, Object... lines) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            items.add(data("sku", lines[i], "quantity", lines[i + 1], "unitPrice", null, "lineTotal",
                    new java.math.BigDecimal((String) lines[i + 2])));
        }
        return publish(CONTACTS, "crm.purchase.recorded.v1", unit, contactId, purchasedAt, data(
                "purchaseId", purchaseId, "contactId", contactId, "externalOrderId", "EXT-" + purchaseId.substring(0, 6),
                "purchasedAt", purchasedAt, "channel", "in_store", "currency", currency,
                "total", new java.math.BigDecimal(total), "lines", items));
    }

    public Sent consent(String contactId, String channel, String status, String changedAt) {
        return publish(CONTACTS, "crm.consent.changed.v1", null, contactId, changedAt, data(
                "contactId", contactId, "channel", channel, "status", status, "source", "test",
                "wordingVersion", "v1", "changedAt", changedAt));
    }

    public Sent leadLinked(String contactId, String leadId) {
        return publish(CONTACTS, "crm.contact.lead-linked.v1", null, contactId, "2026-11-05T00:00:00Z", data(
                "contactId", contactId, "leadId", leadId, "companyId", null, "created", true));
    }

    public Sent contactErased(String contactId, String erasureRequestId) {
        return publish(CONTACTS, "crm.contact.erased.v1", null, contactId, "2026-11-27T09:00:00Z", data(
                "contactId", contactId, "erasureRequestId", erasureRequestId, "requestedAt", "2026-11-27T09:00:00Z"));
    }

    // ---- crm.leads ----------------------------------------------------------------------------------------

    public Sent productUpserted(String sku, String name, String kind, boolean active) {
        return publish(LEADS, "crm.product.upserted.v1", null, id(), "2026-10-01T00:00:00Z", data(
                "productId", UUID.nameUUIDFromBytes((tenant.id() + sku).getBytes()).toString(), "sku", sku, "name", name,
                "category", kind.equals("service") ? "Workshop" : "Bikes", "kind", kind, "listPrice", 10,
                "currency", "EUR", "active", active, "updatedAt", "2026-10-01T00:00:00Z"));
    }

    public Sent campaignUpserted(String campaignId, String name, String budget) {
        return publish(LEADS, "crm.campaign.upserted.v1", null, campaignId, "2026-10-01T00:00:00Z", data(
                "campaignId", campaignId, "name", name, "channel", "event", "startsOn", "2026-11-01",
                "endsOn", "2026-11-30", "budget", new java.math.BigDecimal(budget), "currency", "EUR",
                "updatedAt", "2026-10-01T00:00:00Z"));
    }

    public Sent leadCaptured(String leadId, String unit, String channel, String campaignId, String capturedAt,
                             String postalCode, String companySize, List<String> products) {
        return publish(LEADS, "crm.lead.captured.v1", unit, leadId, capturedAt, data(
                "leadId", leadId, "unitId", unit == null ? null : tenant.unit(unit), "channel", channel,
                "campaignId", campaignId, "formKey", null, "postalCode", postalCode, "countryCode", "DE",
                "companyName", "Lead company " + leadId.substring(0, 4), "companySize", companySize,
                "productsOfInterest", products, "contactId", null, "upsell", false, "score", 10,
                "capturedAt", capturedAt));
    }

    public Sent leadStatus(String leadId, String from, String to, String changedAt, String firstContactAt) {
        return publish(LEADS, "crm.lead.status-changed.v1", null, leadId, changedAt, data(
                "leadId", leadId, "contactId", null, "from", from, "to", to, "reason", null, "nurtureUntil", null,
                "firstContactAt", firstContactAt, "changedAt", changedAt, "changedBy", "user-1"));
    }

    public Sent leadAssigned(String leadId, String unit, String assignedAt) {
        return publish(LEADS, "crm.lead.assigned.v1", unit, leadId, assignedAt, data(
                "leadId", leadId, "unitId", unit == null ? null : tenant.unit(unit), "ownerId", null, "queue", "unit",
                "reason", "territory", "territoryId", null, "previousOwnerId", null, "assignedAt", assignedAt));
    }

    public Sent leadSlaBreached(String leadId, String breachedAt) {
        return publish(LEADS, "crm.lead.sla-breached.v1", null, leadId, breachedAt, data(
                "leadId", leadId, "ownerId", null, "unitId", null, "channel", null, "dueAt", breachedAt,
                "breachedAt", breachedAt, "escalatedTo", null));
    }

    public Sent leadConverted(String leadId, String contactId, String campaignId, String convertedAt) {
        return publish(LEADS, "crm.lead.converted.v1", null, leadId, convertedAt, data(
                "leadId", leadId, "contactId", contactId, "person", data("firstName", "Lea", "lastName", "Lead"),
                "company", null, "postalCode", null, "city", null, "countryCode", "DE", "channel", null,
                "campaignId", campaignId, "ownerId", null, "opportunityId", null, "convertedAt", convertedAt));
    }

    /** A won opportunity; {@code lines} are {sku, quantity, lineTotal} triples. */
    public Sent opportunityWon(String opportunityId, String leadId, String contactId, String campaignId, String unit,
                               String amount, String wonAt, Object... lines) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 3) {
            items.add(data("sku", lines[i], "quantity", lines[i + 1], "unitPrice", null, "discountPercent", 0,
                    "lineTotal", new java.math.BigDecimal((String) lines[i + 2])));
        }
        return publish(LEADS, "crm.opportunity.won.v1", unit, opportunityId, wonAt, data(
                "opportunityId", opportunityId, "leadId", leadId, "contactId", contactId, "companyId", null,
                "campaignId", campaignId, "ownerId", null, "amount", new java.math.BigDecimal(amount), "currency", "EUR",
                "wonAt", wonAt, "lines", items));
    }

    // ---- crm.tickets --------------------------------------------------------------------------------------

    public Sent ticketOpened(String ticketId, String unit, String queueId, String queueName, String category,
                             String openedAt) {
        return publish(TICKETS, "crm.ticket.opened.v1", unit, ticketId, openedAt, data(
                "ticketId", ticketId, "number", 1, "contactId", null, "companyId", null, "subject", "Help",
                "channel", "email", "category", category, "priority", "normal", "customerTier", null,
                "queueId", queueId, "queueName", queueName, "rule", null, "openedAt", openedAt));
    }

    public Sent ticketAssigned(String ticketId, String queueId, String queueName, String assignedAt) {
        return publish(TICKETS, "crm.ticket.assigned.v1", null, ticketId, assignedAt, data(
                "ticketId", ticketId, "contactId", null, "queueId", queueId, "queueName", queueName,
                "assigneeId", null, "reason", "manual", "rule", null, "assignedAt", assignedAt));
    }

    public Sent ticketResolved(String ticketId, String resolvedAt, int firstResponseMinutes, int resolutionMinutes,
                               boolean firstResponseMet, boolean resolutionMet) {
        return publish(TICKETS, "crm.ticket.resolved.v1", null, ticketId, resolvedAt, data(
                "ticketId", ticketId, "contactId", null, "category", null, "priority", "normal", "queueId", null,
                "openedAt", null, "firstResponseAt", null, "resolvedAt", resolvedAt,
                "firstResponseBusinessMinutes", firstResponseMinutes, "resolutionBusinessMinutes", resolutionMinutes,
                "firstResponseSlaMet", firstResponseMet, "resolutionSlaMet", resolutionMet));
    }

    public Sent ticketReopened(String ticketId, String reopenedAt) {
        return publish(TICKETS, "crm.ticket.reopened.v1", null, ticketId, reopenedAt, data(
                "ticketId", ticketId, "contactId", null, "reopenedAt", reopenedAt));
    }

    public Sent ticketClosed(String ticketId, String closedAt) {
        return publish(TICKETS, "crm.ticket.closed.v1", null, ticketId, closedAt, data(
                "ticketId", ticketId, "contactId", null, "closedAt", closedAt));
    }

    public Sent ticketRated(String ticketId, int rating, String ratedAt) {
        return publish(TICKETS, "crm.ticket.rated.v1", null, ticketId, ratedAt, data(
                "ticketId", ticketId, "contactId", null, "rating", rating, "ratedAt", ratedAt));
    }
}
