package crm.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signed renderedAt value and the bot screen of public forms. */
class FormProtectionTests {

    private static final RenderedAtSignature SIGNATURE = new RenderedAtSignature("a-test-secret-of-enough-length");
    private static final Instant SERVED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void shouldVerifyAValueItIssued() {
        String value = SIGNATURE.issue("fabc", SERVED);

        assertThat(SIGNATURE.verify("fabc", value)).contains(SERVED);
    }

    @Test
    void shouldRefuseForgedTamperedOrForeignValues() {
        String value = SIGNATURE.issue("fabc", SERVED);
        String earlier = (SERVED.toEpochMilli() - 60_000) + value.substring(value.indexOf('.'));

        assertThat(SIGNATURE.verify("fabc", earlier)).isEmpty();
        assertThat(SIGNATURE.verify("fother", value)).isEmpty();
        assertThat(new RenderedAtSignature("another-secret-of-enough-length").verify("fabc", value)).isEmpty();
        assertThat(SIGNATURE.verify("fabc", String.valueOf(SERVED.toEpochMilli()))).isEmpty();
        assertThat(SIGNATURE.verify("fabc", "x.y")).isEmpty();
        assertThat(SIGNATURE.verify("fabc", null)).isEmpty();
        assertThat(SIGNATURE.verify("fabc", "1".repeat(500))).isEmpty();
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new RenderedAtSignature("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetAHumanThrough() {
        SubmissionScreen.Verdict verdict = SubmissionScreen.screen("", Optional.of(SERVED), SERVED.plusSeconds(40), 3, DAY);

        assertThat(verdict.human()).isTrue();
    }

    @Test
    void shouldCatchAFilledHoneypot() {
        SubmissionScreen.Verdict verdict = SubmissionScreen.screen("http://spam.example", Optional.of(SERVED),
                SERVED.plusSeconds(40), 3, DAY);

        assertThat(verdict.human()).isFalse();
        assertThat(verdict.reason()).contains("honeypot");
    }

    @Test
    void shouldCatchSubmissionsFasterThanAHuman() {
        assertThat(SubmissionScreen.screen(null, Optional.of(SERVED), SERVED.plusMillis(2999), 3, DAY).human()).isFalse();
        assertThat(SubmissionScreen.screen(null, Optional.of(SERVED), SERVED.plusSeconds(3), 3, DAY).human()).isTrue();
        assertThat(SubmissionScreen.screen(null, Optional.of(SERVED), SERVED, 0, DAY).human()).isTrue();
    }

    @Test
    void shouldCatchMissingFutureAndStaleRenderTimes() {
        assertThat(SubmissionScreen.screen(null, Optional.empty(), SERVED, 3, DAY).human()).isFalse();
        assertThat(SubmissionScreen.screen(null, Optional.of(SERVED.plusSeconds(60)), SERVED, 3, DAY).human()).isFalse();
        assertThat(SubmissionScreen.screen(null, Optional.of(SERVED), SERVED.plus(DAY).plusSeconds(1), 3, DAY).human())
                .isFalse();
    }
}
