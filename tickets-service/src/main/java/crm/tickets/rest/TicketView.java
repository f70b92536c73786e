package crm.tickets.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.tickets.domain.Channel;
import crm.tickets.domain.Priority;
import crm.tickets.domain.SlaState;
import crm.tickets.domain.Ticket;
import crm.tickets.domain.TicketStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A ticket as the API shows it. */
public record TicketView(UUID id, long number, String unitId, String subject, String description, Channel channel,
                         String category, Priority priority, TicketStatus status, UUID contactId,
                         boolean contactVerified, UUID companyId, boolean companyVerified, String requesterEmail,
                         String customerTier, UUID queueId, String assigneeId, String routingRule, List<String> tags,
                         ObjectNode customFields, List<String> watchers, SlaView sla, OffsetDateTime firstResponseAt,
                         OffsetDateTime resolvedAt, OffsetDateTime closedAt, OffsetDateTime reopenedAt,
                         RatingView rating, int version, String createdBy, OffsetDateTime createdAt,
                         OffsetDateTime updatedAt) {

    /** Where the ticket stands against its SLA; {@code policy} is null when none applies. */
    public record SlaView(String policy, Long firstResponseTargetMinutes, Long resolutionTargetMinutes,
                          boolean clockRunning, OffsetDateTime firstResponseDueAt, OffsetDateTime resolutionDueAt,
                          OffsetDateTime firstResponseWarnedAt, OffsetDateTime firstResponseBreachedAt,
                          OffsetDateTime resolutionWarnedAt, OffsetDateTime resolutionBreachedAt,
                          Long firstResponseBusinessMinutes, Long resolutionBusinessMinutes) {

        static SlaView of(SlaState s) {
            var terms = s.terms();
            return new SlaView(terms == null ? null : terms.policy(), terms == null ? null : terms.firstResponseMinutes(),
                    terms == null ? null : terms.resolutionMinutes(), s.clock().running(), s.firstResponseDueAt(),
                    s.resolutionDueAt(), s.firstResponseWarnedAt(), s.firstResponseBreachedAt(), s.resolutionWarnedAt(),
                    s.resolutionBreachedAt(), s.firstResponseMinutes(), s.resolutionMinutes());
        }
    }

    public record RatingView(int rating, String comment, OffsetDateTime ratedAt) {
    }

    static TicketView of(Ticket t) {
        var c = t.content();
        var cu = t.customer();
        var m = t.milestones();
        return new TicketView(t.id(), t.number(), t.unitId(), c.subject(), c.description(), c.channel(), c.category(),
                c.priority(), t.status(), cu.contactId(), cu.contactVerified(), cu.companyId(), cu.companyVerified(),
                cu.requesterEmail(), cu.customerTier(), t.placement().queueId(), t.placement().assigneeId(),
                t.placement().rule(), c.tags(), c.customFields(), c.watchers(), SlaView.of(t.sla()),
                m.firstResponseAt(), m.resolvedAt(), m.closedAt(), m.reopenedAt(),
                t.rating() == null ? null : new RatingView(t.rating().score(), t.rating().comment(), t.rating().ratedAt()),
                t.version(), t.createdBy(), t.createdAt(), t.updatedAt());
    }
}
