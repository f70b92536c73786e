package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class KeycloakTest {

    static final List<String> RENDERINGS = Manifests.RENDERINGS;
    private static final Path REALM_IMPORT = Repo.k8s().resolve("base/keycloak/realm-import.yaml");

    /**
     * The KeycloakRealmImport is generated from the devstack's realm file, so production imports the realm the
     * tests and ./crm up use. Run with -Dk8s.regenerate=true to rewrite it after the realm file changed.
     */
    @Test
    void shouldImportTheRealmFileTheDevstackUses() throws IOException {
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(REALM_IMPORT, realmImport());
        }
        assertThat(Files.exists(REALM_IMPORT)).as("%s exists", REALM_IMPORT).isTrue();
        ObjectNode committed = Yaml.readAll(REALM_IMPORT).get(0);
        assertThat(committed.path("spec").path("realm"))
                .as("%s is out of date: cd k8s && ../mvnw -q -B test -Dtest=KeycloakTest -Dk8s.regenerate=true",
                        REALM_IMPORT)
                .isEqualTo(Repo.devstackRealm());
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldImportTheRealmIntoTheKeycloakOfThisNamespace(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        ObjectNode keycloak = single(manifests, "Keycloak");
        ObjectNode realmImport = single(manifests, "KeycloakRealmImport");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isEqualTo(Manifests.name(keycloak));
        assertThat(realmImport.path("spec").path("realm")).isEqualTo(Repo.devstackRealm());
    }

    /**
     * Every module checks tokens against the imported realm, fetched over the operator's in-cluster Service;
     * the issuer in the tokens is the public hostname, which Keycloak reports to backchannel callers too.
     */
    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldPointEveryModuleAtTheImportedRealmOnTheKeycloakService(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        ObjectNode keycloak = single(manifests, "Keycloak");
        String realm = Repo.devstackRealm().path("realm").asText();
        assertThat(keycloak.path("spec").path("http").path("httpEnabled").asBoolean()).isTrue();
        int port = keycloak.path("spec").path("http").path("httpPort").asInt(8080);
        String expected = "http://" + Manifests.name(keycloak) + "-service:" + port + "/realms/" + realm;
        for (String module : Repo.MODULES) {
            assertThat(manifests.environment(Manifests.container(manifests.deployment(module))))
                    .as("%s in %s", module, rendering)
                    .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", expected);
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldServeKeycloakOnlyOnItsPublicHostnameOverTls(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        JsonNode spec = single(manifests, "Keycloak").path("spec");
        URI hostname = URI.create(spec.path("hostname").path("hostname").asText());
        assertThat(hostname.getScheme()).isEqualTo("https");
        assertThat(spec.path("hostname").path("backchannelDynamic").asBoolean()).isTrue();
        assertThat(spec.path("proxy").path("headers").asText()).isEqualTo("xforwarded");
        assertThat(spec.path("ingress").path("enabled").asBoolean(true)).as("the operator's own Ingress").isFalse();
        ObjectNode ingress = manifests.get("Ingress", Manifests.name(single(manifests, "Keycloak")));
        assertThat(ingress.path("spec").path("rules").get(0).path("host").asText()).isEqualTo(hostname.getHost());
        assertThat(ingress.path("spec").path("tls").get(0).path("hosts").get(0).asText()).isEqualTo(hostname.getHost());
        assertThat(ingress.path("spec").path("rules").findValuesAsText("path"))
                .as("only the public paths, not /admin or the management port")
                .containsExactlyInAnyOrder("/realms", "/resources");
    }

    private static ObjectNode single(Manifests manifests, String kind) {
        assertThat(manifests.all(kind)).as("%s in %s", kind, manifests).hasSize(1);
        return manifests.all(kind).get(0);
    }

    private static String realmImport() {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1").put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "crm-realm");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "crm-keycloak");
        spec.set("realm", Repo.devstackRealm());
        return "# GENERATED from devstack/src/main/resources/keycloak/crm-realm.json by KeycloakTest: do not edit.\n"
                + "# After changing the realm file: cd k8s && ../mvnw -q -B test -Dtest=KeycloakTest -Dk8s.regenerate=true\n"
                + Yaml.write(List.of(resource));
    }
}
