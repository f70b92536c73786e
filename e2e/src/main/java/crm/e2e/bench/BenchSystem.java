package crm.e2e.bench;

import crm.devstack.CrmService;
import crm.devstack.CrmSystem;
import crm.devstack.DevStack;
import crm.devstack.KeycloakAdmin;
import crm.devstack.KeycloakServer;
import crm.devstack.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CRM a benchmark measures: either a throwaway one started here exactly as {@code ./crm up} starts
 * it (PostgreSQL, Kafka and Keycloak as processes, every service from its packaged jar, durable
 * PostgreSQL settings) but on free ports and with its data under {@code .crm/bench}, deleted afterwards;
 * or the one {@code ./crm up} runs, reused as it is.
 */
final class BenchSystem implements AutoCloseable {

    private static final String POSTGRES_SUPERUSER = "postgres";
    static final String LOAD_GENERATOR = "load generator";
    private static final Duration KEYCLOAK_PATIENCE = Duration.ofMinutes(10);

    private final DevStack stack;
    private final CrmSystem crm;
    private final Path root;
    private final String keycloakUrl;
    private final int postgresPort;
    private final String kafkaBootstrap;
    private final boolean reused;

    private BenchSystem(DevStack stack, CrmSystem crm, Path root, String keycloakUrl, int postgresPort,
                        String kafkaBootstrap, boolean reused) {
        this.stack = stack;
        this.crm = crm;
        this.root = root;
        this.keycloakUrl = keycloakUrl;
        this.postgresPort = postgresPort;
        this.kafkaBootstrap = kafkaBootstrap;
        this.reused = reused;
    }

    /** Starts a fresh CRM on free ports under {@code <project>/.crm/bench}. */
    static BenchSystem startFresh(Path projectRoot) {
        Path root = projectRoot.resolve(".crm/bench");
        deleteRecursively(root);
        DevStack.Layout layout = new DevStack.Layout(root.resolve("data"), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), true);
        DevStack stack = new DevStack(layout);
        CrmSystem crm = new CrmSystem(stack, projectRoot, root.resolve("logs"), s -> Ports.free(),
                CrmSystem.JvmProfile.PRODUCTION);
        BenchSystem system = new BenchSystem(stack, crm, root, stack.keycloak().url(), layout.postgresPort(),
                stack.kafka().bootstrapServers(), false);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "bench-stop"));
        System.out.println("Starting PostgreSQL, Kafka and Keycloak for the benchmark ...");
        startPatiently("PostgreSQL", stack.postgres()::start, stack.postgres()::stop);
        startPatiently("Kafka", stack.kafka()::start, stack.kafka()::stop);
        startKeycloakPatiently(stack, layout);
        // The console is not measured: only what the API needs is started (the gateway last, after what it routes to).
        for (CrmService service : CrmService.values()) {
            if (!service.module().equals("console")) {
                System.out.println("Starting " + service.module() + " ...");
                crm.start(service);
            }
        }
        return system;
    }

    /**
     * The devstack waits a minute or two for a server, enough on an idle machine; on a busy one a
     * benchmark would rather try again (the data so far is kept, so a second start is quicker).
     */
    private static void startPatiently(String name, Runnable start, Runnable stop) {
        for (int attempt = 1; ; attempt++) {
            try {
                start.run();
                return;
            } catch (IllegalStateException slow) {
                if (attempt == 3) {
                    throw slow;
                }
                System.out.println(name + " did not come up in time; starting it again ...");
                stop.run();
            }
        }
    }

    /**
     * Keycloak's first start initialises its database and can take longer than the devstack waits on a
     * busy machine; a benchmark would rather wait than give up, so it waits up to {@link #KEYCLOAK_PATIENCE}
     * more and then sets the realm up itself (the devstack's start skips that for a running Keycloak).
     */
    private static void startKeycloakPatiently(DevStack stack, DevStack.Layout layout) {
        try {
            stack.keycloak().start();
            return;
        } catch (IllegalStateException slow) {
            System.out.println("Keycloak is still starting; waiting up to " + KEYCLOAK_PATIENCE.toMinutes()
                    + " more minutes ...");
        }
        String ready = "http://localhost:" + layout.keycloakManagementPort() + "/health/ready";
        long deadline = System.nanoTime() + KEYCLOAK_PATIENCE.toNanos();
        while (!answersOk(ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak did not become ready; see " + layout.root());
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        KeycloakAdmin admin = stack.keycloakAdmin();
        admin.importRealmIfMissing(KeycloakServer.realmJson());
        admin.addDevClients(resource("keycloak/dev-clients.json"));
    }

    private static boolean answersOk(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String resource(String name) {
        try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the devstack's class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CRM of {@code ./crm up}, on its fixed ports; fails when it is not up. */
    static BenchSystem reuseRunning(Path projectRoot) {
        DevStack.Layout local = DevStack.Layout.local(projectRoot.resolve(".crm/data"));
        CrmSystem crm = new CrmSystem(null, projectRoot, projectRoot.resolve(".crm/logs"), CrmService::localPort);
        for (CrmService service : CrmService.values()) {
            if (!service.module().equals("console") && !crm.isReady(service)) {
                throw new IllegalStateException(service.module() + " is not ready on port " + service.localPort()
                        + ": start the CRM with './crm up' first, or run without --reuse");
            }
        }
        return new BenchSystem(null, crm, projectRoot.resolve(".crm/bench"),
                "http://localhost:" + local.keycloakPort(), local.postgresPort(),
                "127.0.0.1:" + local.kafkaPort(), true);
    }

    boolean reused() {
        return reused;
    }

    String url(CrmService service) {
        return crm.url(service);
    }

    String gatewayUrl() {
        return crm.url(CrmService.GATEWAY);
    }

    /**
     * CPU accounting of the given services, PostgreSQL and this process (the load generator); nothing to
     * measure on a reused system, whose processes this one did not start.
     */
    ProcessCpu processCpu(CrmService... services) {
        if (reused) {
            return ProcessCpu.nothing();
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        Map<CrmService, Long> running = crm.pids();
        for (CrmService service : services) {
            pids.put(service.module(), running.get(service));
        }
        stack.postgres().pid().ifPresent(pid -> pids.put("PostgreSQL (all databases)", pid));
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return new ProcessCpu(pids, LOAD_GENERATOR);
    }

    KeycloakAdmin keycloak() {
        return new KeycloakAdmin(keycloakUrl);
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    int postgresPort() {
        return postgresPort;
    }

    /** A scratch folder for generated files (CSV, pgbench logs), inside the bench folder. */
    Path workDir(String name) {
        try {
            return Files.createDirectories(root.resolve("work").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    /**
     * A connection as the service's own role (the database's name, also its password), the role its
     * row-level security binds.
     */
    Connection connectAsService(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), database, database);
    }

    /** A superuser connection, for what the service's role may not do (COPY into a table under RLS). */
    Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), POSTGRES_SUPERUSER, "");
    }

    @Override
    public synchronized void close() {
        if (reused || stack == null) {
            return;
        }
        crm.stop();
        stack.stop();
    }

    /** Removes the throwaway system's data once it has stopped. */
    void deleteData() {
        if (!reused) {
            deleteRecursively(root.resolve("data"));
            deleteRecursively(root.resolve("work"));
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
