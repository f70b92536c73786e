package crm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the rest of the repository says: the services' settings, topics and groups, the devstack's realm. */
final class Repo {

    /** Services with a database and Kafka; the gateway and the console have neither. */
    static final List<String> SERVICES = List.of("contacts-service", "leads-service", "tickets-service",
            "analytics-service");
    static final List<String> MODULES = List.of("contacts-service", "leads-service", "tickets-service",
            "analytics-service", "gateway", "console");

    private static final Pattern TOPIC_CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+\\w*TOPIC\\w*\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CHANNEL_ANNOTATION = Pattern.compile("@(Incoming|Outgoing|Channel)\\(\"([^\"]+)\"\\)");
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern CONFIG_METHOD = Pattern.compile("^\\s*[\\w.<>]+\\s+(\\w+)\\(\\)\\s*;", Pattern.MULTILINE);

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's application.properties, without profile-specific (%test...) entries. */
    static Map<String, String> properties(String module) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                root().resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).sorted()
                .forEach(k -> result.put(k, properties.getProperty(k)));
        return result;
    }

    /**
     * The configuration properties a module reads: its application.properties and, for the gateway and the
     * console, the {@code crm.gateway.*} and {@code crm.console.*} mappings of their config interfaces.
     */
    static Set<String> settings(String module) {
        Set<String> settings = new TreeSet<>(properties(module).keySet());
        Map<String, String> mappings = Map.of(
                "gateway", "gateway/src/main/java/crm/gateway/config/GatewayConfig.java",
                "console", "console/src/main/java/crm/console/config/ConsoleConfig.java");
        if (mappings.containsKey(module)) {
            String source = read(root().resolve(mappings.get(module)));
            Matcher method = CONFIG_METHOD.matcher(source);
            while (method.find()) {
                settings.add("crm." + module + "." + method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
            }
        }
        return settings;
    }

    /** The environment variable SmallRye Config maps to a property: non-alphanumerics to '_', upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Topics and consumer groups the module's code and configuration use. */
    record KafkaUse(Set<String> writes, Set<String> reads, Set<String> groups) {
    }

    static KafkaUse kafkaUse(String module) {
        Map<String, String> properties = properties(module);
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        String source = javaSources(module);
        Matcher constant = TOPIC_CONSTANT.matcher(source);
        while (constant.find()) {
            writes.add(constant.group(1));
        }
        Map<String, String> channels = new LinkedHashMap<>();
        Matcher annotation = CHANNEL_ANNOTATION.matcher(source);
        while (annotation.find()) {
            channels.put(annotation.group(2), "Incoming".equals(annotation.group(1)) ? "incoming" : "outgoing");
        }
        for (String key : properties.keySet()) {
            Matcher m = CHANNEL_KEY.matcher(key);
            if (m.matches()) {
                channels.put(m.group(2), m.group(1));
            }
        }
        channels.forEach((channel, direction) -> {
            String prefix = "mp.messaging." + direction + "." + channel + ".";
            String connector = properties.getOrDefault(prefix + "connector", "smallrye-kafka");
            if (!"smallrye-kafka".equals(connector)) {
                return;
            }
            List<String> topics = new ArrayList<>();
            for (String topic : properties.getOrDefault(prefix + "topics",
                    properties.getOrDefault(prefix + "topic", channel)).split(",")) {
                topics.add(topic.trim());
            }
            if ("outgoing".equals(direction)) {
                writes.addAll(topics);
                return;
            }
            reads.addAll(topics);
            groups.add(properties.getOrDefault(prefix + "group.id", properties.get("quarkus.application.name")));
            if ("dead-letter-queue".equals(properties.get(prefix + "failure-strategy"))) {
                for (String topic : topics) {
                    writes.add(properties.getOrDefault(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + topic));
                }
            }
        });
        return new KafkaUse(writes, reads, groups);
    }

    private static String javaSources(String module) {
        StringBuilder all = new StringBuilder();
        Path sources = root().resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return "";
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> all.append(read(f)).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    /** crm.devstack.KafkaBroker.TOPICS: every topic of the system (each also has a ".dlq"). */
    static Set<String> devstackTopics() {
        String source = read(root().resolve("devstack/src/main/java/crm/devstack/KafkaBroker.java"));
        Matcher list = Pattern.compile("List<String>\\s+TOPICS\\s*=\\s*List\\.of\\(([^)]*)\\)").matcher(source);
        if (!list.find()) {
            throw new AssertionError("KafkaBroker.TOPICS not found");
        }
        Set<String> topics = new LinkedHashSet<>();
        Matcher literal = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
        while (literal.find()) {
            topics.add(literal.group(1));
        }
        return topics;
    }

    static Path devstackRealmFile() {
        return root().resolve("devstack/src/main/resources/keycloak/crm-realm.json");
    }

    static JsonNode devstackRealm() {
        try {
            return new ObjectMapper().readTree(devstackRealmFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the module serves /q/health/*: SmallRye Health in its pom or in the platform it depends on. */
    static boolean hasHealthEndpoints(String module) {
        String pom = read(root().resolve(module).resolve("pom.xml"));
        return pom.contains("<artifactId>quarkus-smallrye-health</artifactId>")
                || (pom.contains("<artifactId>platform</artifactId>")
                    && read(root().resolve("platform/pom.xml")).contains("<artifactId>quarkus-smallrye-health</artifactId>"));
    }
}
