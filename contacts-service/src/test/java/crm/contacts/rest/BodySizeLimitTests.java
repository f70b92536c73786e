package crm.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The CSV import may send a large body; every other operation keeps the 1 MB limit. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class BodySizeLimitTests {

    private static final String TWO_MEGABYTES = "{\"firstName\": \"" + "x".repeat(2_000_000) + "\", \"lastName\": \"y\"}";

    @TestHTTPResource("/api/v1/contacts")
    URI contacts;

    @Test
    void shouldRefuseAJsonBodyOverOneMegabyteWith413() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).contentType("application/json").body(TWO_MEGABYTES)
                .when().post("/api/v1/contacts")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void shouldCutOffAChunkedJsonBodyOverOneMegabyte() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        byte[] body = TWO_MEGABYTES.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(contacts).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldAcceptAnImportOverOneMegabyte() {
        String token = TestTenant.create(DevStack.shared()).hqToken("manager");
        StringBuilder csv = new StringBuilder("firstName,lastName,source\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("Gross").append(i).append(",Datei,").append("x".repeat(60)).append('\n');
        }

        Api.importCsv(token, csv.toString()).statusCode(201).body("created", equalTo(20_000));
    }
}
