package crm.leads.rest;

import static crm.leads.support.SalesApi.create;
import static crm.leads.support.SalesApi.get;
import static crm.leads.support.SalesApi.money;
import static crm.leads.support.SalesApi.patch;
import static crm.leads.support.SalesApi.post;
import static crm.leads.support.SalesApi.product;
import static crm.leads.support.SalesApi.put;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class ProductResourceTests {

    private static final String CITY_BIKE = """
            {"sku":" EB-CITY-500 ","name":" City e-bike 500 Wh ","category":"e-bikes","kind":"product",
             "listPrice":2999,"currency":"eur"}""";

    @Test
    void shouldCreateReadListAndChangeProductsWithOptimisticLocking() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("manager");

        String location = post(hq, "/api/v1/products", CITY_BIKE).statusCode(201)
                .header("ETag", "\"1\"").extract().header("Location");
        get(hq, location).statusCode(200)
                .header("ETag", "\"1\"")
                .body("sku", equalTo("EB-CITY-500"))
                .body("name", equalTo("City e-bike 500 Wh"))
                .body("kind", equalTo("product"))
                .body("listPrice", money("2999.00"))
                .body("currency", equalTo("EUR"))
                .body("active", equalTo(true))
                .body("version", equalTo(1));

        patch(hq, location, "\"1\"", "{\"listPrice\":3199.5,\"category\":null}").statusCode(200)
                .header("ETag", "\"2\"").body("listPrice", money("3199.50")).body("category", nullValue())
                .body("name", equalTo("City e-bike 500 Wh"));
        put(hq, location, "\"1\"", "{\"sku\":\"EB-CITY-500\",\"name\":\"Stale\",\"kind\":\"product\",\"listPrice\":1}")
                .statusCode(412).contentType("application/problem+json");
        put(hq, location, "\"2\"", "{\"sku\":\"EB-CITY-500\",\"name\":\"City e-bike\",\"kind\":\"product\","
                + "\"listPrice\":2999,\"active\":false}").statusCode(200)
                .header("ETag", "\"3\"").body("active", equalTo(false)).body("currency", equalTo("EUR"));
        // An unchanged PUT is not a change: same version.
        put(hq, location, "\"3\"", "{\"sku\":\"EB-CITY-500\",\"name\":\"City e-bike\",\"kind\":\"product\","
                + "\"listPrice\":2999.00,\"active\":false}").statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void shouldFilterAndPageTheCatalogue() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        String bike = product(hq, "EB-1", "1999", "product");
        String service = create(hq, "/api/v1/products", "{\"sku\":\"SV-1\",\"name\":\"Inspection\",\"category\":\"service\","
                + "\"kind\":\"service\",\"listPrice\":89}");
        String retired = create(hq, "/api/v1/products", "{\"sku\":\"EB-OLD\",\"name\":\"Old bike\",\"kind\":\"product\","
                + "\"listPrice\":999,\"active\":false}");

        get(hq, "/api/v1/products?kind=service").statusCode(200).body("items.id", contains(service));
        get(hq, "/api/v1/products?active=false").statusCode(200).body("items.id", contains(retired));
        get(hq, "/api/v1/products?sku=EB-1").statusCode(200).body("items.id", contains(bike));
        get(hq, "/api/v1/products?category=service").statusCode(200).body("items.id", contains(service));
        String cursor = get(hq, "/api/v1/products?limit=2").statusCode(200).body("items", hasSize(2))
                .body("items[0].id", equalTo(bike)).extract().path("nextCursor");
        get(hq, "/api/v1/products?limit=2&cursor=" + cursor).statusCode(200).body("items.id", contains(retired))
                .body("nextCursor", nullValue());
        String changedAt = get(hq, "/api/v1/products/" + retired).extract().path("updatedAt");
        get(hq, "/api/v1/products?updatedSince=" + changedAt).statusCode(200).body("items.id", contains(retired));
    }

    @Test
    void shouldKeepSkusUniqueWithinATenantOnly() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        String other = TestTenant.create(DevStack.shared()).hqToken("admin");
        create(hq, "/api/v1/products", CITY_BIKE);
        String second = product(hq, "EB-2", "1999", "product");

        post(hq, "/api/v1/products", CITY_BIKE).statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sku"));
        patch(hq, "/api/v1/products/" + second, null, "{\"sku\":\"EB-CITY-500\"}").statusCode(409)
                .body("errors[0].field", equalTo("sku"));
        post(other, "/api/v1/products", CITY_BIKE).statusCode(201);
    }

    @Test
    void shouldLetEveryUnitReadTheCatalogueButOnlyHeadquartersChangeIt() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hq = tenant.hqToken("manager");
        String unitManager = tenant.unitToken("hamburg", "manager");
        String unitAgent = tenant.unitToken("hamburg", "agent");
        String hqAgent = tenant.hqToken("agent");
        String stranger = TestTenant.create(DevStack.shared()).hqToken("admin");
        String id = create(hq, "/api/v1/products", CITY_BIKE);
        String path = "/api/v1/products/" + id;

        get(unitAgent, path).statusCode(200).body("sku", equalTo("EB-CITY-500"));
        get(unitAgent, "/api/v1/products").statusCode(200).body("items", hasSize(1));
        post(unitManager, "/api/v1/products", "{\"sku\":\"X\",\"name\":\"X\",\"kind\":\"product\",\"listPrice\":1}")
                .statusCode(403).contentType("application/problem+json");
        patch(unitManager, path, null, "{\"listPrice\":1}").statusCode(403);
        put(unitManager, path, null, CITY_BIKE).statusCode(403);
        post(hqAgent, "/api/v1/products", CITY_BIKE).statusCode(403);
        patch(hqAgent, path, null, "{\"listPrice\":1}").statusCode(403);

        get(stranger, path).statusCode(404).contentType("application/problem+json");
        patch(stranger, path, null, "{\"listPrice\":1}").statusCode(404);
        put(stranger, path, null, CITY_BIKE).statusCode(404);
        get(stranger, "/api/v1/products").statusCode(200).body("items", hasSize(0));
        given().when().get(path).then().statusCode(401);
        get(hq, path).statusCode(200).body("listPrice", money("2999"));
    }

    @Test
    void shouldNameInvalidProductFields() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");

        post(hq, "/api/v1/products", "{\"sku\":\"\",\"name\":\"A\",\"kind\":\"product\",\"listPrice\":1}")
                .statusCode(400).body("errors[0].field", equalTo("sku"));
        post(hq, "/api/v1/products", "{\"sku\":\"A B\",\"name\":\"A\",\"kind\":\"product\",\"listPrice\":1}")
                .statusCode(400).body("errors[0].field", equalTo("sku"));
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"A\",\"kind\":\"thing\",\"listPrice\":1}")
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"A\",\"kind\":\"product\",\"listPrice\":-1}")
                .statusCode(400).body("errors[0].field", equalTo("listPrice"));
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"A\",\"kind\":\"product\",\"listPrice\":1.001}")
                .statusCode(400).body("errors[0].field", equalTo("listPrice"));
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"A\",\"kind\":\"product\",\"listPrice\":\"cheap\"}")
                .statusCode(400).body("errors[0].field", equalTo("listPrice"));
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"A\",\"kind\":\"product\",\"listPrice\":1,\"currency\":\"ZZZ\"}")
                .statusCode(400).body("errors[0].field", equalTo("currency"));
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"" + "x".repeat(201) + "\",\"kind\":\"product\",\"listPrice\":1}")
                .statusCode(400).body("errors[0].field", equalTo("name"));
        post(hq, "/api/v1/products", "{\"sku\":\"A\",").statusCode(400).contentType("application/problem+json");
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"A\\u0000B\",\"kind\":\"product\",\"listPrice\":1}")
                .statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(hq).queryParam("category", "a\u0000b").get("/api/v1/products").then()
                .statusCode(400).body("errors[0].field", equalTo("category"));
        given().auth().oauth2(hq).queryParam("updatedSince", "+99999-01-01T00:00:00Z").get("/api/v1/products").then()
                .statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        get(hq, "/api/v1/products?limit=201").statusCode(400).body("errors[0].field", equalTo("limit"));
        get(hq, "/api/v1/products?cursor=bm90LWEtY3Vyc29y").statusCode(400).body("errors[0].field", equalTo("cursor"));
        get(hq, "/api/v1/products?active=maybe").statusCode(400).body("errors[0].field", equalTo("active"));
        get(hq, "/api/v1/products?updatedSince=yesterday").statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        get(hq, "/api/v1/products/" + UUID.randomUUID()).statusCode(404);
        post(hq, "/api/v1/products", "{\"sku\":\"A\",\"name\":\"A\",\"kind\":\"service\",\"listPrice\":1,"
                + "\"id\":\"" + UUID.randomUUID() + "\",\"tenantId\":\"x\",\"version\":9}").statusCode(201)
                .body("version", equalTo(1)).body("id", notNullValue());
    }

    @Test
    void shouldReplayProductCreationForTheSameIdempotencyKey() {
        String hq = TestTenant.create(DevStack.shared()).hqToken("admin");
        String key = UUID.randomUUID().toString();

        String first = given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(CITY_BIKE).post("/api/v1/products").then().statusCode(201).extract().path("id");
        given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(CITY_BIKE).post("/api/v1/products").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(hq).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"sku\":\"OTHER\",\"name\":\"A\",\"kind\":\"service\",\"listPrice\":1}")
                .post("/api/v1/products").then().statusCode(422);
        get(hq, "/api/v1/products").statusCode(200).body("items", hasSize(1));
    }
}
