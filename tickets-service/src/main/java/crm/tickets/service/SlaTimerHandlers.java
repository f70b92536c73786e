package crm.tickets.service;

import crm.platform.timers.DueTimer;
import crm.platform.timers.TimerHandler;
import crm.tickets.domain.SlaStage;
import crm.tickets.domain.SlaTarget;
import crm.tickets.domain.SlaTimer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Singleton;

/**
 * The four timer kinds of ticket SLAs, each handed to {@link SlaEscalation}. Singletons: the scheduler
 * holds them for the life of the application, and a client proxy would need a no-argument constructor.
 */
public final class SlaTimerHandlers {

    private SlaTimerHandlers() {
    }

    abstract static class ForTimer implements TimerHandler {
        private final SlaEscalation escalation;
        private final SlaTimer timer;

        ForTimer(SlaEscalation escalation, SlaTarget target, SlaStage stage) {
            this.escalation = escalation;
            this.timer = new SlaTimer(target, stage);
        }

        @Override
        public String kind() {
            return timer.kind();
        }

        @Override
        public Uni<Void> onDue(SqlConnection transaction, DueTimer due) {
            return escalation.onDue(transaction, due, timer);
        }
    }

    @Singleton
    public static class FirstResponseWarning extends ForTimer {
        public FirstResponseWarning(SlaEscalation escalation) {
            super(escalation, SlaTarget.FIRST_RESPONSE, SlaStage.WARNING);
        }
    }

    @Singleton
    public static class FirstResponseBreach extends ForTimer {
        public FirstResponseBreach(SlaEscalation escalation) {
            super(escalation, SlaTarget.FIRST_RESPONSE, SlaStage.BREACH);
        }
    }

    @Singleton
    public static class ResolutionWarning extends ForTimer {
        public ResolutionWarning(SlaEscalation escalation) {
            super(escalation, SlaTarget.RESOLUTION, SlaStage.WARNING);
        }
    }

    @Singleton
    public static class ResolutionBreach extends ForTimer {
        public ResolutionBreach(SlaEscalation escalation) {
            super(escalation, SlaTarget.RESOLUTION, SlaStage.BREACH);
        }
    }
}
