package crm.leads.service;

import crm.leads.config.LeadsConfig;
import crm.leads.domain.Channel;
import crm.leads.repository.LeadImportRepository;
import crm.leads.repository.LeadImportRepository.ImportJob;
import crm.leads.repository.LeadImportRepository.RowError;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports a trade-fair or event list (CSV). The body is read as a stream, row by row; valid rows are
 * captured in batches (one transaction each) through the same capture as every other lead, so a person on
 * the list who is already an open lead is attached, not duplicated, and importing a list twice does not
 * double it. Invalid rows are recorded with row number, field and reason on the job.
 */
@ApplicationScoped
public class LeadImportService {

    private static final Logger LOG = Logger.getLogger(LeadImportService.class);
    private static final int HEADER_LIMIT = 8192;

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final LeadImportRepository imports;
    private final LeadCapture capture;
    private final LeadService leads;
    private final Validator validator;
    private final LeadsConfig config;

    public LeadImportService(TenantScope scope, CurrentTenant currentTenant, LeadImportRepository imports,
                             LeadCapture capture, LeadService leads, Validator validator, LeadsConfig config) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.imports = imports;
        this.capture = capture;
        this.leads = leads;
        this.validator = validator;
        this.config = config;
    }

    /** Runs the whole import on the calling (worker) thread and answers the finished job. */
    public ImportJob importCsv(InputStream body, String channelParam, String campaignParam, String unitParam) {
        TenantContext context = currentTenant.get();
        Channel channel = channel(channelParam);
        UUID campaignId = LeadService.uuid("campaignId", campaignParam);
        if (unitParam != null && !unitParam.isBlank() && !unitParam.matches(crm.leads.domain.Territories.KEY)) {
            throw ProblemException.badRequest("unitId", "must be a unit id");
        }
        String unit = LeadService.unitFor(context, unitParam == null || unitParam.isBlank() ? null : unitParam);
        try (PushbackReader reader = new PushbackReader(new BufferedReader(
                new InputStreamReader(body, StandardCharsets.UTF_8)), HEADER_LIMIT)) {
            CsvReader csv = new CsvReader(reader, delimiter(reader));
            List<String> header = csv.next();
            if (header == null) {
                throw ProblemException.badRequest("body", "is empty; send a CSV file with a header line");
            }
            LeadCsv.Layout layout = LeadCsv.Layout.of(header);
            ImportJob job = scope.inTransaction(context, tx -> leads.requireCampaign(tx, campaignId)
                    .flatMap(ignored -> imports.start(tx, UUID.randomUUID(), channel, campaignId, context.subject())))
                    .await().indefinitely();
            run(context, job, csv, layout, channel, campaignId, unit);
            return scope.inTransaction(context, tx -> imports.find(tx, job.id())).await().indefinitely().orElseThrow();
        } catch (IOException e) {
            throw ProblemException.badRequest("body", "cannot be read as CSV: " + e.getMessage());
        }
    }

    public Uni<ImportJob> findJob(UUID id) {
        return scope.inTransaction(currentTenant.get(), tx -> imports.find(tx, id))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("Import " + id)));
    }

    private void run(TenantContext context, ImportJob job, CsvReader csv, LeadCsv.Layout layout, Channel channel,
                     UUID campaignId, String unit) {
        int rowNumber = 1;
        int keptErrors = 0;
        boolean more = true;
        try {
            while (more) {
                List<LeadCsv.Parsed> batch = new ArrayList<>();
                List<RowError> errors = new ArrayList<>();
                int rows = 0;
                while (batch.size() < config.imports().batchSize()) {
                    List<String> row;
                    try {
                        row = csv.next();
                    } catch (CsvReader.MalformedCsv e) {
                        errors.add(new RowError(rowNumber + 1, null, e.getMessage() + "; the rest was not imported"));
                        rows++;
                        more = false;
                        break;
                    }
                    if (row == null) {
                        more = false;
                        break;
                    }
                    rowNumber++;
                    rows++;
                    if (rowNumber - 1 > config.imports().maxRows()) {
                        errors.add(new RowError(rowNumber, null, "the file has more than " + config.imports().maxRows()
                                + " rows; this row and the rest were not imported"));
                        more = false;
                        break;
                    }
                    LeadCsv.Parsed parsed = LeadCsv.parse(rowNumber, row, layout, validator);
                    if (parsed.details() == null) {
                        errors.addAll(parsed.errors());
                    } else {
                        batch.add(parsed);
                    }
                }
                List<RowError> kept = errors.subList(0, Math.max(0, Math.min(errors.size(),
                        config.imports().maxErrors() - keptErrors)));
                keptErrors += kept.size();
                int failedRows = (int) errors.stream().mapToInt(RowError::row).distinct().count();
                captureBatch(context, job, batch, rows, failedRows, kept, channel, campaignId, unit);
            }
            scope.inTransaction(context, tx -> imports.finish(tx, job.id(), LeadImportRepository.Status.COMPLETED))
                    .await().indefinitely();
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "Import %s failed", job.id());
            scope.inTransaction(context, tx -> imports.finish(tx, job.id(), LeadImportRepository.Status.FAILED))
                    .await().indefinitely();
            if (e instanceof ProblemException problem) {
                throw problem;
            }
        }
    }

    private void captureBatch(TenantContext context, ImportJob job, List<LeadCsv.Parsed> batch, int rows,
                              int failedRows, List<RowError> errors, Channel channel, UUID campaignId, String unit) {
        scope.inTransaction(context, tx -> Multi.createFrom().iterable(batch)
                        .onItem().transformToUniAndConcatenate(parsed -> capture.capture(tx, context,
                                new LeadCapture.Capture(withCampaign(parsed, campaignId), channel, null, null, unit, null,
                                        false)))
                        .collect().asList()
                        .flatMap(captured -> {
                            int attached = (int) captured.stream().filter(LeadCapture.Captured::attached).count();
                            return imports.progress(tx, job.id(), rows, captured.size() - attached, attached,
                                    errors, failedRows, config.imports().maxErrors());
                        }))
                .await().indefinitely();
    }

    private static crm.leads.domain.LeadDetails withCampaign(LeadCsv.Parsed parsed, UUID campaignId) {
        var d = parsed.details();
        return new crm.leads.domain.LeadDetails(d.salutation(), d.firstName(), d.lastName(), d.email(), d.phone(),
                d.companyName(), d.companyDomain(), d.companySize(), d.postalCode(), d.city(), d.countryCode(),
                d.productsOfInterest(), campaignId, d.sourceDetails(), d.message());
    }

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return Channel.TRADE_FAIR;
        }
        try {
            return Channel.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("channel", e.getMessage());
        }
    }

    /** Peeks at the header line to choose the delimiter, then puts it back for the record reader. */
    private static char delimiter(PushbackReader reader) throws IOException {
        char[] buffer = new char[HEADER_LIMIT];
        int read = 0;
        int c;
        while (read < HEADER_LIMIT && (c = reader.read()) != -1) {
            buffer[read++] = (char) c;
            if (c == '\n') {
                break;
            }
        }
        reader.unread(buffer, 0, read);
        return CsvReader.delimiterOf(new String(buffer, 0, read));
    }

}
