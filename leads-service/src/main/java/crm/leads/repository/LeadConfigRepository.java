package crm.leads.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The tenant's rule documents (scoring, territories, routing, sla), one versioned JSON document per kind.
 * A kind never written has version 0 and the service's defaults.
 */
@ApplicationScoped
public class LeadConfigRepository {

    public enum Kind {
        SCORING("scoring"), TERRITORIES("territories"), ROUTING("routing"), SLA("sla");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** A stored document: its JSON text and version. */
    public record Stored(String body, int version) {
    }

    private final Json json;

    public LeadConfigRepository(Json json) {
        this.json = json;
    }

    public Uni<Optional<Stored>> find(SqlConnection tx, Kind kind) {
        return tx.preparedQuery("select body, version from lead_config where kind = $1").execute(Tuple.of(kind.value()))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Stored(row.getValue("body").toString(), row.getInteger("version")));
                });
    }

    /** Every document the tenant stored, in one round trip: what a capture needs. */
    public Uni<java.util.Map<Kind, Stored>> findAll(SqlConnection tx) {
        return tx.query("select kind, body, version from lead_config").execute().map(rows -> {
            java.util.Map<Kind, Stored> found = new java.util.EnumMap<>(Kind.class);
            for (Row row : rows) {
                found.put(Kind.valueOf(row.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        new Stored(row.getValue("body").toString(), row.getInteger("version")));
            }
            return found;
        });
    }

    /**
     * Stores {@code body} if the document still has {@code expectedVersion} (0: not stored yet); the new
     * version, or empty when someone else wrote it first.
     */
    public Uni<Optional<Integer>> save(SqlConnection tx, Kind kind, Object body, int expectedVersion, String by) {
        String sql = expectedVersion == 0
                ? "insert into lead_config (kind, body, updated_by) values ($1, $2, $3)"
                        + " on conflict (tenant_id, kind) do nothing returning version"
                : "update lead_config set body = $2, updated_by = $3, version = version + 1, updated_at = now()"
                        + " where kind = $1 and version = $4 returning version";
        Tuple args = expectedVersion == 0 ? Tuple.of(kind.value(), json.column(body), by)
                : Tuple.of(kind.value(), json.column(body), by, expectedVersion);
        return tx.preparedQuery(sql).execute(args)
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getInteger("version")));
    }
}
