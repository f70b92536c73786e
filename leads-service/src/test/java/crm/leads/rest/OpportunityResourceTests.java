package crm.leads.rest;

import static crm.leads.support.SalesApi.create;
import static crm.leads.support.SalesApi.get;
import static crm.leads.support.SalesApi.money;
import static crm.leads.support.SalesApi.patch;
import static crm.leads.support.SalesApi.post;
import static crm.leads.support.SalesApi.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import crm.leads.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class OpportunityResourceTests {

    @Test
    void shouldOpenAnOpportunityWithLinesPricedFromTheCatalogue() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("admin");
        String agent = tenant.unitToken("hamburg", "agent");
        product(hq, "EB-CARGO", "4799.00", "product");
        product(hq, "SV-CHECK", "89.00", "service");
        String contactId = UUID.randomUUID().toString();

        String location = post(agent, "/api/v1/opportunities", """
                {"name":" 12 cargo bikes ","expectedCloseOn":"2026-06-30","contactId":"%s",
                 "lines":[{"sku":"EB-CARGO","quantity":12,"discountPercent":8.5},
                          {"sku":"SV-CHECK","quantity":1.5,"unitPrice":80}]}""".formatted(contactId))
                .statusCode(201).header("ETag", "\"1\"").extract().header("Location");

        // 12 x 4,799.00 x 0.915 = 52,693.02; 1.5 x 80.00 = 120.00; together 52,813.02.
        get(agent, location).statusCode(200)
                .body("name", equalTo("12 cargo bikes"))
                .body("unitId", equalTo(tenant.unit("hamburg")))
                .body("stage", equalTo("qualification"))
                .body("probability", equalTo(10))
                .body("status", equalTo("open"))
                .body("currency", equalTo("EUR"))
                .body("ownerId", equalTo(Api.subject(agent)))
                .body("contactId", equalTo(contactId))
                .body("lines", hasSize(2))
                .body("lines[0].sku", equalTo("EB-CARGO"))
                .body("lines[0].name", equalTo("Item EB-CARGO"))
                .body("lines[0].kind", equalTo("product"))
                .body("lines[0].unitPrice", money("4799.00"))
                .body("lines[0].discountPercent", money("8.5"))
                .body("lines[0].lineTotal", money("52693.02"))
                .body("lines[1].kind", equalTo("service"))
                .body("lines[1].unitPrice", money("80.00"))
                .body("lines[1].lineTotal", money("120.00"))
                .body("amount", money("52813.02"));
        get(agent, location + "/history").statusCode(200).body("items", hasSize(1))
                .body("items[0].from", nullValue()).body("items[0].to", equalTo("qualification"))
                .body("items[0].amount", money("52813.02")).body("items[0].changedBy", equalTo(Api.subject(agent)));
    }

    @Test
    void shouldRecalculateTheAmountWhenLinesChangeAndHonourIfMatch() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        product(hq, "EB-1", "1000.00", "product");
        String path = "/api/v1/opportunities/" + create(hq, "/api/v1/opportunities",
                "{\"name\":\"Deal\",\"expectedCloseOn\":\"2026-06-30\",\"amount\":5000}");

        get(hq, path).statusCode(200).body("amount", money("5000.00")).body("lines", hasSize(0));
        patch(hq, path, "\"1\"", "{\"lines\":[{\"sku\":\"EB-1\",\"quantity\":3,\"discountPercent\":10}]}")
                .statusCode(200).header("ETag", "\"2\"").body("amount", money("2700.00"));
        patch(hq, path, "\"1\"", "{\"name\":\"Stale\"}").statusCode(412).contentType("application/problem+json");
        patch(hq, path, "\"2\"", "{\"lines\":[{\"sku\":\"EB-1\",\"quantity\":3,\"discountPercent\":10,\"unitPrice\":1000},"
                + "{\"sku\":\"EB-1\",\"quantity\":1}]}").statusCode(200).body("amount", money("3700.00"));
        patch(hq, path, null, "{\"amount\":1}").statusCode(400).body("errors[0].field", equalTo("amount"));
        patch(hq, path, null, "{\"lines\":[],\"amount\":4200}").statusCode(200).body("amount", money("4200.00"))
                .body("lines", hasSize(0));
        // A change of the list price does not reprice a line already on the deal.
        patch(hq, path, null, "{\"lines\":[{\"sku\":\"EB-1\",\"quantity\":2}],\"amount\":null}").statusCode(200)
                .body("amount", money("2000.00"));
        String productId = get(hq, "/api/v1/products?sku=EB-1").extract().path("items[0].id");
        patch(hq, "/api/v1/products/" + productId, null, "{\"listPrice\":1500}").statusCode(200);
        patch(hq, path, null, "{\"name\":\"Renamed\"}").statusCode(200).body("amount", money("2000.00"));
        patch(hq, path, null, "{\"stage\":\"proposal\"}").statusCode(400).body("errors[0].field", equalTo("stage"));
    }

    @Test
    void shouldNameInvalidOpportunityFieldsAndLines() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        product(hq, "EB-1", "1000.00", "product");
        create(hq, "/api/v1/products", "{\"sku\":\"CHF-1\",\"name\":\"Swiss\",\"kind\":\"product\",\"listPrice\":900,"
                + "\"currency\":\"CHF\"}");
        create(hq, "/api/v1/products", "{\"sku\":\"OLD-1\",\"name\":\"Old\",\"kind\":\"product\",\"listPrice\":9,"
                + "\"active\":false}");
        String base = "{\"name\":\"Deal\",\"expectedCloseOn\":\"2026-06-30\"";

        post(hq, "/api/v1/opportunities", "{\"name\":\"Deal\"}").statusCode(400)
                .body("errors[0].field", equalTo("expectedCloseOn"));
        post(hq, "/api/v1/opportunities", base + ",\"name\":\"\"}").statusCode(400).body("errors[0].field", equalTo("name"));
        post(hq, "/api/v1/opportunities", base + ",\"amount\":-1}").statusCode(400).body("errors[0].field", equalTo("amount"));
        post(hq, "/api/v1/opportunities", base + ",\"currency\":\"EURO\"}").statusCode(400)
                .body("errors[0].field", equalTo("currency"));
        post(hq, "/api/v1/opportunities", base + ",\"stage\":\"won\"}").statusCode(400).body("errors[0].field", equalTo("stage"));
        post(hq, "/api/v1/opportunities", base + ",\"stage\":\"dreaming\"}").statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        post(hq, "/api/v1/opportunities", base + ",\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]}").statusCode(400)
                .body("errors[0].field", equalTo("lines[0].sku"));
        post(hq, "/api/v1/opportunities", base + ",\"lines\":[{\"sku\":\"EB-1\",\"quantity\":1},{\"sku\":\"OLD-1\",\"quantity\":1}]}")
                .statusCode(400).body("errors[0].field", equalTo("lines[1].sku"));
        post(hq, "/api/v1/opportunities", base + ",\"lines\":[{\"sku\":\"CHF-1\",\"quantity\":1}]}").statusCode(400)
                .body("errors[0].field", equalTo("lines[0].unitPrice"));
        post(hq, "/api/v1/opportunities", base + ",\"lines\":[{\"sku\":\"EB-1\",\"quantity\":0}]}").statusCode(400)
                .body("errors[0].field", equalTo("lines[0].quantity"));
        post(hq, "/api/v1/opportunities", base + ",\"lines\":[{\"sku\":\"EB-1\",\"quantity\":1,\"discountPercent\":101}]}")
                .statusCode(400).body("errors[0].field", equalTo("lines[0].discountPercent"));
        post(hq, "/api/v1/opportunities", base + ",\"amount\":5,\"lines\":[{\"sku\":\"EB-1\",\"quantity\":1}]}")
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        post(hq, "/api/v1/opportunities", base + ",\"campaignId\":\"" + UUID.randomUUID() + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("campaignId"));
        post(hq, "/api/v1/opportunities", base + ",\"contactId\":\"not-a-uuid\"}").statusCode(400)
                .body("errors[0].field", equalTo("contactId"));
        post(hq, "/api/v1/opportunities", "{\"name\":\"Deal\",\"expectedCloseOn\":\"99999-01-01\"}").statusCode(400)
                .contentType("application/problem+json");
        // A CHF product priced explicitly may sit on a EUR deal.
        post(hq, "/api/v1/opportunities", base + ",\"lines\":[{\"sku\":\"CHF-1\",\"quantity\":1,\"unitPrice\":950}]}")
                .statusCode(201).body("amount", money("950.00"));
        get(hq, "/api/v1/opportunities?status=maybe").statusCode(400).body("errors[0].field", equalTo("status"));
        get(hq, "/api/v1/opportunities?contactId=x").statusCode(400).body("errors[0].field", equalTo("contactId"));
        get(hq, "/api/v1/opportunities?limit=500").statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldListOpportunitiesByStatusStageContactOwnerAndChangeTime() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String ana = tenant.hqToken("manager");
        String ben = tenant.hqToken("agent");
        String contact = UUID.randomUUID().toString();
        String first = create(ana, "/api/v1/opportunities", "{\"name\":\"A\",\"expectedCloseOn\":\"2026-06-30\","
                + "\"contactId\":\"" + contact + "\"}");
        String second = create(ben, "/api/v1/opportunities", "{\"name\":\"B\",\"expectedCloseOn\":\"2026-06-30\","
                + "\"stage\":\"proposal\"}");
        String third = create(ben, "/api/v1/opportunities", "{\"name\":\"C\",\"expectedCloseOn\":\"2026-06-30\"}");
        post(ben, "/api/v1/opportunities/" + third + "/lose", "{\"reason\":\"No budget\"}").statusCode(200);

        get(ana, "/api/v1/opportunities?status=open").statusCode(200).body("items.id", containsInAnyOrder(first, second));
        get(ana, "/api/v1/opportunities?status=lost").statusCode(200).body("items.id", contains(third));
        get(ana, "/api/v1/opportunities?stage=proposal").statusCode(200).body("items.id", contains(second));
        get(ana, "/api/v1/opportunities?contactId=" + contact).statusCode(200).body("items.id", contains(first));
        get(ana, "/api/v1/opportunities?ownerId=" + Api.subject(ben)).statusCode(200)
                .body("items.id", containsInAnyOrder(second, third));
        String cursor = get(ana, "/api/v1/opportunities?limit=2").statusCode(200).body("items.id", contains(first, second))
                .extract().path("nextCursor");
        get(ana, "/api/v1/opportunities?limit=2&cursor=" + cursor).statusCode(200).body("items.id", contains(third))
                .body("nextCursor", nullValue());
        String lostAt = get(ana, "/api/v1/opportunities/" + third).extract().path("updatedAt");
        get(ana, "/api/v1/opportunities?updatedSince=" + lostAt).statusCode(200).body("items.id", contains(third));
    }

    @Test
    void shouldKeepTenantsAndUnitsApartOnEveryOpportunityEndpoint() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String munich = tenant.unitToken("munich", "agent");
        String hamburg = tenant.unitToken("hamburg", "manager");
        String hq = tenant.hqToken("manager");
        String stranger = TestTenant.create(DevStack.shared()).hqToken("admin");
        String id = create(munich, "/api/v1/opportunities", "{\"name\":\"Bayern\",\"expectedCloseOn\":\"2026-06-30\"}");
        String path = "/api/v1/opportunities/" + id;

        for (String outsider : new String[] {hamburg, stranger}) {
            get(outsider, path).statusCode(404).contentType("application/problem+json");
            get(outsider, path + "/history").statusCode(404);
            patch(outsider, path, null, "{\"name\":\"X\"}").statusCode(404);
            post(outsider, path + "/stage", "{\"stage\":\"proposal\"}").statusCode(404);
            post(outsider, path + "/win", "{}").statusCode(404);
            post(outsider, path + "/lose", "{\"reason\":\"x\"}").statusCode(404);
            get(outsider, "/api/v1/opportunities").statusCode(200).body("items", hasSize(0));
        }
        get(hq, path).statusCode(200).body("unitId", equalTo(tenant.unit("munich")));
        get(hq, "/api/v1/opportunities").statusCode(200).body("items", hasSize(1));
        post(hamburg, "/api/v1/opportunities", "{\"name\":\"X\",\"expectedCloseOn\":\"2026-06-30\",\"unitId\":\""
                + tenant.unit("munich") + "\"}").statusCode(403);
        patch(munich, path, null, "{\"unitId\":\"" + tenant.unit("hamburg") + "\"}").statusCode(403);
        post(tenant.unitToken("munich", "integration"), "/api/v1/opportunities",
                "{\"name\":\"X\",\"expectedCloseOn\":\"2026-06-30\"}").statusCode(403);
        given().when().get(path).then().statusCode(401);

        // HQ moves the deal to Hamburg: its history moves with it.
        patch(hq, path, null, "{\"unitId\":\"" + tenant.unit("hamburg") + "\"}").statusCode(200);
        get(hamburg, path + "/history").statusCode(200).body("items", hasSize(1));
        get(munich, path).statusCode(404);
    }

    @Test
    void shouldAttributeOpportunitiesToCampaignsTheUnitCanSee() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("admin");
        String hamburg = tenant.unitToken("hamburg", "manager");
        String munich = tenant.unitToken("munich", "manager");
        String national = create(hq, "/api/v1/campaigns", "{\"name\":\"National\",\"channel\":\"website\",\"startsOn\":\"2026-01-01\"}");
        String munichOnly = create(munich, "/api/v1/campaigns", "{\"name\":\"Isar\",\"channel\":\"event\",\"startsOn\":\"2026-01-01\"}");

        String id = create(hamburg, "/api/v1/opportunities", "{\"name\":\"A\",\"expectedCloseOn\":\"2026-06-30\","
                + "\"campaignId\":\"" + national + "\"}");
        post(hamburg, "/api/v1/opportunities", "{\"name\":\"B\",\"expectedCloseOn\":\"2026-06-30\",\"campaignId\":\""
                + munichOnly + "\"}").statusCode(400).body("errors[0].field", equalTo("campaignId"));
        patch(hamburg, "/api/v1/opportunities/" + id, null, "{\"campaignId\":\"" + munichOnly + "\"}").statusCode(400)
                .body("errors[0].field", equalTo("campaignId"));
        get(hq, "/api/v1/opportunities?campaignId=" + national).statusCode(200).body("items.id", contains(id));
    }

    @Test
    void shouldReplayOpportunityCreationForTheSameIdempotencyKey() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("agent");
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Deal\",\"expectedCloseOn\":\"2026-06-30\",\"amount\":100}";

        String first = given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/opportunities").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        get(hq, "/api/v1/opportunities").statusCode(200).body("items", hasSize(1));
        get(hq, "/api/v1/opportunities/" + first + "/history").statusCode(200).body("items", hasSize(1))
                .body("items[0].changedAt", notNullValue());
    }
}
