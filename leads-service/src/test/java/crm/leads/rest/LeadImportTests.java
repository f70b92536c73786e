package crm.leads.rest;

import static crm.leads.support.Api.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "leads"))
class LeadImportTests {

    static final String FAIR_LIST = """
            Anrede;Vorname;Nachname;E-Mail;Telefon;Firma;PLZ;Ort;Produkte
            Frau;Jana;Schulz;jana.schulz@example.com;0170 1234567;Velo Logistik GmbH;20095;Hamburg;EB-CARGO-500
            Herr;Ole;Hansen;;040 5550102;;22767;Hamburg;EB-TOUR-300|EB-CARGO-500
            ;Nobody;Reachable;;;;20095;Hamburg;
            Sir;Bad;Salutation;bad@example.com;;;;;
            "Frau";"Eva";"Kraft; Jr.";eva@example.com;;"Kraft ""Räder"" AG";80331;München;
            """;

    static ValidatableResponse upload(String token, String query, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv)
                .when().post("/api/v1/leads/imports" + query).then();
    }

    @Test
    void shouldImportValidRowsAndListTheOthersWithTheirRowNumbers() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");

        String location = upload(token, "", FAIR_LIST).statusCode(201)
                .body("status", equalTo("completed")).body("channel", equalTo("trade_fair"))
                .body("totalRows", equalTo(5)).body("created", equalTo(3)).body("attached", equalTo(0))
                .body("failed", equalTo(2))
                .body("errors.row", equalTo(List.of(4, 5)))
                .body("errors.field", equalTo(List.of("email", "salutation")))
                .extract().header("Location");

        get(token, location).statusCode(200).body("created", equalTo(3));
        get(token, "/api/v1/leads?channel=trade_fair").statusCode(200).body("items", hasSize(3))
                .body("items.lastName", hasItem("Kraft; Jr.")).body("items.companyName", hasItem("Kraft \"Räder\" AG"));
    }

    @Test
    void shouldNotDoubleAListImportedTwice() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("agent");
        upload(token, "?channel=event", FAIR_LIST).statusCode(201);

        upload(token, "?channel=event", FAIR_LIST).statusCode(201).body("created", equalTo(0)).body("attached", equalTo(3));

        get(token, "/api/v1/leads").statusCode(200).body("items", hasSize(3));
    }

    @Test
    void shouldPlaceAFranchiseesImportInTheirUnit() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String hamburg = tenant.unitToken("hamburg", "agent");

        String location = upload(hamburg, "", "lastName,email\nHansen,ole@example.com\n").statusCode(201)
                .body("created", equalTo(1)).extract().header("Location");

        get(hamburg, "/api/v1/leads").statusCode(200).body("items[0].unitId", equalTo(tenant.unit("hamburg")));
        get(tenant.unitToken("munich", "agent"), location).statusCode(404);
        get(TestTenant.create(DevStack.shared()).hqToken("agent"), location).statusCode(404);
        upload(hamburg, "?unitId=" + tenant.unit("munich"), "lastName,email\nA,a@example.com\n").statusCode(403);
    }

    @Test
    void shouldRefuseFilesAndParametersItCannotUse() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");

        upload(token, "", "").statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("body"));
        upload(token, "", "firstName,city\nJana,Hamburg\n").statusCode(400).body("errors.field", hasItem("header"));
        upload(token, "?channel=fax", "lastName,email\nA,a@example.com\n").statusCode(400)
                .body("errors.field", hasItem("channel"));
        upload(token, "?campaignId=nope", "lastName,email\nA,a@example.com\n").statusCode(400)
                .body("errors.field", hasItem("campaignId"));
        upload(token, "", "lastName,email\n\"A,a@example.com\n").statusCode(201).body("created", equalTo(0))
                .body("errors[0].message", containsString("quoted field is not closed"));
        given().auth().oauth2(token).contentType("application/json").body("{}").when().post("/api/v1/leads/imports")
                .then().statusCode(415).contentType("application/problem+json");
        upload(TestTenant.create(DevStack.shared()).hqToken("integration"), "", "lastName,email\nA,a@example.com\n")
                .statusCode(403);
        get(token, "/api/v1/leads").statusCode(200).body("items", hasSize(0));
    }
}
