package crm.contacts.repository;

import crm.contacts.domain.Direction;
import crm.contacts.domain.Interaction;
import crm.contacts.domain.InteractionKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for logged interactions; scoped by row-level security like every repository. */
@ApplicationScoped
public class InteractionRepository {

    private static final String COLUMNS = "id, unit_id, contact_id, company_id, kind, direction, occurred_at, author_id,"
            + " summary, outcome, created_at";

    public Uni<Interaction> insert(SqlConnection tx, Interaction i) {
        return tx.preparedQuery("insert into interaction (id, unit_id, contact_id, company_id, kind, direction,"
                        + " occurred_at, author_id, summary, outcome) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " returning " + COLUMNS)
                .execute(Tuple.from(new Object[] {i.id(), i.unitId(), i.contactId(), i.companyId(), i.kind().value(),
                        i.direction() == null ? null : i.direction().value(), i.occurredAt(), i.authorId(), i.summary(),
                        i.outcome()}))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<Optional<Interaction>> findById(SqlConnection tx, UUID id) {
        return tx.preparedQuery("select " + COLUMNS + " from interaction where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Uni<List<Interaction>> allOfContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from interaction where contact_id = $1 order by occurred_at, id")
                .execute(Tuple.of(contactId))
                .map(rows -> {
                    List<Interaction> all = new ArrayList<>();
                    rows.forEach(row -> all.add(map(row)));
                    return all;
                });
    }

    private static Interaction map(Row row) {
        String direction = row.getString("direction");
        return new Interaction(row.getUUID("id"), row.getString("unit_id"), row.getUUID("contact_id"),
                row.getUUID("company_id"), InteractionKind.of(row.getString("kind")),
                direction == null ? null : Direction.of(direction), row.getOffsetDateTime("occurred_at"),
                row.getString("author_id"), row.getString("summary"), row.getString("outcome"),
                row.getOffsetDateTime("created_at"));
    }
}
