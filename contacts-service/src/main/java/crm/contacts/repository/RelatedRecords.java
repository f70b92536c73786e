package crm.contacts.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Moves the records that hang off a contact (timeline, interactions, follow-up tasks, purchases,
 * consents) from merged contacts to the surviving one, inside the merge's transaction.
 *
 * <p>Rows that are visible in their contact's unit (timeline entries, interactions, tasks, purchases,
 * consents) move into the survivor's unit as well, so the survivor's unit sees its whole history. Of
 * several consents for one channel only the most recent statement is kept: it is the one in force.
 * Erasure audit rows keep the subject id they were made for and are not moved.
 */
@ApplicationScoped
public class RelatedRecords {

    private static final String SURVIVOR_UNIT = "(select unit_id from contact where id = $1)";
    private static final List<String> MOVED_TABLES = List.of("timeline_entry", "interaction", "task", "purchase");

    /** Consents of all involved contacts, older than another statement for the same channel. */
    private static final String DROP_SUPERSEDED_CONSENTS = "delete from consent c"
            + " where c.contact_id = any(array_append($2::uuid[], $1))"
            + " and exists (select 1 from consent newer where newer.contact_id = any(array_append($2::uuid[], $1))"
            + " and newer.channel = c.channel and (newer.changed_at, newer.id) > (c.changed_at, c.id))";

    public Uni<Void> repoint(SqlConnection tx, UUID survivorId, List<UUID> mergedIds) {
        if (mergedIds == null || mergedIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple args = Tuple.of(survivorId, mergedIds.toArray(UUID[]::new));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : MOVED_TABLES) {
            chain = chain.flatMap(ignored -> move(tx, table, args));
        }
        return chain
                .flatMap(ignored -> tx.preparedQuery(DROP_SUPERSEDED_CONSENTS).execute(args))
                .flatMap(ignored -> move(tx, "consent", args));
    }

    private static Uni<Void> move(SqlConnection tx, String table, Tuple args) {
        // A purchase's unit is its contact's unit too; the selling unit is a column of its own. A moved task
        // counts as changed, so that mobile clients syncing by updatedSince pick it up.
        String changed = table.equals("task") ? ", version = version + 1, updated_at = now()" : "";
        return tx.preparedQuery("update " + table + " set contact_id = $1, unit_id = " + SURVIVOR_UNIT + changed
                        + " where contact_id = any($2::uuid[])")
                .execute(args)
                .replaceWithVoid();
    }
}
