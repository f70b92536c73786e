package crm.contacts.service;

import crm.contacts.config.ContactsConfig;
import crm.contacts.domain.Contact;
import crm.contacts.domain.ContactDetails;
import crm.contacts.domain.ImportRowError;
import crm.contacts.domain.ImportStatistics;
import crm.contacts.events.ContactEvents;
import crm.contacts.events.OutboxEnvelopes;
import crm.contacts.repository.ContactImportRepository;
import crm.contacts.repository.ContactImportRepository.Progress;
import crm.contacts.repository.ContactImportWriter;
import crm.contacts.repository.ContactImportWriter.Write;
import crm.platform.db.TenantScope;
import crm.platform.tenancy.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes an import's rows batch by batch. Each batch is one transaction: lock the job (a cancellation
 * waits for it), lock the contacts the rows match, decide per row (create, update, unchanged or failed),
 * insert and update the contacts with their events in one statement each, store the errors and the
 * job's counts. So the counts always describe exactly what was committed. As the import grows the
 * tenant, it refreshes the table's statistics ({@link ImportStatistics}).
 */
@ApplicationScoped
public class ContactImportBatches {

    private final TenantScope scope;
    private final ContactImportRepository jobs;
    private final ContactImportWriter writer;
    private final OutboxEnvelopes envelopes;
    private final ObjectMapper mapper;
    private final ContactsConfig config;

    public ContactImportBatches(TenantScope scope, ContactImportRepository jobs, ContactImportWriter writer,
                                OutboxEnvelopes envelopes, ObjectMapper mapper, ContactsConfig config) {
        this.scope = scope;
        this.jobs = jobs;
        this.writer = writer;
        this.envelopes = envelopes;
        this.mapper = mapper;
        this.config = config;
    }

    /** The batches of one job, filled row by row. */
    Run start(TenantContext context, UUID jobId, ImportRowMapper mapper) {
        return new Run(context, jobId, mapper);
    }

    /** Signals that the job was cancelled; the batch in hand rolls back. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("import cancelled", null, false, false);
        }
    }

    public final class Run {
        private final TenantContext context;
        private final UUID jobId;
        private final ImportRowMapper mapper;
        private final List<ImportRow> rows = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private Progress progress = Progress.NONE;

        private Run(TenantContext context, UUID jobId, ImportRowMapper mapper) {
            this.context = context;
            this.jobId = jobId;
            this.mapper = mapper;
        }

        /**
         * Adds a row, writing the batch first when it is full or when the row matches by a key a row of
         * the batch has (the later row must see what the earlier one wrote). False once the job is cancelled.
         */
        boolean add(ImportRow row) {
            boolean sharesKey = row.matchKeys().stream().anyMatch(keys::contains);
            if ((sharesKey || rows.size() >= config.importing().batchSize()) && !flush()) {
                return false;
            }
            rows.add(row);
            keys.addAll(row.matchKeys());
            return true;
        }

