package crm.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTests {

    private static final Correlation CONTINUED =
            new Correlation("req-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", true);

    @Test
    void shouldForwardEndToEndHeadersAndSetTheGatewaysOwn() {
        MultiMap incoming = HttpHeaders.headers()
                .add("Authorization", "Bearer abc").add("Accept", "application/json")
                .add("If-Match", "\"3\"").add("Idempotency-Key", "k-1").add("Host", "crm.example.com")
                .add("Content-Length", "12").add("tracestate", "v=1");

        MultiMap outgoing = ForwardedHeaders.toDownstream(incoming, CONTINUED, "203.0.113.9", "https");

        assertThat(outgoing.get("Authorization")).isEqualTo("Bearer abc");
        assertThat(outgoing.get("If-Match")).isEqualTo("\"3\"");
        assertThat(outgoing.get("Idempotency-Key")).isEqualTo("k-1");
        assertThat(outgoing.get("Content-Length")).isEqualTo("12");
        assertThat(outgoing.get("tracestate")).isEqualTo("v=1");
        assertThat(outgoing.get("X-Request-Id")).isEqualTo("req-1");
        assertThat(outgoing.get("traceparent")).isEqualTo(CONTINUED.traceparent());
        assertThat(outgoing.get("X-Forwarded-For")).isEqualTo("203.0.113.9");
        assertThat(outgoing.get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(outgoing.contains("Host")).as("Host travels as the request's authority").isFalse();
    }

    @Test
    void shouldStripWhatClientsMustNotSayAndHopByHopHeaders() {
        MultiMap incoming = HttpHeaders.headers()
                .add("x-tenant-id", "t").add("X-TENANT", "t").add("X-Unit", "u").add("X-Internal-Token", "i")
                .add("Forwarded", "for=1.2.3.4").add("X-Forwarded-For", "1.2.3.4").add("X-Forwarded-Port", "1")
                .add("X-Real-IP", "1.2.3.4").add("Connection", "close, X-Hop").add("X-Hop", "h")
                .add("Keep-Alive", "timeout=5").add("Proxy-Authorization", "p").add("Proxy-Connection", "keep-alive")
                .add("TE", "trailers").add("Trailer", "X-Sum").add("Transfer-Encoding", "chunked")
                .add("Upgrade", "websocket").add("Expect", "100-continue");

        MultiMap outgoing = ForwardedHeaders.toDownstream(incoming, CONTINUED, "10.0.0.7", "http");

        assertThat(outgoing.names()).containsExactlyInAnyOrder(
                "X-Request-Id", "traceparent", "X-Forwarded-For", "X-Forwarded-Proto");
        assertThat(outgoing.get("X-Forwarded-For")).isEqualTo("10.0.0.7");
    }

    @Test
    void shouldDropTracestateOfATraceThatDoesNotContinue() {
        Correlation fresh = new Correlation("req-2", Correlation.newTraceparent(), false);
        MultiMap incoming = HttpHeaders.headers().add("tracestate", "v=1");

        MultiMap outgoing = ForwardedHeaders.toDownstream(incoming, fresh, null, "http");

        assertThat(outgoing.contains("tracestate")).isFalse();
        assertThat(outgoing.contains("X-Forwarded-For")).isFalse();
    }

    @Test
    void shouldCopyAnswerHeadersExceptHopByHopOnes() {
        MultiMap answer = HttpHeaders.headers()
                .add("Content-Type", "application/json").add("Content-Length", "2").add("ETag", "\"1\"")
                .add("Location", "http://crm.example.com/api/v1/contacts/1")
                .add("Set-Cookie", "a=1").add("Set-Cookie", "b=2")
                .add("Connection", "keep-alive, X-Hop").add("X-Hop", "h").add("Keep-Alive", "timeout=5")
                .add("Transfer-Encoding", "chunked").add("Proxy-Authenticate", "Basic");
        MultiMap response = HttpHeaders.headers();

        ForwardedHeaders.copyFromDownstream(answer, response);

        assertThat(response.names()).containsExactlyInAnyOrder(
                "Content-Type", "Content-Length", "ETag", "Location", "Set-Cookie");
        assertThat(response.getAll("Set-Cookie")).containsExactly("a=1", "b=2");
    }
}
