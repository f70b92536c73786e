package crm.contacts.rest;

import static crm.contacts.rest.Api.create;
import static crm.contacts.rest.Api.get;
import static crm.contacts.rest.Api.patch;
import static crm.contacts.rest.Api.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import crm.devstack.DevStack;
import crm.devstack.DevStackResource;
import crm.devstack.TestTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackResource.class, initArgs = @ResourceArg(name = "database", value = "contacts"))
class DuplicateContactTests {

    private static final String JANA = """
            {"firstName": "Jana", "lastName": "Schulz", "email": "jana.schulz@example.com", "phone": "040 5550101",
             "addresses": [{"postalCode": "20095", "city": "Hamburg", "country": "DE"}]}""";

    @Test
    void shouldRefuseALikelyDuplicateWith409ListingTheCandidates() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        String jana = create(token, "/api/v1/contacts", JANA);

        post(token, "/api/v1/contacts", "{\"firstName\": \"J.\", \"lastName\": \"S.\", \"email\": \"Jana.Schulz@Example.COM\"}")
                .statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("candidates.id", contains(jana))
                .body("candidates[0].firstName", equalTo("Jana"))
                .body("candidates[0].matchedOn", contains("email"));
        post(token, "/api/v1/contacts", "{\"firstName\": \"Jan\", \"lastName\": \"S\", \"phones\": [{\"number\": \"+49 40 555 01 01\"}]}")
                .statusCode(409).body("candidates[0].matchedOn", contains("phone"));
        post(token, "/api/v1/contacts", "{\"firstName\": \"jana\", \"lastName\": \"SCHULZ\","
                + " \"addresses\": [{\"postalCode\": \"20 095\", \"country\": \"DE\"}]}")
                .statusCode(409).body("candidates[0].matchedOn", contains("namePostalCode"));
        post(token, "/api/v1/contacts", JANA).statusCode(409)
                .body("candidates[0].matchedOn", containsInAnyOrder("email", "namePostalCode", "phone"));
    }

    @Test
    void shouldCreateTheDuplicateAnywayWhenForced() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        create(token, "/api/v1/contacts", JANA);

        post(token, "/api/v1/contacts?force=true", JANA).statusCode(201);
        post(token, "/api/v1/contacts?force=yes", JANA).statusCode(400).body("errors[0].field", equalTo("force"));
        get(token, "/api/v1/contacts").statusCode(200).body("items", hasSize(2));
    }

    @Test
    void shouldNotCallDifferentPeopleDuplicates() {
        String token = TestTenant.create(DevStack.shared()).hqToken("agent");
        create(token, "/api/v1/contacts", JANA);

        create(token, "/api/v1/contacts", "{\"firstName\": \"Jana\", \"lastName\": \"Schulz\"}");
        create(token, "/api/v1/contacts", "{\"firstName\": \"Jana\", \"lastName\": \"Schulz\","
                + " \"addresses\": [{\"postalCode\": \"80331\", \"country\": \"DE\"}]}");
        create(token, "/api/v1/contacts", "{\"firstName\": \"Jan\", \"lastName\": \"Schulz\","
                + " \"addresses\": [{\"postalCode\": \"20095\", \"country\": \"DE\"}]}");
    }

    @Test
    void shouldOnlyNameCandidatesTheCallerMaySee() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        create(tenant.unitToken("munich", "agent"), "/api/v1/contacts", JANA);

        post(tenant.unitToken("hamburg", "agent"), "/api/v1/contacts", JANA).statusCode(201);
        post(TestTenant.create(DevStack.shared()).hqToken("agent"), "/api/v1/contacts", JANA).statusCode(201);
        post(tenant.hqToken("agent"), "/api/v1/contacts", JANA).statusCode(409).body("candidates", hasSize(2));
    }

    @Test
    void shouldKeepExternalIdsUniquePerTenant() {
        TestTenant tenant = TestTenant.create(DevStack.shared());
        String token = tenant.hqToken("integration");
        String first = create(token, "/api/v1/contacts", "{\"firstName\": \"A\", \"lastName\": \"B\", \"externalId\": \"shop-1\"}");

        post(token, "/api/v1/contacts?force=true", "{\"firstName\": \"C\", \"lastName\": \"D\", \"externalId\": \"shop-1\"}")
                .statusCode(409).body("errors[0].field", equalTo("externalId"));
        post(token, "/api/v1/contacts", "{\"firstName\": \"C\", \"lastName\": \"D\", \"externalId\": \"shop-1\"}")
                .statusCode(409).body("candidates[0].id", equalTo(first)).body("candidates[0].matchedOn", contains("externalId"));
        String second = create(token, "/api/v1/contacts", "{\"firstName\": \"C\", \"lastName\": \"D\", \"externalId\": \"shop-2\"}");
        patch(token, "/api/v1/contacts/" + second, null, "{\"externalId\": \"shop-1\"}").statusCode(409)
                .body("errors[0].field", equalTo("externalId"));
        create(TestTenant.create(DevStack.shared()).hqToken("integration"), "/api/v1/contacts",
                "{\"firstName\": \"A\", \"lastName\": \"B\", \"externalId\": \"shop-1\"}");
    }
}
