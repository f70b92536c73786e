package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.etag;
import static crm.contacts.rest.Api.get;
import static crm.contacts.rest.Api.patch;
import static crm.contacts.rest.Api.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactUpdateTests {

    private static final String JANA = "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\",\"email\":\"jana@example.com\","
            + "\"tags\":[\"vip\"],\"academicTitle\":\"Dr.\"}";

    @Test
    void shouldReplaceAllSettableFieldsAndReturnTheNewETag() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts", JANA);
        String path = "/api/v1/contacts/" + id;

        String newTag = put(token, path, etag(token, path), "{\"firstName\":\"Jana\",\"lastName\":\"Schulz-Berg\","
                + "\"lifecycleStage\":\"customer\"}")
                .statusCode(200)
                .body("lastName", equalTo("Schulz-Berg"))
                .body("lifecycleStage", equalTo("customer"))
                .body("email", nullValue())
                .body("academicTitle", nullValue())
                .body("version", equalTo(2))
                .extract().header("ETag");

        assertThat(newTag).isEqualTo("\"2\"");
        get(token, path).statusCode(200).header("ETag", "\"2\"").body("tags", empty());
    }

    @Test
    void shouldMergePatchOnlyTheFieldsSentAndClearNulls() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts", JANA);
        String path = "/api/v1/contacts/" + id;

        patch(token, path, "\"1\"", "{\"lifecycleStage\":\"customer\",\"academicTitle\":null,\"tags\":[\"VIP\",\"Stammkunde\"]}")
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("firstName", equalTo("Jana"))
                .body("email", equalTo("jana@example.com"))
                .body("lifecycleStage", equalTo("customer"))
                .body("academicTitle", nullValue())
                .body("tags", contains("vip", "stammkunde"));
        patch(token, path, "\"2\"", "{\"email\":\"jana.neu@example.com\"}")
                .statusCode(200)
                .body("email", equalTo("jana.neu@example.com"))
                .body("emails.address", contains("jana.neu@example.com", "jana@example.com"));
    }

    @Test
    void shouldRefuseAStaleIfMatchWith412() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts", JANA);
        String path = "/api/v1/contacts/" + id;
        patch(token, path, "\"1\"", "{\"lastName\":\"Berg\"}").statusCode(200);

        patch(token, path, "\"1\"", "{\"lastName\":\"Stale\"}")
                .statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        put(token, path, "W/\"1\"", JANA).statusCode(412).contentType("application/problem+json");
        put(token, path, "\"garbage\"", JANA).statusCode(412);
        get(token, path).statusCode(200).body("lastName", equalTo("Berg")).body("version", equalTo(2));
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentPatchesWithTheSameIfMatchWin() throws Exception {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts", JANA);
        String path = "/api/v1/contacts/" + id;
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<Integer>> racers = List.of("Alpha", "Beta").stream()
                .map(name -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return patch(token, path, "\"1\"", "{\"lastName\":\"" + name + "\"}").extract().statusCode();
                }))
                .toList();
        start.countDown();
        List<Integer> statuses = racers.stream().map(f -> f.orTimeout(60, TimeUnit.SECONDS).join()).sorted().toList();

        assertThat(statuses).containsExactly(200, 412);
        get(token, path).statusCode(200).body("version", equalTo(2)).body("lastName", not(equalTo("Schulz")));
    }

    @Test
    void shouldIgnoreTenantIdVersionAndTimestampsInUpdates() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String id = create(token, "/api/v1/contacts", JANA);
        String path = "/api/v1/contacts/" + id;
        String createdAt = get(token, path).extract().path("createdAt");

        patch(token, path, "\"1\"", "{\"lastName\":\"Berg\",\"tenantId\":\"other\",\"id\":\"00000000-0000-0000-0000-000000000002\","
                + "\"version\":77,\"createdAt\":\"2000-01-01T00:00:00Z\",\"createdBy\":\"mallory\"}")
                .statusCode(200).body("id", equalTo(id)).body("version", equalTo(2)).body("createdAt", equalTo(createdAt));
        put(token, path, "\"2\"", "{\"firstName\":\"Jana\",\"lastName\":\"Berg\",\"tenantId\":\"other\",\"version\":5}")
                .statusCode(200).body("id", equalTo(id)).body("version", equalTo(3));
        get(token, path).statusCode(200).body("createdAt", equalTo(createdAt)).body("createdBy", not(equalTo("mallory")));
    }

    @Test
    void shouldAnswer404ForUpdatesOfAnotherTenantsOrUnitsContact() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String munich = tenant.unitToken("munich", "agent");
        String hamburg = tenant.unitToken("hamburg", "agent");
        String hq = tenant.hqToken("manager");
        String stranger = TestTenant.create(DevStack.shared()).hqToken("admin");
        String id = create(munich, "/api/v1/contacts", JANA);
        String path = "/api/v1/contacts/" + id;

        put(stranger, path, null, JANA).statusCode(404).contentType("application/problem+json");
        patch(stranger, path, null, "{\"lastName\":\"X\"}").statusCode(404);
        put(hamburg, path, null, JANA).statusCode(404);
        patch(hamburg, path, null, "{\"lastName\":\"X\"}").statusCode(404);
        patch(hq, path, "\"1\"", "{\"lastName\":\"Hq\"}").statusCode(200).body("unitId", equalTo(tenant.unit("munich")));
        patch(munich, path, null, "{\"unitId\":\"" + tenant.unit("hamburg") + "\"}").statusCode(403);
    }

    @Test
    void shouldValidatePatchedAndReplacedContactsLikeNewOnes() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String id = create(token, "/api/v1/contacts", JANA);
        String path = "/api/v1/contacts/" + id;

        patch(token, path, null, "{\"lastName\":null}").statusCode(400).body("errors[0].field", equalTo("lastName"));
        patch(token, path, null, "{\"phones\":[{\"number\":\"nope\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("phones[0].number"));
        patch(token, path, null, "[1,2]").statusCode(400).contentType("application/problem+json");
        put(token, path, null, "{\"lastName\":\"Only\"}").statusCode(400).body("errors[0].field", equalTo("firstName"));
        get(token, path).statusCode(200).body("version", equalTo(1));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
