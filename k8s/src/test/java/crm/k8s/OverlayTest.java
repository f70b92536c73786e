package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayTest {

    @Test
    void shouldRunOneSmallReplicaOfEverythingWithoutAutoscalersOrDisruptionBudgetsInDev() {
        Manifests dev = Manifests.of("overlays/dev");
        assertThat(dev.all("Deployment")).hasSize(Repo.MODULES.size())
                .allSatisfy(d -> assertThat(d.path("spec").path("replicas").asInt()).as(Manifests.name(d)).isEqualTo(1));
        assertThat(dev.all("HorizontalPodAutoscaler")).isEmpty();
        assertThat(dev.all("PodDisruptionBudget")).isEmpty();
        assertThat(brokers(dev)).isEqualTo(1);
        assertThat(dev.all("Cluster").get(0).path("spec").path("instances").asInt()).isEqualTo(1);
        assertThat(dev.all("Keycloak").get(0).path("spec").path("instances").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRunThreeKafkaBrokersThreePostgresqlInstancesAndTwoKeycloaksInProd() {
        Manifests prod = Manifests.of("overlays/prod");
        assertThat(brokers(prod)).isEqualTo(3);
        assertThat(prod.all("Cluster").get(0).path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(prod.all("Keycloak").get(0).path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRunEveryServiceOnAtLeastTwoReplicasUnderAnAutoscalerAndADisruptionBudgetInProd() {
        Manifests prod = Manifests.of("overlays/prod");
        for (ObjectNode deployment : prod.all("Deployment")) {
            String name = Manifests.name(deployment);
            assertThat(deployment.path("spec").has("replicas")).as("%s: the HPA owns the count", name).isFalse();
            ObjectNode hpa = prod.all("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no HPA for " + name));
            int min = hpa.path("spec").path("minReplicas").asInt();
            assertThat(min).as(name).isGreaterThanOrEqualTo(2);
            assertThat(hpa.path("spec").path("maxReplicas").asInt()).isGreaterThanOrEqualTo(min);
            ObjectNode pdb = prod.all("PodDisruptionBudget").stream()
                    .filter(p -> Manifests.selects(p.path("spec").path("selector"), Manifests.podLabels(deployment)))
                    .findFirst().orElseThrow(() -> new AssertionError("no PDB for " + name));
            assertThat(pdb.path("spec").path("maxUnavailable").asInt()).as("%s keeps a pod through disruptions", name)
                    .isPositive().isLessThan(min);
        }
    }

    /** A topic needs no more replicas than brokers, and in prod survives one broker down (min ISR below RF). */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void shouldReplicateTopicsWithinTheBrokersThereAre(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        int brokers = brokers(manifests);
        JsonNode config = manifests.all("Kafka").get(0).path("spec").path("kafka").path("config");
        for (String key : List.of("default.replication.factor", "offsets.topic.replication.factor",
                "transaction.state.log.replication.factor")) {
            assertThat(config.path(key).asInt()).as(key).isBetween(1, brokers);
        }
        for (ObjectNode topic : manifests.all("KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt();
            int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt();
            assertThat(replicas).as(Manifests.name(topic)).isBetween(1, brokers);
            assertThat(minIsr).as(Manifests.name(topic)).isBetween(1, replicas);
            if (brokers > 1) {
                assertThat(minIsr).as("%s: writable with a broker down", Manifests.name(topic)).isLessThan(replicas);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldPutEverythingInTheOverlaysNamespaceUnderPodSecurityAdmission(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        assertThat(manifests.all("Namespace")).hasSize(1);
        ObjectNode namespace = manifests.all("Namespace").get(0);
        assertThat(namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText()).isNotEmpty();
        manifests.resources.stream().filter(r -> !"Namespace".equals(r.path("kind").asText())).forEach(r ->
                assertThat(r.path("metadata").path("namespace").asText()).as(Manifests.name(r)).isEqualTo(Manifests.name(namespace)));
    }

    @Test
    void shouldCommitNoSecretsAndUseRegistryImagesInProd() {
        Manifests prod = Manifests.of("overlays/prod");
        assertThat(prod.all("Secret")).isEmpty();
        for (ObjectNode deployment : prod.all("Deployment")) {
            String image = Manifests.container(deployment).path("image").asText();
            assertThat(image).as(Manifests.name(deployment)).contains("/crm/").doesNotEndWith(":native")
                    .doesNotEndWith(":latest").doesNotStartWith("crm/");
        }
    }

    private static int brokers(Manifests manifests) {
        return manifests.all("KafkaNodePool").stream()
                .filter(p -> p.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
    }
}
