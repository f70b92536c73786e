package crm.tickets.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a ticket. Work moves freely between new, open, pending_customer and on_hold, and from any
 * of them to resolved or closed; a resolved ticket can only be closed. Leaving resolved or closed for
 * open is a reopen, which has its own time window and is not a plain status change.
 */
public enum TicketStatus implements ApiValue {
    @JsonProperty("new") NEW("new"),
    @JsonProperty("open") OPEN("open"),
    @JsonProperty("pending_customer") PENDING_CUSTOMER("pending_customer"),
    @JsonProperty("on_hold") ON_HOLD("on_hold"),
    @JsonProperty("resolved") RESOLVED("resolved"),
    @JsonProperty("closed") CLOSED("closed");

    private final String value;

    TicketStatus(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public static TicketStatus of(String value) {
        return ApiValue.parse(TicketStatus.class, value);
    }

    /** Resolved and closed tickets are done: no SLA clock, no agent load, no views of open work. */
    public boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }

    /** Whether a status change (not a reopen) may lead from this status to {@code next}. */
    public boolean canChangeTo(TicketStatus next) {
        return next != this && allowedNext().contains(next);
    }

    public Set<TicketStatus> allowedNext() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING_CUSTOMER, ON_HOLD, RESOLVED, CLOSED);
            case OPEN -> EnumSet.of(PENDING_CUSTOMER, ON_HOLD, RESOLVED, CLOSED);
            case PENDING_CUSTOMER -> EnumSet.of(OPEN, ON_HOLD, RESOLVED, CLOSED);
            case ON_HOLD -> EnumSet.of(OPEN, PENDING_CUSTOMER, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    /** The SLA clock stands still while the customer has to answer, and once the work is done. */
    public boolean stopsSlaClock() {
        return this == PENDING_CUSTOMER || isDone();
    }
}
