package crm.tickets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketStatusTests {

    @Test
    void shouldMoveFreelyBetweenWorkingStatuses() {
        assertThat(TicketStatus.NEW.canChangeTo(TicketStatus.OPEN)).isTrue();
        assertThat(TicketStatus.OPEN.canChangeTo(TicketStatus.PENDING_CUSTOMER)).isTrue();
        assertThat(TicketStatus.PENDING_CUSTOMER.canChangeTo(TicketStatus.ON_HOLD)).isTrue();
        assertThat(TicketStatus.ON_HOLD.canChangeTo(TicketStatus.OPEN)).isTrue();
        assertThat(TicketStatus.OPEN.canChangeTo(TicketStatus.RESOLVED)).isTrue();
        assertThat(TicketStatus.NEW.canChangeTo(TicketStatus.CLOSED)).isTrue();
    }

    @Test
    void shouldOnlyCloseAResolvedTicketAndNeverLeaveClosedByAStatusChange() {
        assertThat(TicketStatus.RESOLVED.allowedNext()).containsExactly(TicketStatus.CLOSED);
        assertThat(TicketStatus.RESOLVED.canChangeTo(TicketStatus.OPEN)).isFalse();
        assertThat(TicketStatus.CLOSED.allowedNext()).isEmpty();
        assertThat(TicketStatus.OPEN.canChangeTo(TicketStatus.NEW)).isFalse();
    }

    @Test
    void shouldRefuseAChangeToTheSameStatus() {
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(status.canChangeTo(status)).as(status.value()).isFalse();
        }
    }

    @Test
    void shouldStopTheSlaClockWhileWaitingAndWhenDone() {
        assertThat(TicketStatus.PENDING_CUSTOMER.stopsSlaClock()).isTrue();
        assertThat(TicketStatus.RESOLVED.stopsSlaClock()).isTrue();
        assertThat(TicketStatus.CLOSED.stopsSlaClock()).isTrue();
        assertThat(TicketStatus.ON_HOLD.stopsSlaClock()).as("on hold is our decision, the clock runs").isFalse();
        assertThat(TicketStatus.OPEN.stopsSlaClock()).isFalse();
    }

    @Test
    void shouldParseApiValuesAndNameTheAllowedOnes() {
        assertThat(TicketStatus.of("pending_customer")).isEqualTo(TicketStatus.PENDING_CUSTOMER);
        assertThatThrownBy(() -> TicketStatus.of("waiting")).hasMessageContaining("new, open, pending_customer");
        assertThat(Priority.HIGH.raised()).isEqualTo(Priority.URGENT);
        assertThat(Priority.URGENT.raised()).isEqualTo(Priority.URGENT);
    }
}
