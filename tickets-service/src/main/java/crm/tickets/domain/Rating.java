package crm.tickets.domain;

import java.time.OffsetDateTime;

/** The customer's satisfaction with a resolved ticket: 1 (poor) to 5 (excellent) and an optional comment. */
public record Rating(int score, String comment, OffsetDateTime ratedAt) {
}
