package crm.tickets.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.tickets.TicketsDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "tickets"))
class TicketWorkflowTests {

    private static String status(String token, String id, String status) {
        return Api.post(token, "/api/v1/tickets/" + id + "/status", "{\"status\":\"" + status + "\"}")
                .extract().statusCode() + "";
    }

    @Test
    void shouldFollowTheStatusMachineAndRefuseInvalidChanges() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = Api.openTicket(token, "Bremse", null);
        String path = "/api/v1/tickets/" + id;

        Api.post(token, path + "/status", "\"1\"", "{\"status\":\"on_hold\"}").statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("on_hold"));
        Api.post(token, path + "/status", "\"1\"", "{\"status\":\"open\"}").statusCode(412);
        Api.post(token, path + "/status", "{\"status\":\"on_hold\"}").statusCode(409)
                .contentType("application/problem+json");
        Api.post(token, path + "/status", "{\"status\":\"resolved\"}").statusCode(200)
                .body("resolvedAt", notNullValue()).body("sla.clockRunning", equalTo(false));
        Api.post(token, path + "/status", "{\"status\":\"open\"}").statusCode(409)
                .body("detail", containsString("reopen"));
        Api.post(token, path + "/status", "{\"status\":\"closed\"}").statusCode(200).body("closedAt", notNullValue());
        Api.post(token, path + "/status", "{\"status\":\"resolved\"}").statusCode(409);
        Api.post(token, path + "/status", "{\"status\":\"asleep\"}").statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.post(token, path + "/status", "{}").statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldStopTheSlaClockWhileWaitingForTheCustomer() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/tickets/" + Api.openTicket(token, "Rechnung", "\"priority\":\"high\"");

        Api.post(token, path + "/status", "{\"status\":\"pending_customer\"}").statusCode(200)
                .body("sla.clockRunning", equalTo(false))
                .body("sla.firstResponseDueAt", nullValue())
                .body("sla.resolutionDueAt", nullValue());
        Api.post(token, path + "/status", "{\"status\":\"open\"}").statusCode(200)
                .body("sla.clockRunning", equalTo(true))
                .body("sla.firstResponseDueAt", notNullValue());
    }

    @Test
    void shouldReopenWithinTheWindowButNotAfterIt() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String recent = Api.openTicket(token, "recent", null);
        String old = Api.openTicket(token, "old", null);
        String working = Api.openTicket(token, "working", null);
        status(token, recent, "resolved");
        status(token, old, "closed");
        // Eight days have passed for this one: the default window is seven.
        TicketsDatabase.execute("update ticket set closed_at = now() - interval '8 days' where id = ?",
                UUID.fromString(old));

        Api.post(token, "/api/v1/tickets/" + recent + "/reopen", "{}").statusCode(200)
                .body("status", equalTo("open")).body("reopenedAt", notNullValue()).body("resolvedAt", nullValue())
                .body("sla.clockRunning", equalTo(true));
        Api.post(token, "/api/v1/tickets/" + old + "/reopen", "{}").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("new ticket"));
        Api.post(token, "/api/v1/tickets/" + working + "/reopen", "{}").statusCode(409);
    }

    @Test
    void shouldRateOnceAndOnlyAFinishedTicket() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = Api.openTicket(token, "Reifen", null);
        String path = "/api/v1/tickets/" + id + "/rating";

        Api.post(token, path, "{\"rating\":5}").statusCode(409);
        status(token, id, "resolved");
        Api.post(token, path, "{\"rating\":6}").statusCode(400).body("errors[0].field", equalTo("rating"));
        Api.post(token, path, "{\"rating\":0}").statusCode(400);
        Api.post(token, path, "{\"rating\":4,\"comment\":\" Gut, aber langsam \"}").statusCode(200)
                .body("rating.rating", equalTo(4)).body("rating.comment", equalTo("Gut, aber langsam"))
                .body("rating.ratedAt", notNullValue());
        Api.post(token, path, "{\"rating\":1}").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldTreatTheFirstPublicReplyAsFirstResponseAndKeepNotesInternal() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = Api.openTicket(token, "Schaltung", "\"priority\":\"high\"");
        String path = "/api/v1/tickets/" + id;

        Api.post(token, path + "/comments", "{\"body\":\"Kunde klang verärgert\",\"visibility\":\"internal\"}")
                .statusCode(201).body("visibility", equalTo("internal"));
        Api.get(token, path).statusCode(200).body("firstResponseAt", nullValue()).body("status", equalTo("new"));

        Api.post(token, path + "/comments", "{\"body\":\"Wir kümmern uns darum.\"}").statusCode(201)
                .body("visibility", equalTo("public"));
        Api.get(token, path).statusCode(200)
                .body("firstResponseAt", notNullValue())
                .body("status", equalTo("open"))
                .body("sla.firstResponseDueAt", nullValue())
                .body("sla.firstResponseBusinessMinutes", notNullValue());
        Api.post(token, path + "/comments", "{\"body\":\"Nachtrag\"}").statusCode(201);
        Api.get(token, path + "/comments?limit=2").statusCode(200).body("items", hasSize(2))
                .body("items[0].body", equalTo("Kunde klang verärgert")).body("nextCursor", notNullValue());
        Api.post(token, path + "/comments", "{\"body\":\"\"}").statusCode(400).body("errors[0].field", equalTo("body"));
        Api.post(token, path + "/comments", "{\"body\":\"x\",\"visibility\":\"secret\"}").statusCode(400)
                .body("errors[0].field", equalTo("visibility"));
    }

    @Test
    void shouldRecordAttachmentMetadataWithinTheSizeLimit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        String path = "/api/v1/tickets/" + Api.openTicket(token, "Foto", null) + "/attachments";

        Api.post(token, path, "{\"name\":\"fehler.jpg\",\"contentType\":\"image/jpeg\",\"sizeBytes\":482133}")
                .statusCode(201).body("name", equalTo("fehler.jpg")).body("sizeBytes", equalTo(482133));
        Api.post(token, path, "{\"name\":\"video.mp4\",\"contentType\":\"video/mp4\",\"sizeBytes\":26214401}")
                .statusCode(400).body("errors[0].field", equalTo("sizeBytes"));
        Api.post(token, path, "{\"name\":\"x\",\"contentType\":\"not a type\",\"sizeBytes\":1}")
                .statusCode(400).body("errors[0].field", equalTo("contentType"));
        Api.post(token, path, "{\"name\":\"x\",\"contentType\":\"text/plain\",\"sizeBytes\":-1}")
                .statusCode(400).body("errors[0].field", equalTo("sizeBytes"));
        Api.get(token, path).statusCode(200).body("items", hasSize(1));
        Api.get(tenant.unitToken("munich", "agent"), path).statusCode(404);
    }

    @Test
    void shouldAssignManuallyAndRefuseAnUnknownQueue() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String admin = tenant.hqToken("admin");
        String token = tenant.hqToken("agent");
        String queue = Api.createQueue(admin, "Second level", "least_loaded", "[{\"agentId\":\"expert\"}]");
        String id = Api.openTicket(token, "Motor", null);
        String path = "/api/v1/tickets/" + id + "/assign";

        Api.post(token, path, "{\"queueId\":\"" + queue + "\"}").statusCode(200)
                .body("queueId", equalTo(queue)).body("assigneeId", equalTo("expert"));
        Api.post(token, path, "{\"assigneeId\":\"colleague\"}").statusCode(200)
                .body("queueId", equalTo(queue)).body("assigneeId", equalTo("colleague"));
        Api.post(token, path, "{\"queueId\":\"" + UUID.randomUUID() + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("queueId"));
        Api.post(token, path, "{}").statusCode(400);
        status(token, id, "closed");
        Api.post(token, path, "{\"assigneeId\":\"x\"}").statusCode(409);
    }
}
