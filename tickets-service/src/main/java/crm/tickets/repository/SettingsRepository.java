package crm.tickets.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The tenant's configuration documents (routing rules, SLA policies, calendars), one row per kind. */
@ApplicationScoped
public class SettingsRepository {

    public static final String ROUTING_RULES = "routing-rules";
    public static final String SLA_POLICIES = "sla-policies";
    public static final String CALENDARS = "calendars";

    /** A stored document and its version (the ETag). */
    public record Stored<T>(T document, int version, OffsetDateTime updatedAt) {
    }

    private final Json json;

    public SettingsRepository(Json json) {
        this.json = json;
    }

    public <T> Uni<Optional<Stored<T>>> find(SqlConnection tx, String kind, Class<T> type) {
        return read(tx, kind, type, "");
    }

    /** Reads and row-locks the document, so that a replacement checks the version it is based on. */
    public <T> Uni<Optional<Stored<T>>> lock(SqlConnection tx, String kind, Class<T> type) {
        return read(tx, kind, type, " for update");
    }

    /** Inserts the first version or replaces the current one; the caller checked the version under the lock. */
    public <T> Uni<Stored<T>> save(SqlConnection tx, String kind, T document, String updatedBy) {
        return tx.preparedQuery("insert into tenant_setting (kind, document, updated_by) values ($1, $2, $3)"
                        + " on conflict (tenant_id, kind) do update set document = excluded.document,"
                        + " updated_by = excluded.updated_by, version = tenant_setting.version + 1, updated_at = now()"
                        + " returning version, updated_at")
                .execute(Tuple.of(kind, json.column(document), updatedBy))
                .map(rows -> {
                    var row = rows.iterator().next();
                    return new Stored<>(document, row.getInteger("version"), row.getOffsetDateTime("updated_at"));
                });
    }

    private <T> Uni<Optional<Stored<T>>> read(SqlConnection tx, String kind, Class<T> type, String locking) {
        return tx.preparedQuery("select document, version, updated_at from tenant_setting where kind = $1" + locking)
                .execute(Tuple.of(kind))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    var row = rows.iterator().next();
                    return Optional.of(new Stored<>(json.read(row, "document", type), row.getInteger("version"),
                            row.getOffsetDateTime("updated_at")));
                });
    }
}