        /** Writes the rows in hand; false if the job was cancelled (nothing of this batch is written then). */
        boolean flush() {
            if (rows.isEmpty()) {
                return true;
            }
            try {
                Progress before = progress;
                progress = scope.inTransaction(context, tx -> write(tx, this, List.copyOf(rows), before))
                        .await().indefinitely();
                if (ImportStatistics.refreshDue(before.created(), progress.created())) {
                    scope.inTransaction(context, writer::refreshStatistics).await().indefinitely();
                }
                return true;
            } catch (Cancelled e) {
                return false;
            } finally {
                rows.clear();
                keys.clear();
            }
        }
    }

    /** The contacts a batch may change, by external id and by primary e-mail (oldest first). */
    private record Matches(Map<String, Contact> byExternalId, Map<String, List<Contact>> byEmail) {

        static Matches of(List<Contact> contacts) {
            Map<String, Contact> byExternalId = new HashMap<>();
            Map<String, List<Contact>> byEmail = new HashMap<>();
            for (Contact c : contacts) {
                if (c.details().externalId() != null) {
                    byExternalId.put(c.details().externalId(), c);
                }
                if (c.details().primaryEmail() != null) {
                    byEmail.computeIfAbsent(c.details().primaryEmail(), e -> new ArrayList<>()).add(c);
                }
            }
            return new Matches(byExternalId, byEmail);
        }

        /**
         * By external id; failing that, brand-wide imports match by e-mail a contact without an external id
         * (it takes the row's). A franchisee's row with an external id only matches by it, because a
         * contact of another unit might hold the id. A row without an external id matches by e-mail.
         */
        Contact match(ImportRow row, boolean brandWide) {
            if (row.externalId() != null) {
                Contact byId = byExternalId.get(row.externalId());
                if (byId != null || !brandWide || row.email() == null) {
                    return byId;
                }
                return byEmail.getOrDefault(row.email(), List.of()).stream()
                        .filter(c -> c.details().externalId() == null).findFirst().orElse(null);
            }
            return row.email() == null ? null : byEmail.getOrDefault(row.email(), List.of()).stream().findFirst()
                    .orElse(null);
        }
    }

    private Uni<Progress> write(SqlConnection tx, Run run, List<ImportRow> rows, Progress before) {
        List<String> externalIds = rows.stream().filter(ImportRow::valid).map(ImportRow::externalId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        List<String> emails = rows.stream().filter(ImportRow::valid).map(ImportRow::email)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Set<UUID> companyIds = new HashSet<>();
        rows.stream().filter(r -> r.valid() && r.companyId() != null).forEach(r -> companyIds.add(r.companyId()));
        return jobs.lockRunning(tx, run.jobId).flatMap(now -> {
            if (now.isEmpty()) {
                throw new Cancelled();
            }
            return writer.serialiseWithOtherImports(tx)
                    .flatMap(ignored -> writer.lockMatches(tx, externalIds, emails))
                    .flatMap(found -> writer.visibleCompanies(tx, companyIds)
                            .flatMap(companies -> apply(tx, run, rows, Matches.of(found), companies,
                                    now.get(), before)));
        });
    }

    /** What the rows of a batch do, decided in file order. */
    private final class Decisions {
        final Map<UUID, Contact> before = new LinkedHashMap<>();
        final Map<UUID, Contact> after = new LinkedHashMap<>();
        final Map<UUID, Long> createdBy = new LinkedHashMap<>();
        final Map<Long, List<ImportRowError>> errors = new LinkedHashMap<>();
        long updated;
        long unchanged;

        void fail(long row, List<ImportRowError> rowErrors) {
            errors.put(row, rowErrors);
        }
    }

    private Uni<Progress> apply(SqlConnection tx, Run run, List<ImportRow> rows, Matches matches,
                                Set<UUID> companies, OffsetDateTime now, Progress before) {
        TenantContext context = run.context;
        UUID jobId = run.jobId;
        Decisions d = new Decisions();
        for (ImportRow row : rows) {
            if (!row.valid()) {
                d.fail(row.number(), row.errors());
                continue;
            }
            if (row.companyId() != null && !companies.contains(row.companyId())) {
                d.fail(row.number(), List.of(new ImportRowError(row.number(), "companyId", "no such company")));
                continue;
            }
            Contact match = matches.match(row, context.isBrandWide());
            if (match == null) {
                decideCreate(run, row, now, d);
            } else {
                decideUpdate(run, row, d.after.getOrDefault(match.id(), match), match, now, d);
            }
        }
        List<Write> creates = new ArrayList<>();
        List<Write> updates = new ArrayList<>();
        d.after.forEach((id, contact) -> {
            Contact original = d.before.get(id);
            if (original == null) {
                creates.add(new Write(contact, 0, envelopes.of(ContactEvents.created(context, contact))));
            } else {
                List<String> changed = Changes.between(original.details(), contact.details());
                updates.add(new Write(contact, original.version(),
                        envelopes.of(ContactEvents.updated(context, original, contact, changed))));
            }
        });
        String createdBy = context.subject();
        return writer.insert(tx, creates, createdBy).flatMap(inserted -> {
            for (Write create : creates) {
                if (!inserted.contains(create.contact().id())) {
                    long row = d.createdBy.get(create.contact().id());
                    d.fail(row, List.of(new ImportRowError(row, "externalId",
                            "is already used by another contact of your tenant")));
                }
            }
            return writer.update(tx, updates).flatMap(written -> {
                if (written != updates.size()) {
                    // The matched contacts are locked; a difference means a bug, not a race.
                    throw new IllegalStateException("import batch updated " + written + " of " + updates.size()
                            + " locked contacts");
                }
                long failed = d.errors.size();
                long listable = Math.max(0, config.importing().maxStoredErrors() - before.errorsListed());
                List<Map<String, Object>> stored = new ArrayList<>();
                long listed = 0;
                for (Map.Entry<Long, List<ImportRowError>> e : new java.util.TreeMap<>(d.errors).entrySet()) {
                    if (listed >= listable) {
                        break;
                    }
                    listed++;
                    int position = 0;
                    for (ImportRowError error : e.getValue()) {
                        stored.add(Map.of("row_number", e.getKey(), "position", position++, "field", error.field(),
                                "reason", error.reason()));
                    }
                }
                Progress next = before.plus(rows.size(), inserted.size(), d.updated, d.unchanged, failed, listed);
                Uni<Void> report = stored.isEmpty() ? Uni.createFrom().voidItem()
                        : jobs.insertErrors(tx, jobId, json(stored));
                return report.flatMap(i -> jobs.recordProgress(tx, jobId, next)).map(i -> next);
            });
        });
    }

    private void decideCreate(Run run, ImportRow row, OffsetDateTime now, Decisions d) {
        ImportRowMapper.Applied applied = run.mapper.create(row);
        if (!applied.valid()) {
            d.fail(row.number(), applied.errors());
            return;
        }
        UUID id = UUID.randomUUID();
        d.after.put(id, new Contact(id, applied.details(), 1, run.context.subject(), now, now));
        d.createdBy.put(id, row.number());
    }

    private void decideUpdate(Run run, ImportRow row, Contact current, Contact original, OffsetDateTime now,
                              Decisions d) {
        ImportRowMapper.Applied applied = run.mapper.update(row, current);
        if (!applied.valid()) {
            d.fail(row.number(), applied.errors());
            return;
        }
        ContactDetails next = applied.details();
        if (next.equals(current.details())) {
            d.unchanged++;
            return;
        }
        d.before.putIfAbsent(original.id(), original);
        d.after.put(original.id(), new Contact(original.id(), next, original.version() + 1, original.createdBy(),
                original.createdAt(), now));
        d.updated++;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import errors cannot be serialised", e);
        }
    }
}
