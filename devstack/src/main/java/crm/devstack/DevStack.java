package crm.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The real infrastructure of the CRM, as processes: PostgreSQL, a KRaft Kafka broker and Keycloak.
 * Tests share one per JVM ({@link #shared()}); {@code ./crm up} runs one on fixed ports with durable data.
 */
public final class DevStack {

    /** Where a stack keeps its data and which ports it listens on. */
    public record Layout(Path root, int postgresPort, int kafkaPort, int kafkaControllerPort, int keycloakPort,
                         int keycloakManagementPort, boolean durable) {

        public static Layout forTests(Path root) {
            return new Layout(root, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), false);
        }

        public static Layout local(Path root) {
            return new Layout(root, 15432, 19092, 19093, 8180, 9180, true);
        }

        void requirePortsFree() {
            Ports.requireFree(postgresPort, "PostgreSQL");
            Ports.requireFree(kafkaPort, "Kafka");
            Ports.requireFree(kafkaControllerPort, "Kafka controller");
            Ports.requireFree(keycloakPort, "Keycloak");
            Ports.requireFree(keycloakManagementPort, "Keycloak management");
        }
    }

    private static DevStack shared;

    private final Layout layout;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;

    public DevStack(Layout layout) {
        this.layout = layout;
        this.postgres = new PostgresServer(layout.root().resolve("postgres/data"), layout.postgresPort(), layout.durable());
        this.kafka = new KafkaBroker(layout.root().resolve("kafka"), layout.kafkaPort(), layout.kafkaControllerPort());
        this.keycloak = new KeycloakServer(layout.root().resolve("keycloak"), layout.keycloakPort(),
                layout.keycloakManagementPort());
    }

    /**
     * The stack of this test JVM, started on first use under {@code target/devstack} with fresh data and
     * free ports, and stopped when the JVM ends.
     */
    public static synchronized DevStack shared() {
        if (shared == null) {
            Path root = Path.of("target", "devstack").toAbsolutePath();
            deleteRecursively(root);
            DevStack stack = new DevStack(Layout.forTests(root));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-stop"));
            stack.start();
            shared = stack;
        }
        return shared;
    }

    /** Starts the three servers in parallel; Keycloak, the slowest, sets the pace. */
    public void start() {
        layout.requirePortsFree();
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(postgres::start),
                    CompletableFuture.runAsync(kafka::start),
                    CompletableFuture.runAsync(keycloak::start)).join();
        } catch (CompletionException e) {
            stop();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public void stop() {
        keycloak.stop();
        kafka.stop();
        postgres.stop();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public KeycloakAdmin keycloakAdmin() {
        return new KeycloakAdmin(keycloak);
    }

    public Layout layout() {
        return layout;
    }

    /**
     * The settings a service needs to run on this stack. {@code database} may be null for a service
     * without one (the gateway).
     */
    public Map<String, String> serviceConfig(String database) {
        Map<String, String> config = new LinkedHashMap<>();
        if (database != null) {
            postgres.ensureDatabase(database);
            config.put("quarkus.datasource.username", database);
            config.put("quarkus.datasource.password", database);
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        }
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        return config;
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
