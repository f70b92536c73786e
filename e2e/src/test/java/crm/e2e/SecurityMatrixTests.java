package crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import crm.devstack.TestTenant;
import crm.e2e.ApiOperations.Operation;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of every service's OpenAPI document, called through the gateway the way an attacker
 * would: without a token, with a tampered one, without a role, and with another tenant's or unit's ids.
 * New endpoints are covered by themselves.
 */
class SecurityMatrixTests {

    private static List<Operation> operations;
    private static TestTenant owner;
    private static String ownerToken;
    private static String ownerContact;
    private static String marker;

    @BeforeAll
    static void createTheVictimsData() {
        operations = ApiOperations.all();
        owner = Crm.newTenant();
        ownerToken = owner.unitToken("hamburg", "admin", "manager", "agent");
        marker = "Victim" + UUID.randomUUID().toString().substring(0, 8);
        ownerContact = WalkingSkeletonJourneyTests.createContact(ownerToken,
                "{\"firstName\":\"Secret\",\"lastName\":\"" + marker + "\",\"email\":\"" + marker.toLowerCase() + "@example.com\"}");
    }

    /** How much the run covered, for the record: each operation is called in five ways. */
    @AfterAll
    static void report() {
        if (operations != null) {
            System.out.printf("Security matrix: %d operations x 5 attacks = %d calls%n", operations.size(),
                    operations.size() * 5);
        }
    }

    @Test
    void shouldFindOperationsToCheck() {
        assertThat(operations).extracting(Operation::path).contains("/api/v1/contacts", "/api/v1/contacts/{id}");
    }

    @Test
    void shouldRefuseEveryOperationWithoutToken() {
        expectForAll(op -> call(Crm.gateway(), op, ownerContact), 401);
    }

    @Test
    void shouldRefuseEveryOperationWithTamperedToken() {
        expectForAll(op -> call(Crm.gateway(tampered(ownerToken)), op, ownerContact), 401);
    }

    @Test
    void shouldRefuseEveryOperationWithoutCrmRole() {
        String noRole = owner.unitToken("hamburg");
        expectForAll(op -> call(Crm.gateway(noRole), op, ownerContact), 403);
    }

    @Test
    void shouldNeverRevealRecordsToAnotherTenant() {
        String otherTenant = Crm.newTenant().hqToken("admin", "manager", "agent");
        expectNothingRevealed(otherTenant);
    }

    @Test
    void shouldNeverRevealRecordsToAnotherUnit() {
        String otherUnit = owner.unitToken("munich", "admin", "manager", "agent");
        expectNothingRevealed(otherUnit);
    }

    private void expectNothingRevealed(String token) {
        List<String> leaks = new ArrayList<>();
        for (Operation op : operations) {
            if (!op.hasPathParameters()) {
                Response list = admitted(o -> call(Crm.gateway(token), o, ownerContact), op);
                if (list.asString().contains(marker)) {
                    leaks.add(op + " listed the record: " + list.statusCode());
                }
                continue;
            }
            Response response = admitted(o -> call(Crm.gateway(token), o, ownerContact), op);
            if (response.statusCode() < 300 || response.asString().contains(marker)) {
                leaks.add(op + " answered " + response.statusCode() + " " + response.asString());
            }
        }
        assertThat(leaks).as("operations that revealed another scope's record").isEmpty();
        // The owner can see it, so the checks above were made with a real record.
        Crm.gateway(ownerToken).when().get("/api/v1/contacts/" + ownerContact).then().statusCode(200);
    }

    private static void expectForAll(Function<Operation, Response> request, int status) {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            Response response = admitted(request, op);
            if (response.statusCode() != status || !response.contentType().startsWith("application/problem+json")) {
                wrong.add(op + " answered " + response.statusCode() + " " + response.contentType());
            }
        }
        assertThat(wrong).as("operations not answering %d problem+json", status).isEmpty();
    }

    /**
     * The answer once the gateway's rate limit lets the call through: the matrix sends hundreds of calls
     * of one tenant within seconds, and a 429 would say nothing about the check under test.
     */
    private static Response admitted(Function<Operation, Response> request, Operation op) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> request.apply(op), response -> response.statusCode() != 429);
    }

    static Response call(RequestSpecification request, Operation op, String id) {
        if (op.hasBody()) {
            // As bytes, whatever the media type (CSV, NDJSON): RestAssured encodes only those it knows.
            request = request.contentType(op.bodyType())
                    .body("{\"firstName\":\"X\",\"lastName\":\"Y\"}".getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(op.method().toUpperCase(), op.pathWith(id)).then().extract().response();
    }

    /** The token with one character of its signature changed: the signature no longer matches. */
    static String tampered(String token) {
        int signature = token.lastIndexOf('.') + 1;
        int at = signature + (token.length() - signature) / 2;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }
}
