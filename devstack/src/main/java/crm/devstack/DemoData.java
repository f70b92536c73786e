package crm.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Two franchise systems with HQ and two units each, a user for every role, a few contacts and, per unit, a
 * sale, a lead and a service request, created through the real Keycloak and the gateway. Running it again
 * changes nothing.
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
        seedActivity(keycloak, gatewayUrl);
    }

    /** A sale, a lead and a service request per franchisee, so the console's pages and figures have something to show. */
    private static final List<List<String>> UNIT_ACTIVITY = List.of(
            List.of("hanna.hamburg", "jana.schulz@example.com", "EBIKE-CITY", "2999.00", "Lukas", "Brandt", "Brakes squeak after the service"),
            List.of("mia.munich", "sepp.huber@example.com", "EBIKE-TREKKING", "3499.00", "Anna", "Weber", "Display shows error E07"),
            List.of("ben.berlin", "lena.krause@example.com", "KEG-PILS-30", "89.00", "Tom", "Richter", "Tap is dripping"),
            List.of("clara.cologne", "jonas.becker@example.com", "KEG-KOELSCH-20", "69.00", "Mara", "Vogel", "Delivery came late"));

    /**
     * Demo records of the other services: each is created once (looked for first), and a service that
     * refuses is reported and skipped, so that a demo still starts with one service misbehaving.
     */
    static void seedActivity(KeycloakAdmin keycloak, String gatewayUrl) {
        HttpClient http = HttpClient.newHttpClient();
        for (List<String> unit : UNIT_ACTIVITY) {
            String token = keycloak.token(unit.get(0), PASSWORD);
            String contactId = contactIdOf(http, gatewayUrl, token, unit.get(1));
            if (contactId != null && !answersWith(http, gatewayUrl + "/api/v1/purchases?contactId=" + contactId, token, "\"id\"")) {
                optional(http, gatewayUrl + "/api/v1/purchases", token, """
                        {"externalOrderId": "demo-%s", "contactId": "%s", "purchasedAt": "%s", "channel": "in_store",
                         "currency": "EUR", "lines": [{"sku": "%s", "quantity": 1, "unitPrice": %s}]}"""
                        .formatted(unit.get(1), contactId, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                                .minusDays(7).withNano(0), unit.get(2), unit.get(3)));
            }
            String leadEmail = unit.get(4).toLowerCase() + "." + unit.get(5).toLowerCase() + "@example.com";
            if (!answersWith(http, gatewayUrl + "/api/v1/leads?limit=200", token, leadEmail)) {
                optional(http, gatewayUrl + "/api/v1/leads", token, """
                        {"firstName": "%s", "lastName": "%s", "email": "%s", "channel": "website",
                         "message": "Would like a consultation"}""".formatted(unit.get(4), unit.get(5), leadEmail));
            }
            if (!answersWith(http, gatewayUrl + "/api/v1/tickets?view=queue&status=all&limit=200", token, unit.get(6))) {
                optional(http, gatewayUrl + "/api/v1/tickets", token, """
                        {"subject": "%s", "channel": "email", "description": "Reported by a demo customer",
                         "requesterEmail": "%s"}""".formatted(unit.get(6), unit.get(1)));
            }
        }
    }

    private static String contactIdOf(HttpClient http, String gatewayUrl, String token, String email) {
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/contacts?limit=200"))
                .header("Authorization", "Bearer " + token).GET());
        java.util.regex.Matcher contact = java.util.regex.Pattern.compile(
                "\\{\"id\":\"([0-9a-f-]{36})\"[^{}]*?\"" + java.util.regex.Pattern.quote(email) + "\"").matcher(page.body());
        return page.statusCode() == 200 && contact.find() ? contact.group(1) : null;
    }

    private static boolean answersWith(HttpClient http, String url, String token, String text) {
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET());
        // A list that cannot be read (a service not there yet) counts as seeded: nothing is sent to it.
        return answer.statusCode() != 200 || answer.body().contains(text);
    }

    private static void optional(HttpClient http, String url, String token, String body) {
        HttpResponse<String> created = send(http, HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", java.util.UUID.nameUUIDFromBytes(body.getBytes()).toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (created.statusCode() >= 300) {
            System.out.println("  (demo data: " + url.replaceFirst("^https?://[^/]+", "") + " answered "
                    + created.statusCode() + "; skipped)");
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
