package crm.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Talks to the real Keycloak's admin and token endpoints: imports the realm, creates users with their
 * tenant, unit and roles, and obtains real access tokens for them.
 */
public final class KeycloakAdmin {

    /** The public client with the password grant, for the command line and tests. */
    public static final String CLI_CLIENT = "crm-cli";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public KeycloakAdmin(KeycloakServer server) {
        this(server.url());
    }

    public KeycloakAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void importRealmIfMissing(String realmJson) {
        String admin = adminToken();
        HttpResponse<String> existing = send(request("/admin/realms/" + KeycloakServer.REALM, admin).GET());
        if (existing.statusCode() == 200) {
            return;
        }
        expect(send(request("/admin/realms", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(realmJson))), 201, "import realm");
    }

    /**
     * Adds the clients that exist only for local runs and tests (the password-grant CLI client and a demo
     * integration), so the realm file itself stays fit for production. Adding them again changes nothing.
     */
    public void addDevClients(String devClientsJson) {
        String admin = adminToken();
        JsonNode dev = read(devClientsJson);
        for (JsonNode client : dev.get("clients")) {
            HttpResponse<String> created = send(request("/admin/realms/crm/clients", admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(client.toString())));
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("add client " + client.get("clientId") + ": " + created.statusCode());
            }
        }
        dev.get("serviceAccountRoles").fields().forEachRemaining(entry -> {
            String clientId = read(expect(send(request("/admin/realms/crm/clients?clientId=" + entry.getKey(), admin)
                    .GET()), 200, "find client")).get(0).get("id").asText();
            String userId = read(expect(send(request("/admin/realms/crm/clients/" + clientId + "/service-account-user",
                    admin).GET()), 200, "service account")).get("id").asText();
            assignRealmRoles(admin, userId, entry.getValue());
        });
    }

    /** A staff user of a tenant; {@code unit} null means brand-wide (franchisor HQ). Returns the user id. */
    public String createUser(String username, String password, String tenant, String unit, List<String> roles) {
        String admin = adminToken();
        ObjectNode user = JSON.createObjectNode()
                .put("username", username).put("enabled", true)
                .put("email", username + "@example.com").put("emailVerified", true)
                .put("firstName", capitalise(username.split("[.-]")[0])).put("lastName", tenant);
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray("tenant").add(tenant);
        if (unit != null) {
            attributes.putArray("unit").add(unit);
        }
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> created = send(request("/admin/realms/crm/users", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user.toString())));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("create user " + username + ": " + created.statusCode() + " " + created.body());
        }
        String id = userId(username, admin);
        assignRealmRoles(admin, id, JSON.valueToTree(roles));
        return id;
    }

    private void assignRealmRoles(String admin, String userId, JsonNode roles) {
        if (roles.isEmpty()) {
            return;
        }
        ArrayNode mappings = JSON.createArrayNode();
        for (JsonNode role : roles) {
            mappings.add(read(expect(send(request("/admin/realms/crm/roles/" + role.asText(), admin).GET()), 200,
                    "role " + role.asText())));
        }
        expect(send(request("/admin/realms/crm/users/" + userId + "/role-mappings/realm", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mappings.toString()))), 204, "assign roles");
    }

    /** A real access token for a user, by the password grant of {@value #CLI_CLIENT}. */
    public String token(String username, String password) {
        return tokenFor("crm", Map.of("grant_type", "password", "client_id", CLI_CLIENT,
                "username", username, "password", password));
    }

    /** A real access token for an integration, by the client-credentials grant. */
    public String clientToken(String clientId, String secret) {
        return tokenFor("crm", Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String adminToken() {
        return tokenFor("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD));
    }

    private String tokenFor(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return read(expect(response, 200, "token from realm " + realm)).get("access_token").asText();
    }

    private String userId(String username, String admin) {
        JsonNode users = read(expect(send(request("/admin/realms/crm/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), admin).GET()), 200, "find user"));
        return users.get(0).get("id").asText();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + baseUrl + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from Keycloak: " + body, e);
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
