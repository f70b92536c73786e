package crm.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.TestDatabase;
import crm.contacts.support.Events;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class TaskTests {

    static String task(String title, OffsetDateTime dueAt, String extra) {
        return "{\"title\": \"" + title + "\", \"dueAt\": \"" + dueAt + "\"" + (extra == null ? "" : ", " + extra) + "}";
    }

    static ValidatableResponse action(String token, String id, String action, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType("application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.body(body);
        }
        return request.when().post("/api/v1/tasks/" + id + "/" + action).then();
    }

    static OffsetDateTime inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withNano(0);
    }

    @Test
    void shouldCreateATaskForMeAboutAContact() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\"}");

        String location = Api.post(token, "/api/v1/tasks", task("Call back", inDays(2),
                        "\"priority\": \"high\", \"contactId\": \"" + contact + "\""))
                .statusCode(201).header("ETag", "\"1\"")
                .body("status", equalTo("open")).body("priority", equalTo("high"))
                .body("unitId", equalTo(tenant.unit("hamburg"))).body("overdue", equalTo(false))
                .extract().header("Location");

        Api.get(token, location).statusCode(200).body("title", equalTo("Call back"));
        Api.get(token, "/api/v1/tasks").statusCode(200).body("items", hasSize(1))
                .body("items[0].contactId", equalTo(contact));
        Api.get(tenant.unitToken("hamburg", "agent"), "/api/v1/tasks").statusCode(200).body("items", hasSize(0));
        Api.get(tenant.unitToken("munich", "manager"), location).statusCode(404);
        Api.get(TestTenant.create(DevStack.shared()).hqToken("admin"), location).statusCode(404);
    }

    @Test
    void shouldListMyOverdueTasksAndTheUnitsTasksForManagers() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String agent = tenant.unitToken("hamburg", "agent");
        Api.post(agent, "/api/v1/tasks", task("late", inDays(-1), null)).statusCode(201);
        Api.post(agent, "/api/v1/tasks", task("soon", inDays(1), null)).statusCode(201);
        Api.post(tenant.unitToken("munich", "agent"), "/api/v1/tasks", task("elsewhere", inDays(-1), null))
                .statusCode(201);

        Api.get(agent, "/api/v1/tasks?view=overdue").statusCode(200).body("items.title", equalTo(List.of("late")))
                .body("items[0].overdue", equalTo(true));
        Api.get(agent, "/api/v1/tasks?view=mine").statusCode(200).body("items.title", equalTo(List.of("late", "soon")));
        Api.get(agent, "/api/v1/tasks?view=unit").statusCode(403);
        Api.get(tenant.unitToken("hamburg", "manager"), "/api/v1/tasks?view=unit").statusCode(200)
                .body("items.title", equalTo(List.of("late", "soon")));
        Api.get(tenant.hqToken("manager"), "/api/v1/tasks?view=unit&limit=2").statusCode(200)
                .body("items", hasSize(2));
        Api.get(agent, "/api/v1/tasks?view=everything").statusCode(400).body("errors[0].field", equalTo("view"));
        Api.get(agent, "/api/v1/tasks?status=later").statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldCompleteSnoozeAndReassignWithVersionChecks() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String id = Api.create(token, "/api/v1/tasks", task("Offer", inDays(1), null));

        action(token, id, "snooze", "\"1\"", "{\"minutes\": 120}").statusCode(200).header("ETag", "\"2\"");
        action(token, id, "snooze", "\"1\"", "{\"minutes\": 120}").statusCode(412);
        action(token, id, "snooze", null, "{\"until\": \"2001-01-01T00:00:00Z\"}").statusCode(400);
        action(token, id, "snooze", null, "{}").statusCode(400);
        action(token, id, "reassign", "\"2\"", "{\"assigneeId\": \"colleague-1\"}").statusCode(200)
                .body("assigneeId", equalTo("colleague-1"));
        Api.patch(token, "/api/v1/tasks/" + id, "\"3\"", "{\"priority\": \"urgent\", \"notes\": \"bring brochure\"}")
                .statusCode(200).body("priority", equalTo("urgent")).body("version", equalTo(4));
        Api.patch(token, "/api/v1/tasks/" + id, null, "{\"title\": null}").statusCode(400)
                .body("errors[0].field", equalTo("title"));
        action(token, id, "complete", "\"4\"", null).statusCode(200).body("status", equalTo("done"))
                .body("completedBy", notNullValue());
        action(token, id, "snooze", null, "{\"minutes\": 5}").statusCode(409);
        Api.get(token, "/api/v1/tasks?view=unit&status=done").statusCode(403);
        Api.get(tenant.hqToken("manager"), "/api/v1/tasks?view=unit&status=done").statusCode(200)
                .body("items.title", equalTo(List.of("Offer")));
    }

    @Test
    void shouldPageByLastChangeForDeltaSync() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String first = Api.create(token, "/api/v1/tasks", task("one", inDays(3), null));
        Api.create(token, "/api/v1/tasks", task("two", inDays(1), null));
        Api.patch(token, "/api/v1/tasks/" + first, null, "{\"notes\": \"changed\"}").statusCode(200);

        Api.get(token, "/api/v1/tasks?updatedSince=2020-01-01T00:00:00Z").statusCode(200)
                .body("items.title", equalTo(List.of("two", "one")));
        String cursor = Api.get(token, "/api/v1/tasks?limit=1").statusCode(200).extract().path("nextCursor");
        Api.get(token, "/api/v1/tasks?updatedSince=2020-01-01T00:00:00Z&cursor=" + cursor).statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        Api.get(token, "/api/v1/tasks?updatedSince=yesterday").statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void shouldPublishCreatedDueAndCompletedEvents() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.unitToken("hamburg", "agent");
        try (Events.Reader events = Events.read("crm.contacts")) {
            String id = Api.create(token, "/api/v1/tasks", task("Due now", OffsetDateTime.now(ZoneOffset.UTC)
                    .plusSeconds(1), "\"priority\": \"urgent\""));

            JsonNode created = events.awaitOne(Events.of("crm.task.created.v1", "taskId", id));
            JsonNode due = events.awaitOne(Events.of("crm.task.due.v1", "taskId", id));
            action(token, id, "complete", null, null).statusCode(200);
            JsonNode completed = events.awaitOne(Events.of("crm.task.completed.v1", "taskId", id));

            assertThat(created.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(due.get("tenantid").asText()).isEqualTo(tenant.id());
            assertThat(due.get("unitid").asText()).isEqualTo(tenant.unit("hamburg"));
            assertThat(due.get("data").get("priority").asText()).isEqualTo("urgent");
            assertThat(due.get("data").get("title").asText()).isEqualTo("Due now");
            assertThat(completed.get("data").get("completedBy").asText()).isNotBlank();
        }
    }

    @Test
    void shouldCancelTheDueTimerOfACompletedTask() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = Api.create(token, "/api/v1/tasks", task("Never due", inDays(1), null));
        String timer = "select count(*) from scheduled_timer where kind = 'task.due' and timer_key = ?";
        try (Connection db = TestDatabase.superuser()) {
            assertThat(TestDatabase.count(db, timer, id)).isEqualTo(1);
            action(token, id, "complete", null, null).statusCode(200);
            assertThat(TestDatabase.count(db, timer, id)).isZero();
        }
    }
}
