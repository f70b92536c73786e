package crm.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import crm.devstack.CrmService;
import java.io.BufferedWriter;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * Issue 3: a CSV of a million contacts imported through {@code POST /api/v1/contacts/imports} (until the
 * job reports it is done: the service answers when the file is through, and a job still running is
 * polled) against PostgreSQL's {@code COPY} of the same file into a plain table with the
 * same columns in the same database, and against one set-based insert of those rows into the contact
 * table (what its search columns, indexes and row-level security cost without any service around it).
 * The file goes straight to contacts-service: the gateway's body limit (10 MB) refuses files of that size.
 */
final class ContactImportScenario implements Scenario {

    static final String IMPORTS = "/api/v1/contacts/imports";
    static final String HEADER = "externalId,firstName,lastName,email,phone,street,postalCode,city,country";
    private static final Set<String> FINISHED = Set.of("completed", "done", "finished", "succeeded", "failed",
            "cancelled", "canceled");

    @Override
    public String name() {
        return "import";
    }

    @Override
    public ScenarioResult run(BenchContext context) throws Exception {
        ScenarioResult result = new ScenarioResult(name(), "5. Contact import: a CSV through the API vs COPY");
        BenchTenant tenant = context.newTenant("import");
        HttpCalls http = context.http();
        String url = context.system().url(CrmService.CONTACTS) + IMPORTS;
        Path work = context.system().workDir("import");

        Path probe = write(work.resolve("probe.csv"), 1, "probe");
        HttpResponse<String> tried = http.send(http.postFile(url, tenant.token(), "text/csv", probe));
        if (tried.statusCode() == 404 || tried.statusCode() == 405) {
            return result.skip("contacts-service has no `POST " + IMPORTS + "` yet (answered " + tried.statusCode() + ")");
        }
        if (tried.statusCode() >= 300) {
            return result.skip("`POST " + IMPORTS + "` refused a one-row CSV with header `" + HEADER + "`: "
                    + tried.statusCode() + " " + tried.body());
        }
        awaitJob(context, tenant, tried, Duration.ofMinutes(2));

        long rows = context.options().importRows();
        Path file = write(work.resolve("contacts.csv"), rows, "bench");
        long bytes = Files.size(file);
        BenchContext.progress("%,d rows, %,d MB", rows, bytes / 1_000_000);

        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(http.postFile(url, tenant.token(), "text/csv", file));
        if (accepted.statusCode() >= 300) {
            throw new IllegalStateException("the import was refused: " + accepted.statusCode() + " " + accepted.body());
        }
        JsonNode job = awaitJob(context, tenant, accepted, Duration.ofHours(3));
        double importSeconds = (System.nanoTime() - started) / 1e9;
        if (!"completed".equalsIgnoreCase(job.path("status").asText())) {
            throw new IllegalStateException("the import job ended " + job);
        }
        BenchContext.progress("API import: %.1f s (%s)", importSeconds, job);

        // The other services are still consuming the import's events; the baselines should not compete with them.
        boolean quiet = context.system().processCpu(CrmService.CONTACTS, CrmService.LEADS, CrmService.TICKETS,
                CrmService.ANALYTICS).awaitQuiet(Duration.ofMinutes(15));
        Copied copied = copy(context.system(), file);
        BenchContext.progress("COPY: %.1f s, then insert into contact: %.1f s", copied.copySeconds(),
                copied.insertSeconds());
        return result
                .compares("`POST " + IMPORTS + "` (text/csv, straight to contacts-service) until the job reports"
                                + " it is done: parsing, validation, upsert by external id or e-mail, events",
                        "`COPY ... FROM STDIN (FORMAT csv, HEADER)` of the same file into a plain table with the same"
                                + " columns (no indexes) in the same database")
                .sizes(String.format(Locale.ROOT, "%,d rows, %,d bytes (header `%s`)", rows, bytes, HEADER))
                .add(Figure.of("rows per second", "rows/s", rows / importSeconds, rows / copied.copySeconds(),
                        Target.ratioAtLeast(0.5)))
                .add(Figure.of("elapsed", "s", importSeconds, copied.copySeconds(), null))
                .add(Figure.of("rows per second against one insert into contact", "rows/s", rows / importSeconds,
                        rows / copied.insertSeconds(), null))
                .note("The second baseline is the floor the contact table itself sets: one `insert into contact"
                        + " ... select` of the copied rows, shaped as the import shapes them (e-mail, phone and"
                        + " address as JSON), as contacts-service's role in a tenant-scoped transaction, so that"
                        + " the generated search columns, all indexes and row-level security do their work; it"
                        + " is rolled back. It writes no outbox events, checks no duplicates and validates"
                        + " nothing.")
                .note("The baselines ran after the import, " + (quiet ? "once the services had consumed its events"
                        + " (the services and PostgreSQL used less than a quarter of a core)"
                        : "while the services were still consuming its events (they were not quiet within 15"
                        + " minutes)") + ".")
                .note("The job's final state: " + job);
    }

