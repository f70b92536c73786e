package crm.contacts.service;

import crm.contacts.config.ContactsConfig;
import crm.contacts.domain.ContactImport;
import crm.contacts.domain.CustomField;
import crm.contacts.domain.ImportStatus;
import crm.contacts.repository.ContactImportRepository;
import crm.contacts.repository.ContactImportRepository.PositionedError;
import crm.contacts.repository.CustomFieldRepository;
import crm.contacts.repository.KeysetPosition;
import crm.platform.db.TenantScope;
import crm.platform.idempotency.IdempotencyKey;
import crm.platform.paging.Cursor;
import crm.platform.paging.Page;
import crm.platform.paging.PageRequest;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * CSV import jobs. An upload is read as it arrives and written in batches, each batch one transaction
 * with its contacts, their events and the job's progress, so progress is readable while the upload runs
 * and a cancellation (DELETE) takes effect at the next batch. The request answers when the file is done.
 *
 * <p>Blocking by design: it runs on a worker thread and waits for each batch, which is what paces the
 * upload to the speed of the database and keeps memory at one batch whatever the file's size.
 */
@ApplicationScoped
public class ContactImportService {

    private static final Logger LOG = Logger.getLogger(ContactImportService.class);
    /** A job that made no progress for this long was abandoned (its instance went away). */
    static final Duration STALE_AFTER = Duration.ofMinutes(15);

    /** How an upload ended for the caller: the job, and whether it is a replay of an earlier upload. */
    public record Outcome(ContactImport job, boolean replayed) {
    }

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final ContactImportRepository jobs;
    private final CustomFieldRepository customFields;
    private final ContactImportBatches batches;
    private final ContactsConfig config;

