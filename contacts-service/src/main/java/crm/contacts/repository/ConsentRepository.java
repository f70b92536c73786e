package crm.contacts.repository;

import crm.contacts.domain.Consent;
import crm.contacts.domain.ConsentChannel;
import crm.contacts.domain.ConsentStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for the consent in force per contact and channel; scoped by row-level security. */
@ApplicationScoped
public class ConsentRepository {

    private static final String COLUMNS = "contact_id, channel, status, source, wording_version, changed_at, changed_by,"
            + " version";

    public Uni<List<Consent>> allOfContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from consent where contact_id = $1 order by channel")
                .execute(Tuple.of(contactId))
                .map(rows -> {
                    List<Consent> all = new ArrayList<>();
                    rows.forEach(row -> all.add(map(row)));
                    return all;
                });
    }

    /** The row, locked until the transaction ends, so that two changes of one channel are serialised. */
    public Uni<Optional<Consent>> findForUpdate(SqlConnection tx, UUID contactId, ConsentChannel channel) {
        return tx.preparedQuery("select " + COLUMNS + " from consent where contact_id = $1 and channel = $2 for update")
                .execute(Tuple.of(contactId, channel.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * Stores the new statement for the channel, as version {@code previousVersion + 1}; empty if another
     * change got there first (a first statement racing another first statement, or a stale version).
     */
    public Uni<Optional<Consent>> save(SqlConnection tx, String unitId, Consent c, int previousVersion) {
        return tx.preparedQuery("insert into consent as k (id, unit_id, contact_id, channel, status, source,"
                        + " wording_version, changed_at, changed_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                        + " on conflict (contact_id, channel) do update set status = excluded.status,"
                        + " source = excluded.source, wording_version = excluded.wording_version,"
                        + " changed_at = excluded.changed_at, changed_by = excluded.changed_by, version = k.version + 1"
                        + " where k.version = $10 returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {UUID.randomUUID(), unitId, c.contactId(), c.channel().value(),
                        c.status().value(), c.source(), c.wordingVersion(), c.changedAt(), c.changedBy(),
                        previousVersion}))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    private static Consent map(Row row) {
        return new Consent(row.getUUID("contact_id"), ConsentChannel.of(row.getString("channel")),
                ConsentStatus.of(row.getString("status")), row.getString("source"), row.getString("wording_version"),
                row.getOffsetDateTime("changed_at"), row.getString("changed_by"), row.getInteger("version"));
    }
}
