package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class AccessLogTests {

    private final Logger accessLog = Logger.getLogger("crm.gateway.access");
    private final LineCollector lines = new LineCollector();

    @BeforeEach
    void listen() {
        accessLog.addHandler(lines);
    }

    @AfterEach
    void stopListening() {
        accessLog.removeHandler(lines);
    }

    @Test
    void shouldWriteOneJsonLinePerRequestWithTenantAndClient() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String requestId = UUID.randomUUID().toString();
        String path = "/api/v1/contacts/" + UUID.randomUUID();

        given().auth().oauth2(token).header("X-Request-Id", requestId).queryParam("email", "jana@example.com")
                .when().get(path).then().statusCode(200);

        JsonObject line = awaitLineOf(requestId);
        assertThat(line.getString("method")).isEqualTo("GET");
        assertThat(line.getString("path")).isEqualTo(path);
        assertThat(line.getInteger("status")).isEqualTo(200);
        assertThat(line.getLong("durationMs")).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(line.getString("tenant")).isEqualTo(tenant.id());
        assertThat(line.getString("clientId")).isEqualTo("crm-cli");
        assertThat(line.getString("service")).isEqualTo("contacts-service");
        assertThat(line.encode()).doesNotContain("jana@example.com");
    }

    @Test
    void shouldLogRefusedRequestsWithoutClaims() {
        String requestId = UUID.randomUUID().toString();

        given().header("X-Request-Id", requestId).when().get("/api/v1/leads").then().statusCode(401);

        JsonObject line = awaitLineOf(requestId);
        assertThat(line.getInteger("status")).isEqualTo(401);
        assertThat(line.getString("path")).isEqualTo("/api/v1/leads");
        assertThat(line.containsKey("tenant")).isFalse();
        assertThat(line.containsKey("clientId")).isFalse();
    }

    private JsonObject awaitLineOf(String requestId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> linesOf(requestId).size() == 1);
        // Give a duplicate line the chance to show up before concluding there is exactly one.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> linesOf(requestId).size() == 1);
        return linesOf(requestId).get(0);
    }

    private List<JsonObject> linesOf(String requestId) {
        return lines.messages.stream().map(JsonObject::new)
                .filter(json -> requestId.equals(json.getString("requestId"))).toList();
    }

    private static final class LineCollector extends Handler {

        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
