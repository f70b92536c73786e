package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kustomize subset the other tests render with behaves as Kustomize does for what k8s/ uses. */
class KustomizeTest {

    @TempDir
    Path dir;

    @Test
    void shouldApplyNamespaceReplicasImagesGeneratorsAndPatchesOfAnOverlayToItsBase() throws IOException {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: base-ns
                resources: [app.yaml]
                configMapGenerator:
                  - name: app-config
                    envs: [app.env]
                """);
        write("base/app.env", "# comment\nA=1\nB=two=2\n");
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: crm/app:native
                          envFrom: [{configMapRef: {name: app-config}}]
                          env:
                            - {name: X, value: "1"}
                            - {name: P, valueFrom: {secretKeyRef: {name: creds, key: p}}}
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: {name: app}
                spec: {maxUnavailable: 1}
                ---
                apiVersion: example.com/v1
                kind: Thing
                metadata: {name: thing}
                spec:
                  items: [{name: a, v: 1}, {name: b, v: 2}]
                """);
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: overlay-ns
                resources: [../base]
                replicas: [{name: app, count: 1}]
                images: [{name: crm/app, newName: registry.example.com/crm/app, newTag: "1.0"}]
                secretGenerator:
                  - name: creds
                    literals: [p=secret]
                    options: {disableNameSuffixHash: true}
                patches:
                  - target: {kind: PodDisruptionBudget}
                    patch: |-
                      $patch: delete
                      apiVersion: policy/v1
                      kind: PodDisruptionBudget
                      metadata: {name: any}
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: app}
                      spec:
                        template:
                          spec:
                            containers:
                              - name: app
                                env: [{name: Y, value: "2"}]
                  - patch: |-
                      apiVersion: example.com/v1
                      kind: Thing
                      metadata: {name: thing}
                      spec:
                        items: [{name: a, v: 3}]
                """);

        List<ObjectNode> out = Kustomize.render(dir.resolve("overlay"));

        assertThat(out).extracting(r -> r.path("kind").asText())
                .containsExactlyInAnyOrder("Deployment", "Thing", "ConfigMap", "Secret");
        assertThat(out).allSatisfy(r -> assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("overlay-ns"));
        ObjectNode deployment = find(out, "Deployment");
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(container.path("image").asText()).isEqualTo("registry.example.com/crm/app:1.0");
        assertThat(container.path("env")).extracting(e -> e.path("name").asText()).containsExactly("X", "P", "Y");
        ObjectNode configMap = find(out, "ConfigMap");
        assertThat(Manifests.strings(configMap.path("data"))).containsEntry("A", "1").containsEntry("B", "two=2");
        assertThat(Manifests.name(configMap)).matches("app-config-[a-z0-9]{10}");
        assertThat(configMap.path("metadata").has("annotations")).isFalse();
        assertThat(container.path("envFrom").get(0).path("configMapRef").path("name").asText())
                .isEqualTo(Manifests.name(configMap));
        assertThat(Manifests.name(find(out, "Secret"))).isEqualTo("creds");
        assertThat(find(out, "Secret").path("data").path("p").asText()).isEqualTo("c2VjcmV0");
        assertThat(find(out, "Thing").path("spec").path("items").toString())
                .as("lists in custom resources are replaced, as in a JSON merge patch")
                .isEqualTo("[{\"name\":\"a\",\"v\":3}]");
    }

    /** Suffixes that kubectl kustomize (Kustomize v5.5.0) gave for these generators. */
    @Test
    void shouldNameGeneratedConfigMapsAndSecretsAsKubectlKustomizeDoes() throws IOException {
        write("g/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                configMapGenerator:
                  - name: c
                    literals: [A=1]
                secretGenerator:
                  - name: s
                    literals: [p=secret]
                """);
        assertThat(Kustomize.render(dir.resolve("g"))).extracting(Manifests::name)
                .containsExactly("c-89g4tffbfk", "s-4k4899t6bh");
    }

    @Test
    void shouldChangeTheGeneratedNameWhenTheDataChanges() {
        ObjectNode one = Yaml.readAll("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {A: '1'}}", "t").get(0);
        ObjectNode two = Yaml.readAll("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {A: '2'}}", "t").get(0);
        assertThat(Kustomize.nameHash(one)).hasSize(10).isEqualTo(Kustomize.nameHash(one.deepCopy()))
                .isNotEqualTo(Kustomize.nameHash(two));
    }

    @Test
    void shouldRefuseFeaturesOutsideTheSubsetAndPatchesThatSelectNothing() throws IOException {
        write("a/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels: {a: b}\n");
        write("b/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                patches:
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: missing}
                """);
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("a"))).hasMessageContaining("commonLabels");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("b"))).hasMessageContaining("selects no resource");
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).findFirst().orElseThrow();
    }
}
