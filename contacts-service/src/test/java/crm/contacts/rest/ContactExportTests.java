package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.importCsv;
import static crm.contacts.rest.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class ContactExportTests {

    private static String export(String token, String query) {
        return given().auth().oauth2(token).when().get("/api/v1/contacts/export" + query)
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
                .extract().asString();
    }

    @Test
    void shouldExportWhatTheSearchFindsInTheColumnsTheImportReads() {
        String admin = TestTenant.create(DevStack.shared()).hqToken("admin", "manager");
        post(admin, "/api/v1/contacts/fields", CustomFieldTests.FRAME_SIZE).statusCode(201);
        create(admin, "/api/v1/contacts", "{\"salutation\": \"Frau\", \"firstName\": \"Jana\", \"lastName\": \"Schulz, Dr.\","
                + " \"email\": \"jana@example.com\", \"phone\": \"040 5550101\", \"tags\": [\"vip\", \"e-bike\"],"
                + " \"addresses\": [{\"street\": \"Am \\\"Hafen\\\" 1\", \"postalCode\": \"20095\", \"city\": \"Hamburg\","
                + " \"country\": \"DE\"}], \"customFields\": {\"frame_size\": \"M\"}, \"lifecycleStage\": \"customer\"}");
        create(admin, "/api/v1/contacts", "{\"firstName\": \"=HYPERLINK(1)\", \"lastName\": \"Formel\"}");
        create(admin, "/api/v1/contacts", "{\"firstName\": \"Ole\", \"lastName\": \"Hansen\"}");

        List<String> lines = Arrays.asList(export(admin, "?sort=name").split("\r\n"));

        assertThat(lines.get(0)).isEqualTo("id,externalId,salutation,academicTitle,firstName,lastName,email,phone,"
                + "street,postalCode,city,country,companyId,lifecycleStage,ownerId,unitId,tags,source,createdAt,updatedAt,"
                + "cf.frame_size");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(",'=HYPERLINK(1),Formel,");
        assertThat(lines.get(3)).contains(",Frau,,Jana,\"Schulz, Dr.\",jana@example.com,+49405550101,"
                + "\"Am \"\"Hafen\"\" 1\",20095,Hamburg,DE,,customer,,,vip|e-bike,,").endsWith(",M");
        List<String> customers = Arrays.asList(export(admin, "?stage=customer&cf.frame_size=M").split("\r\n"));
        assertThat(customers).hasSize(2);
        assertThat(customers.get(1)).contains("Jana");
    }

    @Test
    void shouldImportAnExportUnchanged() {
        String admin = TestTenant.create(DevStack.shared()).hqToken("admin", "manager");
        post(admin, "/api/v1/contacts/fields", CustomFieldTests.BUDGET).statusCode(201);
        create(admin, "/api/v1/contacts", "{\"firstName\": \"Jana\", \"lastName\": \"Schulz\", \"email\": \"jana@example.com\","
                + " \"externalId\": \"shop-1\", \"tags\": [\"vip\"], \"customFields\": {\"budget\": 1999.5},"
                + " \"addresses\": [{\"city\": \"Köln\", \"country\": \"DE\"}]}");
        create(admin, "/api/v1/contacts", "{\"firstName\": \"-Minus\", \"lastName\": \"@At\", \"email\": \"minus@example.com\","
                + " \"phone\": \"+43 1 5551234\"}");

        importCsv(admin, export(admin, "")).statusCode(201)
                .body("rowsRead", equalTo(2)).body("unchanged", equalTo(2)).body("created", equalTo(0))
                .body("failed", equalTo(0));
    }

    @Test
    void shouldExportOnlyForManagersAndOnlyTheirScope() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        create(tenant.unitToken("munich", "agent"), "/api/v1/contacts", "{\"firstName\": \"Sepp\", \"lastName\": \"Huber\"}");

        assertThat(export(tenant.unitToken("hamburg", "manager"), "")).doesNotContain("Huber");
        assertThat(export(TestTenant.create(DevStack.shared()).hqToken("admin"), "")).doesNotContain("Huber");
        assertThat(export(tenant.hqToken("manager"), "")).contains("Huber");
        given().auth().oauth2(tenant.hqToken("agent")).when().get("/api/v1/contacts/export").then().statusCode(403);
        given().auth().oauth2(tenant.hqToken("manager")).queryParam("stage", "lead").when().get("/api/v1/contacts/export")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("stage"));
    }
}
