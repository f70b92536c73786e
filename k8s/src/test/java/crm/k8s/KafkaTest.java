package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Topics, users and ACLs against the design and against what the code uses. */
class KafkaTest {

    static final List<String> RENDERINGS = Manifests.RENDERINGS;

    /** Who writes and reads what (docs/architecture.md, "Events"); the ACLs grant exactly this. */
    private record Design(Set<String> writes, Set<String> reads, String group) {
    }

    private static final Map<String, Design> DESIGN = Map.of(
            "contacts-service", new Design(Set.of("crm.contacts", "crm.leads.dlq", "crm.tickets.dlq", "crm.analytics.dlq"),
                    Set.of("crm.leads", "crm.tickets", "crm.analytics"), "contacts-service"),
            "leads-service", new Design(Set.of("crm.leads", "crm.contacts.dlq"), Set.of("crm.contacts"), "leads-service"),
            "tickets-service", new Design(Set.of("crm.tickets", "crm.contacts.dlq"), Set.of("crm.contacts"),
                    "tickets-service"),
            "analytics-service", new Design(Set.of("crm.analytics", "crm.contacts.dlq", "crm.leads.dlq", "crm.tickets.dlq"),
                    Set.of("crm.contacts", "crm.leads", "crm.tickets"), "analytics-service"));

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldGiveEveryTopicAndDeadLetterTopicOfTheSystemAKafkaTopicWithPartitionsAndRetention(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        Set<String> expected = new TreeSet<>();
        for (String topic : Repo.devstackTopics()) {
            expected.add(topic);
            expected.add(topic + ".dlq");
        }
        assertThat(topicNames(manifests)).containsExactlyInAnyOrderElementsOf(expected);
        for (ObjectNode topic : manifests.all("KafkaTopic")) {
            assertThat(topic.path("spec").path("partitions").asInt()).as(Manifests.name(topic)).isPositive();
            assertThat(topic.path("spec").path("config").path("retention.ms").asLong()).as(Manifests.name(topic)).isPositive();
        }
    }

