package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A lead's speed-to-lead clock: the target in business minutes, when it is at risk, when it is due, when
 * it breached (if it did) and when the first contact attempt happened.
 */
public record SlaTrack(Integer minutes, OffsetDateTime warnAt, OffsetDateTime dueAt, OffsetDateTime breachedAt,
                       OffsetDateTime firstContactAt) {

    public enum State {
        /** No clock runs (the lead was captured without one). */
        @JsonProperty("none") NONE,
        /** The lead left new without a contact attempt (disqualified or nurtured): the clock stopped. */
        @JsonProperty("stopped") STOPPED,
        @JsonProperty("on_track") ON_TRACK,
        @JsonProperty("at_risk") AT_RISK,
        @JsonProperty("breached") BREACHED,
        /** First contact within the target. */
        @JsonProperty("met") MET,
        /** First contact, but after the target. */
        @JsonProperty("missed") MISSED
    }

    /** The clock runs while the lead is new and untouched; {@code status} is the lead's. */
    /** Whether the lead still waits for its first contact with the clock running. */
    public static boolean runs(LeadStatus status, SlaTrack sla) {
        return status == LeadStatus.NEW && sla.firstContactAt() == null && sla.dueAt() != null;
    }

    public SlaTrack withFirstContact(OffsetDateTime at) {
        return firstContactAt != null ? this : new SlaTrack(minutes, warnAt, dueAt, breachedAt, at);
    }

    public SlaTrack withBreach(OffsetDateTime at) {
        return new SlaTrack(minutes, warnAt, dueAt, at, firstContactAt);
    }

    public State state(LeadStatus status, OffsetDateTime now) {
        if (dueAt == null) {
            return State.NONE;
        }
        if (firstContactAt != null) {
            return firstContactAt.isAfter(dueAt) ? State.MISSED : State.MET;
        }
        if (breachedAt != null) {
            return State.BREACHED;
        }
        if (status != LeadStatus.NEW) {
            return State.STOPPED;
        }
        return warnAt != null && !now.isBefore(warnAt) ? State.AT_RISK : State.ON_TRACK;
    }
}
