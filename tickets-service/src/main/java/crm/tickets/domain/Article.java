package crm.tickets.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A knowledge-base article, brand-wide; {@code solvedCount} counts the tickets it solved. */
public record Article(UUID id, String title, String body, String category, List<String> tags, int solvedCount,
                      int version, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Article {
        tags = List.copyOf(tags);
    }
}
