package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.get;
import static crm.contacts.rest.Api.patch;
import static crm.contacts.rest.Api.post;
import static crm.contacts.rest.Api.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.TestDatabase;
import crm.contacts.events.ContactEvents;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactMergeTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String merge(String token, String survivor, String... merged) {
        return "{\"mergeIds\": [\"" + String.join("\", \"", merged) + "\"]}";
    }

    @Test
    void shouldMergeDuplicatesIntoTheSurvivorFillingWhatItLacks() {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager");
        String survivor = create(token, "/api/v1/contacts", "{\"firstName\": \"Jana\", \"lastName\": \"Schulz\","
                + " \"email\": \"jana@example.com\", \"tags\": [\"vip\"], \"lifecycleStage\": \"customer\"}");
        String duplicate = create(token, "/api/v1/contacts?force=true", "{\"salutation\": \"Frau\", \"firstName\": \"J.\","
                + " \"lastName\": \"Schulz\", \"email\": \"j.schulz@example.com\", \"phone\": \"040 5550101\","
                + " \"tags\": [\"newsletter\"], \"source\": \"Messe\", \"externalId\": \"shop-7\"}");

        post(token, "/api/v1/contacts/" + survivor + "/merge", merge(token, survivor, duplicate)).statusCode(200)
                .header("ETag", "\"2\"")
                .body("id", equalTo(survivor))
                .body("firstName", equalTo("Jana"))
                .body("salutation", equalTo("Frau"))
                .body("email", equalTo("jana@example.com"))
                .body("emails.address", contains("jana@example.com", "j.schulz@example.com"))
                .body("phone", equalTo("+49405550101"))
                .body("tags", contains("vip", "newsletter"))
                .body("lifecycleStage", equalTo("customer"))
                .body("source", equalTo("Messe"))
                .body("externalId", equalTo("shop-7"));
    }

    @Test
    void shouldRedirectTheMergedContactToTheSurvivorAndListItNowhere() {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin", "manager");
        String survivor = create(token, "/api/v1/contacts", "{\"firstName\": \"Hans\", \"lastName\": \"Mergeberger\"}");
        String first = create(token, "/api/v1/contacts", "{\"firstName\": \"Hans\", \"lastName\": \"Mergebergr\"}");
        String second = create(token, "/api/v1/contacts", "{\"firstName\": \"H.\", \"lastName\": \"Mergeberger\"}");

        post(token, "/api/v1/contacts/" + second + "/merge", merge(token, second, first)).statusCode(200);
        post(token, "/api/v1/contacts/" + survivor + "/merge", merge(token, survivor, second)).statusCode(200);

        for (String merged : List.of(first, second)) {
            given().auth().oauth2(token).redirects().follow(false).when().get("/api/v1/contacts/" + merged)
                    .then().statusCode(308).header("Location", endsWith("/api/v1/contacts/" + survivor));
        }
        get(token, "/api/v1/contacts").statusCode(200).body("items.id", contains(survivor));
        get(token, "/api/v1/contacts?q=Mergeberger").statusCode(200).body("items.id", contains(survivor));
        String csv = given().auth().oauth2(token).when().get("/api/v1/contacts/export").then().statusCode(200)
                .extract().asString();
        assertThat(csv).contains(survivor).doesNotContain(first).doesNotContain(second);
        patch(token, "/api/v1/contacts/" + first, null, "{\"lastName\": \"X\"}").statusCode(409)
                .body("detail", containsString(survivor));
        post(token, "/api/v1/contacts/" + survivor + "/merge", merge(token, survivor, first)).statusCode(400)
                .body("errors[0].field", equalTo("mergeIds[0]"));
    }

    @Test
    void shouldLeaveNothingInAnyTablePointingAtTheMergedContacts() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("admin", "manager", "agent");
        String survivor = create(token, "/api/v1/contacts", "{\"firstName\": \"Eva\", \"lastName\": \"Kraft\"}");
        List<String> losers = List.of(
                create(token, "/api/v1/contacts", "{\"firstName\": \"Eva\", \"lastName\": \"Krafft\"}"),
                create(token, "/api/v1/contacts", "{\"firstName\": \"E.\", \"lastName\": \"Kraft\"}"));
        for (String loser : losers) {
            post(token, "/api/v1/interactions", "{\"contactId\": \"" + loser + "\", \"kind\": \"call\","
                    + " \"direction\": \"inbound\", \"summary\": \"asked for a test ride\"}").statusCode(201);
            post(token, "/api/v1/tasks", "{\"title\": \"Call back\", \"dueAt\": \"2030-01-01T09:00:00Z\","
                    + " \"contactId\": \"" + loser + "\"}").statusCode(201);
            post(token, "/api/v1/purchases", "{\"externalOrderId\": \"o-" + loser + "\", \"contactId\": \"" + loser
                    + "\", \"purchasedAt\": \"2026-01-01T10:00:00Z\", \"channel\": \"in_store\", \"currency\": \"EUR\","
                    + " \"lines\": [{\"sku\": \"BIKE-1\", \"quantity\": 1, \"unitPrice\": 1999.00}]}").statusCode(201);
            put(token, "/api/v1/contacts/" + loser + "/consents/email", null, "{\"status\": \"granted\","
                    + " \"source\": \"shop counter\"}").statusCode(200);
        }
        List<UUID> loserIds = losers.stream().map(UUID::fromString).toList();

        try (Connection db = TestDatabase.superuser()) {
            List<String> tables = TestDatabase.tablesWithContactId(db);
            assertThat(tables).contains("interaction", "timeline_entry", "task", "purchase", "consent");
            assertThat(pointingAt(db, tables, loserIds)).as("rows pointing at the losers before the merge").isPositive();

            post(token, "/api/v1/contacts/" + survivor + "/merge", merge(token, survivor, losers.toArray(String[]::new)))
                    .statusCode(200);

            assertThat(pointingAt(db, tables, loserIds)).as("rows pointing at the losers after the merge").isZero();
            assertThat(pointingAt(db, tables, List.of(UUID.fromString(survivor)))).isPositive();
            assertThat(TestDatabase.count(db, "select count(*) from contact where id = any(?) and merged_into = ?"
                            + " and first_name = '' and emails = '[]' and external_id is null",
                    db.createArrayOf("uuid", loserIds.toArray()), UUID.fromString(survivor)))
                    .as("tombstones without personal data").isEqualTo(2);
        }
    }

    private static long pointingAt(Connection db, List<String> tables, List<UUID> ids) throws Exception {
        long rows = 0;
        for (String table : tables) {
            rows += TestDatabase.count(db, "select count(*) from " + table + " where contact_id = any(?)",
                    db.createArrayOf("uuid", ids.toArray()));
        }
        return rows;
    }

    @Test
    void shouldPublishOneMergedEventPerMergedContact() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager");
        String survivor = create(token, "/api/v1/contacts", "{\"firstName\": \"Ole\", \"lastName\": \"Hansen\"}");
        String a = create(token, "/api/v1/contacts", "{\"firstName\": \"O.\", \"lastName\": \"Hansen\"}");
        String b = create(token, "/api/v1/contacts", "{\"firstName\": \"Ole\", \"lastName\": \"Hanssen\"}");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(ContactEvents.TOPIC));
            post(token, "/api/v1/contacts/" + survivor + "/merge", merge(token, survivor, a, b)).statusCode(200);

            List<JsonNode> merged = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    JsonNode event = read(r.value());
                    if (survivor.equals(r.key()) && ContactEvents.CONTACT_MERGED.equals(event.get("type").asText())) {
                        merged.add(event);
                    }
                });
                return merged.size() == 2;
            });
            assertThat(merged).extracting(e -> e.get("data").get("mergedId").asText()).containsExactlyInAnyOrder(a, b);
            assertThat(merged).allSatisfy(e -> {
                assertThat(e.get("subject").asText()).isEqualTo(survivor);
                assertThat(e.get("data").get("survivorId").asText()).isEqualTo(survivor);
                assertThat(e.get("data").get("mergedAt").asText()).isNotBlank();
            });
        }
    }

    @Test
    void shouldLetOnlyManagersAndAdminsMergeWhatTheyMaySee() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "manager");
        String survivor = create(hamburg, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"One\"}");
        String other = create(hamburg, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"Two\"}");
        String munich = create(tenant.unitToken("munich", "manager"), "/api/v1/contacts",
                "{\"firstName\": \"A\", \"lastName\": \"Three\"}");
        String body = merge(hamburg, survivor, other);

        post(tenant.unitToken("hamburg", "agent"), "/api/v1/contacts/" + survivor + "/merge", body).statusCode(403);
        post(TestTenant.create(DevStack.shared()).hqToken("manager"), "/api/v1/contacts/" + survivor + "/merge", body)
                .statusCode(404);
        post(tenant.unitToken("munich", "manager"), "/api/v1/contacts/" + survivor + "/merge", body).statusCode(404);
        post(hamburg, "/api/v1/contacts/" + survivor + "/merge", merge(hamburg, survivor, munich)).statusCode(400)
                .body("errors[0].field", equalTo("mergeIds[0]"));
        post(hamburg, "/api/v1/contacts/" + survivor + "/merge", merge(hamburg, survivor, survivor)).statusCode(400);
        post(hamburg, "/api/v1/contacts/" + survivor + "/merge", merge(hamburg, survivor, other, other)).statusCode(400);
        post(hamburg, "/api/v1/contacts/" + survivor + "/merge", "{\"mergeIds\": []}").statusCode(400);
        post(hamburg, "/api/v1/contacts/" + survivor + "/merge", "{\"mergeIds\": [\"not-a-uuid\"]}").statusCode(400);
        given().auth().oauth2(hamburg).contentType("application/json").header("If-Match", "\"7\"").body(body)
                .when().post("/api/v1/contacts/" + survivor + "/merge").then().statusCode(412);
        get(hamburg, "/api/v1/contacts").statusCode(200).body("items", hasSize(2))
                .body("items.id", containsInAnyOrder(survivor, other)).body("items.id", not(contains(munich)));
    }

    private static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contacts-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}
