package crm.leads.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** The local projection of contacts-service's contacts, for recognising a capture as a known person. */
@ApplicationScoped
public class ContactRefRepository {

    /** A known contact as recognition needs it. */
    public record ContactRef(UUID contactId, String unitId, String firstName, String lastName, String emailKey,
                             String phoneKey, UUID mergedInto, boolean erased) {
    }

    private static final String COLUMNS = "contact_id, unit_id, first_name, last_name, email_key, phone_key,"
            + " merged_into, erased_at";

    /**
     * Inserts or refreshes a contact. A contact that was merged away or erased stays so: a created or updated
     * event that arrives late must not bring it back.
     */
    public Uni<Void> upsert(SqlConnection tx, ContactRef c) {
        return tx.preparedQuery("insert into contact_ref (contact_id, unit_id, first_name, last_name, email_key,"
                        + " phone_key) values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id, contact_id) do update"
                        + " set unit_id = excluded.unit_id, first_name = excluded.first_name,"
                        + " last_name = excluded.last_name, email_key = excluded.email_key,"
                        + " phone_key = excluded.phone_key, updated_at = now()"
                        + " where contact_ref.merged_into is null and contact_ref.erased_at is null")
                .execute(Tuple.from(Arrays.asList(c.contactId(), c.unitId(), c.firstName(), c.lastName(), c.emailKey(),
                        c.phoneKey())))
                .replaceWithVoid();
    }

    public Uni<Optional<ContactRef>> find(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from contact_ref where contact_id = $1")
                .execute(Tuple.of(contactId)).map(ContactRefRepository::first);
    }

    /** A live contact with this e-mail or (failing that) phone key; e-mail is the stronger evidence. */
    public Uni<Optional<ContactRef>> findByKeys(SqlConnection tx, String emailKey, String phoneKey) {
        if (emailKey == null && phoneKey == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.preparedQuery("select " + COLUMNS + " from contact_ref where merged_into is null and erased_at is null"
                        + " and ((email_key = $1 and $1 is not null) or (phone_key = $2 and $2 is not null))"
                        + " order by (email_key = $1 and $1 is not null) desc, updated_at desc, contact_id limit 1")
                .execute(Tuple.of(emailKey, phoneKey)).map(ContactRefRepository::first);
    }

    /** The merged contact now lives on as the survivor; keys go, so recognition finds the survivor only. */
    public Uni<Void> markMerged(SqlConnection tx, UUID mergedId, UUID survivorId) {
        return tx.preparedQuery("insert into contact_ref (contact_id, merged_into) values ($1, $2)"
                        + " on conflict (tenant_id, contact_id) do update set merged_into = $2, email_key = null,"
                        + " phone_key = null, first_name = null, last_name = null, updated_at = now()")
                .execute(Tuple.of(mergedId, survivorId)).replaceWithVoid();
    }

    /** Erasure: nothing personal remains, only the fact that the id was erased. */
    public Uni<Void> markErased(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("insert into contact_ref (contact_id, erased_at) values ($1, now())"
                        + " on conflict (tenant_id, contact_id) do update set erased_at = now(), email_key = null,"
                        + " phone_key = null, first_name = null, last_name = null, updated_at = now()")
                .execute(Tuple.of(contactId)).replaceWithVoid();
    }

    private static Optional<ContactRef> first(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new ContactRef(row.getUUID("contact_id"), row.getString("unit_id"),
                row.getString("first_name"), row.getString("last_name"), row.getString("email_key"),
                row.getString("phone_key"), row.getUUID("merged_into"), row.getValue("erased_at") != null));
    }
}
