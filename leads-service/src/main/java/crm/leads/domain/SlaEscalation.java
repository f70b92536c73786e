package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens besides the manager notification when a lead breaches its speed-to-lead target. */
public enum SlaEscalation {
    /** Only the notification; the lead stays where it is. */
    @JsonProperty("notify") NOTIFY,
    /** Reassigned to the unit's next rep with free capacity (the unit's queue if there is none). */
    @JsonProperty("next_rep") NEXT_REP,
    /** Taken from its owner into the unit's queue. */
    @JsonProperty("unit_queue") UNIT_QUEUE,
    /** Moved to the headquarters queue. */
    @JsonProperty("hq_queue") HQ_QUEUE
}
