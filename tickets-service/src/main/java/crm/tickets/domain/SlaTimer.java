package crm.tickets.domain;

import java.util.List;

/** One of the four escalation moments of a ticket, named as the kind of its platform timer. */
public record SlaTimer(SlaTarget target, SlaStage stage) {

    public static final List<SlaTimer> ALL = List.of(
            new SlaTimer(SlaTarget.FIRST_RESPONSE, SlaStage.WARNING),
            new SlaTimer(SlaTarget.FIRST_RESPONSE, SlaStage.BREACH),
            new SlaTimer(SlaTarget.RESOLUTION, SlaStage.WARNING),
            new SlaTimer(SlaTarget.RESOLUTION, SlaStage.BREACH));

    /** e.g. {@code ticket-sla.first_response.warning}; the timer's key is the ticket id. */
    public String kind() {
        return "ticket-sla." + target.value() + "." + stage.value();
    }
}
