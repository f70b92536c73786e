package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The Deployments, Services, autoscalers and Ingresses fit each other and the modules' code. */
class ServiceWiringTest {

    static final List<String> RENDERINGS = Manifests.RENDERINGS;

    /** Quarkus hands every kafka.* setting (KAFKA_* variable) to the Kafka clients: these are the names they know. */
    private static final Set<String> KAFKA_CLIENT_SETTINGS = new HashSet<>();

    static {
        KAFKA_CLIENT_SETTINGS.addAll(ProducerConfig.configNames());
        KAFKA_CLIENT_SETTINGS.addAll(ConsumerConfig.configNames());
        KAFKA_CLIENT_SETTINGS.addAll(AdminClientConfig.configNames());
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldSetOnlyEnvironmentVariablesTheModuleReads(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        for (String module : Repo.MODULES) {
            Set<String> settings = Repo.settings(module);
            Set<String> known = new HashSet<>();
            settings.forEach(s -> known.add(Repo.environmentName(s)));
            for (String variable : manifests.environment(Manifests.container(manifests.deployment(module))).keySet()) {
                if (known.contains(variable)) {
                    continue;
                }
                assertThat(variable).as("%s sets %s, which %s does not read", rendering, variable, module)
                        .startsWith("KAFKA_");
                assertThat(settings).as("%s uses Kafka", module).contains("kafka.bootstrap.servers");
                assertThat(KAFKA_CLIENT_SETTINGS).as("%s: %s is no Kafka client setting", module, variable)
                        .contains(variable.substring("KAFKA_".length()).toLowerCase().replace('_', '.'));
            }
        }
    }

    /** Whatever points at ./crm up's local processes (127.0.0.1, localhost) is overridden in the cluster. */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldOverrideEverySettingThatPointsAtTheLocalDevstack(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        for (String module : Repo.MODULES) {
            Map<String, String> env = manifests.environment(Manifests.container(manifests.deployment(module)));
            Repo.properties(module).forEach((property, value) -> {
                if (value.contains("127.0.0.1") || value.contains("localhost") || property.startsWith("quarkus.datasource.pass")
                        || property.startsWith("quarkus.datasource.user")) {
                    assertThat(env).as("%s in %s overrides %s", module, rendering, property)
                            .containsKey(Repo.environmentName(property));
                }
            });
            Repo.settings(module).stream().filter(s -> s.startsWith("crm.gateway.") && s.endsWith("-url"))
                    .forEach(s -> assertThat(env).as("gateway sets %s", s).containsKey(Repo.environmentName(s)));
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldMatchServicePortsToTheContainerPortTheModuleListensOn(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        for (ObjectNode service : manifests.all("Service")) {
            List<ObjectNode> selected = manifests.all("Deployment").stream()
                    .filter(d -> Manifests.selects(service.path("spec").path("selector"), Manifests.podLabels(d)))
                    .toList();
            assertThat(selected).as("Service %s selects one Deployment", Manifests.name(service)).hasSize(1);
            ObjectNode container = Manifests.container(selected.get(0));
            String listening = manifests.environment(container).get("QUARKUS_HTTP_PORT");
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode containerPort = containerPort(container, port.path("targetPort"));
                assertThat(containerPort).as("%s: targetPort %s", Manifests.name(service), port.path("targetPort")).isNotNull();
                assertThat(containerPort.path("containerPort").asText()).isEqualTo(listening);
                assertThat(port.path("port").asInt()).as("the gateway's URLs and the policies use the container port")
                        .isEqualTo(containerPort.path("containerPort").asInt());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldSelectTheWorkloadsPodsWithEveryDeploymentAutoscalerAndDisruptionBudget(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        for (ObjectNode deployment : manifests.all("Deployment")) {
            assertThat(Manifests.selects(deployment.path("spec").path("selector"), Manifests.podLabels(deployment)))
                    .as("%s selects its own pods", Manifests.name(deployment)).isTrue();
        }
        for (ObjectNode hpa : manifests.all("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            assertThat(target.path("kind").asText()).isEqualTo("Deployment");
            assertThat(manifests.find("Deployment", target.path("name").asText())).as("HPA %s target", Manifests.name(hpa)).isPresent();
        }
        for (ObjectNode pdb : manifests.all("PodDisruptionBudget")) {
            assertThat(manifests.all("Deployment").stream()
                    .filter(d -> Manifests.selects(pdb.path("spec").path("selector"), Manifests.podLabels(d))))
                    .as("PDB %s selects one Deployment", Manifests.name(pdb)).hasSize(1);
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldProbeTheHealthEndpointsTheModuleServes(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        for (String module : Repo.MODULES) {
            assertThat(Repo.hasHealthEndpoints(module)).as("%s has quarkus-smallrye-health", module).isTrue();
            assertThat(Repo.properties(module)).as("%s keeps the default /q root", module)
                    .doesNotContainKeys("quarkus.http.non-application-root-path", "quarkus.smallrye-health.root-path",
                            "quarkus.http.root-path");
            ObjectNode container = Manifests.container(manifests.deployment(module));
            expected.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertThat(get.path("path").asText()).as("%s %s", module, probe).isEqualTo(path);
                assertThat(containerPort(container, get.path("port"))).as("%s %s port", module, probe).isNotNull();
            });
        }
    }

    /** Restricted Pod Security Standard and more: no root, no writable image, no token, no service env. */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldRunEveryPodAsNonRootWithAReadOnlyRootFilesystemAndNoServiceAccountToken(String rendering) {
        for (ObjectNode deployment : Manifests.of(rendering).all("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            String name = Manifests.name(deployment);
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(name).isFalse();
            assertThat(pod.path("enableServiceLinks").asBoolean(true)).as(name).isFalse();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.has("hostNetwork") || pod.has("hostPID") || pod.has("hostIPC")).isFalse();
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name).isFalse();
                assertThat(security.path("privileged").asBoolean(false)).as(name).isFalse();
                assertThat(security.path("capabilities").path("drop").toString()).as(name).isEqualTo("[\"ALL\"]");
                assertThat(security.path("capabilities").has("add")).as(name).isFalse();
                assertThat(security.has("runAsUser") && security.path("runAsUser").asInt() == 0).isFalse();
            }
            for (JsonNode volume : pod.path("volumes")) {
                assertThat(volume.has("hostPath")).as("%s mounts no host path", name).isFalse();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldGiveEveryContainerCpuAndMemoryRequestsAndLimits(String rendering) {
        for (ObjectNode deployment : Manifests.of(rendering).all("Deployment")) {
            JsonNode resources = Manifests.container(deployment).path("resources");
            for (String bound : List.of("requests", "limits")) {
                assertThat(resources.path(bound).has("cpu") && resources.path(bound).has("memory"))
                        .as("%s %s", Manifests.name(deployment), bound).isTrue();
            }
            assertThat(mebibytes(resources.path("limits").path("memory").asText()))
                    .as("%s: the JVM's measured RSS is 180-250 MiB", Manifests.name(deployment))
                    .isGreaterThanOrEqualTo(mebibytes(resources.path("requests").path("memory").asText()))
                    .isGreaterThanOrEqualTo(256);
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldRouteTheGatewayToEachServiceByItsClusterAddress(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        Map<String, String> env = manifests.environment(Manifests.container(manifests.deployment("gateway")));
        for (String module : Repo.SERVICES) {
            String variable = "CRM_GATEWAY_" + module.replace("-service", "").toUpperCase() + "_URL";
            URI url = URI.create(env.get(variable));
            ObjectNode service = manifests.get("Service", url.getHost());
            assertThat(Manifests.selects(service.path("spec").path("selector"), Manifests.podLabels(manifests.deployment(module))))
                    .as("%s -> Service %s -> %s", variable, url.getHost(), module).isTrue();
            assertThat(service.path("spec").path("ports").findValuesAsText("port")).contains(String.valueOf(url.getPort()));
            assertThat(url.getPath()).as("base URL without a path").isEmpty();
        }
    }

    /** Outside the cluster: only the gateway's API paths and Keycloak's public paths, each host with TLS. */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldExposeOnlyTheGatewayAndKeycloakThroughIngressesWithTls(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        assertThat(manifests.all("Service")).allSatisfy(s ->
                assertThat(s.path("spec").path("type").asText("ClusterIP")).isEqualTo("ClusterIP"));
        String keycloakService = Manifests.name(manifests.all("Keycloak").get(0)) + "-service";
        for (ObjectNode ingress : manifests.all("Ingress")) {
            Set<String> tlsHosts = new HashSet<>();
            ingress.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                assertThat(tlsHosts).as("TLS for %s", rule.path("host").asText()).contains(rule.path("host").asText());
                for (JsonNode path : rule.path("http").path("paths")) {
                    String p = path.path("path").asText();
                    assertThat(p).as("no catch-all and no /q/health or /q/metrics")
                            .isNotIn("/", "/q", "/q/").doesNotStartWith("/q/health").doesNotStartWith("/q/metrics");
                    JsonNode backend = path.path("backend").path("service");
                    String target = backend.path("name").asText();
                    if (target.equals(keycloakService)) {
                        continue;
                    }
                    assertThat(target).as("only the gateway is exposed").isEqualTo("gateway");
                    assertThat(manifests.get("Service", target).path("spec").path("ports").findValuesAsText("name"))
                            .contains(backend.path("port").path("name").asText());
                }
            }
        }
    }

    private static JsonNode containerPort(JsonNode container, JsonNode reference) {
        for (JsonNode port : container.path("ports")) {
            if (reference.isTextual() && reference.asText().equals(port.path("name").asText())
                    || reference.isInt() && reference.asInt() == port.path("containerPort").asInt()) {
                return port;
            }
        }
        return null;
    }

    private static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.replace("Gi", "")) * 1024;
        }
        assertThat(quantity).endsWith("Mi");
        return Long.parseLong(quantity.replace("Mi", ""));
    }
}
