package crm.tickets.service;

/** The query parameters of the ticket list, as sent (parsed and checked by the service). */
public record TicketListParams(String view, String queueId, String contactId, String companyId, String status,
                               String updatedSince) {
}
