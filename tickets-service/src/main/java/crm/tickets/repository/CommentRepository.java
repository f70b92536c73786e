package crm.tickets.repository;

import crm.platform.paging.PageRequest;
import crm.tickets.domain.Attachment;
import crm.tickets.domain.Comment;
import crm.tickets.domain.CommentVisibility;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL for comments and attachment metadata. Each row copies its ticket's unit, so row-level security keeps
 * a franchisee to its own unit's comments even when a query does not join the ticket.
 */
@ApplicationScoped
public class CommentRepository {

    private static final String COMMENT_COLUMNS = "id, ticket_id, author_id, visibility, body, created_at";
    private static final String ATTACHMENT_COLUMNS = "id, ticket_id, name, content_type, size_bytes, uploaded_by, created_at";

    public Uni<Comment> insertComment(SqlConnection tx, UUID id, UUID ticketId, String unitId, String authorId,
                                      CommentVisibility visibility, String body) {
        return tx.preparedQuery("insert into ticket_comment (id, ticket_id, unit_id, author_id, visibility, body)"
                        + " values ($1, $2, $3, $4, $5, $6) returning " + COMMENT_COLUMNS)
                .execute(Tuple.from(new Object[] {id, ticketId, unitId, authorId, visibility.value(), body}))
                .map(rows -> comment(rows.iterator().next()));
    }

    /** One page of a ticket's comments, oldest first; {@code publicOnly} for callers who must not see notes. */
    public Uni<List<Comment>> comments(SqlConnection tx, UUID ticketId, PageRequest page) {
        List<Object> args = new ArrayList<>(List.of(ticketId));
        StringBuilder sql = new StringBuilder("select " + COMMENT_COLUMNS + " from ticket_comment where ticket_id = $1");
        if (page.after() != null) {
            args.add(page.after().sortKey());
            args.add(Sql.cursorId(page.after().id()));
            sql.append(" and (created_at, id) > ($2::text::timestamptz, $3)");
        }
        args.add(page.fetchSize());
        sql.append(" order by created_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args)).map(rows -> {
            List<Comment> found = new ArrayList<>();
            rows.forEach(row -> found.add(comment(row)));
            return found;
        });
    }

    public Uni<List<Comment>> allComments(SqlConnection tx, UUID ticketId) {
        return tx.preparedQuery("select " + COMMENT_COLUMNS + " from ticket_comment where ticket_id = $1"
                        + " order by created_at, id").execute(Tuple.of(ticketId))
                .map(rows -> {
                    List<Comment> found = new ArrayList<>();
                    rows.forEach(row -> found.add(comment(row)));
                    return found;
                });
    }

    /** Whether a public reply was given already: only the first one is the first response. */
    public Uni<Boolean> hasPublicReply(SqlConnection tx, UUID ticketId) {
        return tx.preparedQuery("select exists (select 1 from ticket_comment where ticket_id = $1"
                        + " and visibility = 'public')").execute(Tuple.of(ticketId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    public Uni<Attachment> insertAttachment(SqlConnection tx, UUID id, UUID ticketId, String unitId, String name,
                                            String contentType, long sizeBytes, String uploadedBy) {
        return tx.preparedQuery("insert into ticket_attachment (id, ticket_id, unit_id, name, content_type, size_bytes,"
                        + " uploaded_by) values ($1, $2, $3, $4, $5, $6, $7) returning " + ATTACHMENT_COLUMNS)
                .execute(Tuple.from(new Object[] {id, ticketId, unitId, name, contentType, sizeBytes, uploadedBy}))
                .map(rows -> attachment(rows.iterator().next()));
    }

    public Uni<List<Attachment>> attachments(SqlConnection tx, UUID ticketId) {
        return tx.preparedQuery("select " + ATTACHMENT_COLUMNS + " from ticket_attachment where ticket_id = $1"
                        + " order by created_at, id").execute(Tuple.of(ticketId))
                .map(rows -> {
                    List<Attachment> found = new ArrayList<>();
                    rows.forEach(row -> found.add(attachment(row)));
                    return found;
                });
    }

    private static Comment comment(Row row) {
        return new Comment(row.getUUID("id"), row.getUUID("ticket_id"), row.getString("author_id"),
                CommentVisibility.of(row.getString("visibility")), row.getString("body"),
                row.getOffsetDateTime("created_at"));
    }

    private static Attachment attachment(Row row) {
        return new Attachment(row.getUUID("id"), row.getUUID("ticket_id"), row.getString("name"),
                row.getString("content_type"), row.getLong("size_bytes"), row.getString("uploaded_by"),
                row.getOffsetDateTime("created_at"));
    }
}
