package crm.contacts.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.contacts.repository.ContactReferences;
import crm.platform.db.TenantScope;
import crm.platform.problem.ProblemException;
import crm.platform.tenancy.CurrentTenant;
import crm.platform.tenancy.TenantContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Records purchases from a CSV or NDJSON upload while it streams in: orders are read one at a time, checked,
 * and recorded in batches of {@value #BATCH} orders per transaction, so memory stays flat however large the
 * upload. A bad order is reported (line, field, reason) and skipped; it never aborts the upload. Repeats of
 * known external order ids are counted as duplicates.
 */
@ApplicationScoped
public class BulkPurchaseImport {

    static final int BATCH = 200;
    /** An NDJSON line longer than this is reported as unreadable instead of being held in memory. */
    static final int MAX_LINE = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(BulkPurchaseImport.class);

    private final TenantScope scope;
    private final CurrentTenant currentTenant;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final ContactReferences references;
    private final PurchaseRecorder recorder;

    public BulkPurchaseImport(TenantScope scope, CurrentTenant currentTenant, Validator validator, ObjectMapper mapper,
                              ContactReferences references, PurchaseRecorder recorder) {
        this.scope = scope;
        this.currentTenant = currentTenant;
        this.validator = validator;
        this.mapper = mapper;
        this.references = references;
        this.recorder = recorder;
    }

    /** Blocking: call from a worker thread. The header row names the columns (see {@link CsvPurchases#COLUMNS}). */
    public BulkReport fromCsv(InputStream body) {
        TenantContext context = currentTenant.get();
        BulkReport.Tally tally = new BulkReport.Tally();
        try {
            CsvPurchases source;
            try {
                source = new CsvPurchases(new CsvRecordReader(reader(body)));
            } catch (CsvPurchases.BadHeader e) {
                throw ProblemException.badRequest("body", e.getMessage());
            }
            List<OrderDraft> batch = new ArrayList<>();
            OrderDraft draft;
            while ((draft = source.next(tally::row)) != null) {
                accept(context, tally, batch, draft);
            }
            flush(context, tally, batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tally.report();
    }

    /** Blocking: call from a worker thread. One order (as for a single POST) per line. */
    public BulkReport fromNdjson(InputStream body) {
        TenantContext context = currentTenant.get();
        BulkReport.Tally tally = new BulkReport.Tally();
        try {
            Reader in = reader(body);
            List<OrderDraft> batch = new ArrayList<>();
            int lineNo = 0;
            BoundedLine line;
            while ((line = BoundedLine.read(in, MAX_LINE)) != null) {
                lineNo++;
                if (!line.tooLong() && line.text().isBlank()) {
                    continue;
                }
                tally.row();
                accept(context, tally, batch, ndjsonDraft(lineNo, line));
            }
            flush(context, tally, batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tally.report();
    }

    private OrderDraft ndjsonDraft(int lineNo, BoundedLine line) {
        if (line.tooLong()) {
            return unreadable(lineNo, "", "the line is longer than " + MAX_LINE + " characters");
        }
        try {
            NewPurchase order = mapper.readValue(line.text(), NewPurchase.class);
            if (order == null) {
                return unreadable(lineNo, "", "must be a JSON object");
            }
            return new OrderDraft(order, lineNo, List.of(), List.of(), false);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return unreadable(lineNo, field, field.isEmpty() ? "is not a JSON object of an order"
                    : "has the wrong type or format");
        } catch (JsonProcessingException e) {
            return unreadable(lineNo, "", "is not valid JSON");
        }
    }

    private static OrderDraft unreadable(int line, String field, String reason) {
        return new OrderDraft(null, line, List.of(), List.of(new BulkReport.RowError(line, field, reason)), false);
    }

    private void accept(TenantContext context, BulkReport.Tally tally, List<OrderDraft> batch, OrderDraft draft) {
        tally.received();
        List<BulkReport.RowError> problems = problems(draft);
        if (!problems.isEmpty()) {
            tally.failed(problems);
            return;
        }
        batch.add(draft);
        if (batch.size() >= BATCH) {
            flush(context, tally, batch);
        }
    }

    private List<BulkReport.RowError> problems(OrderDraft draft) {
        if (!draft.readErrors().isEmpty() || draft.order() == null) {
            return draft.readErrors();
        }
        Set<ConstraintViolation<NewPurchase>> violations = validator.validate(draft.order());
        if (!violations.isEmpty()) {
            return violations.stream()
                    .map(v -> draft.errorAt(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(BulkReport.RowError::line).thenComparing(BulkReport.RowError::field))
                    .toList();
        }
        return PurchaseOrder.check(draft.order()).stream().map(f -> draft.errorAt(f.field(), f.message())).toList();
    }

    /** Records a batch in one transaction; if that fails as a whole, each order again on its own. */
    private void flush(TenantContext context, BulkReport.Tally tally, List<OrderDraft> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<OrderDraft> orders = List.copyOf(batch);
        batch.clear();
        List<PurchaseRecorder.Outcome> outcomes;
        try {
            outcomes = scope.inTransaction(context, tx -> recordAll(tx, context, orders)).await().indefinitely();
        } catch (RuntimeException e) {
            LOG.warnf("A batch of %d purchases failed (%s); recording its orders one by one", orders.size(),
                    e.getMessage());
            outcomes = new ArrayList<>();
            for (OrderDraft order : orders) {
                try {
                    outcomes.addAll(scope.inTransaction(context, tx -> recordAll(tx, context, List.of(order)))
                            .await().indefinitely());
                } catch (RuntimeException single) {
                    LOG.warnf("Purchase at line %d could not be stored: %s", order.line(), single.getMessage());
                    outcomes.add(new PurchaseRecorder.Rejected("", "could not be stored; send it again"));
                }
            }
        }
        for (int i = 0; i < orders.size(); i++) {
            PurchaseRecorder.Outcome outcome = outcomes.get(i);
            if (outcome instanceof PurchaseRecorder.Created) {
                tally.created();
            } else if (outcome instanceof PurchaseRecorder.Duplicate) {
                tally.duplicate();
            } else if (outcome instanceof PurchaseRecorder.Rejected r) {
                tally.failed(List.of(orders.get(i).errorAt(r.field(), r.reason())));
            }
        }
    }

    private Uni<List<PurchaseRecorder.Outcome>> recordAll(io.vertx.mutiny.sqlclient.SqlConnection tx,
                                                          TenantContext context, List<OrderDraft> orders) {
        Set<UUID> ids = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (OrderDraft d : orders) {
            if (d.order().contactId() != null) {
                ids.add(d.order().contactId());
            } else {
                emails.add(PurchaseOrder.email(d.order()));
            }
        }
        return references.resolve(tx, ids, emails).flatMap(buyers -> Multi.createFrom().iterable(orders)
                .onItem().transformToUniAndConcatenate(d -> recorder.record(tx, context, d.order(),
                        d.order().contactId() != null ? buyers.byId().get(d.order().contactId())
                                : buyers.byEmail().get(PurchaseOrder.email(d.order()))))
                .collect().asList());
    }

    private static Reader reader(InputStream body) {
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 64 * 1024);
    }

    /** One line of text, or the fact that it was too long to keep. */
    record BoundedLine(String text, boolean tooLong) {

        static BoundedLine read(Reader in, int max) throws IOException {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            int c = in.read();
            if (c == -1) {
                return null;
            }
            while (c != -1 && c != '\n') {
                if (line.length() < max) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
                c = in.read();
            }
            return new BoundedLine(line.toString().strip(), tooLong);
        }
    }
}
