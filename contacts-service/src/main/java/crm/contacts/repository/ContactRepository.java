package crm.contacts.repository;

import crm.contacts.domain.Contact;
import crm.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for contacts. No statement names the tenant: the connection comes from TenantScope, and
 * row-level security scopes every read and write to the caller's tenant and unit.
 */
@ApplicationScoped
public class ContactRepository {

    private static final String COLUMNS =
            "id, unit_id, first_name, last_name, email, phone, version, created_by, created_at, updated_at";

    public Uni<Contact> insert(SqlConnection tx, Contact c) {
        return tx.preparedQuery("insert into contact (id, unit_id, first_name, last_name, email, phone, created_by)"
                        + " values ($1, $2, $3, $4, $5, $6, $7) returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {c.id(), c.unitId(), c.firstName(), c.lastName(), c.email(),
                        c.phone(), c.createdBy()}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Contact>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from contact where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /** Keyset page ordered by (updated_at, id): stable under inserts and usable for delta sync. */
    public Uni<List<Contact>> list(SqlConnection tx, OffsetDateTime updatedSince, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from contact where true");
        List<Object> args = new ArrayList<>();
        if (updatedSince != null) {
            args.add(updatedSince);
            sql.append(" and updated_at >= $").append(args.size());
        }
        if (page.after() != null) {
            args.add(OffsetDateTime.parse(page.after().sortKey()));
            args.add(UUID.fromString(page.after().id()));
            sql.append(" and (updated_at, id) > ($").append(args.size() - 1).append(", $").append(args.size()).append(')');
        }
        args.add(page.fetchSize());
        sql.append(" order by updated_at, id limit $").append(args.size());
        return tx.preparedQuery(sql.toString()).execute(Tuple.from(args))
                .map(rows -> {
                    List<Contact> contacts = new ArrayList<>();
                    rows.forEach(row -> contacts.add(map(row)));
                    return contacts;
                });
    }

    private static Contact map(Row row) {
        return new Contact(row.getUUID("id"), row.getString("unit_id"), row.getString("first_name"),
                row.getString("last_name"), row.getString("email"), row.getString("phone"),
                row.getInteger("version"), row.getString("created_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"));
    }
}
