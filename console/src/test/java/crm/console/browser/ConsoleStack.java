package crm.console.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crm.devstack.CrmService;
import crm.devstack.CrmSystem;
import crm.devstack.DevStack;
import crm.devstack.KeycloakServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole CRM of this test JVM, started once: PostgreSQL, Kafka and Keycloak from the devstack and every
 * service from its packaged jar, the console among them, on free ports. Keycloak's crm-console client
 * learns these ports as redirect targets, as it knows 8080 and 8085 for ./crm up.
 */
final class ConsoleStack {

    private static CrmSystem system;

    private ConsoleStack() {
    }

    static synchronized CrmSystem system() {
        if (system == null) {
            DevStack stack = DevStack.shared();
            Path root = Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();
            CrmSystem crm = CrmSystem.onFreePorts(stack, root);
            Runtime.getRuntime().addShutdownHook(new Thread(crm::stop, "crm-stop"));
            crm.start();
            allowRedirectsTo(stack.keycloak().url(), crm.url(CrmService.GATEWAY), crm.url(CrmService.CONSOLE));
            system = crm;
        }
        return system;
    }

    /** The console as users reach it: through the gateway. */
    static String gatewayUrl() {
        return system().url(CrmService.GATEWAY);
    }

    static String consoleUrl() {
        return system().url(CrmService.CONSOLE);
    }

    /** Adds the test's gateway and console addresses to the client's redirect and post-logout URIs. */
    private static void allowRedirectsTo(String keycloak, String... origins) {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        String admin = adminToken(http, json, keycloak);
        JsonNode found = read(json, send(http, HttpRequest.newBuilder(URI.create(keycloak
                + "/admin/realms/crm/clients?clientId=crm-console")).header("Authorization", "Bearer " + admin).GET()));
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode redirects = (ArrayNode) client.get("redirectUris");
        StringBuilder logout = new StringBuilder(client.path("attributes").path("post.logout.redirect.uris").asText());
        for (String origin : origins) {
            redirects.add(origin + "/*");
            logout.append("##").append(origin).append("/*");
        }
        ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", logout.toString());
        send(http, HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/crm/clients/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())));
    }

    private static String adminToken(HttpClient http, ObjectMapper json, String keycloak) {
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN_USER + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        return read(json, send(http, HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)))).get("access_token").asText();
    }

    private static JsonNode read(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from Keycloak: " + text, e);
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak admin: HTTP " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
