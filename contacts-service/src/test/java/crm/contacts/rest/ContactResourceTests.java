package crm.contacts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactResourceTests {

    static String create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void shouldCreateContactAndReadItBack() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        String location = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":\" Jana \",\"lastName\":\"Schulz\",\"email\":\"Jana.Schulz@Example.com\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201)
                .header("ETag", notNullValue())
                .extract().header("Location");

        given().auth().oauth2(token).when().get(location)
                .then().statusCode(200)
                .body("firstName", equalTo("Jana"))
                .body("email", equalTo("jana.schulz@example.com"))
                .body("version", equalTo(1));
    }

    @Test
    void shouldAnswer404ForAnotherTenantsContact() {
        String id = create(TestTenant.create(DevStack.shared()).hqToken("agent"),
                "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\"}");
        String otherTenant = TestTenant.create(DevStack.shared()).hqToken("admin");

        given().auth().oauth2(otherTenant).when().get("/api/v1/contacts/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldKeepUnitsApartWhileHeadquartersSeesAll() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent");
        String munich = tenant.unitToken("munich", "agent");
        String hq = tenant.hqToken("manager");
        String id = create(munich, "{\"firstName\":\"Sepp\",\"lastName\":\"Huber\"}");

        given().auth().oauth2(hamburg).when().get("/api/v1/contacts/" + id).then().statusCode(404);
        given().auth().oauth2(hq).when().get("/api/v1/contacts/" + id)
                .then().statusCode(200).body("unitId", equalTo(tenant.unit("munich")));
        given().auth().oauth2(hamburg).when().get("/api/v1/contacts")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldRefuseFranchiseeCreatingInAnotherUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent");

        given().auth().oauth2(hamburg).contentType(ContentType.JSON)
                .body("{\"firstName\":\"A\",\"lastName\":\"B\",\"unitId\":\"" + tenant.unit("munich") + "\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldIgnoreTenantAndIdsInTheBody() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":\"Mia\",\"lastName\":\"Wolf\",\"tenantId\":\"someone-else\","
                        + "\"id\":\"00000000-0000-0000-0000-000000000001\",\"version\":99}")
                .when().post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(token).when().get("/api/v1/contacts/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(TestTenant.create(DevStack.shared()).hqToken("agent"))
                .when().get("/api/v1/contacts/00000000-0000-0000-0000-000000000001").then().statusCode(404);
    }

    @Test
    void shouldRequireToken() {
        given().when().get("/api/v1/contacts")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void shouldRefuseTokenWithoutCrmRole() {
        String token = TestTenant.create(DevStack.shared()).hqToken();

        given().auth().oauth2(token).when().get("/api/v1/contacts")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldNameTheInvalidFields() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":\"\",\"lastName\":\"Schulz\",\"email\":\"not-an-email\"}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("email"));
    }

    @Test
    void shouldAnswerMalformedJsonWithProblem() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\": ")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\": [1,2]}")
                .when().post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("firstName"));
    }

    @Test
    void shouldPageWithCursorAndBoundPageSize() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        List<String> created = List.of(
                create(token, "{\"firstName\":\"A\",\"lastName\":\"One\"}"),
                create(token, "{\"firstName\":\"B\",\"lastName\":\"Two\"}"),
                create(token, "{\"firstName\":\"C\",\"lastName\":\"Three\"}"));

        String cursor = given().auth().oauth2(token).queryParam("limit", 2).when().get("/api/v1/contacts")
                .then().statusCode(200).body("items", hasSize(2)).body("items[0].id", equalTo(created.get(0)))
                .extract().path("nextCursor");
        given().auth().oauth2(token).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/contacts")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(created.get(2))).body("nextCursor", nullValue());

        given().auth().oauth2(token).queryParam("limit", 5000).when().get("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(token).queryParam("cursor", "not-a-cursor").when().get("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().auth().oauth2(token).queryParam("updatedSince", "yesterday").when().get("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void shouldServeHealthMetricsAndOpenApi() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("crm_outbox"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/contacts"));
    }
}
