package crm.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.gateway.support.DownstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackResource.class)
@QuarkusTestResource(DownstreamStubs.class)
class CompressionAndCachingTests {

    private static final String ETAG = "\"v7\"";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void shouldGzipAProxiedAnswerForAClientThatAcceptsIt() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/contacts/" + UUID.randomUUID();

        HttpResponse<byte[]> answer = get(path, token, "gzip");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().allValues("Content-Encoding")).containsExactly("gzip");
        assertThat(new JsonObject(gunzip(answer.body())).getString("path")).isEqualTo(path);
    }

    @Test
    void shouldNotCompressForAClientThatDoesNotAcceptIt() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/contacts/" + UUID.randomUUID();

        HttpResponse<byte[]> answer = get(path, token, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        assertThat(new JsonObject(new String(answer.body(), StandardCharsets.UTF_8)).getString("path")).isEqualTo(path);
    }

    @Test
    void shouldPassAnAnswerTheServiceCompressedThroughAsItIs() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/tickets/" + UUID.randomUUID() + "/precompressed";

        HttpResponse<byte[]> answer = get(path, token, "gzip");

        assertThat(answer.headers().allValues("Content-Encoding")).containsExactly("gzip");
        JsonObject received = new JsonObject(gunzip(answer.body()));
        assertThat(received.getString("path")).isEqualTo(path);
        assertThat(received.getJsonObject("headers").getString("accept-encoding")).isEqualTo("gzip");
    }

    @Test
    void shouldPassETagAndIfNoneMatchThroughForA304() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/companies/" + UUID.randomUUID();

        given().auth().oauth2(token).when().get(path).then().statusCode(200).header("ETag", ETAG);
        given().auth().oauth2(token).header("If-None-Match", ETAG)
                .when().get(path).then().statusCode(304).header("ETag", ETAG);
    }

    @Test
    void shouldPassIfMatchAndUpdatedSinceThroughUnchanged() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/contacts/" + UUID.randomUUID();

        given().auth().oauth2(token).header("If-Match", ETAG).contentType(ContentType.JSON).body("{}")
                .when().put(path).then().statusCode(200)
                .body("headers.'if-match'", equalTo(ETAG))
                .body("headers", not(hasKey("if-none-match")));
        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get("/api/v1/contacts?updatedSince=2026-01-31T10:15:30Z").then().statusCode(200)
                .body("query", equalTo("updatedSince=2026-01-31T10:15:30Z"));
    }

    private HttpResponse<byte[]> get(String path, String token, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
