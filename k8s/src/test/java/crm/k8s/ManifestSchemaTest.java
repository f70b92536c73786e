package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class ManifestSchemaTest {

    static final List<String> RENDERINGS = Manifests.RENDERINGS;

    /** Renders base, dev and prod (written to target/rendered/ for review) and validates every resource. */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldValidateEveryRenderedResourceAgainstItsKubernetesOrOperatorSchema(String rendering) throws IOException {
        Manifests manifests = Manifests.of(rendering);
        Path out = Repo.k8s().resolve("target/rendered/" + rendering.replace('/', '-') + ".yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, Yaml.write(manifests.resources));

        List<String> errors = new ArrayList<>();
        for (ObjectNode resource : manifests.resources) {
            for (String error : Schemas.validate(resource)) {
                errors.add(resource.path("kind").asText() + " " + Manifests.name(resource) + ": " + error);
            }
        }
        assertThat(manifests.resources).isNotEmpty();
        assertThat(errors).as("schema errors in %s", rendering).isEmpty();
    }

    @Test
    void shouldRejectUnknownFieldsWrongTypesAndMissingFieldsInBuiltInKinds() {
        ObjectNode deployment = Yaml.readAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: broken}
                spec:
                  replicas: two
                  template:
                    spec:
                      containers:
                        - image: x
                          readOnlyRootFileSystem: true
                """, "test").get(0);
        assertThat(String.join("\n", Schemas.validate(deployment)))
                .contains("replicas").contains("selector").contains("name").contains("readOnlyRootFileSystem");
    }

    @Test
    void shouldRejectUnknownFieldsWrongTypesAndMissingFieldsInCustomResources() {
        ObjectNode topic = Yaml.readAll("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: Crm_Topic}
                spec:
                  partitions: six
                  replica: 3
                """, "test").get(0);
        ObjectNode user = Yaml.readAll("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u}
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: t}
                        operation: Read
                """, "test").get(0);
        assertThat(String.join("\n", Schemas.validate(topic)))
                .contains("metadata.name").contains("spec.partitions").contains("spec.replica: unknown field");
        assertThat(String.join("\n", Schemas.validate(user)))
                .contains("operation: unknown field").contains("missing required field operations");
    }

    @Test
    void shouldRefuseKindsItHasNoSchemaFor() {
        ObjectNode route = Yaml.readAll("""
                apiVersion: route.openshift.io/v1
                kind: Route
                metadata: {name: r}
                """, "test").get(0);
        assertThat(Schemas.validate(route)).singleElement().asString().startsWith("no schema for");
    }
}
