package crm.analytics.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What analytics knows of a ticket: where it is (unit, queue), whether it is open, its latest resolution
 * figures (business minutes and SLA results from crm.ticket.resolved.v1) and its latest rating.
 */
public record TicketState(UUID ticketId, String unitId, UUID contactId, String queueKey, String queueName,
                          String category, String priority, OffsetDateTime openedAt, boolean open,
                          OffsetDateTime resolvedAt, Integer firstResponseMinutes, Integer resolutionMinutes,
                          Boolean firstResponseMet, Boolean resolutionMet, Integer rating, OffsetDateTime ratedAt) {

    public static final String UNCATEGORISED = "uncategorised";

    public TicketState {
        queueKey = queueKey == null ? "" : queueKey;
    }

    public static TicketState unknown(UUID ticketId) {
        return new TicketState(ticketId, null, null, "", null, null, null, null, false, null, null, null, null, null,
                null, null);
    }

    public String categoryOrDefault() {
        return category == null ? UNCATEGORISED : category;
    }

    public TicketState opened(String unit, UUID contact, String queue, String queueLabel, String newCategory,
                              String newPriority, OffsetDateTime at) {
        return new TicketState(ticketId, unit, contact != null ? contact : contactId, queue != null ? queue : queueKey,
                queueLabel != null ? queueLabel : queueName, newCategory != null ? newCategory : category,
                newPriority != null ? newPriority : priority, at, resolvedAt == null || open, resolvedAt,
                firstResponseMinutes, resolutionMinutes, firstResponseMet, resolutionMet, rating, ratedAt);
    }

    public TicketState inQueue(String queue, String queueLabel) {
        return new TicketState(ticketId, unitId, contactId, queue != null ? queue : queueKey,
                queueLabel != null ? queueLabel : queueName, category, priority, openedAt, open, resolvedAt,
                firstResponseMinutes, resolutionMinutes, firstResponseMet, resolutionMet, rating, ratedAt);
    }

    public TicketState withOpen(boolean isOpen) {
        return new TicketState(ticketId, unitId, contactId, queueKey, queueName, category, priority, openedAt, isOpen,
                resolvedAt, firstResponseMinutes, resolutionMinutes, firstResponseMet, resolutionMet, rating, ratedAt);
    }

    public TicketState resolved(String newCategory, String newPriority, String queue, OffsetDateTime at,
                                Integer firstResponse, Integer resolution, Boolean firstResponseSla,
                                Boolean resolutionSla) {
        return new TicketState(ticketId, unitId, contactId, queue != null ? queue : queueKey, queueName,
                newCategory != null ? newCategory : category, newPriority != null ? newPriority : priority, openedAt,
                false, at, firstResponse, resolution, firstResponseSla, resolutionSla, rating, ratedAt);
    }

    public TicketState rated(int stars, OffsetDateTime at) {
        return new TicketState(ticketId, unitId, contactId, queueKey, queueName, category, priority, openedAt, open,
                resolvedAt, firstResponseMinutes, resolutionMinutes, firstResponseMet, resolutionMet, stars, at);
    }
}
