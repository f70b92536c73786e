package crm.contacts.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactEventsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPublishCreatedEventAsCloudEventThroughTheOutbox() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(ContactEvents.TOPIC));
            String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"firstName\":\"Eva\",\"lastName\":\"Kraft\",\"email\":\"eva@example.com\","
                            + "\"phone\":\"040 5550199\",\"tags\":[\"VIP\"],"
                            + "\"addresses\":[{\"postalCode\":\"20095\",\"city\":\"Hamburg\",\"country\":\"DE\"}]}")
                    .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");

            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });

            JsonNode event = JSON.readTree(mine.get(0).value());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("crm.contact.created.v1");
            assertThat(event.get("subject").asText()).isEqualTo(id);
            assertThat(event.get("source").asText()).isEqualTo("/crm/contacts-service");
            assertThat(event.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(event.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(event.get("data").get("email").asText()).isEqualTo("eva@example.com");
            assertThat(event.get("data").get("phone").asText()).isEqualTo("+49405550199");
            assertThat(event.get("data").get("postalCode").asText()).isEqualTo("20095");
            assertThat(event.get("data").get("city").asText()).isEqualTo("Hamburg");
            assertThat(event.get("data").get("tags").get(0).asText()).isEqualTo("vip");
            assertThat(new String(mine.get(0).headers().lastHeader("content-type").value()))
                    .startsWith("application/cloudevents+json");
        }
    }

    @Test
    void shouldPublishUpdatedEventNamingTheChangedFields() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(ContactEvents.TOPIC));
            String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"firstName\":\"Eva\",\"lastName\":\"Kraft\"}")
                    .when().post("/api/v1/contacts").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body("{\"lifecycleStage\":\"customer\",\"tags\":[\"vip\"]}")
                    .when().patch("/api/v1/contacts/" + id).then().statusCode(200);

            JsonNode event = awaitEvent(consumer, id, ContactEvents.CONTACT_UPDATED);

            assertThat(event.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(event.get("data").get("version").asInt()).isEqualTo(2);
            assertThat(event.get("data").get("lifecycleStage").asText()).isEqualTo("customer");
            List<String> changed = new ArrayList<>();
            event.get("data").get("changedFields").forEach(f -> changed.add(f.asText()));
            assertThat(changed).containsExactlyInAnyOrder("lifecycleStage", "tags");
        }
    }

    @Test
    void shouldPublishCreatedAndUpdatedEventsForImportedContacts() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "manager");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(ContactEvents.TOPIC));
            given().auth().oauth2(token).contentType("text/csv")
                    .body("externalId,firstName,lastName,email,phone,city,tags\nimp-1,Ina,Import,ina@example.com,"
                            + "040 5550177,Hamburg,neu\n")
                    .when().post("/api/v1/contacts/imports").then().statusCode(201);
            String id = given().auth().oauth2(token).when().get("/api/v1/contacts")
                    .then().statusCode(200).extract().path("items[0].id");
            given().auth().oauth2(token).contentType("text/csv")
                    .body("externalId,firstName,lastName,lifecycleStage\nimp-1,Ina,Import,customer\n")
                    .when().post("/api/v1/contacts/imports").then().statusCode(201);

            JsonNode created = awaitEvent(consumer, id, ContactEvents.CONTACT_CREATED);
            JsonNode updated = awaitEvent(consumer, id, ContactEvents.CONTACT_UPDATED);

            assertThat(created.get("source").asText()).isEqualTo("/crm/contacts-service");
            assertThat(created.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(created.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(created.get("data").get("email").asText()).isEqualTo("ina@example.com");
            assertThat(created.get("data").get("phone").asText()).isEqualTo("+49405550177");
            assertThat(created.get("data").get("city").asText()).isEqualTo("Hamburg");
            assertThat(updated.get("data").get("version").asInt()).isEqualTo(2);
            assertThat(updated.get("data").get("lifecycleStage").asText()).isEqualTo("customer");
            assertThat(updated.get("data").get("changedFields").get(0).asText()).isEqualTo("lifecycleStage");
        }
    }

    @Test
    void shouldPublishCompanyCreatedAndUpdatedEvents() throws Exception {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(ContactEvents.TOPIC));
            String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Velo AG\"}")
                    .when().post("/api/v1/companies").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).contentType("application/merge-patch+json")
                    .body("{\"name\":\"Velo SE\"}")
                    .when().patch("/api/v1/companies/" + id).then().statusCode(200);

            JsonNode created = awaitEvent(consumer, id, CompanyEvents.COMPANY_CREATED);
            JsonNode updated = awaitEvent(consumer, id, CompanyEvents.COMPANY_UPDATED);

            assertThat(created.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(created.get("data").get("name").asText()).isEqualTo("Velo AG");
            assertThat(updated.get("data").get("name").asText()).isEqualTo("Velo SE");
            assertThat(updated.get("data").get("changedFields").get(0).asText()).isEqualTo("name");
        }
    }

    private final Map<String, JsonNode> seen = new java.util.HashMap<>();

    /** Polls until an event of {@code type} about {@code key} arrived; events of other keys are ignored. */
    private JsonNode awaitEvent(KafkaConsumer<String, String> consumer, String key, String type) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (key.equals(r.key())) {
                    try {
                        JsonNode event = JSON.readTree(r.value());
                        seen.put(key + "/" + event.get("type").asText(), event);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            return seen.containsKey(key + "/" + type);
        });
        return seen.get(key + "/" + type);
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
