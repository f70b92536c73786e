package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** k8s/README.md says how to build every image and names every Secret that someone has to create. */
class ReadmeTest {

    static final List<String> RENDERINGS = Manifests.RENDERINGS;
    private static final String README = Repo.read(Repo.k8s().resolve("README.md"));

    @Test
    void shouldDocumentANativeAndAJvmBuildCommandForEveryImage() {
        for (String module : Repo.MODULES) {
            for (String flavour : List.of("native", "jvm")) {
                assertThat(Repo.root().resolve(module + "/src/main/docker/Dockerfile." + flavour)).exists();
                assertThat(README).contains("docker build -f " + module + "/src/main/docker/Dockerfile." + flavour
                        + " -t crm/" + module + ":" + flavour + " " + module);
            }
        }
    }

    /** A Secret is committed (dev), written by an operator (KafkaUser, cluster CA) or documented as created by you. */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldDocumentEverySecretThatIsNeitherRenderedNorWrittenByAnOperator(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        Set<String> referenced = new TreeSet<>();
        for (ObjectNode deployment : manifests.all("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            pod.findValues("secretKeyRef").forEach(r -> referenced.add(r.path("name").asText()));
            pod.path("volumes").forEach(v -> {
                if (v.has("secret")) {
                    referenced.add(v.path("secret").path("secretName").asText());
                }
            });
        }
        manifests.all("Ingress").forEach(i -> i.path("spec").path("tls").forEach(t -> referenced.add(t.path("secretName").asText())));
        manifests.all("Cluster").forEach(c -> c.path("spec").findValues("passwordSecret").forEach(s -> referenced.add(s.path("name").asText())));
        manifests.all("Keycloak").forEach(k -> k.path("spec").path("db").findValues("name").forEach(n -> referenced.add(n.asText())));

        Set<String> provided = new TreeSet<>();
        manifests.all("Secret").forEach(s -> provided.add(Manifests.name(s)));
        manifests.all("KafkaUser").forEach(u -> provided.add(Manifests.name(u)));
        manifests.all("Kafka").forEach(k -> provided.add(Manifests.name(k) + "-cluster-ca-cert"));
        for (String secret : referenced) {
            if (!provided.contains(secret)) {
                assertThat(README).as("README names Secret %s, which %s needs", secret, rendering)
                        .contains("`" + secret + "`");
            }
        }
    }
}
