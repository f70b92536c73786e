package crm.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationTests {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A-b_c.9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void shouldKeepSaneRequestIds(String id) {
        assertThat(Correlation.isSaneRequestId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "new\nline", "semi;colon", "ü",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void shouldRefuseInsaneRequestIds(String id) {
        assertThat(Correlation.isSaneRequestId(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"})
    void shouldKeepValidTraceparents(String traceparent) {
        assertThat(Correlation.isValidTraceparent(traceparent)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-suffix",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "garbage"})
    void shouldRefuseInvalidTraceparents(String traceparent) {
        assertThat(Correlation.isValidTraceparent(traceparent)).isFalse();
    }

    @Test
    void shouldGenerateSaneVersion4RequestIds() {
        String id = Correlation.newRequestId();
        UUID uuid = UUID.fromString(id);

        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(Correlation.isSaneRequestId(id)).isTrue();
        assertThat(Correlation.newRequestId()).isNotEqualTo(id);
    }

    @RepeatedTest(20)
    void shouldGenerateValidTraceparents() {
        String generated = Correlation.newTraceparent();

        assertThat(generated).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(Correlation.isValidTraceparent(generated)).isTrue();
    }

    @Test
    void shouldTreatRepeatedHeadersAsAbsent() {
        MultiMap headers = HttpHeaders.headers()
                .add("X-Request-Id", "one").add("X-Request-Id", "two")
                .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b8-01");

        Correlation correlation = Correlation.from(headers);

        assertThat(correlation.requestId()).isNotIn("one", "two");
        assertThat(correlation.traceContinued()).isFalse();
    }
}