    /** Contacts with distinct external ids and e-mails, so each row creates one contact. */
    static Path write(Path file, long rows, String prefix) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (long i = 1; i <= rows; i++) {
                String first = ContactLoader.FIRST_NAMES[(int) (i * 7 % ContactLoader.FIRST_NAMES.length)];
                String last = ContactLoader.LAST_NAMES[(int) (i * 13 % ContactLoader.LAST_NAMES.length)];
                String city = ContactLoader.CITIES[(int) (i * 17 % ContactLoader.CITIES.length)];
                out.write(prefix + "-" + i + "," + first + "," + last + "," + prefix + ".import" + i + "@example.com,"
                        + "+49" + (30 + i % 70) + String.format(Locale.ROOT, "%07d", i * 7919 % 10_000_000) + ","
                        + "Hauptstraße " + (1 + i % 120) + "," + String.format(Locale.ROOT, "%05d", 10000 + i * 31 % 89999)
                        + ",\"" + city + "\",DE\n");
            }
        }
        return file;
    }

    private static JsonNode awaitJob(BenchContext context, BenchTenant tenant, HttpResponse<String> accepted,
                                     Duration timeout) throws Exception {
        JsonNode body = HttpCalls.json(accepted);
        String jobId = body.hasNonNull("id") ? body.get("id").asText() : body.path("jobId").asText();
        String jobUrl = context.system().url(CrmService.CONTACTS) + IMPORTS + "/" + jobId;
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = context.http().send(context.http().get(jobUrl, tenant.token()));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("import job " + jobId + " answered " + answer.statusCode());
            }
            JsonNode job = HttpCalls.json(answer);
            if (FINISHED.contains(job.path("status").asText().toLowerCase(Locale.ROOT))) {
                return job;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(15)) {
                BenchContext.progress("import job: %s", job);
                lastReport = System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("import job " + jobId + " was not done within " + timeout);
    }

    /** How long COPY took, and then one set-based insert of the copied rows into the contact table. */
    private record Copied(double copySeconds, double insertSeconds) {
    }

    private static Copied copy(BenchSystem system, Path file) throws Exception {
        try (Connection connection = system.connectAsService("contacts")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_import_copy");
                ddl.execute("create table bench_import_copy (external_id text, first_name text, last_name text,"
                        + " email text, phone text, street text, postal_code text, city text, country text)");
            }
            long started = System.nanoTime();
            try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_import_copy from stdin (format csv, header true)", csv);
            }
            double copySeconds = (System.nanoTime() - started) / 1e9;
            double insertSeconds = insertIntoContact(connection);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table bench_import_copy");
            }
            return new Copied(copySeconds, insertSeconds);
        }
    }

    private static double insertIntoContact(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement scope = connection.prepareStatement(ContactInsertSql.SCOPE);
             Statement insert = connection.createStatement()) {
            scope.setString(1, "bench-floor-" + UUID.randomUUID());
            scope.execute();
            long started = System.nanoTime();
            insert.execute("insert into contact (id, external_id, first_name, last_name, email, phone, emails, phones,"
                    + " addresses, created_by) select gen_random_uuid(), external_id, first_name, last_name, lower(email),"
                    + " phone, jsonb_build_array(jsonb_build_object('type', 'other', 'address', lower(email), 'primary',"
                    + " true)), jsonb_build_array(jsonb_build_object('type', 'other', 'number', phone, 'primary', true)),"
                    + " jsonb_build_array(jsonb_build_object('type', 'other', 'street', street, 'postalCode', postal_code,"
                    + " 'city', city, 'country', country, 'primary', true)), 'bench' from bench_import_copy");
            return (System.nanoTime() - started) / 1e9;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
