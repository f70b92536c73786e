package crm.contacts.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Contact;
import crm.contacts.events.OutboxEnvelopes.Envelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The set-based writes of a CSV import batch. A batch travels as one array per column (see
 * {@link ImportBatchColumns}): PostgreSQL unnests them, and one statement inserts (or updates) all its
 * contacts together with their outbox events. That keeps a batch at a handful of round trips however many
 * rows it has, and lets the database do per-row work (generated columns, indexes) without per-statement
 * overhead.
 */
@ApplicationScoped
public class ContactImportWriter {

    /** A contact to write and its event; {@code expectedVersion} is the locked version for updates. */
    public record Write(Contact contact, int expectedVersion, Envelope event) {
    }

    private static final String OUTBOX = "insert into outbox_event (id, topic, message_key, type, tenant_id, envelope)"
            + " select r.event_id, r.topic, r.id::text, r.type, crm_current_tenant(), r.envelope from batch r";

    private final ContactRepository contacts;
    private final ObjectMapper mapper;

    public ContactImportWriter(ContactRepository contacts, ObjectMapper mapper) {
        this.contacts = contacts;
        this.mapper = mapper;
    }

    /**
     * The live contacts an import batch may update, locked until the batch commits: those with one of
     * {@code externalIds}, and those whose primary e-mail is one of {@code emails}, oldest first.
     *
     * <p>One array lookup per key column, each answerable by its own btree index, and the contacts found
     * locked through their primary key. The earlier {@code external_id = any($1) or email = any($2)}
     * could use neither index; once its prepared statement switched to a generic plan, it read all of the
     * tenant's contacts for every batch and compared each with every key of the batch (the arrays, being
     * parameters, were searched element by element), so that a large import slowed down with every
     * contact it had written. The batch's transaction also plans this statement with the arrays' values
     * (see {@link #serialiseWithOtherImports}): the planner then knows how many keys there are, and in the
     * worst case, misled by the row-level security qual's estimate, it scans the tenant once with a hashed
     * key set instead of once per key.
     */
    public Uni<List<Contact>> lockMatches(SqlConnection tx, List<String> externalIds, List<String> emails) {
        if (externalIds.isEmpty() && emails.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("select " + ContactRepository.COLUMNS + " from contact where merged_into is null"
                        + " and id in (select id from contact where external_id = any($1)"
                        + " union all select id from contact where email = any($2))"
                        + " order by created_at, id for update")
                .execute(Tuple.of(externalIds.toArray(String[]::new), emails.toArray(String[]::new)))
                .map(rows -> {
                    List<Contact> found = new ArrayList<>();
                    rows.forEach(row -> found.add(contacts.map(row)));
                    return found;
                });
    }

    /** Refreshes the contact table's planner statistics (see {@link crm.contacts.domain.ImportStatistics}). */
    public Uni<Void> refreshStatistics(SqlConnection tx) {
        return tx.query("analyze contact").execute().replaceWithVoid();
    }

    /** Which of {@code ids} are companies the importing user can see. */
    public Uni<Set<UUID>> visibleCompanies(SqlConnection tx, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return tx.preparedQuery("select id from company where id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> visible = new HashSet<>();
                    rows.forEach(row -> visible.add(row.getUUID("id")));
                    return visible;
                });
    }

    /**
     * Serialises imports of one tenant batch by batch, so that two imports cannot both create a contact for
     * the same external id or e-mail: the second batch to get the lock sees what the first wrote.
     *
     * <p>The batch's statements are also planned with their key arrays as values, not as opaque
     * parameters (plan_cache_mode force_custom_plan, for this transaction only; see {@link #lockMatches}).
     * The batch commits synchronously: its outbox rows may be relayed the moment it commits, and events
     * of contacts that a crash could still take back must never reach the other services.
     */
    public Uni<Void> serialiseWithOtherImports(SqlConnection tx) {
        return tx.query("select pg_advisory_xact_lock(hashtext('contact-import:' || crm_current_tenant())),"
                        + " set_config('plan_cache_mode', 'force_custom_plan', true)")
                .execute().replaceWithVoid();
    }

    /**
     * Inserts new contacts with their created events. A contact whose external id another contact took
     * meanwhile (or has in a unit the importing user cannot see) is skipped, event included; the answer
     * holds the ids that were inserted.
     */
    public Uni<Set<UUID>> insert(SqlConnection tx, List<Write> creates, String createdBy) {
        if (creates.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String sql = "with batch as (" + ImportBatchColumns.ROWS + "), inserted as (insert into contact (id,"
                + " unit_id, salutation, academic_title, first_name, last_name, email, phone, emails, phones, addresses, company_id,"
                + " lifecycle_stage, owner_id, tags, source, custom_fields, external_id, created_by, created_at, updated_at)"
                + " select id, unit_id, salutation, academic_title, first_name, last_name, email, phone, emails, phones,"
                + " addresses, company_id, lifecycle_stage, owner_id, tags, source, custom_fields, external_id, $24,"
                + " now(), now() from batch on conflict do nothing returning id),"
                + " events as (" + OUTBOX + " join inserted i on i.id = r.id)"
                + " select id from inserted";
        Tuple batch = ImportBatchColumns.of(creates, mapper).tuple().addString(createdBy);
        return tx.preparedQuery(sql).execute(batch).map(rows -> {
            Set<UUID> inserted = new HashSet<>();
            rows.forEach(row -> inserted.add(row.getUUID("id")));
            return inserted;
        });
    }

    /** Updates locked contacts to their new state with their updated events; answers how many were written. */
    public Uni<Integer> update(SqlConnection tx, List<Write> updates) {
        if (updates.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String sql = "with batch as (" + ImportBatchColumns.ROWS + "), updated as (update contact c"
                + " set unit_id = r.unit_id, salutation = r.salutation, academic_title = r.academic_title, first_name = r.first_name,"
                + " last_name = r.last_name, email = r.email, phone = r.phone, emails = r.emails, phones = r.phones,"
                + " addresses = r.addresses, company_id = r.company_id, lifecycle_stage = r.lifecycle_stage,"
                + " owner_id = r.owner_id, tags = r.tags, source = r.source, custom_fields = r.custom_fields,"
                + " external_id = r.external_id, version = c.version + 1, updated_at = now()"
                + " from batch r where c.id = r.id and c.version = r.version and c.merged_into is null returning c.id),"
                + " events as (" + OUTBOX + " join updated u on u.id = r.id)"
                + " select count(*) from updated";
        return tx.preparedQuery(sql).execute(ImportBatchColumns.of(updates, mapper).tuple())
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }
}
