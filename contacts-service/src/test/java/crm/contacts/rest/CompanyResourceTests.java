package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.get;
import static crm.contacts.rest.Api.patch;
import static crm.contacts.rest.Api.post;
import static crm.contacts.rest.Api.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class CompanyResourceTests {

    private static final String VELO = """
            {"name": " Velo Logistik GmbH ", "domain": "Velo-Logistik.DE", "industry": "Logistics", "size": "50-249",
             "address": {"street": "Am Sandtorkai 1", "postalCode": "20457", "city": "Hamburg", "country": "de"}}""";

    @Test
    void shouldCreateReadAndListCompanies() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        String location = post(token, "/api/v1/companies", VELO).statusCode(201)
                .header("ETag", "\"1\"").extract().header("Location");

        get(token, location).statusCode(200)
                .body("name", equalTo("Velo Logistik GmbH"))
                .body("domain", equalTo("velo-logistik.de"))
                .body("size", equalTo("50-249"))
                .body("address.country", equalTo("DE"))
                .body("version", equalTo(1));
        get(token, "/api/v1/companies").statusCode(200).body("items", hasSize(1));
    }

    @Test
    void shouldUpdateCompaniesWithOptimisticLocking() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String path = "/api/v1/companies/" + create(token, "/api/v1/companies", VELO);

        patch(token, path, "\"1\"", "{\"size\":\"250-999\",\"industry\":null}").statusCode(200)
                .header("ETag", "\"2\"").body("size", equalTo("250-999")).body("name", equalTo("Velo Logistik GmbH"));
        put(token, path, "\"1\"", "{\"name\":\"Stale\"}").statusCode(412).contentType("application/problem+json");
        put(token, path, "\"2\"", "{\"name\":\"Velo Logistik SE\"}").statusCode(200)
                .header("ETag", "\"3\"").body("domain", equalTo(null));
    }

    @Test
    void shouldRefuseParentsThatWouldCloseACycle() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String holding = create(token, "/api/v1/companies", "{\"name\":\"Holding\"}");
        String subsidiary = create(token, "/api/v1/companies", "{\"name\":\"Tochter\",\"parentCompanyId\":\"" + holding + "\"}");
        String grandchild = create(token, "/api/v1/companies", "{\"name\":\"Enkel\",\"parentCompanyId\":\"" + subsidiary + "\"}");

        patch(token, "/api/v1/companies/" + holding, null, "{\"parentCompanyId\":\"" + grandchild + "\"}")
                .statusCode(400).body("errors[0].field", equalTo("parentCompanyId"));
        patch(token, "/api/v1/companies/" + holding, null, "{\"parentCompanyId\":\"" + holding + "\"}")
                .statusCode(400).body("errors[0].field", equalTo("parentCompanyId"));
        patch(token, "/api/v1/companies/" + grandchild, null, "{\"parentCompanyId\":\"" + holding + "\"}")
                .statusCode(200).body("parentCompanyId", equalTo(holding));
    }

    @Test
    void shouldListTheContactsOfACompany() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String company = create(token, "/api/v1/companies", VELO);
        String jana = create(token, "/api/v1/contacts", "{\"firstName\":\"Jana\",\"lastName\":\"Schulz\",\"companyId\":\"" + company + "\"}");
        create(token, "/api/v1/contacts", "{\"firstName\":\"Ole\",\"lastName\":\"Hansen\"}");

        get(token, "/api/v1/companies/" + company + "/contacts").statusCode(200)
                .body("items.id", contains(jana)).body("items[0].companyId", equalTo(company));
    }

    @Test
    void shouldKeepTenantsAndUnitsApartOnEveryCompanyEndpoint() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String munich = tenant.unitToken("munich", "agent");
        String hamburg = tenant.unitToken("hamburg", "agent");
        String hq = tenant.hqToken("manager");
        String stranger = TestTenant.create(DevStack.shared()).hqToken("admin");
        String id = create(munich, "/api/v1/companies", "{\"name\":\"Bayern Rad\"}");
        String path = "/api/v1/companies/" + id;

        for (String outsider : new String[] {stranger, hamburg}) {
            get(outsider, path).statusCode(404).contentType("application/problem+json");
            get(outsider, path + "/contacts").statusCode(404);
            put(outsider, path, null, "{\"name\":\"X\"}").statusCode(404);
            patch(outsider, path, null, "{\"name\":\"X\"}").statusCode(404);
            post(outsider, "/api/v1/companies", "{\"name\":\"Child\",\"parentCompanyId\":\"" + id + "\"}")
                    .statusCode(400).body("errors[0].field", equalTo("parentCompanyId"));
        }
        get(hamburg, "/api/v1/companies").statusCode(200).body("items", hasSize(0));
        get(hq, path).statusCode(200).body("unitId", equalTo(tenant.unit("munich")));
        get(hq, "/api/v1/companies").statusCode(200).body("items", hasSize(1));
        post(hamburg, "/api/v1/companies", "{\"name\":\"X\",\"unitId\":\"" + tenant.unit("munich") + "\"}").statusCode(403);
    }

    @Test
    void shouldListOnlyCompaniesChangedSinceTheGivenInstantForDeltaSync() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String older = create(token, "/api/v1/companies", "{\"name\":\"Alt GmbH\"}");
        String newer = create(token, "/api/v1/companies", "{\"name\":\"Neu GmbH\"}");
        String changedAt = patch(token, "/api/v1/companies/" + older, null, "{\"industry\":\"Retail\"}").statusCode(200)
                .extract().path("updatedAt");

        io.restassured.RestAssured.given().auth().oauth2(token).queryParam("updatedSince", changedAt)
                .when().get("/api/v1/companies").then().statusCode(200).body("items.id", contains(older));
        get(token, "/api/v1/companies").statusCode(200).body("items.id", contains(newer, older));
    }

    @Test
    void shouldNameInvalidCompanyFields() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        post(token, "/api/v1/companies", "{\"name\":\"\"}").statusCode(400).body("errors[0].field", equalTo("name"));
        post(token, "/api/v1/companies", "{\"name\":\"A\",\"domain\":\"not a domain\"}").statusCode(400)
                .body("errors[0].field", equalTo("domain"));
        post(token, "/api/v1/companies", "{\"name\":\"A\",\"size\":\"huge\"}").statusCode(400)
                .body("errors[0].field", equalTo("size"));
        post(token, "/api/v1/companies", "{\"name\":\"A\",\"address\":{\"country\":\"ZZ\"}}").statusCode(400)
                .body("errors[0].field", equalTo("address.country"));
        post(token, "/api/v1/companies", "{\"name\":\"A\",\"tenantId\":\"x\",\"version\":9}").statusCode(201)
                .body("version", equalTo(1)).body("id", notNullValue());
    }
}
