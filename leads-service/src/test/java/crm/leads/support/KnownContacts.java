package crm.leads.support;

import static crm.leads.support.Api.createLead;
import static crm.leads.support.Api.get;
import static crm.leads.support.Api.post;

import java.time.Duration;
import org.awaitility.Awaitility;

/** Waits for leads-service to know a contact that a test announced on crm.contacts. */
public final class KnownContacts {

    private KnownContacts() {
    }

    /**
     * Captures a lead with this e-mail until it comes out linked to {@code contactId} (the projection is fed
     * asynchronously); probes that came too early are disqualified so they cannot absorb the next capture.
     */
    public static String awaitRecognisedLead(String token, String email, String contactId) {
        String[] id = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (id[0] != null) {
                post(token, "/api/v1/leads/" + id[0] + "/disqualify", "{\"reason\":\"probe\"}").statusCode(200);
            }
            id[0] = createLead(token, "{\"lastName\":\"Known\",\"email\":\"" + email + "\",\"channel\":\"website\"}");
            return contactId.equals(get(token, "/api/v1/leads/" + id[0]).extract().path("contactId"));
        });
        return id[0];
    }
}
