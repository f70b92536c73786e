package crm.tickets.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local projection of contacts-service's contacts and companies (contact_ref, company_ref). */
@ApplicationScoped
public class CustomerRefRepository {

    /** What the projection knows of a contact. */
    public record ContactRef(UUID contactId, String unitId, UUID companyId, String email, List<String> tags,
                             String tier, UUID mergedInto, boolean erased) {
    }

    /** What the projection knows of a company. */
    public record CompanyRef(UUID companyId, String unitId) {
    }

    private static final String COLUMNS = "contact_id, unit_id, company_id, email, tags, tier, merged_into, erased";

    public Uni<Optional<ContactRef>> findContact(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select " + COLUMNS + " from contact_ref where contact_id = $1")
                .execute(Tuple.of(contactId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    /**
     * Records a contact as its latest event describes it. {@code tags} null means the event did not say
     * (older payloads), so the tags and tier known before stay. An erased contact stays erased.
     */
    public Uni<Void> upsertContact(SqlConnection tx, UUID contactId, String unitId, UUID companyId, String email,
                                   List<String> tags, String tier) {
        return tx.preparedQuery("insert into contact_ref (contact_id, unit_id, company_id, email, tags, tier)"
                        + " values ($1, $2, $3, $4, coalesce($5, '{}'::text[]), $6)"
                        + " on conflict (tenant_id, contact_id) do update set unit_id = excluded.unit_id,"
                        + " company_id = excluded.company_id,"
                        + " email = case when contact_ref.erased then null else excluded.email end,"
                        + " tags = case when $5 is null or contact_ref.erased then contact_ref.tags else excluded.tags end,"
                        + " tier = case when $5 is null or contact_ref.erased then contact_ref.tier else excluded.tier end,"
                        + " updated_at = now()")
                .execute(Tuple.from(new Object[] {contactId, unitId, companyId, email,
                        tags == null ? null : tags.toArray(String[]::new), tier}))
                .replaceWithVoid();
    }

    public Uni<Void> markMerged(SqlConnection tx, UUID mergedId, UUID survivorId) {
        return tx.preparedQuery("insert into contact_ref (contact_id, merged_into) values ($1, $2)"
                        + " on conflict (tenant_id, contact_id) do update set merged_into = $2, updated_at = now()")
                .execute(Tuple.of(mergedId, survivorId)).replaceWithVoid();
    }

    /** Keeps only the fact that the id was erased, so that a late event cannot bring the data back. */
    public Uni<Void> markErased(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("insert into contact_ref (contact_id, erased) values ($1, true)"
                        + " on conflict (tenant_id, contact_id) do update set erased = true, email = null,"
                        + " tags = '{}', tier = null, updated_at = now()")
                .execute(Tuple.of(contactId)).replaceWithVoid();
    }

    public Uni<Void> upsertCompany(SqlConnection tx, UUID companyId, String unitId) {
        return tx.preparedQuery("insert into company_ref (company_id, unit_id) values ($1, $2)"
                        + " on conflict (tenant_id, company_id) do update set unit_id = excluded.unit_id, updated_at = now()")
                .execute(Tuple.of(companyId, unitId)).replaceWithVoid();
    }

    public Uni<Optional<CompanyRef>> findCompany(SqlConnection tx, UUID companyId) {
        return tx.preparedQuery("select company_id, unit_id from company_ref where company_id = $1")
                .execute(Tuple.of(companyId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(new CompanyRef(
                        rows.iterator().next().getUUID("company_id"), rows.iterator().next().getString("unit_id"))));
    }

    private static ContactRef map(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        return new ContactRef(row.getUUID("contact_id"), row.getString("unit_id"), row.getUUID("company_id"),
                row.getString("email"), tags == null ? List.of() : List.of(tags), row.getString("tier"),
                row.getUUID("merged_into"), row.getBoolean("erased"));
    }
}
