package crm.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Two franchise systems with HQ and two units each, a user for every role and a few contacts, created
 * through the real Keycloak and the gateway. Running it again changes nothing.
 */
public final class DemoData {

    public static final String PASSWORD = "demo";

    /** A demo login: who it is and what it may do. */
    public record Login(String username, String tenant, String unit, List<String> roles) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("anna.admin", "veloce", null, List.of("admin", "manager", "agent")),
            new Login("henrik.hq", "veloce", null, List.of("manager")),
            new Login("hanna.hamburg", "veloce", "veloce-hamburg", List.of("agent")),
            new Login("lars.hamburg", "veloce", "veloce-hamburg", List.of("manager", "agent")),
            new Login("mia.munich", "veloce", "veloce-munich", List.of("agent")),
            new Login("bea.admin", "brewhaus", null, List.of("admin", "manager", "agent")),
            new Login("ben.berlin", "brewhaus", "brewhaus-berlin", List.of("agent")),
            new Login("clara.cologne", "brewhaus", "brewhaus-cologne", List.of("agent")));

    private static final List<List<String>> CONTACTS = List.of(
            List.of("hanna.hamburg", "Jana", "Schulz", "jana.schulz@example.com", "+49 40 5550101"),
            List.of("hanna.hamburg", "Ole", "Hansen", "ole.hansen@example.com", "+49 40 5550102"),
            List.of("mia.munich", "Sepp", "Huber", "sepp.huber@example.com", "+49 89 5550201"),
            List.of("mia.munich", "Resi", "Maier", "resi.maier@example.com", "+49 89 5550202"),
            List.of("ben.berlin", "Lena", "Krause", "lena.krause@example.com", "+49 30 5550301"),
            List.of("clara.cologne", "Jonas", "Becker", "jonas.becker@example.com", "+49 221 5550401"));

    private DemoData() {
    }

    public static void seed(KeycloakAdmin keycloak, String gatewayUrl) {
        for (Login login : LOGINS) {
            keycloak.createUser(login.username(), PASSWORD, login.tenant(), login.unit(), login.roles());
        }
        HttpClient http = HttpClient.newHttpClient();
        for (List<String> contact : CONTACTS) {
            String token = keycloak.token(contact.get(0), PASSWORD);
            if (!hasContact(http, gatewayUrl, token, contact.get(3))) {
                String body = "{\"firstName\":\"%s\",\"lastName\":\"%s\",\"email\":\"%s\",\"phone\":\"%s\"}"
                        .formatted(contact.get(1), contact.get(2), contact.get(3), contact.get(4));
                HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/contacts"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("demo contact not created: " + created.statusCode() + " " + created.body());
                }
            }
        }
    }

    private static boolean hasContact(HttpClient http, String gatewayUrl, String token, String email) {
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/contacts?limit=200"))
                .header("Authorization", "Bearer " + token).GET());
        return page.statusCode() == 200 && page.body().contains("\"" + email + "\"");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
