package crm.tickets.service;

import crm.platform.concurrency.ExpectedVersion;
import crm.platform.db.TenantScope;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.idempotency.IdempotentRequests;
import crm.platform.idempotency.StoredResponse;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import crm.tickets.domain.Article;
import crm.tickets.domain.Labels;
import crm.tickets.repository.ArticleRepository;
import crm.tickets.repository.ArticleRepository.Found;
import crm.tickets.repository.TicketRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The brand-wide knowledge base: HQ staff write articles, everyone reads and searches them, agents link
 * the articles that solved a ticket, and the most useful ones rank first.
 */
@ApplicationScoped
public class ArticleService {

    static final String CREATE_OPERATION = "POST /api/v1/articles";
    public static final int MAX_SUGGESTIONS = 20;
    private static final String SORT_UPDATED = "updatedAt";
    private static final String SORT_USEFUL = "useful";
    private static final String SORT_RELEVANCE = "relevance";

    private final TenantScope scope;
    private final ArticleRepository articles;
    private final TicketRepository tickets;
    private final CurrentTenant currentTenant;
    private final IdempotentRequests idempotency;

    public ArticleService(TenantScope scope, ArticleRepository articles, TicketRepository tickets,
                          CurrentTenant currentTenant, IdempotentRequests idempotency) {
        this.scope = scope;
        this.articles = articles;
        this.tickets = tickets;
        this.currentTenant = currentTenant;
        this.idempotency = idempotency;
    }

    /** An article and how well it matches (relevance sorts and suggestions; null otherwise). */
    public record Ranked(Article article, Float score) {
    }

    public Uni<StoredResponse> createArticle(@Valid @NotNull NewArticle request, IdempotencyKey key,
                                             Function<Article, StoredResponse> respond) {
        TenantContext context = currentTenant.get();
        Units.requireBrandWide(context, "Knowledge-base articles");
        String category = category(request);
        List<String> tags = tags(request);
        return scope.inTransaction(context, tx -> idempotency.once(tx, context, key, CREATE_OPERATION, request,
                () -> articles.insert(tx, UUID.randomUUID(), request.title().strip(), request.body(), category, tags,
                        context.subject()).map(respond)));
    }