    /** The code decides what is used: a topic, group or dead-letter topic it adds fails here until k8s/ has it. */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldGiveEveryTopicTheCodeUsesAKafkaTopicAndAnAcl(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        for (String module : Repo.SERVICES) {
            Repo.KafkaUse use = Repo.kafkaUse(module);
            Set<String> acl = acl(manifests.get("KafkaUser", module));
            for (String topic : use.writes()) {
                assertThat(topicNames(manifests)).as("%s writes %s", module, topic).contains(topic);
                assertThat(acl).as("%s may write %s", module, topic).contains("topic:" + topic + ":Write");
            }
            for (String topic : use.reads()) {
                assertThat(topicNames(manifests)).as("%s reads %s", module, topic).contains(topic);
                assertThat(acl).as("%s may read %s", module, topic).contains("topic:" + topic + ":Read");
            }
            for (String group : use.groups()) {
                assertThat(acl).as("%s may use group %s", module, group).contains("group:" + group + ":Read");
            }
        }
        assertThat(Repo.kafkaUse("gateway").writes()).as("the gateway does not use Kafka").isEmpty();
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldGrantEachServiceExactlyTheTopicsAndConsumerGroupOfItsDesign(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        assertThat(manifests.all("KafkaUser")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(DESIGN.keySet());
        DESIGN.forEach((module, design) -> {
            Set<String> expected = new TreeSet<>();
            design.writes().forEach(t -> expected.addAll(Set.of("topic:" + t + ":Write", "topic:" + t + ":Describe")));
            design.reads().forEach(t -> expected.addAll(Set.of("topic:" + t + ":Read", "topic:" + t + ":Describe")));
            if (design.group() != null) {
                expected.add("group:" + design.group() + ":Read");
            }
            if (!design.writes().isEmpty()) {
                expected.add("cluster::IdempotentWrite");
            }
            assertThat(acl(manifests.get("KafkaUser", module))).as(module).containsExactlyInAnyOrderElementsOf(expected);
        });
        Set<String> granted = new TreeSet<>();
        manifests.all("KafkaUser").forEach(u -> acl(u).stream().filter(a -> a.startsWith("topic:"))
                .forEach(a -> granted.add(a.split(":")[1])));
        assertThat(granted).as("no KafkaTopic unused").containsExactlyInAnyOrderElementsOf(topicNames(manifests));
    }

    /** Each service logs in as its own KafkaUser (SCRAM-SHA-512 over TLS) at the cluster's bootstrap Service. */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldConnectEachServiceAsItsOwnKafkaUserOverTls(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        ObjectNode kafka = manifests.all("Kafka").get(0);
        JsonNode listener = kafka.path("spec").path("kafka").path("listeners").get(0);
        assertThat(kafka.path("spec").path("kafka").path("listeners")).hasSize(1);
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.path("spec").path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        String bootstrap = Manifests.name(kafka) + "-kafka-bootstrap:" + listener.path("port").asInt();
        for (String module : Repo.SERVICES) {
            ObjectNode deployment = manifests.deployment(module);
            ObjectNode user = manifests.get("KafkaUser", module);
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            Map<String, String> env = manifests.environment(Manifests.container(deployment));
            assertThat(env).as(module)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SASL_JAAS_CONFIG", "secret:" + module + "/sasl.jaas.config")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode mount = Manifests.container(deployment).path("volumeMounts").findParents("mountPath").stream()
                    .filter(m -> truststore.startsWith(m.path("mountPath").asText() + "/")).findFirst().orElseThrow();
            JsonNode volume = pod.path("volumes").findParents("name").stream()
                    .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
            assertThat(volume.path("secret").path("secretName").asText()).isEqualTo(Manifests.name(kafka) + "-cluster-ca-cert");
            assertThat(Manifests.podLabels(deployment)).as("%s passes Strimzi's listener policy", module)
                    .containsAllEntriesOf(Manifests.strings(listener.path("networkPolicyPeers").get(0).path("podSelector").path("matchLabels")));
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldAttachEveryTopicUserAndNodePoolToTheOneKafkaCluster(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        assertThat(manifests.all("Kafka")).hasSize(1);
        String cluster = Manifests.name(manifests.all("Kafka").get(0));
        for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
            assertThat(manifests.all(kind)).isNotEmpty().allSatisfy(r ->
                    assertThat(r.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster));
        }
        JsonNode config = manifests.all("Kafka").get(0).path("spec").path("kafka").path("config");
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
    }

    @Test
    void shouldKnowWhatTheCodeUsesToday() {
        assertThat(Repo.kafkaUse("contacts-service").writes()).contains("crm.contacts");
        assertThat(Repo.kafkaUse("analytics-service").reads()).contains("crm.contacts");
        assertThat(Repo.kafkaUse("analytics-service").groups()).containsExactly("analytics-service");
        assertThat(Repo.kafkaUse("analytics-service").writes()).contains("crm.contacts.dlq");
    }

    /** "resourceType:name:Operation" for every allow rule; a prefix pattern, deny rule or All fails. */
    static Set<String> acl(JsonNode user) {
        Set<String> result = new TreeSet<>();
        for (JsonNode rule : user.path("spec").path("authorization").path("acls")) {
            assertThat(rule.path("type").asText("allow")).isEqualTo("allow");
            assertThat(rule.path("resource").path("patternType").asText("literal")).as("no wildcards").isEqualTo("literal");
            for (JsonNode operation : rule.path("operations")) {
                assertThat(operation.asText()).isNotEqualTo("All");
                result.add(rule.path("resource").path("type").asText() + ":" + rule.path("resource").path("name").asText()
                        + ":" + operation.asText());
            }
        }
        return result;
    }

    private static Set<String> topicNames(Manifests manifests) {
        Set<String> names = new TreeSet<>();
        manifests.all("KafkaTopic").forEach(t -> names.add(t.path("spec").path("topicName").asText(Manifests.name(t))));
        return names;
    }
}
