package crm.contacts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a timeline entry records. Logged interactions keep their own kind (call, email, ...); the others
 * are facts of this service (purchase, consent change) or of another service, projected from its events.
 */
public enum TimelineKind {
    @JsonProperty("call") CALL("call"),
    @JsonProperty("email") EMAIL("email"),
    @JsonProperty("meeting") MEETING("meeting"),
    @JsonProperty("letter") LETTER("letter"),
    @JsonProperty("chat") CHAT("chat"),
    @JsonProperty("note") NOTE("note"),
    @JsonProperty("web_form") WEB_FORM("web_form"),
    @JsonProperty("purchase") PURCHASE("purchase"),
    @JsonProperty("consent_changed") CONSENT_CHANGED("consent_changed"),
    @JsonProperty("lead_captured") LEAD_CAPTURED("lead_captured"),
    @JsonProperty("lead_assigned") LEAD_ASSIGNED("lead_assigned"),
    @JsonProperty("lead_status_changed") LEAD_STATUS_CHANGED("lead_status_changed"),
    @JsonProperty("lead_sla_breached") LEAD_SLA_BREACHED("lead_sla_breached"),
    @JsonProperty("lead_converted") LEAD_CONVERTED("lead_converted"),
    @JsonProperty("opportunity_opened") OPPORTUNITY_OPENED("opportunity_opened"),
    @JsonProperty("opportunity_won") OPPORTUNITY_WON("opportunity_won"),
    @JsonProperty("opportunity_lost") OPPORTUNITY_LOST("opportunity_lost"),
    @JsonProperty("ticket_opened") TICKET_OPENED("ticket_opened"),
    @JsonProperty("ticket_assigned") TICKET_ASSIGNED("ticket_assigned"),
    @JsonProperty("ticket_status_changed") TICKET_STATUS_CHANGED("ticket_status_changed"),
    @JsonProperty("ticket_commented") TICKET_COMMENTED("ticket_commented"),
    @JsonProperty("ticket_sla_warning") TICKET_SLA_WARNING("ticket_sla_warning"),
    @JsonProperty("ticket_sla_breached") TICKET_SLA_BREACHED("ticket_sla_breached"),
    @JsonProperty("ticket_resolved") TICKET_RESOLVED("ticket_resolved"),
    @JsonProperty("ticket_reopened") TICKET_REOPENED("ticket_reopened"),
    @JsonProperty("ticket_closed") TICKET_CLOSED("ticket_closed"),
    @JsonProperty("ticket_rated") TICKET_RATED("ticket_rated");

    private final String value;

    TimelineKind(String value) {
        this.value = value;
    }

    /** The API and database form. */
    public String value() {
        return value;
    }

    public static TimelineKind of(String value) {
        return value == null ? null : Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + allowed()));
    }

    public static TimelineKind of(InteractionKind kind) {
        return of(kind.value());
    }

    public static String allowed() {
        return Arrays.stream(values()).map(TimelineKind::value).collect(Collectors.joining(", "));
    }
}
