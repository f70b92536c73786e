package crm.tickets.repository;

import crm.platform.paging.PageRequest;
import crm.tickets.domain.Article;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for the knowledge base. Search runs PostgreSQL full text over two configurations at once: german
 * (stemmed, so "Akkus" finds "Akku") and simple (exact words such as product names and error codes).
 */
@ApplicationScoped
public class ArticleRepository {

    private static final String COLUMNS = "id, title, body, category, tags, solved_count, version, created_by,"
            + " created_at, updated_at";
    private static final String A_COLUMNS = "a." + COLUMNS.replace(", ", ", a.");
    /** A user's search text as a query: web-search syntax ("quoted phrases", -excluded) in both configurations. */
    private static final String USER_QUERY = "(websearch_to_tsquery('german', $1) || websearch_to_tsquery('simple', $1))";
    /**
     * A ticket's text as a query: any of its first 64 distinct words may match (OR), ranked by how many and
     * how well. Words with quotes or backslashes are left out, as they cannot be quoted in a tsquery.
     */
    private static final String TICKET_QUERY = "with words as (select coalesce(string_agg(quote_literal(w), ' | '), '')"
            + " as alternatives from (select w from unnest(tsvector_to_array(to_tsvector('simple', $1))) w"
            + " where w !~ '[''\\\\]' limit 64) picked),"
            + " q as (select to_tsquery('german', alternatives) || to_tsquery('simple', alternatives) as query from words)";

    /** A row of a list and the text form of its sort key, which the next page's cursor carries. */
    public record Found(Article article, String sortValue) {
    }

    public Uni<Article> insert(SqlConnection tx, UUID id, String title, String body, String category, List<String> tags,
                               String createdBy) {
        return tx.preparedQuery("insert into article (id, title, body, category, tags, created_by)"
                        + " values ($1, $2, $3, $4, $5, $6) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, title, body, category, tags.toArray(String[]::new), createdBy}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Article>> update(SqlConnection tx, UUID id, int expectedVersion, String title, String body,
                                         String category, List<String> tags) {
        return tx.preparedQuery("update article set title = $3, body = $4, category = $5, tags = $6,"
                        + " version = version + 1, updated_at = now() where id = $1 and version = $2 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {id, expectedVersion, title, body, category,
                        tags.toArray(String[]::new)}))
                .map(this::first);
    }

    public Uni<Optional<Article>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from article where id = $1").execute(Tuple.of(id))
                .map(this::first);
    }

    public Uni<List<UUID>> existing(SqlConnection tx, List<UUID> ids) {
        return tx.preparedQuery("select id from article where id = any($1)").execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<UUID> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getUUID("id")));
                    return found;
                });
    }

    /** Oldest change first (delta sync); keyset on (updated_at, id). */
    public Uni<List<Found>> listByUpdate(SqlConnection tx, OffsetDateTime updatedSince, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", updated_at::text as sort_value from article where true");
        Sql.condition(sql, args, "updated_at >= $", updatedSince);
        keyset(sql, args, page, "updated_at", "timestamptz", ">");
        args.add(page.fetchSize());
        sql.append(" order by updated_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(this::found);
    }

    /** Most tickets solved first. */
    public Uni<List<Found>> listByUsefulness(SqlConnection tx, PageRequest page) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", solved_count::text as sort_value from article where true");
        keyset(sql, args, page, "solved_count", "integer", "<");
        args.add(page.fetchSize());
        sql.append(" order by solved_count desc, id desc limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(this::found);
    }

    /** Best match of a user's search first. */
    public Uni<List<Found>> search(SqlConnection tx, String term, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(term));
        StringBuilder sql = new StringBuilder("select * from (select " + A_COLUMNS
                + ", ts_rank(a.search_vector, " + USER_QUERY + ") as score from article a"
                + " where a.search_vector @@ " + USER_QUERY + ") ranked where true");
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(Sql.cursorId(page.after().id()));
            sql.append(" and (score, id) < ($2::text::real, $3)");
        }
        args.add(page.fetchSize());
        sql.append(" order by score desc, id desc limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Found> found = new ArrayList<>();
            rows.forEach(row -> found.add(new Found(map(row), String.valueOf(row.getFloat("score")))));
            return found;
        });
    }

    /** Articles that share words with a ticket's text, best first, with their score. */
    public Uni<List<Found>> suggestFor(SqlConnection tx, String ticketText, int limit) {
        return tx.preparedQuery(TICKET_QUERY + " select " + A_COLUMNS + ", ts_rank(a.search_vector, q.query)::text"
                        + " as sort_value from article a, q where a.search_vector @@ q.query"
                        + " order by ts_rank(a.search_vector, q.query) desc, a.solved_count desc, a.id limit $2")
                .execute(Tuple.of(ticketText, limit)).map(this::found);
    }

    /** Links an article to a ticket it solved; counts it once per ticket. Answers whether the link is new. */
    public Uni<Boolean> linkSolution(SqlConnection tx, UUID ticketId, String unitId, UUID articleId, String linkedBy) {
        return tx.preparedQuery("insert into ticket_solution (ticket_id, unit_id, article_id, linked_by)"
                        + " values ($1, $2, $3, $4) on conflict do nothing")
                .execute(Tuple.of(ticketId, unitId, articleId, linkedBy))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("update article set solved_count = solved_count + 1 where id = $1")
                                .execute(Tuple.of(articleId)).replaceWith(true));
    }

    public Uni<List<UUID>> solutionsOf(SqlConnection tx, UUID ticketId) {
        return tx.preparedQuery("select article_id from ticket_solution where ticket_id = $1 order by linked_at, article_id")
                .execute(Tuple.of(ticketId)).map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }

    private static void keyset(StringBuilder sql, List<Object> args, PageRequest page, String column, String type,
                               String comparison) {
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(Sql.cursorId(page.after().id()));
            sql.append(" and (").append(column).append(", id) ").append(comparison).append(" ($")
                    .append(args.size() - 1).append("::text::").append(type).append(", $").append(args.size())
                    .append(')');
        }
    }

    private List<Found> found(RowSet<Row> rows) {
        List<Found> found = new ArrayList<>();
        rows.forEach(row -> found.add(new Found(map(row), row.getString("sort_value"))));
        return found;
    }

    private Optional<Article> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next()));
    }

    private Article map(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        return new Article(row.getUUID("id"), row.getString("title"), row.getString("body"), row.getString("category"),
                tags == null ? List.of() : List.of(tags), row.getInteger("solved_count"), row.getInteger("version"),
                row.getString("created_by"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
