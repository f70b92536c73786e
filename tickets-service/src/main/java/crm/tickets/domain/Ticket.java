package crm.tickets.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer's service request. Changes produce a new value; the repository stores it with a version check. */
public record Ticket(UUID id, long number, String unitId, TicketStatus status, TicketContent content,
                     CustomerLink customer, QueuePlacement placement, SlaState sla, Milestones milestones,
                     Rating rating, int version, String createdBy, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt) {

    public Ticket withStatus(TicketStatus next) {
        return new Ticket(id, number, unitId, next, content, customer, placement, sla, milestones, rating, version,
                createdBy, createdAt, updatedAt);
    }

    public Ticket withContent(TicketContent next) {
        return new Ticket(id, number, unitId, status, next, customer, placement, sla, milestones, rating, version,
                createdBy, createdAt, updatedAt);
    }

    public Ticket withCustomer(CustomerLink next) {
        return new Ticket(id, number, unitId, status, content, next, placement, sla, milestones, rating, version,
                createdBy, createdAt, updatedAt);
    }

    public Ticket withPlacement(QueuePlacement next) {
        return new Ticket(id, number, unitId, status, content, customer, next, sla, milestones, rating, version,
                createdBy, createdAt, updatedAt);
    }

    public Ticket withSla(SlaState next) {
        return new Ticket(id, number, unitId, status, content, customer, placement, next, milestones, rating, version,
                createdBy, createdAt, updatedAt);
    }

    public Ticket withMilestones(Milestones next) {
        return new Ticket(id, number, unitId, status, content, customer, placement, sla, next, rating, version,
                createdBy, createdAt, updatedAt);
    }

    public Ticket withRating(Rating next) {
        return new Ticket(id, number, unitId, status, content, customer, placement, sla, milestones, next, version,
                createdBy, createdAt, updatedAt);
    }

    /** An agent carries the ticket as load while it is assigned to them and not done. */
    public String loadBearer() {
        return status.isDone() ? null : placement.assigneeId();
    }
}
