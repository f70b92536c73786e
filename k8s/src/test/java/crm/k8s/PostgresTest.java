package crm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** One CloudNativePG cluster; per service a database and an owning role that row-level security binds. */
class PostgresTest {

    static final List<String> RENDERINGS = Manifests.RENDERINGS;

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldGiveEachServiceItsOwnDatabaseOwnedByARoleThatRowLevelSecurityBinds(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        ObjectNode cluster = cluster(manifests);
        assertThat(cluster.path("spec").path("enableSuperuserAccess").asBoolean(false)).isFalse();
        for (String module : Repo.SERVICES) {
            Map<String, String> properties = Repo.properties(module);
            String role = properties.get("quarkus.datasource.username");
            String database = databaseOf(properties.get("quarkus.datasource.jdbc.url"));
            JsonNode managed = role(cluster, role);
            assertThat(managed.path("login").asBoolean()).as(role).isTrue();
            assertThat(managed.path("superuser").asBoolean(true)).as("%s is no superuser", role).isFalse();
            assertThat(managed.path("bypassrls").asBoolean(true)).as("%s does not bypass RLS", role).isFalse();
            assertThat(managed.path("ensure").asText("present")).isEqualTo("present");
            ObjectNode db = manifests.all("Database").stream()
                    .filter(d -> d.path("spec").path("name").asText().equals(database)).findFirst().orElseThrow();
            assertThat(db.path("spec").path("owner").asText()).as(database).isEqualTo(role);
            assertThat(db.path("spec").path("cluster").path("name").asText()).isEqualTo(Manifests.name(cluster));
            assertThat(db.path("spec").path("databaseReclaimPolicy").asText()).as("never drop data").isEqualTo("retain");
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldConnectEachServiceToItsDatabaseOnThePrimaryAsItsRole(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        ObjectNode cluster = cluster(manifests);
        String primary = Manifests.name(cluster) + "-rw";
        for (String module : Repo.SERVICES) {
            Map<String, String> properties = Repo.properties(module);
            String role = properties.get("quarkus.datasource.username");
            String database = databaseOf(properties.get("quarkus.datasource.jdbc.url"));
            Map<String, String> env = manifests.environment(Manifests.container(manifests.deployment(module)));
            for (String url : List.of(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()),
                    env.get("QUARKUS_DATASOURCE_REACTIVE_URL"))) {
                URI uri = URI.create(url);
                assertThat(uri.getScheme()).isEqualTo("postgresql");
                assertThat(uri.getHost() + ":" + uri.getPort()).as(module).isEqualTo(primary + ":5432");
                assertThat(uri.getPath()).as(module).isEqualTo("/" + database);
            }
            String secret = role(cluster, role).path("passwordSecret").path("name").asText();
            assertThat(env).as(module)
                    .containsEntry("QUARKUS_DATASOURCE_USERNAME", "secret:" + secret + "/username")
                    .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "secret:" + secret + "/password");
            manifests.secretData(secret).ifPresent(data -> {
                assertThat(data).containsEntry("username", role).containsKey("password");
                assertThat(manifests.get("Secret", secret).path("type").asText()).isEqualTo("kubernetes.io/basic-auth");
            });
        }
    }

    @ParameterizedTest
    @FieldSource("RENDERINGS")
    void shouldKeepKeycloaksDatabaseInTheSameClusterUnderItsOwnRole(String rendering) {
        Manifests manifests = Manifests.of(rendering);
        ObjectNode cluster = cluster(manifests);
        JsonNode db = manifests.all("Keycloak").get(0).path("spec").path("db");
        assertThat(db.path("vendor").asText()).isEqualTo("postgres");
        assertThat(db.path("host").asText()).isEqualTo(Manifests.name(cluster) + "-rw");
        String secret = db.path("usernameSecret").path("name").asText();
        assertThat(db.path("passwordSecret").path("name").asText()).isEqualTo(secret);
        JsonNode role = cluster.path("spec").path("managed").path("roles").findParents("passwordSecret").stream()
                .filter(r -> r.path("passwordSecret").path("name").asText().equals(secret)).findFirst().orElseThrow();
        assertThat(role.path("superuser").asBoolean(true)).isFalse();
        assertThat(manifests.all("Database")).anySatisfy(d -> {
            assertThat(d.path("spec").path("name").asText()).isEqualTo(db.path("database").asText());
            assertThat(d.path("spec").path("owner").asText()).isEqualTo(role.path("name").asText());
        });
    }

    private static ObjectNode cluster(Manifests manifests) {
        assertThat(manifests.all("Cluster")).hasSize(1);
        return manifests.all("Cluster").get(0);
    }

    private static JsonNode role(ObjectNode cluster, String name) {
        for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
            if (role.path("name").asText().equals(name)) {
                return role;
            }
        }
        throw new AssertionError("no managed role " + name);
    }

    private static String databaseOf(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length())).getPath().substring(1);
    }
}
