package crm.tickets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import crm.platform.time.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaStateTests {

    private static final BusinessCalendar STANDARD = BusinessCalendar.standard();
    private static final SlaTerms TERMS = new SlaTerms("high", 60, 480, 80, List.of(),
            List.of(EscalationAction.RAISE_PRIORITY), null);
    private static final SlaTimer FR_WARNING = new SlaTimer(SlaTarget.FIRST_RESPONSE, SlaStage.WARNING);
    private static final SlaTimer FR_BREACH = new SlaTimer(SlaTarget.FIRST_RESPONSE, SlaStage.BREACH);
    private static final SlaTimer RES_WARNING = new SlaTimer(SlaTarget.RESOLUTION, SlaStage.WARNING);
    private static final SlaTimer RES_BREACH = new SlaTimer(SlaTarget.RESOLUTION, SlaStage.BREACH);

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    @Test
    void shouldScheduleWarningAtTheConfiguredShareAndBreachAtTheTarget() {
        SlaState state = SlaState.start(TERMS, berlin("2026-11-23T10:00"));

        Map<SlaTimer, Instant> timers = state.timers(STANDARD);

        assertThat(timers.get(FR_WARNING)).isEqualTo(berlin("2026-11-23T10:48"));
        assertThat(timers.get(FR_BREACH)).isEqualTo(berlin("2026-11-23T11:00"));
        assertThat(timers.get(RES_WARNING)).isEqualTo(berlin("2026-11-23T16:24"));
        assertThat(timers.get(RES_BREACH)).isEqualTo(berlin("2026-11-23T18:00"));
    }

    @Test
    void shouldDropTheFirstResponseTimersOnceAnsweredAndMeasureIt() {
        SlaState state = SlaState.start(TERMS, berlin("2026-11-23T17:30"))
                .firstRespondedAt(berlin("2026-11-24T08:15"), STANDARD);

        assertThat(state.firstResponseMinutes()).isEqualTo(45);
        assertThat(state.met(SlaTarget.FIRST_RESPONSE)).isTrue();
        assertThat(state.timers(STANDARD).get(FR_WARNING)).isNull();
        assertThat(state.timers(STANDARD).get(FR_BREACH)).isNull();
        assertThat(state.timers(STANDARD).get(RES_BREACH)).isNotNull();
    }

    @Test
    void shouldNotFireAMarkedTimerAgain() {
        SlaState state = SlaState.start(TERMS, berlin("2026-11-23T10:00"))
                .mark(FR_WARNING, utc(berlin("2026-11-23T10:48")));

        assertThat(state.dueAt(FR_WARNING, STANDARD)).isNull();
        assertThat(state.dueAt(FR_BREACH, STANDARD)).isEqualTo(berlin("2026-11-23T11:00"));
        assertThat(state.marked(FR_WARNING)).isNotNull();
        assertThat(state.marked(FR_BREACH)).isNull();
    }

    @Test
    void shouldHaveNoTimersWhileWaitingForTheCustomer() {
        SlaState paused = SlaState.start(TERMS, berlin("2026-11-23T10:00")).pausedAt(berlin("2026-11-23T10:30"), STANDARD);

        assertThat(paused.timers(STANDARD).values()).containsOnlyNulls();
        assertThat(paused.withDueTimes(STANDARD).firstResponseDueAt()).isNull();

        SlaState resumed = paused.resumedAt(berlin("2026-11-23T14:00"));
        assertThat(resumed.dueAt(FR_BREACH, STANDARD)).isEqualTo(berlin("2026-11-23T14:30"));
    }

    @Test
    void shouldMeasureResolutionOnceAndJudgeIt() {
        SlaState state = SlaState.start(TERMS, berlin("2026-11-23T10:00"))
                .firstRespondedAt(berlin("2026-11-23T11:30"), STANDARD)
                .finishedAt(berlin("2026-11-24T09:00"), STANDARD);

        assertThat(state.firstResponseMinutes()).isEqualTo(90);
        assertThat(state.met(SlaTarget.FIRST_RESPONSE)).isFalse();
        assertThat(state.resolutionMinutes()).isEqualTo(540);
        assertThat(state.met(SlaTarget.RESOLUTION)).isFalse();
        assertThat(state.clock().running()).isFalse();
        assertThat(state.finishedAt(berlin("2026-11-25T09:00"), STANDARD).resolutionMinutes()).isEqualTo(540);
    }

    @Test
    void shouldCountAReplyInTheTargetMinuteOrAfterABreachAsMissed() {
        SlaState state = SlaState.start(TERMS, berlin("2026-11-23T10:00"));

        assertThat(state.firstRespondedAt(berlin("2026-11-23T10:59:59"), STANDARD).met(SlaTarget.FIRST_RESPONSE)).isTrue();
        assertThat(state.firstRespondedAt(berlin("2026-11-23T11:00:30"), STANDARD).met(SlaTarget.FIRST_RESPONSE)).isFalse();
        assertThat(state.mark(FR_BREACH, utc(berlin("2026-11-23T11:00"))).firstRespondedAt(berlin("2026-11-23T10:30"),
                STANDARD).met(SlaTarget.FIRST_RESPONSE)).as("the breach fired: missed, whatever was measured").isFalse();
    }

    @Test
    void shouldContinueTheResolutionClockAfterAReopen() {
        SlaState reopened = SlaState.start(TERMS, berlin("2026-11-23T10:00"))
                .finishedAt(berlin("2026-11-23T12:00"), STANDARD)
                .reopenedAt(berlin("2026-11-24T08:00"));

        assertThat(reopened.resolutionMinutes()).isNull();
        assertThat(reopened.dueAt(RES_BREACH, STANDARD)).isEqualTo(berlin("2026-11-24T14:00"));
    }

    @Test
    void shouldMeasureWithoutTermsButPromiseNothing() {
        SlaState state = SlaState.start(null, berlin("2026-11-23T10:00")).finishedAt(berlin("2026-11-23T11:00"), STANDARD);

        assertThat(state.resolutionMinutes()).isEqualTo(60);
        assertThat(state.met(SlaTarget.RESOLUTION)).isNull();
        assertThat(state.timers(STANDARD).values()).containsOnlyNulls();
    }

    @Test
    void shouldWarnAtLeastOneMinuteInAndNeverAfterTheBreach() {
        SlaTerms tiny = new SlaTerms("tiny", 1, 2, 80, List.of(), List.of(), null);

        assertThat(tiny.minutes(SlaTarget.FIRST_RESPONSE, SlaStage.WARNING)).isEqualTo(1);
        assertThat(tiny.minutes(SlaTarget.RESOLUTION, SlaStage.WARNING)).isEqualTo(1);
        assertThat(TERMS.minutes(SlaTarget.RESOLUTION, SlaStage.WARNING)).isEqualTo(384);
    }
}
