package crm.tickets.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import crm.tickets.domain.Article;
import crm.tickets.service.ArticleService;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A knowledge-base article; {@code score} only in answers ranked by relevance. */
public record ArticleView(UUID id, String title, String body, String category, List<String> tags, int solvedCount,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Float score, int version, String createdBy,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static ArticleView of(Article a) {
        return of(a, null);
    }

    static ArticleView of(ArticleService.Ranked r) {
        return of(r.article(), r.score());
    }

    private static ArticleView of(Article a, Float score) {
        return new ArticleView(a.id(), a.title(), a.body(), a.category(), a.tags(), a.solvedCount(), score, a.version(),
                a.createdBy(), a.createdAt(), a.updatedAt());
    }
}
