package crm.tickets.events;

import crm.platform.events.OutgoingEvent;
import crm.platform.tenancy.TenantContext;
import crm.tickets.domain.Queue;
import crm.tickets.domain.SlaTarget;
import crm.tickets.domain.SlaTimer;
import crm.tickets.domain.Ticket;
import crm.tickets.domain.TicketStatus;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The events tickets-service publishes to {@value #TOPIC}, keyed by ticket id; each type is documented in
 * docs/events/tickets-service.asyncapi.yaml. Every payload carries the contactId so that contacts-service
 * can put the step on the customer's timeline; none carries comment or rating text.
 */
public final class TicketEvents {

    public static final String TOPIC = "crm.tickets";
    public static final String TICKET_OPENED = "crm.ticket.opened.v1";
    public static final String TICKET_ASSIGNED = "crm.ticket.assigned.v1";
    public static final String TICKET_STATUS_CHANGED = "crm.ticket.status-changed.v1";
    public static final String TICKET_COMMENTED = "crm.ticket.commented.v1";
    public static final String TICKET_SLA_WARNING = "crm.ticket.sla-warning.v1";
    public static final String TICKET_SLA_BREACHED = "crm.ticket.sla-breached.v1";
    public static final String TICKET_RESOLVED = "crm.ticket.resolved.v1";
    public static final String TICKET_REOPENED = "crm.ticket.reopened.v1";
    public static final String TICKET_CLOSED = "crm.ticket.closed.v1";
    public static final String TICKET_RATED = "crm.ticket.rated.v1";

    private TicketEvents() {
    }

    /** A new ticket, where routing put it and which customer it concerns. */
    public record TicketOpened(UUID ticketId, long number, UUID contactId, UUID companyId, String subject,
                               String channel, String category, String priority, String customerTier, UUID queueId,
                               String queueName, String rule, String unitId, boolean contactVerified,
                               OffsetDateTime openedAt) {
    }

    /** {@code reason}: rule, round_robin, least_loaded, skill, manual or sla_escalation. */
    public record TicketAssigned(UUID ticketId, UUID contactId, UUID queueId, String queueName, String assigneeId,
                                 String reason, String rule, OffsetDateTime assignedAt) {
    }

    public record TicketStatusChanged(UUID ticketId, UUID contactId, String from, String to,
                                      OffsetDateTime changedAt, String changedBy) {
    }

    /** A public reply; internal notes are not published. */
    public record TicketCommented(UUID ticketId, UUID contactId, UUID commentId, String authorId,
                                  boolean firstResponse, OffsetDateTime commentedAt) {
    }

    public record TicketSlaWarning(UUID ticketId, UUID contactId, String target, OffsetDateTime dueAt,
                                   OffsetDateTime warnedAt, String priority) {
    }

    /** The manager notification of a breach; {@code escalationQueueId} is set when the ticket was moved there. */
    public record TicketSlaBreached(UUID ticketId, UUID contactId, String target, OffsetDateTime dueAt,
                                    OffsetDateTime breachedAt, String priority, UUID escalationQueueId,
                                    boolean managerNotified) {
    }

    public record TicketResolved(UUID ticketId, UUID contactId, String category, String priority, UUID queueId,
                                 OffsetDateTime openedAt, OffsetDateTime firstResponseAt, OffsetDateTime resolvedAt,
                                 Long firstResponseBusinessMinutes, Long resolutionBusinessMinutes,
                                 Boolean firstResponseSlaMet, Boolean resolutionSlaMet) {
    }

    public record TicketReopened(UUID ticketId, UUID contactId, OffsetDateTime reopenedAt) {
    }

    public record TicketClosed(UUID ticketId, UUID contactId, OffsetDateTime closedAt) {
    }

    public record TicketRated(UUID ticketId, UUID contactId, int rating, OffsetDateTime ratedAt) {
    }

    public static OutgoingEvent opened(TenantContext context, Ticket t, Queue queue) {
        var c = t.content();
        return event(context, t, TICKET_OPENED, new TicketOpened(t.id(), t.number(), t.customer().contactId(),
                t.customer().companyId(), c.subject(), c.channel().value(), c.category(), c.priority().value(),
                t.customer().customerTier(), queue.id(), queue.name(), t.placement().rule(), t.unitId(),
                t.customer().contactVerified(), t.createdAt()));
    }

    public static OutgoingEvent assigned(TenantContext context, Ticket t, Queue queue, String reason,
                                         OffsetDateTime at) {
        return event(context, t, TICKET_ASSIGNED, new TicketAssigned(t.id(), t.customer().contactId(), queue.id(),
                queue.name(), t.placement().assigneeId(), reason, t.placement().rule(), at));
    }

    public static OutgoingEvent statusChanged(TenantContext context, Ticket t, TicketStatus from, OffsetDateTime at) {
        return event(context, t, TICKET_STATUS_CHANGED, new TicketStatusChanged(t.id(), t.customer().contactId(),
                from.value(), t.status().value(), at, context.subject()));
    }

    public static OutgoingEvent commented(TenantContext context, Ticket t, UUID commentId, boolean firstResponse,
                                          OffsetDateTime at) {
        return event(context, t, TICKET_COMMENTED, new TicketCommented(t.id(), t.customer().contactId(), commentId,
                context.subject(), firstResponse, at));
    }

    public static OutgoingEvent slaWarning(TenantContext context, Ticket t, SlaTarget target, OffsetDateTime dueAt,
                                           OffsetDateTime at) {
        return event(context, t, TICKET_SLA_WARNING, new TicketSlaWarning(t.id(), t.customer().contactId(),
                target.value(), dueAt, at, t.content().priority().value()));
    }

    public static OutgoingEvent slaBreached(TenantContext context, Ticket t, SlaTimer timer, OffsetDateTime dueAt,
                                            OffsetDateTime at, UUID escalationQueueId, boolean managerNotified) {
        return event(context, t, TICKET_SLA_BREACHED, new TicketSlaBreached(t.id(), t.customer().contactId(),
                timer.target().value(), dueAt, at, t.content().priority().value(), escalationQueueId,
                managerNotified));
    }

    public static OutgoingEvent resolved(TenantContext context, Ticket t) {
        var sla = t.sla();
        return event(context, t, TICKET_RESOLVED, new TicketResolved(t.id(), t.customer().contactId(),
                t.content().category(), t.content().priority().value(), t.placement().queueId(), t.createdAt(),
                t.milestones().firstResponseAt(), t.milestones().resolvedAt(), sla.firstResponseMinutes(),
                sla.resolutionMinutes(), sla.met(SlaTarget.FIRST_RESPONSE), sla.met(SlaTarget.RESOLUTION)));
    }

    public static OutgoingEvent reopened(TenantContext context, Ticket t) {
        return event(context, t, TICKET_REOPENED, new TicketReopened(t.id(), t.customer().contactId(),
                t.milestones().reopenedAt()));
    }

    public static OutgoingEvent closed(TenantContext context, Ticket t) {
        return event(context, t, TICKET_CLOSED, new TicketClosed(t.id(), t.customer().contactId(),
                t.milestones().closedAt()));
    }

    public static OutgoingEvent rated(TenantContext context, Ticket t) {
        return event(context, t, TICKET_RATED, new TicketRated(t.id(), t.customer().contactId(), t.rating().score(),
                t.rating().ratedAt()));
    }

    private static OutgoingEvent event(TenantContext context, Ticket t, String type, Object data) {
        return OutgoingEvent.of(TOPIC, type, t.id().toString(), context, t.unitId(), data);
    }
}
