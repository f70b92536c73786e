package crm.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadStateTests {

    private static final OffsetDateTime CAPTURED = OffsetDateTime.parse("2026-11-02T08:00:00Z");

    @Test
    void shouldNotCountALeadBeforeItsCaptureIsKnown() {
        LeadState converted = LeadState.unknown(UUID.randomUUID())
                .withConversion("u1", CAPTURED.plusDays(3), UUID.randomUUID(), null, "website");

        assertThat(converted.funnelKey()).isNull();
        assertThat(converted.converted()).isTrue();
    }

    @Test
    void shouldImplyEarlierStagesAndKeepTheFirstContact() {
        LeadState lead = LeadState.unknown(UUID.randomUUID())
                .withCapture("u1", CAPTURED, "website", null, null, "20095", "DE", "ACME", "10-49", List.of("SKU"), null)
                .withStatus("qualified", null, CAPTURED.plusMinutes(45), null)
                .withStatus("contacted", CAPTURED.plusMinutes(90), CAPTURED.plusMinutes(90), null);

        assertThat(lead.funnelCounts()).containsExactly(1, 1, 1, 0, 0, 0, 0);
        assertThat(lead.speedToLeadMinutes()).isEqualTo(45);
        assertThat(lead.funnelKey().month()).isEqualTo(CAPTURED.toLocalDate().withDayOfMonth(1));
        assertThat(lead.funnelKey().campaignKey()).isEmpty();
    }
}
