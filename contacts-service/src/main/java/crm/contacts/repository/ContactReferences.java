package crm.contacts.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * What records hanging off a contact or company need to know about it: that the caller can see it (row-level
 * security answers nothing otherwise), its unit (which the record inherits) and a contact's company.
 *
 * <p>A merged contact is a tombstone that points at its survivor ({@code merged_into}, always one hop):
 * references to it resolve to the survivor, so nothing new is ever attached to a tombstone.
 */
@ApplicationScoped
public class ContactReferences {

    /** A contact as seen from its timeline, tasks, purchases and consents. */
    public record ContactRef(UUID id, String unitId, UUID companyId) {
    }

    /** A company as seen from its timeline and tasks. */
    public record CompanyRef(UUID id, String unitId) {
    }

    public Uni<Optional<ContactRef>> contact(SqlConnection tx, UUID id) {
        if (id == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.preparedQuery("select s.id, s.unit_id, s.company_id from contact c"
                        + " join contact s on s.id = coalesce(c.merged_into, c.id) where c.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(contactRef(rows.iterator().next())));
    }

    /** The oldest contact whose primary e-mail is {@code email} (lower case), if any is visible. */
    public Uni<Optional<ContactRef>> contactByEmail(SqlConnection tx, String email) {
        return tx.preparedQuery("select id, unit_id, company_id from contact where email = $1"
                        + " and merged_into is null order by created_at, id limit 1")
                .execute(Tuple.of(email))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(contactRef(rows.iterator().next())));
    }

    public Uni<Optional<CompanyRef>> company(SqlConnection tx, UUID id) {
        if (id == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.preparedQuery("select id, unit_id from company where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new CompanyRef(rows.iterator().next().getUUID("id"),
                                rows.iterator().next().getString("unit_id"))));
    }

    /** The oldest company with this (lower-case) domain, if any is visible. */
    public Uni<Optional<CompanyRef>> companyByDomain(SqlConnection tx, String domain) {
        return tx.preparedQuery("select id, unit_id from company where domain = $1 order by created_at, id limit 1")
                .execute(Tuple.of(domain))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new CompanyRef(rows.iterator().next().getUUID("id"),
                                rows.iterator().next().getString("unit_id"))));
    }

    /** The oldest company with exactly this name (ignoring case), if any is visible. */
    public Uni<Optional<CompanyRef>> companyByName(SqlConnection tx, String name) {
        return tx.preparedQuery("select id, unit_id from company where lower(name) = lower($1)"
                        + " order by created_at, id limit 1")
                .execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new CompanyRef(rows.iterator().next().getUUID("id"),
                                rows.iterator().next().getString("unit_id"))));
    }

    /**
     * The visible contacts among {@code ids} (keyed by the id asked for; a tombstone resolves to its
     * survivor), and the oldest visible live contact per primary e-mail among {@code emails}.
     */
    public record Resolved(java.util.Map<UUID, ContactRef> byId, java.util.Map<String, ContactRef> byEmail) {
    }

    public Uni<Resolved> resolve(SqlConnection tx, java.util.Collection<UUID> ids, java.util.Collection<String> emails) {
        if (ids.isEmpty() && emails.isEmpty()) {
            return Uni.createFrom().item(new Resolved(java.util.Map.of(), java.util.Map.of()));
        }
        return tx.preparedQuery("select c.id as asked, s.id, s.unit_id, s.company_id, c.email from contact c"
                        + " join contact s on s.id = coalesce(c.merged_into, c.id)"
                        + " where c.id = any($1) or (c.email = any($2) and c.merged_into is null)"
                        + " order by c.created_at, c.id")
                .execute(Tuple.of(ids.toArray(UUID[]::new), emails.toArray(String[]::new)))
                .map(rows -> {
                    java.util.Map<UUID, ContactRef> byId = new java.util.HashMap<>();
                    java.util.Map<String, ContactRef> byEmail = new java.util.HashMap<>();
                    rows.forEach(row -> {
                        ContactRef ref = contactRef(row);
                        byId.put(row.getUUID("asked"), ref);
                        String email = row.getString("email");
                        if (email != null) {
                            byEmail.putIfAbsent(email, ref);
                        }
                    });
                    return new Resolved(byId, byEmail);
                });
    }

    private static ContactRef contactRef(Row row) {
        return new ContactRef(row.getUUID("id"), row.getString("unit_id"), row.getUUID("company_id"));
    }
}
