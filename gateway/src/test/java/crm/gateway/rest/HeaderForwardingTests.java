package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class HeaderForwardingTests {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    @Test
    void shouldStripTenantHeadersBeforeForwarding() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token)
                .header("X-Tenant-Id", "someone-else")
                .header("X-TenantId", "someone-else")
                .header("X-Unit-Id", "someone-elses-unit")
                .header("X-Internal-Call", "true")
                .header("Forwarded", "for=10.0.0.1;proto=https")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "evil.example.com")
                .header("X-Forwarded-Proto", "https")
                .header("X-Real-Ip", "10.0.0.1")
                .header("X-Client-Note", "kept")
                .when().get("/api/v1/contacts/" + UUID.randomUUID())
                .then().statusCode(200)
                .body("headers", not(hasKey("x-tenant-id")))
                .body("headers", not(hasKey("x-tenantid")))
                .body("headers", not(hasKey("x-unit-id")))
                .body("headers", not(hasKey("x-internal-call")))
                .body("headers", not(hasKey("forwarded")))
                .body("headers", not(hasKey("x-forwarded-host")))
                .body("headers", not(hasKey("x-real-ip")))
                .body("headers.'x-forwarded-for'", equalTo("127.0.0.1"))
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-client-note'", equalTo("kept"));
    }

    @Test
    void shouldStripHopByHopHeadersBeforeForwarding() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token)
                .header("Connection", "keep-alive, X-Only-For-The-Gateway")
                .header("X-Only-For-The-Gateway", "secret")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic Zm9vOmJhcg==")
                .header("TE", "trailers")
                .header("Trailer", "X-Checksum")
                .when().get("/api/v1/queues/" + UUID.randomUUID())
                .then().statusCode(200)
                .body("headers", not(hasKey("x-only-for-the-gateway")))
                .body("headers", not(hasKey("keep-alive")))
                .body("headers", not(hasKey("proxy-authorization")))
                .body("headers", not(hasKey("te")))
                .body("headers", not(hasKey("trailer")));
    }

    @Test
    void shouldGenerateRequestIdAndTraceparentWhenMissing() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        ExtractableResponse<Response> answer = given().auth().oauth2(token)
                .when().get("/api/v1/tasks/" + UUID.randomUUID())
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern(TRACEPARENT))
                .extract();

        String forwarded = answer.path("headers.'x-request-id'");
        assertThat(forwarded).isNotBlank().hasSizeLessThanOrEqualTo(64);
        assertThat(answer.header("X-Request-Id")).isEqualTo(forwarded);
    }

    @Test
    void shouldKeepSaneRequestIdAndValidTraceparent() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String requestId = "mobile-app." + UUID.randomUUID();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        given().auth().oauth2(token)
                .header("X-Request-Id", requestId)
                .header("traceparent", traceparent)
                .header("tracestate", "vendor=opaque")
                .when().get("/api/v1/interactions/" + UUID.randomUUID())
                .then().statusCode(200)
                .header("X-Request-Id", requestId)
                .body("headers.'x-request-id'", equalTo(requestId))
                .body("headers.traceparent", equalTo(traceparent))
                .body("headers.tracestate", equalTo("vendor=opaque"));
    }

    @Test
    void shouldReplaceInsaneRequestIdAndInvalidTraceparent() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String insane = "x".repeat(65);
        String allZeroTrace = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";

        ExtractableResponse<Response> answer = given().auth().oauth2(token)
                .header("X-Request-Id", insane)
                .header("traceparent", allZeroTrace)
                .header("tracestate", "vendor=belongs-to-the-invalid-trace")
                .when().get("/api/v1/purchases/" + UUID.randomUUID())
                .then().statusCode(200)
                .body("headers.traceparent", matchesPattern(TRACEPARENT))
                .body("headers.traceparent", not(equalTo(allZeroTrace)))
                .body("headers", not(hasKey("tracestate")))
                .extract();

        String forwarded = answer.path("headers.'x-request-id'");
        assertThat(forwarded).isNotEqualTo(insane).matches("[A-Za-z0-9._-]{1,64}");
        assertThat(answer.header("X-Request-Id")).isEqualTo(forwarded);
    }

    @Test
    void shouldAnswerWithTheGatewaysRequestIdRatherThanTheServicesOwn() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String requestId = UUID.randomUUID().toString();

        Response answer = given().auth().oauth2(token).header("X-Request-Id", requestId)
                .when().get("/api/v1/companies/" + UUID.randomUUID());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().getValues("X-Request-Id")).containsExactly(requestId);
    }
}