    public ContactImportService(TenantScope scope, CurrentTenant currentTenant, ContactImportRepository jobs,
                                CustomFieldRepository customFields, ContactImportBatches batches,
                                ContactsConfig config) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.jobs = jobs;
        this.customFields = customFields;
        this.batches = batches;
        this.config = config;
    }

    /** Reads the CSV {@code body} to its end and imports it as a new job (blocking). */
    public Outcome importCsv(InputStream body, IdempotencyKey key) throws IOException {
        TenantContext context = currentTenant.get();
        if (body == null) {
            throw ProblemException.badRequest("body", "must be a CSV file with a header line and one row per contact");
        }
        MessageDigest digest = sha256();
        DigestInputStream hashed = new DigestInputStream(body, digest);
        try (CsvRecords records = CsvRecords.open(hashed)) {
            String[] header = readHeader(records);
            Map<String, CustomField> definitions = scope.inTransaction(context, tx -> customFields.all(tx))
                    .await().indefinitely();
            ImportColumns columns = ImportColumns.of(header, definitions);
            if (key != null) {
                Optional<ContactImportRepository.KeyedImport> earlier = scope.inTransaction(context,
                        tx -> jobs.findByIdempotencyKey(tx, context.subject(), key.value())).await().indefinitely();
                if (earlier.isPresent()) {
                    return replay(earlier.get(), hashed, digest);
                }
            }
            ContactImport job = scope.inTransaction(context, tx -> jobs.create(tx, UUID.randomUUID(),
                            key == null ? null : key.value(), context.subject()))
                    .await().indefinitely()
                    .orElseThrow(() -> ProblemException.conflict("An import with this Idempotency-Key is running;"
                            + " read it with GET /api/v1/contacts/imports"));
            ImportRowMapper rows = new ImportRowMapper(columns, definitions, context,
                    config.importing().defaultCountry());
            return new Outcome(run(context, job, records, rows, hashed, digest), false);
        }
    }

    private ContactImport run(TenantContext context, ContactImport job, CsvRecords records, ImportRowMapper rows,
                              InputStream body, MessageDigest digest) throws IOException {
        ContactImportBatches.Run run = batches.start(context, job.id(), rows);
        try {
            String[] cells;
            while ((cells = records.next()) != null) {
                if (!run.add(rows.read(records.number(), cells))) {
                    return cancelled(context, job, body, digest);
                }
            }
            if (!run.flush()) {
                return cancelled(context, job, body, digest);
            }
            return end(context, job.id(), ImportStatus.COMPLETED, null, digest);
        } catch (CsvRecords.MalformedCsv e) {
            run.flush();
            drain(body);
            return end(context, job.id(), ImportStatus.FAILED, "Row " + (records.number() + 1) + " is not valid CSV"
                    + " (for example a quote that is never closed); the rows before it were imported", digest);
        } catch (IOException e) {
            // The upload broke off; what was read is imported, the rest never arrived.
            LOG.infof("Import %s: upload ended early (%s)", job.id(), e.getMessage());
            end(context, job.id(), ImportStatus.FAILED, "The upload ended before the file was complete; the rows"
                    + " before row " + (records.number() + 1) + " were imported", null);
            throw e;
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf(e, "Import %s failed unexpectedly; reference %s", job.id(), reference);
            end(context, job.id(), ImportStatus.FAILED, "An internal error stopped the import; reference "
                    + reference, null);
            throw e;
        }
    }

    /** The job was cancelled: the rest of the upload is read and dropped, so the connection stays usable. */
    private ContactImport cancelled(TenantContext context, ContactImport job, InputStream body, MessageDigest digest)
            throws IOException {
        drain(body);
        String hash = HexFormat.of().formatHex(digest.digest());
        return scope.inTransaction(context, tx -> jobs.recordBodyHash(tx, job.id(), hash)
                        .flatMap(ignored -> jobs.find(tx, job.id())))
                .await().indefinitely().orElseThrow();
    }

    private ContactImport end(TenantContext context, UUID id, ImportStatus status, String reason, MessageDigest digest) {
        String hash = digest == null ? null : HexFormat.of().formatHex(digest.digest());
        return scope.inTransaction(context, tx -> jobs.finish(tx, id, status, reason, hash)
                        .flatMap(ended -> ended.isPresent() ? Uni.createFrom().item(ended)
                                : jobs.find(tx, id)))
                .await().indefinitely().orElseThrow();
    }

    /**
     * A repeat of an upload under the same Idempotency-Key: the same file gets the first job's answer, as
     * long as that job has ended; another file is refused (the key names one request).
     */
    private Outcome replay(ContactImportRepository.KeyedImport earlier, InputStream body, MessageDigest digest)
            throws IOException {
        if (earlier.job().status() == ImportStatus.RUNNING) {
            throw ProblemException.conflict("The import with this Idempotency-Key is still running; read its"
                    + " progress with GET /api/v1/contacts/imports/" + earlier.job().id());
        }
        if (earlier.bodySha256() == null) {
            throw ProblemException.conflict("The import with this Idempotency-Key ended before its file was"
                    + " complete; start it again with a new key");
        }
        drain(body);
        String hash = HexFormat.of().formatHex(digest.digest());
        if (!hash.equals(earlier.bodySha256())) {
            throw ProblemException.unprocessable("The Idempotency-Key was already used with a different file;"
                    + " use a new key for a new import");
        }
        return new Outcome(view(earlier.job()), true);
    }

    /** Reads the rest of the upload and drops it, so that the client gets its answer on an orderly connection. */
    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }

    private static String[] readHeader(CsvRecords records) throws IOException {
        String[] header;
        try {
            header = records.next();
        } catch (CsvRecords.MalformedCsv e) {
            throw ProblemException.badRequest("header", "the first line is not valid CSV");
        }
        if (header == null) {
            throw ProblemException.badRequest("body", "must be a CSV file with a header line and one row per contact");
        }
        return header;
    }

    public Uni<ContactImport> findImport(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> jobs.find(tx, id))
                .map(found -> view(found.orElseThrow(() -> notFound(id))));
    }

    public Uni<Page<ContactImport>> listImports(PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> jobs.list(tx, page))
                .map(rows -> {
                    Page<ContactImport> found = Page.of(rows, page, j -> KeysetPosition.cursor("", j.createdAt(), j.id()));
                    return new Page<>(found.items().stream().map(ContactImportService::view).toList(),
                            found.nextCursor());
                });
    }

    /** The error report in file order; 404 for a job the caller cannot see. */
    public Uni<Page<PositionedError>> listErrors(UUID id, PageRequest page) {
        return scope.inTransaction(currentTenant.get(), tx -> jobs.find(tx, id).flatMap(found -> {
            if (found.isEmpty()) {
                throw notFound(id);
            }
            return jobs.errors(tx, id, page);
        })).map(rows -> Page.of(rows, page, e -> new Cursor(String.valueOf(e.row()), String.valueOf(e.position()))));
    }

    /**
     * Cancels a running job: the batch being written still commits, nothing after it. A job that has
     * ended cannot be cancelled (409).
     */
    public Uni<ContactImport> cancelImport(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> jobs.finish(tx, id, ImportStatus.CANCELLED, null, null)
                .flatMap(cancelled -> cancelled.isPresent() ? Uni.createFrom().item(cancelled.get())
                        : jobs.find(tx, id).map(found -> {
                            ContactImport job = found.orElseThrow(() -> notFound(id));
                            throw ProblemException.conflict("Import " + id + " has ended (" + job.status().value()
                                    + "); only a running import can be cancelled");
                        })));
    }

    /** A running job that has not moved for a long time lost its instance: it reads as interrupted. */
    static ContactImport view(ContactImport job) {
        if (job.status() == ImportStatus.RUNNING
                && job.updatedAt().isBefore(OffsetDateTime.now().minus(STALE_AFTER))) {
            return new ContactImport(job.id(), job.unitId(), ImportStatus.INTERRUPTED, job.rowsRead(), job.created(),
                    job.updated(), job.unchanged(), job.failed(), job.errorsListed(), job.failureReason(),
                    job.createdBy(), job.createdAt(), job.updatedAt(), job.finishedAt());
        }
        return job;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Import " + id);
    }
}