    public Uni<Article> findArticle(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> articles.findById(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Article " + id)));
    }

    public Uni<Article> replaceArticle(UUID id, ExpectedVersion expected, @Valid @NotNull NewArticle request) {
        TenantContext context = currentTenant.get();
        Units.requireBrandWide(context, "Knowledge-base articles");
        String category = category(request);
        List<String> tags = tags(request);
        return scope.inTransaction(context, tx -> articles.findById(tx, id).flatMap(found -> {
            Article current = found.orElseThrow(() -> ProblemException.notFound("Article " + id));
            expected.check("Article " + id, current.version());
            return articles.update(tx, id, current.version(), request.title().strip(), request.body(), category, tags)
                    .map(updated -> updated.orElseThrow(() -> ExpectedVersion.stale("Article " + id)));
        }));
    }

    /**
     * Lists articles: by last change (default, delta sync with updatedSince), by tickets solved
     * ({@code sort=useful}), or by relevance to {@code q} (full text, German and plain words).
     */
    public Uni<Page<Ranked>> listArticles(String q, String sort, String updatedSince, PageRequest page) {
        String term = q == null || q.isBlank() ? null : q.strip();
        if (term != null && (term.length() < 2 || term.length() > 200)) {
            throw ProblemException.badRequest("q", "must be between 2 and 200 characters");
        }
        String order = sort == null || sort.isBlank() ? (term != null ? SORT_RELEVANCE : SORT_UPDATED) : sort.strip();
        if (!List.of(SORT_UPDATED, SORT_USEFUL, SORT_RELEVANCE).contains(order)
                || (order.equals(SORT_RELEVANCE) && term == null)) {
            throw ProblemException.badRequest("sort", "must be updatedAt or useful, or relevance together with q");
        }
        if (term != null && !order.equals(SORT_RELEVANCE)) {
            throw ProblemException.badRequest("sort", "a search with q is ordered by relevance");
        }
        page.requireSort(order, SORT_UPDATED);
        var since = Params.instant("updatedSince", updatedSince);
        return scope.inTransaction(currentTenant.get(), tx -> switch (order) {
                    case SORT_USEFUL -> articles.listByUsefulness(tx, page);
                    case SORT_RELEVANCE -> articles.search(tx, term, page);
                    default -> articles.listByUpdate(tx, since, page);
                })
                .map(rows -> {
                    Page<Found> found = Page.of(rows, page, f -> new Cursor(order, f.sortValue(), f.article().id().toString()));
                    boolean scored = order.equals(SORT_RELEVANCE);
                    return new Page<>(found.items().stream().map(f -> new Ranked(f.article(),
                            scored ? Float.valueOf(f.sortValue()) : null)).toList(), found.nextCursor());
                });
    }

    /** Articles sharing words with the ticket's subject, description and category, best first. */
    public Uni<List<Ranked>> suggestFor(UUID ticketId, Integer limit) {
        int size = limit == null ? 5 : limit;
        if (size < 1 || size > MAX_SUGGESTIONS) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_SUGGESTIONS);
        }
        return scope.inTransaction(currentTenant.get(), tx -> tickets.findById(tx, ticketId).flatMap(found -> {
            var ticket = found.orElseThrow(() -> TicketService.notFound(ticketId));
            var c = ticket.content();
            String text = String.join(" ", c.subject(), c.description() == null ? "" : c.description(),
                    c.category() == null ? "" : c.category().replace('-', ' '), String.join(" ", c.tags()));
            return articles.suggestFor(tx, text, size);
        })).map(rows -> rows.stream().map(f -> new Ranked(f.article(), Float.valueOf(f.sortValue()))).toList());
    }

    /** Links the articles that solved a ticket (each counted once per ticket) and answers all linked ones. */
    public Uni<List<Article>> markSolvedBy(UUID ticketId, @Valid @NotNull SolvedBy request) {
        TenantContext context = currentTenant.get();
        List<UUID> ids = request.articleIds().stream().distinct().toList();
        return scope.inTransaction(context, tx -> tickets.findById(tx, ticketId).flatMap(found -> {
            var ticket = found.orElseThrow(() -> TicketService.notFound(ticketId));
            return articles.existing(tx, ids).flatMap(existing -> {
                for (int i = 0; i < request.articleIds().size(); i++) {
                    if (!existing.contains(request.articleIds().get(i))) {
                        throw ProblemException.badRequest("articleIds[" + i + "]", "no such article");
                    }
                }
                Uni<Void> links = Uni.createFrom().voidItem();
                for (UUID id : ids) {
                    links = links.flatMap(ignored -> articles.linkSolution(tx, ticketId, ticket.unitId(), id,
                            context.subject()).replaceWithVoid());
                }
                return links.flatMap(ignored -> articles.solutionsOf(tx, ticketId))
                        .flatMap(linked -> loadAll(tx, linked));
            });
        }));
    }

    private Uni<List<Article>> loadAll(SqlConnection tx, List<UUID> ids) {
        Uni<List<Article>> all = Uni.createFrom().item(new ArrayList<>());
        for (UUID id : ids) {
            all = all.flatMap(list -> articles.findById(tx, id).map(found -> {
                found.ifPresent(list::add);
                return list;
            }));
        }
        return all;
    }

    private static String category(NewArticle request) {
        try {
            return Labels.normaliseOptional(request.category());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("category", e.getMessage());
        }
    }

    private static List<String> tags(NewArticle request) {
        try {
            return Labels.normalise(request.tags(), 20);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("tags", e.getMessage());
        }
    }
}
