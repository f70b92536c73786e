package crm.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one), in its own JVM so it
 * can be stopped, killed and restarted like a real one.
 */
public final class KafkaBroker {

    /** Every topic of the system and its dead-letter topic. */
    public static final List<String> TOPICS = List.of("crm.contacts", "crm.leads", "crm.tickets", "crm.analytics");

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private ManagedProcess process;

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
                // "--cluster-id=" keeps an id that starts with '-' (base64url) from being read as an option.
                ManagedProcess.run("kafka-storage", java("kafka.tools.StorageTool", "format",
                                "--cluster-id=" + clusterId(), "--config=" + config),
                        dataDir, Map.of(), dataDir.resolve("storage.log"), Duration.ofMinutes(2));
            }
            process = ManagedProcess.start("kafka", java("kafka.Kafka", config.toString()), dataDir, Map.of(),
                    dataDir.resolve("kafka.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Waits.until("Kafka on port " + port, Duration.ofMinutes(4), this::ready, process::tail);
        createTopics();
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** SIGKILL, as a crashed broker. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited:\n" + process.tail());
        }
        if (!Ports.inUse(port)) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void createTopics() {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : TOPICS) {
            topics.add(new NewTopic(topic, 3, (short) 1));
            topics.add(new NewTopic(topic + ".dlq", 1, (short) 1));
        }
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        }
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        return Admin.create(p);
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(dataDir);
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "") + "\n";
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx512m",
                "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig(),
                "-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path log4jConfig() {
        Path file = dataDir.resolve("log4j2.properties");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file, String.join("\n",
                    "rootLogger.level=WARN",
                    "rootLogger.appenderRef.stdout.ref=STDOUT",
                    "appender.stdout.type=Console",
                    "appender.stdout.name=STDOUT",
                    "appender.stdout.layout.type=PatternLayout",
                    "appender.stdout.layout.pattern=%d{ISO8601} %-5p %c{1} - %m%n",
                    "logger.server.name=kafka.server.KafkaRaftServer",
                    "logger.server.level=INFO", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return resource("devstack/kafka-broker.classpath") + java.io.File.pathSeparator
                + resource("devstack/kafka-shared.classpath");
    }

    static String resource(String name) {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: build the devstack module with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .collect(Collectors.joining()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
