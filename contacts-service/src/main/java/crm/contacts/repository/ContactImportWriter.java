package crm.contacts.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.domain.Contact;
import crm.contacts.events.OutboxEnvelopes.Envelope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The set-based writes of a CSV import batch. A batch travels as one JSON document: PostgreSQL unpacks it
 * with jsonb_to_recordset, and one statement inserts (or updates) all its contacts together with their
 * outbox events. That keeps a batch at a handful of round trips however many rows it has, and lets the
 * database do per-row work (generated columns, indexes) without per-statement overhead.
 */
@ApplicationScoped
public class ContactImportWriter {

    /** A contact to write and its event; {@code expectedVersion} is the locked version for updates. */
    public record Write(Contact contact, int expectedVersion, Envelope event) {
    }

    private static final String ROWS = "select * from jsonb_to_recordset($1::text::jsonb) as r(id uuid, unit_id text,"
            + " salutation text, academic_title text, first_name text, last_name text, email text, phone text,"
            + " emails jsonb, phones jsonb, addresses jsonb, company_id uuid, lifecycle_stage text, owner_id text,"
            + " tags text[], source text, custom_fields jsonb, external_id text, version integer, event_id uuid,"
            + " topic text, type text, envelope jsonb)";
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
     * {@code externalIds}, and those whose primary e-mail is one of {@code emails}. Both are equality
     * lookups on btree indexes, which row-level security does not hinder.
     */
    public Uni<List<Contact>> lockMatches(SqlConnection tx, List<String> externalIds, List<String> emails) {
        if (externalIds.isEmpty() && emails.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("select " + ContactRepository.COLUMNS + " from contact where merged_into is null"
                        + " and (external_id = any($1) or email = any($2)) order by created_at, id for update")
                .execute(Tuple.of(externalIds.toArray(String[]::new), emails.toArray(String[]::new)))
                .map(rows -> {
                    List<Contact> found = new ArrayList<>();
                    rows.forEach(row -> found.add(contacts.map(row)));
                    return found;
                });
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
     */
    public Uni<Void> serialiseWithOtherImports(SqlConnection tx) {
        return tx.query("select pg_advisory_xact_lock(hashtext('contact-import:' || crm_current_tenant()))")
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
        String sql = "with batch as (" + ROWS + "), inserted as (insert into contact (id, unit_id, salutation,"
                + " academic_title, first_name, last_name, email, phone, emails, phones, addresses, company_id,"
                + " lifecycle_stage, owner_id, tags, source, custom_fields, external_id, created_by, created_at, updated_at)"
                + " select id, unit_id, salutation, academic_title, first_name, last_name, email, phone, emails, phones,"
                + " addresses, company_id, lifecycle_stage, owner_id, tags, source, custom_fields, external_id, $2,"
                + " now(), now() from batch on conflict do nothing returning id),"
                + " events as (" + OUTBOX + " join inserted i on i.id = r.id)"
                + " select id from inserted";
        return tx.preparedQuery(sql).execute(Tuple.of(json(creates), createdBy)).map(rows -> {
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
        String sql = "with batch as (" + ROWS + "), updated as (update contact c set unit_id = r.unit_id,"
                + " salutation = r.salutation, academic_title = r.academic_title, first_name = r.first_name,"
                + " last_name = r.last_name, email = r.email, phone = r.phone, emails = r.emails, phones = r.phones,"
                + " addresses = r.addresses, company_id = r.company_id, lifecycle_stage = r.lifecycle_stage,"
                + " owner_id = r.owner_id, tags = r.tags, source = r.source, custom_fields = r.custom_fields,"
                + " external_id = r.external_id, version = c.version + 1, updated_at = now()"
                + " from batch r where c.id = r.id and c.version = r.version and c.merged_into is null returning c.id),"
                + " events as (" + OUTBOX + " join updated u on u.id = r.id)"
                + " select count(*) from updated";
        return tx.preparedQuery(sql).execute(Tuple.of(json(updates)))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    private String json(List<Write> writes) {
        StringWriter out = new StringWriter(writes.size() * 1024);
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartArray();
            for (Write w : writes) {
                var c = w.contact();
                var d = c.details();
                json.writeStartObject();
                json.writeStringField("id", c.id().toString());
                json.writeStringField("unit_id", d.unitId());
                json.writeStringField("salutation", d.salutation() == null ? null : d.salutation().value());
                json.writeStringField("academic_title", d.academicTitle());
                json.writeStringField("first_name", d.firstName());
                json.writeStringField("last_name", d.lastName());
                json.writeStringField("email", d.primaryEmail());
                json.writeStringField("phone", d.primaryPhone());
                json.writeObjectField("emails", d.emails());
                json.writeObjectField("phones", d.phones());
                json.writeObjectField("addresses", d.addresses());
                json.writeStringField("company_id", d.companyId() == null ? null : d.companyId().toString());
                json.writeStringField("lifecycle_stage", d.lifecycleStage().value());
                json.writeStringField("owner_id", d.ownerId());
                json.writeObjectField("tags", d.tags());
                json.writeStringField("source", d.source());
                json.writeObjectField("custom_fields", d.customFields());
                json.writeStringField("external_id", d.externalId());
                json.writeNumberField("version", w.expectedVersion());
                json.writeStringField("event_id", w.event().id().toString());
                json.writeStringField("topic", w.event().topic());
                json.writeStringField("type", w.event().type());
                json.writeObjectField("envelope", w.event().event());
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("import batch cannot be serialised", e);
        }
        return out.toString();
    }
}
