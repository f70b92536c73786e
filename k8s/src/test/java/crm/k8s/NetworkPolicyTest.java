package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Default deny; the gateway alone reached from outside; the services from the gateway only; the services out
 * to Kafka, PostgreSQL, Keycloak and DNS only. Operator-managed pods are represented by the labels their
 * operators put on them (Strimzi, CloudNativePG, Keycloak Operator), with this rendering's resource names.
 */
class NetworkPolicyTest {

    static final List<String> RENDERINGS = Manifests.RENDERINGS;

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldDenyAllTrafficOfEveryPodByDefault(String rendering) {
        assertThat(Manifests.of(rendering).all("NetworkPolicy")).anySatisfy(policy -> {
            assertThat(policy.path("spec").path("podSelector").isEmpty()).isTrue();
            assertThat(policy.path("spec").path("policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
            assertThat(policy.path("spec").has("ingress") || policy.path("spec").has("egress")).isFalse();
        });
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldSelectRealPodsWithEveryNetworkPolicyAndPeer(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        List<Map<String, String>> pods = new ArrayList<>(appPods(manifests).values());
        pods.addAll(infrastructurePods(manifests).values());
        for (ObjectNode policy : manifests.all("NetworkPolicy")) {
            assertThat(pods).as("%s selects a pod", Manifests.name(policy))
                    .anyMatch(p -> Manifests.selects(policy.path("spec").path("podSelector"), p));
            for (JsonNode peer : peers(policy)) {
                if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                    assertThat(pods).as("%s: peer %s selects a pod", Manifests.name(policy), peer)
                            .anyMatch(p -> Manifests.selects(peer.path("podSelector"), p));
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldLetOnlyTheGatewayBeReachedFromOutsideTheNamespace(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        appPods(manifests).forEach((module, labels) -> {
            boolean fromOutside = false;
            for (JsonNode rule : rules(manifests, labels, "ingress")) {
                for (JsonNode peer : orAll(rule.path("from"))) {
                    fromOutside |= peer.isMissingNode() || peer.has("namespaceSelector") || peer.has("ipBlock");
                }
            }
            assertThat(fromOutside).as("%s reachable from outside", module).isEqualTo("gateway".equals(module));
        });
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldLetTheServicesBeReachedOnlyFromTheGateway(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        Map<String, Map<String, String>> pods = appPods(manifests);
        for (String module : Repo.SERVICES) {
            List<JsonNode> rules = rules(manifests, pods.get(module), "ingress");
            assertThat(rules).as(module).isNotEmpty();
            for (JsonNode rule : rules) {
                for (JsonNode peer : orAll(rule.path("from"))) {
                    assertThat(peer.has("podSelector") && !peer.has("namespaceSelector")).as("%s: %s", module, peer).isTrue();
                    pods.forEach((other, labels) -> assertThat(Manifests.selects(peer.path("podSelector"), labels))
                            .as("%s reachable from %s", module, other).isEqualTo("gateway".equals(other)));
                    infrastructurePods(manifests).forEach((other, labels) ->
                            assertThat(Manifests.selects(peer.path("podSelector"), labels)).as("%s from %s", module, other).isFalse());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldLetTheServicesReachOnlyKafkaPostgresqlKeycloakAndDns(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        Map<String, Map<String, String>> infrastructure = infrastructurePods(manifests);
        Map<String, Integer> allowedPorts = Map.of("kafka-broker", 9093, "postgres", 5432, "keycloak", 8080);
        for (String module : Repo.SERVICES) {
            Map<String, Integer> reached = new LinkedHashMap<>();
            for (JsonNode rule : rules(manifests, appPods(manifests).get(module), "egress")) {
                for (JsonNode peer : orAll(rule.path("to"))) {
                    assertThat(peer.isMissingNode()).as("%s: egress to anywhere", module).isFalse();
                    if (isDns(peer)) {
                        assertThat(rule.path("ports").findValuesAsText("port")).containsOnly("53");
                        continue;
                    }
                    assertThat(peer.has("namespaceSelector") || peer.has("ipBlock")).as("%s: %s", module, peer).isFalse();
                    List<String> targets = infrastructure.entrySet().stream()
                            .filter(e -> Manifests.selects(peer.path("podSelector"), e.getValue())).map(Map.Entry::getKey).toList();
                    assertThat(targets).as("%s: %s", module, peer).isNotEmpty().allMatch(allowedPorts::containsKey);
                    for (String target : targets) {
                        assertThat(rule.path("ports").findValuesAsText("port")).as("%s -> %s", module, target)
                                .containsOnly(String.valueOf(allowedPorts.get(target)));
                        reached.put(target, allowedPorts.get(target));
                    }
                }
            }
            assertThat(reached).as(module).containsOnlyKeys(allowedPorts.keySet());
        }
    }

    /** Labels of this rendering's own pods, by module. */
    private static Map<String, Map<String, String>> appPods(Manifests manifests) {
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        manifests.all("Deployment").forEach(d -> pods.put(Manifests.name(d), Manifests.podLabels(d)));
        return pods;
    }

    /** The labels the operators give their pods, for the resources of this rendering. */
    static Map<String, Map<String, String>> infrastructurePods(Manifests manifests) {
        Map<String, Map<String, String>> pods = new LinkedHashMap<>();
        String kafka = Manifests.name(manifests.all("Kafka").get(0));
        String pool = Manifests.name(manifests.all("KafkaNodePool").get(0));
        pods.put("kafka-broker", Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka + "-kafka", "strimzi.io/pool-name", pool,
                "strimzi.io/broker-role", "true", "strimzi.io/controller-role", "true"));
        pods.put("kafka-entity-operator", Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka + "-entity-operator"));
        String postgres = Manifests.name(manifests.all("Cluster").get(0));
        pods.put("postgres", Map.of("cnpg.io/cluster", postgres, "cnpg.io/instanceRole", "primary"));
        String keycloak = Manifests.name(manifests.all("Keycloak").get(0));
        pods.put("keycloak", Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak,
                "app.kubernetes.io/managed-by", "keycloak-operator"));
        pods.put("keycloak-realm-import", Map.of("app", "keycloak-realm-import", "app.kubernetes.io/instance", keycloak,
                "app.kubernetes.io/managed-by", "keycloak-operator"));
        return pods;
    }

    /** The ingress or egress rules of every policy that selects a pod with these labels. */
    private static List<JsonNode> rules(Manifests manifests, Map<String, String> labels, String direction) {
        List<JsonNode> rules = new ArrayList<>();
        for (ObjectNode policy : manifests.all("NetworkPolicy")) {
            if (Manifests.selects(policy.path("spec").path("podSelector"), labels)) {
                policy.path("spec").path(direction).forEach(rules::add);
            }
        }
        return rules;
    }

    /** A rule's peers; a rule without peers admits everyone, returned as one missing node. */
    private static List<JsonNode> orAll(JsonNode peers) {
        List<JsonNode> result = new ArrayList<>();
        peers.forEach(result::add);
        if (result.isEmpty()) {
            result.add(peers.isMissingNode() ? peers : com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
        return result;
    }

    private static List<JsonNode> peers(ObjectNode policy) {
        List<JsonNode> peers = new ArrayList<>();
        policy.path("spec").path("ingress").forEach(r -> r.path("from").forEach(peers::add));
        policy.path("spec").path("egress").forEach(r -> r.path("to").forEach(peers::add));
        return peers;
    }

    private static boolean isDns(JsonNode peer) {
        return "kube-system".equals(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText())
                && "kube-dns".equals(peer.path("podSelector").path("matchLabels").path("k8s-app").asText());
    }
}
