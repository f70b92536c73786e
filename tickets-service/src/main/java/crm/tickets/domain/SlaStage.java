package crm.tickets.domain;

/** The two moments an SLA target triggers escalation: a warning at a share of the target, and the breach. */
public enum SlaStage {
    WARNING("warning"),
    BREACH("breach");

    private final String value;

    SlaStage(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
