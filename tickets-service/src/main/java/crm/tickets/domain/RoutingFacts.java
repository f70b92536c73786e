package crm.tickets.domain;

/** What routing rules may look at: the ticket as it opens, and the customer's tier. */
public record RoutingFacts(String category, Priority priority, Channel channel, String unitId, String subject,
                           String description, String tier) {
}
