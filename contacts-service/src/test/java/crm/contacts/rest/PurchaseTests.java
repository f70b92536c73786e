package crm.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import crm.contacts.support.Events;
import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class PurchaseTests {

    static final String HEADER = "external_order_id,contact_id,contact_email,sku,quantity,unit_price,currency,"
            + "purchased_at,channel,unit_id\n";

    static String order(String orderId, String contactId) {
        return """
                {"externalOrderId": "%s", "contactId": "%s", "purchasedAt": "2026-11-27T10:15:30Z", "channel": "online",
                 "currency": "EUR", "lines": [{"sku": "EB-CITY-500", "quantity": 1, "unitPrice": 2499.00},
                                              {"sku": "HELMET-M", "quantity": 2, "unitPrice": 79.90}]}"""
                .formatted(orderId, contactId);
    }

    static ValidatableResponse bulk(String token, String contentType, String body) {
        // As bytes: RestAssured has no encoder of its own for NDJSON.
        return given().auth().oauth2(token).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/purchases/bulk").then();
    }

    @Test
    void shouldRecordAPurchaseWithComputedTotalsOnce() {
        String token = TestTenant.create(DevStack.shared()).hqToken("integration");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\"}");

        String id = Api.post(token, "/api/v1/purchases", order("SHOP-1", contact)).statusCode(201)
                .body("total", equalTo(2658.80f))
                .body("lines[1].lineTotal", equalTo(159.80f))
                .body("lines", hasSize(2))
                .extract().path("id");
        Api.post(token, "/api/v1/purchases", order("SHOP-1", contact)).statusCode(200).body("id", equalTo(id));

        Api.get(token, "/api/v1/purchases?contactId=" + contact).statusCode(200).body("items", hasSize(1))
                .body("items[0].externalOrderId", equalTo("SHOP-1"));
        Api.get(token, "/api/v1/purchases/" + id).statusCode(200).body("currency", equalTo("EUR"));
        Api.get(TestTenant.create(DevStack.shared()).hqToken("agent"), "/api/v1/contacts/" + contact + "/timeline")
                .statusCode(404);
        Api.get(token, "/api/v1/contacts/" + contact + "/timeline").statusCode(200)
                .body("items[0].kind", equalTo("purchase")).body("items[0].purchaseId", equalTo(id));
    }

    @Test
    void shouldFindTheBuyerByEmailAndRefuseAnUnknownOne() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String contact = Api.create(token, "/api/v1/contacts",
                "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\",\"email\":\"ole@example.com\"}");
        String byEmail = order("POS-7", contact).replace("\"contactId\": \"" + contact + "\"",
                "\"contactEmail\": \"OLE@example.com\"");

        Api.post(token, "/api/v1/purchases", byEmail).statusCode(201).body("contactId", equalTo(contact));
        Api.post(token, "/api/v1/purchases", byEmail.replace("POS-7", "POS-8").replace("OLE@", "nobody@"))
                .statusCode(400).body("errors[0].field", equalTo("contactEmail"));
        Api.post(token, "/api/v1/purchases", order("POS-9", contact).replace("EUR", "XYZ")).statusCode(400)
                .body("errors[0].field", equalTo("currency"));
        Api.post(token, "/api/v1/purchases", order("POS-9", contact).replace("\"quantity\": 1", "\"quantity\": 0"))
                .statusCode(400).body("errors[0].field", equalTo("lines[0].quantity"));
    }

    @Test
    void shouldRecordCsvOrdersReportingDuplicatesAndBadRowsPerLine() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("integration");
        String jana = Api.create(token, "/api/v1/contacts",
                "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\",\"email\":\"jana@example.com\"}");
        String ole = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\"}");
        Api.post(token, "/api/v1/purchases", order("KNOWN-1", ole)).statusCode(201);
        String unit = tenant.unit("hamburg");
        String csv = HEADER
                + "A-1,," + "jana@example.com,EB-CITY-500,1,2499.00,EUR,2026-11-27T10:15:30Z,in_store," + unit + "\n"
                + "A-1,,jana@example.com,HELMET-M,2,79.90,EUR,2026-11-27T10:15:30Z,in_store," + unit + "\n"
                + "A-2," + ole + ",,\"LOCK, XL\",1,49.00,EUR,2026-11-28T10:00:00Z,online,\n"
                + "A-3," + ole + ",,LOCK-XL,1,4x.00,EUR,2026-11-28T10:00:00Z,online,\n"
                + "A-4,,ghost@example.com,LOCK-XL,1,49.00,EUR,2026-11-28T10:00:00Z,online,\n"
                + "KNOWN-1," + ole + ",,LOCK-XL,1,49.00,EUR,2026-11-28T10:00:00Z,online,\n"
                + "\n"
                + "A-5," + ole + ",,BELL,3,9.50,EUR,2026-11-29T10:00:00Z,teleport,\n"
                + "A-2," + ole + ",,LOCK-XL,1,49.00,EUR,2026-11-28T10:00:00Z,online,\n";

        bulk(token, "text/csv", csv).statusCode(200)
                .body("rows", equalTo(8))
                .body("received", equalTo(7))
                .body("created", equalTo(2))
                .body("duplicates", equalTo(2))
                .body("failed", equalTo(3))
                .body("errors.line", equalTo(List.of(5, 6, 9)))
                .body("errors.field", equalTo(List.of("unit_price", "contact_email", "channel")));

        Api.get(token, "/api/v1/purchases?contactId=" + jana).statusCode(200)
                .body("items[0].externalOrderId", equalTo("A-1"))
                .body("items[0].lines.sku", equalTo(List.of("EB-CITY-500", "HELMET-M")))
                .body("items[0].total", equalTo(2658.80f))
                .body("items[0].sellingUnitId", equalTo(unit));
        Api.get(token, "/api/v1/purchases?contactId=" + ole).statusCode(200)
                .body("items.externalOrderId", equalTo(List.of("A-2", "KNOWN-1")))
                .body("items[0].lines[0].sku", equalTo("LOCK, XL"));
    }

    @Test
    void shouldRecordNdjsonOrdersAndRefuseACsvWithoutHeader() {
        String token = TestTenant.create(DevStack.shared()).hqToken("integration");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Eva\",\"lastName\":\"Kraft\"}");
        String ndjson = order("N-1", contact).replace("\n", " ") + "\n"
                + "{not json\n"
                + order("N-2", contact).replace("\n", " ").replace("\"quantity\": 2", "\"quantity\": \"two\"") + "\n"
                + order("N-3", contact).replace("\n", " ") + "\n"
                + order("N-1", contact).replace("\n", " ") + "\n";

        bulk(token, "application/x-ndjson", ndjson).statusCode(200)
                .body("received", equalTo(5)).body("created", equalTo(2)).body("duplicates", equalTo(1))
                .body("failed", equalTo(2))
                .body("errors.line", equalTo(List.of(2, 3)))
                .body("errors[1].field", equalTo("lines[1].quantity"));
        bulk(token, "text/csv", "order,who\nA,b\n").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void shouldKeepFranchiseesToTheirOwnUnitAndContacts() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent");
        String munichContact = Api.create(tenant.unitToken("munich", "agent"), "/api/v1/contacts",
                "{\"firstName\":\"Sepp\",\"lastName\":\"Huber\"}");
        String ownContact = Api.create(hamburg, "/api/v1/contacts", "{\"firstName\":\"Kai\",\"lastName\":\"Berg\"}");

        Api.post(hamburg, "/api/v1/purchases", order("F-1", munichContact)).statusCode(400)
                .body("errors[0].field", equalTo("contactId"));
        Api.post(hamburg, "/api/v1/purchases", order("F-2", ownContact).replace("\"currency\"",
                "\"unitId\": \"" + tenant.unit("munich") + "\", \"currency\"")).statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        String id = Api.post(hamburg, "/api/v1/purchases", order("F-3", ownContact)).statusCode(201)
                .body("sellingUnitId", equalTo(tenant.unit("hamburg"))).extract().path("id");
        Api.get(tenant.unitToken("munich", "agent"), "/api/v1/purchases/" + id).statusCode(404);
        Api.get(tenant.unitToken("munich", "agent"), "/api/v1/purchases").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldPublishTheRecordedPurchaseForAnalytics() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("integration");
        String contact = Api.create(token, "/api/v1/contacts", "{\"firstName\":\"Ada\",\"lastName\":\"Lang\"}");
        try (Events.Reader events = Events.read("crm.contacts")) {
            String id = Api.post(token, "/api/v1/purchases", order("EV-1", contact).replace("\"currency\"",
                    "\"unitId\": \"" + tenant.unit("berlin") + "\", \"currency\"")).statusCode(201).extract().path("id");

            JsonNode event = events.awaitOne(Events.of("crm.purchase.recorded.v1", "purchaseId", id));

            assertThat(event.get("subject").asText()).isEqualTo(contact);
            assertThat(event.get("unitid").asText()).isEqualTo(tenant.unit("berlin"));
            JsonNode data = event.get("data");
            assertThat(data.get("total").decimalValue()).isEqualByComparingTo("2658.80");
            assertThat(data.get("lines")).hasSize(2);
            assertThat(data.get("lines").get(1).get("lineTotal").decimalValue()).isEqualByComparingTo("159.80");
            assertThat(data.get("externalOrderId").asText()).isEqualTo("EV-1");
            assertThat(Map.of("channel", data.get("channel").asText())).containsEntry("channel", "online");
        }
    }
}
