package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * What happened with a lead. Reps log call attempts, calls, e-mails, meetings and notes; the service
 * itself logs captures, attached captures and workflow steps so that a lead's history is complete.
 */
public enum ActivityKind {
    @JsonProperty("call_attempt") CALL_ATTEMPT("call_attempt", true, true, false),
    @JsonProperty("call") CALL("call", true, true, true),
    @JsonProperty("email") EMAIL("email", true, true, true),
    @JsonProperty("meeting") MEETING("meeting", true, true, true),
    @JsonProperty("note") NOTE("note", true, false, false),
    @JsonProperty("capture") CAPTURE("capture", false, false, false),
    @JsonProperty("capture_attached") CAPTURE_ATTACHED("capture_attached", false, false, false),
    @JsonProperty("status_changed") STATUS_CHANGED("status_changed", false, false, false),
    @JsonProperty("assigned") ASSIGNED("assigned", false, false, false),
    @JsonProperty("sla_breached") SLA_BREACHED("sla_breached", false, false, false);

    public static final String LOGGABLE = "call_attempt, call, email, meeting or note";

    private final String value;
    private final boolean loggable;
    private final boolean firstContact;
    private final boolean engagement;

    ActivityKind(String value, boolean loggable, boolean firstContact, boolean engagement) {
        this.value = value;
        this.loggable = loggable;
        this.firstContact = firstContact;
        this.engagement = engagement;
    }

    public String value() {
        return value;
    }

    /** Reps may log it through the API; the others are written by the service only. */
    public boolean isLoggable() {
        return loggable;
    }

    /**
     * Counts as the first contact attempt for speed-to-lead: reaching out, even unanswered, is what the
     * SLA measures. A note is not an attempt.
     */
    public boolean isContactAttempt() {
        return firstContact;
    }

    /**
     * Counts towards the engagement score: a conversation actually took place. An unanswered call shows
     * our effort, not the lead's interest.
     */
    public boolean isEngagement() {
        return engagement;
    }

    public static ActivityKind of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be " + LOGGABLE));
    }
}
