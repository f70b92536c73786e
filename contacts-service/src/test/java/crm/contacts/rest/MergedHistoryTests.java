package crm.contacts.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A merge moves timeline, interactions, tasks, purchases and consents of the merged contacts to the survivor. */
@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class MergedHistoryTests {

    @Test
    void shouldMoveTheHistoryToTheSurvivorKeepingTheNewestConsentPerChannel() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("manager");
        String survivor = Api.create(token, "/api/v1/contacts?force=true", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\"}");
        String merged = Api.create(token, "/api/v1/contacts?force=true", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\"}");
        Api.post(token, "/api/v1/interactions", "{\"contactId\": \"" + survivor + "\", \"kind\": \"call\","
                + " \"occurredAt\": \"2026-11-01T09:00:00Z\", \"summary\": \"survivor's call\"}").statusCode(201);
        Api.post(token, "/api/v1/interactions", "{\"contactId\": \"" + merged + "\", \"kind\": \"email\","
                + " \"occurredAt\": \"2026-11-02T09:00:00Z\", \"summary\": \"merged one's mail\"}").statusCode(201);
        Api.post(token, "/api/v1/tasks", "{\"title\": \"follow up\", \"dueAt\": \""
                + OffsetDateTime.now(ZoneOffset.UTC).plusDays(2) + "\", \"contactId\": \"" + merged + "\"}").statusCode(201);
        Api.post(token, "/api/v1/purchases", "{\"externalOrderId\": \"M-1\", \"contactId\": \"" + merged + "\","
                + " \"purchasedAt\": \"2026-11-03T09:00:00Z\", \"channel\": \"online\", \"currency\": \"EUR\","
                + " \"lines\": [{\"sku\": \"BELL\", \"quantity\": 1, \"unitPrice\": 9.50}]}").statusCode(201);
        Api.put(token, "/api/v1/contacts/" + survivor + "/consents/email", null,
                "{\"status\": \"granted\", \"source\": \"old form\", \"changedAt\": \"2026-01-01T00:00:00Z\"}")
                .statusCode(200);
        Api.put(token, "/api/v1/contacts/" + merged + "/consents/email", null,
                "{\"status\": \"withdrawn\", \"source\": \"phone call\", \"changedAt\": \"2026-06-01T00:00:00Z\"}")
                .statusCode(200);
        Api.put(token, "/api/v1/contacts/" + merged + "/consents/post", null,
                "{\"status\": \"granted\", \"source\": \"letter\"}").statusCode(200);

        Api.post(token, "/api/v1/contacts/" + survivor + "/merge", "{\"mergeIds\": [\"" + merged + "\"]}")
                .statusCode(200);

        Api.get(token, "/api/v1/contacts/" + survivor + "/timeline?kind=call,email,purchase").statusCode(200)
                .body("items.kind", equalTo(List.of("purchase", "email", "call")))
                .body("items.contactId", equalTo(List.of(survivor, survivor, survivor)));
        Api.get(token, "/api/v1/contacts/" + survivor + "/consents").statusCode(200)
                .body("items[0].status", equalTo("withdrawn")).body("items[3].status", equalTo("granted"));
        Api.get(token, "/api/v1/purchases?contactId=" + survivor).statusCode(200).body("items", hasSize(1));
        Api.get(token, "/api/v1/tasks").statusCode(200).body("items[0].contactId", equalTo(survivor));
    }
}
