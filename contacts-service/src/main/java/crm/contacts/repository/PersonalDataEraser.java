package crm.contacts.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Anonymises everything this service holds about one person (GDPR Art. 17), inside the caller's
 * transaction.
 *
 * <p>The contact row is cleared column by column as the database describes it, not by a fixed list: every
 * column except the structural ones below is set to null, to its default, or (text without either) to an
 * empty string. A personal column added to {@code contact} later is therefore erased without anyone
 * remembering to extend this class. Generated columns (search text, match keys) follow by themselves.
 *
 * <p>Around the row: timeline summaries and outcomes, interaction texts, task titles and notes, the buyer
 * e-mail of purchases and consent sources; stored idempotent responses that repeat the person's data; and
 * outbox events about the person that were already published (their data lives on only in Kafka's retention
 * and in the consumers, which the erasure event reaches).
 */
@ApplicationScoped
public class PersonalDataEraser {

    /** What stays on an erased contact row: identity, tenancy, bookkeeping and staff references. */
    static final Set<String> KEPT_COLUMNS = Set.of("id", "tenant_id", "unit_id", "version", "created_by", "created_at",
            "updated_at", "lifecycle_stage", "owner_id", "merged_into", "merged_at");
    static final String ERASED_TITLE = "[erased]";

    private static final List<String> AROUND_THE_ROW = List.of(
            "update timeline_entry set summary = null, outcome = null where contact_id = $1",
            "update interaction set summary = null, outcome = null where contact_id = $1",
            "update task set title = '" + ERASED_TITLE + "', notes = null, version = version + 1, updated_at = now()"
                    + " where contact_id = $1",
            "update purchase set buyer_email = null where contact_id = $1",
            "update consent set source = '" + ERASED_TITLE + "' where contact_id = $1",
            // These two compare text: the id is bound as text (see erase).
            "delete from idempotency_key where body ->> 'id' = $1 or body ->> 'contactId' = $1",
            // The outbox is outside row-level security (its relay reads all tenants), hence the explicit tenant.
            "delete from outbox_event where status = 'PUBLISHED' and tenant_id = crm_current_tenant()"
                    + " and (message_key = $1 or envelope -> 'data' ->> 'contactId' = $1)");

    private volatile String clearContact;

    public Uni<Void> erase(SqlConnection tx, UUID contactId) {
        Uni<String> statement = clearContact != null ? Uni.createFrom().item(clearContact) : describeContact(tx);
        return statement.flatMap(sql -> tx.preparedQuery(sql).execute(Tuple.of(contactId)))
                .flatMap(ignored -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String sql : AROUND_THE_ROW) {
                        Tuple id = sql.contains("->>") ? Tuple.of(contactId.toString()) : Tuple.of(contactId);
                        chain = chain.flatMap(x -> tx.preparedQuery(sql).execute(id).replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** Builds (once) the update that clears every personal column of contact, from information_schema. */
    private Uni<String> describeContact(SqlConnection tx) {
        return tx.query("select column_name, is_nullable, column_default, is_generated, data_type"
                        + " from information_schema.columns where table_schema = current_schema()"
                        + " and table_name = 'contact' order by ordinal_position")
                .execute()
                .map(rows -> {
                    List<String> sets = new ArrayList<>();
                    for (Row c : rows) {
                        String column = c.getString("column_name");
                        if (KEPT_COLUMNS.contains(column) || "ALWAYS".equals(c.getString("is_generated"))) {
                            continue;
                        }
                        String value = "YES".equals(c.getString("is_nullable")) ? "null"
                                : c.getString("column_default") != null ? "default" : "''";
                        sets.add("\"" + column.replace("\"", "\"\"") + "\" = " + value);
                    }
                    sets.add("version = version + 1");
                    sets.add("updated_at = now()");
                    String sql = "update contact set " + String.join(", ", sets) + " where id = $1 or merged_into = $1";
                    clearContact = sql;
                    return sql;
                });
    }
}
