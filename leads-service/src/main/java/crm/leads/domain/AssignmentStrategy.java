package crm.leads.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a unit shares new leads among its reps. */
public enum AssignmentStrategy {
    /** In turn, in the order the reps are listed. */
    @JsonProperty("round_robin") ROUND_ROBIN,
    /** To the rep with the fewest open leads; ties go in turn. */
    @JsonProperty("least_loaded") LEAST_LOADED
}
