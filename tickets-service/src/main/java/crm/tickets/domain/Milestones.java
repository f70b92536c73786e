package crm.tickets.domain;

import java.time.OffsetDateTime;

/** When a ticket first got a public reply, was resolved, closed and last reopened. */
public record Milestones(OffsetDateTime firstResponseAt, OffsetDateTime resolvedAt, OffsetDateTime closedAt,
                         OffsetDateTime reopenedAt) {

    public static final Milestones NONE = new Milestones(null, null, null, null);

    public Milestones withFirstResponseAt(OffsetDateTime at) {
        return new Milestones(at, resolvedAt, closedAt, reopenedAt);
    }

    public Milestones withResolvedAt(OffsetDateTime at) {
        return new Milestones(firstResponseAt, at, closedAt, reopenedAt);
    }

    public Milestones withClosedAt(OffsetDateTime at) {
        return new Milestones(firstResponseAt, resolvedAt, at, reopenedAt);
    }

    /** A reopen starts the work again: the ticket is neither resolved nor closed any more. */
    public Milestones reopenedAt(OffsetDateTime at) {
        return new Milestones(firstResponseAt, null, null, at);
    }

    /** Since when a finished ticket is finished: the reopen window counts from here. */
    public OffsetDateTime finishedAt() {
        return resolvedAt != null ? resolvedAt : closedAt;
    }
}
