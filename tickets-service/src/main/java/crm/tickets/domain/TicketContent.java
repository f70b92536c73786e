package crm.tickets.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What staff describe and edit on a ticket (create and PATCH). */
public record TicketContent(String subject, String description, Channel channel, String category, Priority priority,
                            List<String> tags, ObjectNode customFields, List<String> watchers) {

    public TicketContent {
        tags = List.copyOf(tags);
        watchers = List.copyOf(watchers);
    }

    public TicketContent withPriority(Priority next) {
        return new TicketContent(subject, description, channel, category, next, tags, customFields, watchers);
    }
}
