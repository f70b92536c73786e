package crm.analytics.repository;

import crm.analytics.domain.ContactProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Contacts in the read model: profiles, consents, merges, erasures and company sizes. */
@ApplicationScoped
public class ContactRepository {

    /** A contact id as events should be booked: merged ids point at their survivor; erased people are gone. */
    public record ResolvedContact(UUID id, boolean erased) {
    }

    private static final String RESOLVE = """
            with target as (select coalesce((select survivor_id from contact_merge where merged_id = $1), $1) as id)
            select target.id, exists (select 1 from erasure_record e where e.contact_id in ($1, target.id)) as erased
            from target""";

    /**
     * {@link #RESOLVE} and {@link #LOCK} of the resolved id in one round trip: the lock is taken only when
     * the person is not erased, as a caller doing both in turn would. The insert runs even though nothing
     * selects from it (a data-modifying WITH always runs to completion).
     */
    private static final String RESOLVE_AND_LOCK = """
            with target as (select coalesce((select survivor_id from contact_merge where merged_id = $1), $1) as id),
            resolved as (select target.id, exists (select 1 from erasure_record e where e.contact_id in ($1, target.id))
                                           as erased
                         from target),
            locked as (insert into contact_profile (contact_id) select id from resolved where not erased
                       on conflict (tenant_id, contact_id) do update set contact_id = excluded.contact_id where false)
            select id, erased from resolved""";

    /**
     * Takes the contact's row lock (creating a placeholder row if needed). Everything that books per-person
     * data across topics (orders, campaign links, merges, erasure) takes it first, so such transactions
     * run one after the other per contact and each sees what the other committed. ON CONFLICT DO UPDATE
     * with a false condition locks the existing row without writing it.
     */
    private static final String LOCK = """
            insert into contact_profile (contact_id) values ($1)
            on conflict (tenant_id, contact_id) do update set contact_id = excluded.contact_id where false""";

    private static final String UPSERT_PROFILE = """
            insert into contact_profile (contact_id, unit_id, first_name, last_name, email, phone, street, postal_code,
                                         city, lifecycle_stage, tags, company_id, version, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13, now())
            on conflict (tenant_id, contact_id) do update
            set unit_id = excluded.unit_id, first_name = excluded.first_name, last_name = excluded.last_name,
                email = excluded.email, phone = excluded.phone, street = excluded.street,
                postal_code = excluded.postal_code, city = excluded.city, lifecycle_stage = excluded.lifecycle_stage,
                tags = excluded.tags, company_id = excluded.company_id, version = excluded.version, updated_at = now()
            where contact_profile.version <= excluded.version""";

    private static final String UPSERT_CONSENT = """
            insert into contact_consent (contact_id, channel, status, changed_at) values ($1, $2, $3, $4)
            on conflict (tenant_id, contact_id, channel) do update
            set status = excluded.status, changed_at = excluded.changed_at
            where contact_consent.changed_at <= excluded.changed_at""";

    private static final String UPSERT_COMPANY = """
            insert into company_profile (company_id, size, version) values ($1, $2, $3)
            on conflict (tenant_id, company_id) do update set size = excluded.size, version = excluded.version
            where company_profile.version <= excluded.version""";

    public Uni<ResolvedContact> resolve(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery(RESOLVE).execute(Tuple.of(contactId)).map(rows -> {
            Row row = rows.iterator().next();
            return new ResolvedContact(row.getUUID("id"), row.getBoolean("erased"));
        });
    }

    /** Resolves the contact and, unless the person is erased, locks the resolved id (see {@link #LOCK}). */
    public Uni<ResolvedContact> resolveAndLock(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery(RESOLVE_AND_LOCK).execute(Tuple.of(contactId)).map(rows -> {
            Row row = rows.iterator().next();
            return new ResolvedContact(row.getUUID("id"), row.getBoolean("erased"));
        });
    }

    public Uni<Void> lock(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery(LOCK).execute(Tuple.of(contactId)).replaceWithVoid();
    }

    /** Applies a profile unless a newer version is already stored (a replay of an older update). */
    public Uni<Void> upsertProfile(SqlConnection tx, ContactProfile p) {
        return tx.preparedQuery(UPSERT_PROFILE)
                .execute(Tuple.from(new Object[] {p.contactId(), p.unitId(), p.firstName(), p.lastName(), p.email(),
                        p.phone(), p.street(), p.postalCode(), p.city(), p.lifecycleStage(),
                        p.tags().toArray(String[]::new), p.companyId(), p.version()}))
                .replaceWithVoid();
    }

    /** The stored unit of a contact (null when unknown or brand-level). */
    public Uni<String> unitOf(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select unit_id from contact_profile where contact_id = $1").execute(Tuple.of(contactId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("unit_id"));
    }

    /** Keeps the latest consent per channel: an older change arriving late does not override a newer one. */
    public Uni<Void> upsertConsent(SqlConnection tx, UUID contactId, String channel, String status,
                                   OffsetDateTime changedAt) {
        return tx.preparedQuery(UPSERT_CONSENT).execute(Tuple.of(contactId, channel, status, changedAt))
                .replaceWithVoid();
    }

    public Uni<Void> upsertCompany(SqlConnection tx, UUID companyId, String size, int version) {
        return tx.preparedQuery(UPSERT_COMPANY).execute(Tuple.of(companyId, size, version)).replaceWithVoid();
    }

    public Uni<RowSet<Row>> profile(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select contact_id, unit_id, first_name, last_name, email, phone, street, postal_code,"
                        + " city, lifecycle_stage, tags, company_id, version from contact_profile where contact_id = $1")
                .execute(Tuple.of(contactId));
    }

    public Uni<RowSet<Row>> consents(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select channel, status, changed_at from contact_consent where contact_id = $1"
                + " order by channel").execute(Tuple.of(contactId));
    }

    public Uni<RowSet<Row>> erasures(SqlConnection tx, UUID contactId) {
        return tx.preparedQuery("select erasure_request_id, requested_at, applied_at from erasure_record"
                + " where contact_id = $1 order by applied_at").execute(Tuple.of(contactId));
    }
}
