package crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import crm.devstack.TestTenant;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The acceptance journey of issue 5 across services, only through the gateway: a high-priority ticket from a
 * known gold customer (created in contacts-service, known to tickets-service only through Kafka) is routed by
 * rule to the VIP queue and its agent, gets no answer, warns, breaches and escalates once, is answered,
 * resolved and rated, and every step shows on the customer's timeline in contacts-service. Time is not
 * shortened: the first-response target is two real minutes on an always-open calendar, so the waits are
 * generous.
 */
class TicketToTimelineJourneyTests {

    private static final Duration SLA_WAIT = Duration.ofMinutes(4);
    private static final Duration EVENT_WAIT = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** A day from midnight to midnight: business time never stops, whatever the day and hour the test runs. */
    private static final String OPEN_ALL_DAY = "[{\"opens\":\"00:00\",\"closes\":\"00:00\"}]";

    @Test
    void shouldRouteWarnBreachEscalateOnceAnswerResolveRateAndShowEveryStepOnTheCustomersTimeline() {
        TestTenant tenant = Crm.newTenant();
        String admin = tenant.hqToken("admin");
        String manager = tenant.hqToken("manager");
        String desk = tenant.unitToken("hamburg", "agent");
        String vipAgent = tenant.unitToken("hamburg", "agent");
        String generalAgent = tenant.unitToken("hamburg", "agent");
        String shiftLead = tenant.unitToken("hamburg", "agent");

        // The customer exists only in contacts-service; the tier tag is what makes her gold for tickets-service.
        String contactId = post(desk, "/api/v1/contacts", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\","
                + "\"email\":\"jana.schulz@example.com\",\"lifecycleStage\":\"customer\",\"tags\":[\"tier-gold\"]}")
                .statusCode(201).extract().path("id");

        // HQ's service set-up: three queues with real agents, a rule for gold customers' urgent matters, and a
        // two-minute first-response target (the warning falls on whole minutes, so one minute would warn and
        // breach at the same moment) that escalates on breach.
        String vip = createQueue(admin, "VIP", vipAgent);
        String general = createQueue(admin, "Allgemein", generalAgent);
        String escalation = createQueue(admin, "Eskalation", shiftLead);
        put(admin, "/api/v1/queues/routing-rules", "{\"rules\":[{\"name\":\"Gold customers, high priority\","
                + "\"priorities\":[\"high\",\"urgent\"],\"tiers\":[\"gold\"],\"queueId\":\"" + vip + "\"},"
                + "{\"name\":\"Everything else\",\"queueId\":\"" + general + "\"}]}").statusCode(200);
        put(admin, "/api/v1/sla-policies/calendars", alwaysOpenCalendar()).statusCode(200);
        put(admin, "/api/v1/sla-policies", "{\"policies\":[{\"name\":\"gold high\",\"priority\":\"high\","
                + "\"tier\":\"gold\",\"firstResponseMinutes\":2,\"resolutionMinutes\":600,\"warningPercent\":50,"
                + "\"breachActions\":[\"raise_priority\",\"move_to_escalation_queue\",\"notify_manager\"],"
                + "\"escalationQueueId\":\"" + escalation + "\"}]}").statusCode(200);

        // tickets-service learns the customer from crm.contacts; a low-priority probe shows when it has: the
        // tier is taken when a ticket opens, so the real ticket must not open before.
        String probe = openTicket(desk, "Frage zur Rechnung", "low", contactId);
        Awaitility.await().atMost(EVENT_WAIT).pollInterval(POLL).untilAsserted(() ->
                get(desk, "/api/v1/tickets/" + probe).statusCode(200).body("contactVerified", equalTo(true)));

        String id = openTicket(desk, "E-Bike fährt nicht mehr", "high", contactId);
        String ticket = "/api/v1/tickets/" + id;
        get(desk, ticket).statusCode(200)
                .body("customerTier", equalTo("gold"))
                .body("queueId", equalTo(vip))
                .body("assigneeId", equalTo(subject(vipAgent)))
                .body("routingRule", equalTo("Gold customers, high priority"))
                .body("sla.policy", equalTo("gold high"));
        get(vipAgent, "/api/v1/tickets?view=mine").statusCode(200).body("items.id", hasItem(id));

        // Nobody answers: one business minute in, the manager sees it at risk; two minutes in, it breaches and
        // escalates: priority raised, moved to the escalation queue and its shift lead.
        Awaitility.await().atMost(SLA_WAIT).pollInterval(POLL).untilAsserted(() ->
                get(manager, "/api/v1/tickets?view=at-risk").statusCode(200).body("items.id", hasItem(id)));
        Awaitility.await().atMost(SLA_WAIT).pollInterval(POLL).untilAsserted(() ->
                get(manager, ticket).statusCode(200).body("sla.firstResponseBreachedAt", notNullValue()));
        get(manager, ticket).statusCode(200)
                .body("sla.firstResponseWarnedAt", notNullValue())
                .body("priority", equalTo("urgent"))
                .body("queueId", equalTo(escalation))
                .body("assigneeId", equalTo(subject(shiftLead)));
        get(manager, "/api/v1/tickets?view=breached").statusCode(200).body("items.id", hasItem(id));

        // Answered and resolved by the shift lead; the desk records the customer's rating from her call.
        post(shiftLead, ticket + "/comments", "{\"body\":\"Wir holen das Rad heute ab.\"}").statusCode(201);
        post(shiftLead, ticket + "/status", "{\"status\":\"resolved\"}").statusCode(200);
        post(desk, ticket + "/rating", "{\"rating\":4,\"comment\":\"Spät, aber gut gelöst\"}").statusCode(200);

        // The rating is the ticket's last event and one ticket's events stay in order on crm.tickets, so once it
        // is on the timeline every earlier step must be there too.
        String timelinePath = "/api/v1/contacts/" + contactId + "/timeline?limit=200";
        Awaitility.await().atMost(EVENT_WAIT).pollInterval(POLL).untilAsserted(() ->
                assertThat(entriesOf(get(desk, timelinePath).statusCode(200), id))
                        .extracting(e -> e.get("kind")).contains("ticket_rated"));
        List<Map<String, Object>> entries = entriesOf(get(desk, timelinePath).statusCode(200), id);

        List<Object> kinds = entries.stream().map(e -> e.get("kind")).toList();
        assertThat(kinds).as("the ticket on the customer's timeline").contains("ticket_opened", "ticket_assigned",
                "ticket_sla_warning", "ticket_sla_breached", "ticket_commented", "ticket_status_changed",
                "ticket_resolved", "ticket_rated");
        assertThat(kinds.stream().filter("ticket_sla_warning"::equals)).as("warnings").hasSize(1);
        assertThat(kinds.stream().filter("ticket_sla_breached"::equals)).as("breaches").hasSize(1);
        // The timeline is newest first; read oldest first, the steps that happen at distinct moments keep the
        // journey's order.
        List<Object> oldestFirst = new ArrayList<>(kinds);
        Collections.reverse(oldestFirst);
        assertThat(oldestFirst).containsSubsequence("ticket_opened", "ticket_sla_warning", "ticket_sla_breached",
                "ticket_commented", "ticket_resolved", "ticket_rated");
        assertThat(entries).as("assignments: by rule to the VIP agent, then once to the shift lead on escalation")
                .filteredOn(e -> "ticket_assigned".equals(e.get("kind")))
                .extracting(e -> e.get("outcome"))
                .containsOnlyOnce(subject(vipAgent), subject(shiftLead));
        assertThat(entries).filteredOn(e -> "ticket_rated".equals(e.get("kind")))
                .extracting(e -> e.get("outcome")).containsExactly("4");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("source")).isEqualTo("tickets-service"));
    }

    /** The contact's timeline entries about one ticket, newest first as the API answers them. */
    private static List<Map<String, Object>> entriesOf(ValidatableResponse timeline, String ticketId) {
        List<Map<String, Object>> items = timeline.extract().jsonPath().getList("items");
        return items.stream().filter(e -> ticketId.equals(e.get("ticketId"))).toList();
    }

    private static String openTicket(String token, String subject, String priority, String contactId) {
        return post(token, "/api/v1/tickets", "{\"subject\":\"" + subject + "\",\"channel\":\"phone\",\"priority\":\""
                + priority + "\",\"contactId\":\"" + contactId + "\"}").statusCode(201).extract().path("id");
    }

    private static String createQueue(String adminToken, String name, String agentToken) {
        return post(adminToken, "/api/v1/queues", "{\"name\":\"" + name + "\",\"strategy\":\"round_robin\","
                + "\"members\":[{\"agentId\":\"" + subject(agentToken) + "\"}]}").statusCode(201).extract().path("id");
    }

    private static String alwaysOpenCalendar() {
        StringBuilder week = new StringBuilder();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            week.append(week.length() == 0 ? "" : ",").append('"').append(day).append("\":").append(OPEN_ALL_DAY);
        }
        return "{\"tenant\":{\"zone\":\"Europe/Berlin\",\"openingHours\":{" + week + "}}}";
    }

    private static ValidatableResponse get(String token, String path) {
        return Crm.gateway(token).when().get(path).then();
    }

    private static ValidatableResponse post(String token, String path, String body) {
        return Crm.gateway(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Configuration is replaced whole; the test owns its tenant, so any current version may be replaced. */
    private static ValidatableResponse put(String token, String path, String body) {
        return Crm.gateway(token).contentType(ContentType.JSON).header("If-Match", "*").body(body)
                .when().put(path).then();
    }

    /** The token's subject: the user id tickets-service uses as an agent. */
    private static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }
}
