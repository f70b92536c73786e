package crm.e2e.bench;

import java.net.http.HttpResponse;
import java.util.UUID;

/** Creating contacts through the API, the way clients do, for the scenarios that need some. */
final class Contacts {

    static final String PATH = "/api/v1/contacts";

    private Contacts() {
    }

    /** A body no other request of the run sends, so the duplicate check never refuses it. */
    static String uniqueBody(String purpose) {
        String unique = UUID.randomUUID().toString().substring(0, 12);
        return "{\"firstName\":\"Bench\",\"lastName\":\"" + purpose + " " + unique + "\","
                + "\"email\":\"bench." + unique + "@example.com\"}";
    }

    /** Creates one contact through the gateway and returns its id. */
    static String create(BenchContext context, String token, String purpose) throws Exception {
        HttpResponse<String> created = context.http().send(context.http()
                .postJson(context.system().gatewayUrl() + PATH, token, uniqueBody(purpose)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating a contact answered " + created.statusCode() + ": "
                    + created.body());
        }
        return HttpCalls.json(created).path("id").asText();
    }
}
